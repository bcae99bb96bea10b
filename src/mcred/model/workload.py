"""Annex I notional workload, in ECTS wherever possible, and EQF/QF-EHEA level."""

from __future__ import annotations

from pydantic import Field

from mcred.model.base import FormatModel
from mcred.model.vocab import QfEheaCycle


class OtherCredits(FormatModel):
    """Credits in a system other than ECTS, when ECTS is not possible."""

    system: str | None = Field(None, description="Name of the credit system.", examples=["CATS"])
    value: float | None = Field(None, ge=0, description="Credits in that system.")


class Workload(FormatModel):
    """Notional learning time: ECTS credits and the hours behind them."""

    ects: float | None = Field(None, ge=0, le=240, description="ECTS credits.", examples=[5])
    hours_total: float | None = Field(None, ge=0, le=100_000,
                                      description="All learning hours (contact, self-study, "
                                      "assessment).", examples=[135])
    hours_contact: float | None = Field(None, ge=0, le=100_000,
                                        description="Scheduled teaching hours.")
    hours_self_study: float | None = Field(None, ge=0, le=100_000,
                                           description="Independent study hours.")
    hours_assessment: float | None = Field(None, ge=0, le=100_000,
                                           description="Hours spent on assessment.")
    duration_weeks: float | None = Field(None, gt=0, le=520,
                                         description="Length of the offer in weeks.")
    hours_per_ects: float | None = Field(None, gt=0, le=100,
                                         description="The provider's own hours-per-credit "
                                         "convention (e.g. 28 in the Netherlands).")
    other_credits: OtherCredits | None = Field(None, description="Credits in another system.")


class Level(FormatModel):
    """Level of the learning (Annex I: level, if applicable)."""

    eqf: int | None = Field(None, ge=1, le=8, description="EQF level, 1–8.", examples=[6])
    qf_ehea_cycle: QfEheaCycle | None = Field(None, description="QF-EHEA cycle.")
    nqf: str | None = Field(None, description="National qualifications framework level.")
