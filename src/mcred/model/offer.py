"""Learner information: schedule, fee, credential formats (Annex II transparency)."""

from __future__ import annotations

from pydantic import Field

from mcred.model.base import FormatModel
from mcred.model.quality import Date
from mcred.model.text import LangText
from mcred.model.vocab import CredentialFormat, Pace

__all__ = ["Credential", "Fee", "Schedule"]


class Schedule(FormatModel):
    """When the offer runs."""

    start: Date | None = Field(None, title="Start date", description="First day, YYYY-MM-DD.",
                               examples=["2026-02-02"])
    end: Date | None = Field(None, title="End date", description="Last day, YYYY-MM-DD.",
                             examples=["2026-04-24"])
    pace: Pace | None = Field(None, title="Pace", description="Self-paced or cohort-based.",
                              examples=["cohort"])


class Fee(FormatModel):
    """What a learner pays; `free: true` when nothing."""

    amount: float | None = Field(None, ge=0, title="Amount", description="Amount.",
                                 examples=[450])
    currency: str | None = Field(None, title="Currency", description="ISO 4217 currency code.",
                                 examples=["EUR"])
    free: bool | None = Field(None, title="Free of charge",
                              description="True when the offer is free.", examples=[True])


class Credential(FormatModel):
    """What the issued credential will carry (Annex I: identification of the learner)."""

    formats: list[CredentialFormat] = Field(default_factory=list, title="Formats",
                                            description="Formats the credential is issued in.",
                                            examples=[["europass-edc", "pdf"]])
    learner_identification: list[str] = Field(default_factory=list,
                                              title="Learner identification",
                                              description="Learner data the credential carries.",
                                              examples=[["full name", "date of birth"]])
    validity: LangText | None = Field(None, title="Validity", description="Validity period, if "
                                 "limited.", examples=["unlimited"])
