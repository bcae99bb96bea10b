"""Annex I assessment and grading: how achievement of the outcomes is verified."""

from __future__ import annotations

from pydantic import Field

from mcred.model.base import FormatModel
from mcred.model.outcomes import ID_PATTERN
from mcred.model.text import LangText
from mcred.model.vocab import AssessmentType, GradingScheme, Supervision


class Assessment(FormatModel):
    """One assessment task and the outcomes it covers."""

    id: str | None = Field(None, pattern=ID_PATTERN, title="Task id",
                           description="Identifier of the task.", examples=["a1"])
    type: AssessmentType | None = Field(None, title="Type of assessment",
                                        description="Kind of assessment.",
                                        examples=["project"])
    covers: list[str] = Field(default_factory=list, title="Outcomes covered",
                              description="Ids of the learning outcomes this task assesses.",
                              examples=[["lo1", "lo2"]])
    weight: float | None = Field(None, ge=0, le=100, title="Weight (%)",
                                 description="Weight in percent.", examples=[40])
    criteria: LangText | None = Field(None, title="Assessment criteria",
                                 description="Published assessment criteria.",
                                 examples=["Rubric published in the course handbook."])
    supervision: Supervision | None = Field(None, title="Supervision and identity check",
                                            description="Supervision and identity "
                                            "verification (Annex I optional element).",
                                            examples=["supervised-online-id"])


class Grading(FormatModel):
    """Grade the learner receives (Annex I optional: grade)."""

    scheme: GradingScheme | None = Field(None, title="Grading scheme",
                                         description="Grading scheme.", examples=["numeric"])
    scale: LangText | None = Field(None, title="Grading scale",
                              description="Scale, e.g. `0-10` or `A-F`.", examples=["0-10"])
