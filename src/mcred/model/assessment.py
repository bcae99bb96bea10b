"""Annex I assessment and grading: how achievement of the outcomes is verified."""

from __future__ import annotations

from pydantic import Field

from mcred.model.base import FormatModel
from mcred.model.outcomes import ID_PATTERN
from mcred.model.vocab import AssessmentType, GradingScheme, Supervision


class Assessment(FormatModel):
    """One assessment task and the outcomes it covers."""

    id: str | None = Field(None, pattern=ID_PATTERN, description="Identifier of the task.")
    type: AssessmentType | None = Field(None, description="Kind of assessment.")
    covers: list[str] = Field(default_factory=list,
                              description="Ids of the learning outcomes this task assesses.")
    weight: float | None = Field(None, ge=0, le=100, description="Weight in percent.")
    criteria: str | None = Field(None, description="Published assessment criteria.")
    supervision: Supervision | None = Field(None, description="Supervision and identity "
                                            "verification (Annex I optional element).")


class Grading(FormatModel):
    """Grade the learner receives (Annex I optional: grade)."""

    scheme: GradingScheme | None = Field(None, description="Grading scheme.")
    scale: str | None = Field(None, description="Scale, e.g. `0-10` or `A-F`.")
