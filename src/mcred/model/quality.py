"""Annex I quality assurance and Annex II quality principle."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field

from mcred.model.base import FormatModel
from mcred.model.vocab import FeedbackSource, QaType

Date = Annotated[dt.date, Field(strict=False)]


class ExternalQa(FormatModel):
    """The external body that reviews the provision."""

    body: str | None = Field(None, description="Name of the QA agency or body.")
    last_review: Date | None = Field(None, description="Date of the last external review.")


class QualityAssurance(FormatModel):
    """How the quality of the credential is assured and reviewed."""

    type: list[QaType] = Field(default_factory=list, description="Types of QA that apply.")
    internal: str | None = Field(None, description="The internal QA process.")
    external: ExternalQa | None = Field(None, description="External quality assurance.")
    review_interval_months: int | None = Field(None, ge=1, le=120,
                                               description="Months between reviews.")
    feedback: list[FeedbackSource] = Field(default_factory=list,
                                           description="Whose feedback is collected.")
