"""Annex I quality assurance and Annex II quality principle."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field

from mcred.model.base import FormatModel
from mcred.model.text import LangText
from mcred.model.vocab import FeedbackSource, QaType

Date = Annotated[dt.date, Field(strict=False)]


class ExternalQa(FormatModel):
    """The external body that reviews the provision."""

    body: str | None = Field(None, title="QA body", description="Name of the QA agency or body.",
                             examples=["ANECA"])
    last_review: Date | None = Field(None, title="Last external review",
                                     description="Date of the last external review.",
                                     examples=["2024-06-30"])


class QualityAssurance(FormatModel):
    """How the quality of the credential is assured and reviewed."""

    type: list[QaType] = Field(default_factory=list, title="Types of quality assurance",
                               description="Types of QA that apply.",
                               examples=[["internal", "external-institutional"]])
    internal: LangText | None = Field(None, title="Internal QA process",
                                 description="The internal QA process.",
                                 examples=["Annual programme review by the faculty board."])
    external: ExternalQa | None = Field(None, title="External QA",
                                        description="External quality assurance.",
                                        examples=[{"body": "ANECA",
                                                   "last_review": "2024-06-30"}])
    review_interval_months: int | None = Field(None, ge=1, le=120, title="Review interval",
                                               description="Months between reviews.",
                                               examples=[12])
    feedback: list[FeedbackSource] = Field(default_factory=list, title="Feedback sources",
                                           description="Whose feedback is collected.",
                                           examples=[["learners", "employers"]])
