"""Learner information: schedule, fee, credential formats (Annex II transparency)."""

from __future__ import annotations

from pydantic import Field

from mcred.model.base import FormatModel
from mcred.model.quality import Date
from mcred.model.vocab import CredentialFormat, Pace

__all__ = ["Credential", "Fee", "Schedule"]


class Schedule(FormatModel):
    """When the offer runs."""

    start: Date | None = Field(None, description="First day, YYYY-MM-DD.")
    end: Date | None = Field(None, description="Last day, YYYY-MM-DD.")
    pace: Pace | None = Field(None, description="Self-paced or cohort-based.")


class Fee(FormatModel):
    """What a learner pays; `free: true` when nothing."""

    amount: float | None = Field(None, ge=0, description="Amount.", examples=[450])
    currency: str | None = Field(None, description="ISO 4217 currency code.", examples=["EUR"])
    free: bool | None = Field(None, description="True when the offer is free.")


class Credential(FormatModel):
    """What the issued credential will carry (Annex I: identification of the learner)."""

    formats: list[CredentialFormat] = Field(default_factory=list,
                                            description="Formats the credential is issued in.")
    learner_identification: list[str] = Field(default_factory=list,
                                              description="Learner data the credential carries.")
    validity: str | None = Field(None, description="Validity period, if limited.")
