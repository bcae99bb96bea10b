"""The design: one micro-credential as planned; every Annex I element optional so drafts load."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from mcred.model.assessment import Assessment, Grading
from mcred.model.base import FormatModel
from mcred.model.identity import AwardingBody
from mcred.model.offer import Credential, Fee, Schedule
from mcred.model.outcomes import LearningOutcome, NeedsAnalysis
from mcred.model.quality import QualityAssurance
from mcred.model.recognition import Prerequisites, Recognition
from mcred.model.vocab import Participation
from mcred.model.workload import Level, Workload

SCHEMA_ID = "https://mcred.dev/schemas/mcred-design.schema.json"


class Design(FormatModel):
    """A micro-credential design, format version 1."""

    mcred: int = Field(description="Format version marker; must be 1.", examples=[1])
    id: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9._-]*$",
                           description="Catalogue-wide identifier; defaults to the file stem.",
                           examples=["green-procurement"])
    title: str | None = Field(None, description="Title of the micro-credential (Annex I).")
    summary: str | None = Field(None, description="Short description for learners.")
    awarding_bodies: list[AwardingBody] = Field(default_factory=list,
                                                description="Awarding body or bodies.")
    target_group: str | None = Field(None, description="Who the credential is for.")
    needs_analysis: NeedsAnalysis | None = Field(None, description="Need and stakeholders.")
    level: Level | None = Field(None, description="EQF / QF-EHEA / NQF level.")
    field_of_education: str | None = Field(None, pattern=r"^\d{2,4}$",
                                           description="ISCED-F 2013 code (2–4 digits, quoted).",
                                           examples=["0413"])
    languages: list[str] = Field(default_factory=list,
                                 description="BCP 47 tags of the languages of instruction.",
                                 examples=[["en", "pt-PT"]])
    learning_outcomes: list[LearningOutcome] = Field(default_factory=list,
                                                     description="Learning outcomes.")
    workload: Workload | None = Field(None, description="Notional workload.")
    participation: Participation | None = Field(None, description="Form of participation.")
    schedule: Schedule | None = Field(None, description="Dates and pace.")
    assessment: list[Assessment] = Field(default_factory=list, description="Assessment tasks.")
    grading: Grading | None = Field(None, description="Grading scheme.")
    quality_assurance: QualityAssurance | None = Field(None, description="Quality assurance.")
    prerequisites: str | Prerequisites | None = Field(
        None, description="Prerequisites: text (`none` is an answer) or a mapping.")
    recognition: Recognition | None = Field(None, description="Recognition and stackability.")
    credential: Credential | None = Field(None, description="The credential to be issued.")
    fee: Fee | None = Field(None, description="Fee, or `free: true`.")
    contact: str | None = Field(None, description="Where learners get information and guidance.")
    further_information: str | None = Field(None, description="URL with more information.")


def json_schema() -> dict[str, Any]:
    """The published JSON Schema; generated from the model so it can never drift."""
    schema = Design.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
