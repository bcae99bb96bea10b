"""Annex I notional workload, in ECTS wherever possible, and EQF/QF-EHEA level."""

from __future__ import annotations

from pydantic import Field

from mcred.model.base import FormatModel
from mcred.model.vocab import QfEheaCycle


class OtherCredits(FormatModel):
    """Credits in a system other than ECTS, when ECTS is not possible."""

    system: str | None = Field(None, title="Credit system",
                               description="Name of the credit system.", examples=["CATS"])
    value: float | None = Field(None, ge=0, title="Credits",
                                description="Credits in that system.", examples=[10])


class Workload(FormatModel):
    """Notional learning time: ECTS credits and the hours behind them."""

    ects: float | None = Field(None, ge=0, le=240, title="ECTS credits",
                               description="ECTS credits.", examples=[5])
    hours_total: float | None = Field(None, ge=0, le=100_000, title="Total hours",
                                      description="All learning hours (contact, self-study, "
                                      "assessment).", examples=[135])
    hours_contact: float | None = Field(None, ge=0, le=100_000, title="Contact hours",
                                        description="Scheduled teaching hours.", examples=[30])
    hours_self_study: float | None = Field(None, ge=0, le=100_000, title="Self-study hours",
                                           description="Independent study hours.",
                                           examples=[95])
    hours_assessment: float | None = Field(None, ge=0, le=100_000, title="Assessment hours",
                                           description="Hours spent on assessment.",
                                           examples=[10])
    duration_weeks: float | None = Field(None, gt=0, le=520, title="Duration (weeks)",
                                         description="Length of the offer in weeks.",
                                         examples=[8])
    hours_per_week: float | None = Field(None, gt=0, le=80, title="Hours per week",
                                         description="Learning hours a week, as course "
                                         "pages often state them.", examples=[10])
    hours_per_ects: float | None = Field(None, gt=0, le=100, title="Hours per ECTS credit",
                                         description="The provider's own hours-per-credit "
                                         "convention (e.g. 28 in the Netherlands).",
                                         examples=[28])
    other_credits: OtherCredits | None = Field(None, title="Other credits",
                                               description="Credits in another system.",
                                               examples=[{"system": "CATS", "value": 10}])


class Level(FormatModel):
    """Level of the learning (Annex I: level, if applicable)."""

    eqf: int | None = Field(None, ge=1, le=8, title="EQF level", description="EQF level, 1–8.",
                            examples=[6])
    qf_ehea_cycle: QfEheaCycle | None = Field(None, title="QF-EHEA cycle",
                                              description="QF-EHEA cycle.", examples=["first"])
    nqf: str | None = Field(None, title="National level",
                            description="National qualifications framework level.",
                            examples=["MECES 2"])
