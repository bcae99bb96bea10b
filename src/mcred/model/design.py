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
from mcred.model.recognition import Recognition, TextOrPrerequisites
from mcred.model.text import LangText
from mcred.model.vocab import Participation
from mcred.model.workload import Level, Workload

SCHEMA_ID = "https://mcred.dev/schemas/mcred-design.schema.json"


class Design(FormatModel):
    """A micro-credential design, format version 1."""

    mcred: int = Field(title="Format version", description="Format version marker; must be 1.",
                       examples=[1])
    id: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9._-]*$", title="Design id",
                           description="Catalogue-wide identifier; defaults to the file stem.",
                           examples=["green-procurement"])
    title: LangText | None = Field(None, title="Title",
                              description="Title of the micro-credential (Annex I).",
                              examples=["Green Public Procurement in Practice",
                                        {"es": "Compra pública verde en la práctica",
                                         "en": "Green Public Procurement in Practice"}])
    summary: LangText | None = Field(None, title="Summary",
                                description="Short description for learners.",
                                examples=["Write tenders that meet the EU green criteria."])
    awarding_bodies: list[AwardingBody] = Field(default_factory=list, title="Awarding bodies",
                                                description="Awarding body or bodies.",
                                                examples=[[{"name": "Universidad de Ejemplo",
                                                            "country": "ES"}]])
    target_group: LangText | None = Field(None, title="Target group",
                                     description="Who the credential is for.",
                                     examples=["Procurement officers in public bodies"])
    needs_analysis: NeedsAnalysis | None = Field(
        None, title="Needs analysis", description="Need and stakeholders.",
        examples=[{"rationale": "Public buyers must apply green criteria from 2027.",
                   "stakeholders": ["regional procurement agency"]}])
    level: Level | None = Field(None, title="Level", description="EQF / QF-EHEA / NQF level.",
                                examples=[{"eqf": 6, "qf_ehea_cycle": "first"}])
    field_of_education: str | None = Field(None, pattern=r"^\d{2,4}$",
                                           title="Field of education",
                                           description="ISCED-F 2013 code (2–4 digits, quoted).",
                                           examples=["0413"])
    language: str | None = Field(None, title="Language of the design",
                                 description="BCP 47 tag of the language the design is written "
                                 "in: plain texts are in it, and language maps must include "
                                 "it. Defaults to the first of `languages`.",
                                 examples=["es", "pt-PT"])
    languages: list[str] = Field(default_factory=list, title="Languages",
                                 description="BCP 47 tags of the languages of instruction.",
                                 examples=[["en", "pt-PT"]])
    learning_outcomes: list[LearningOutcome] = Field(
        default_factory=list, title="Learning outcomes", description="Learning outcomes.",
        examples=[[{"id": "lo1", "text": "Analyse a public tender against the EU green "
                    "public procurement criteria."}]])
    workload: Workload | None = Field(None, title="Workload", description="Notional workload.",
                                      examples=[{"ects": 5, "hours_total": 135,
                                                 "duration_weeks": 8}])
    participation: Participation | None = Field(None, title="Form of participation",
                                                description="Form of participation.",
                                                examples=["blended"])
    schedule: Schedule | None = Field(None, title="Schedule", description="Dates and pace.",
                                      examples=[{"start": "2026-02-02", "pace": "cohort"}])
    assessment: list[Assessment] = Field(default_factory=list, title="Assessment",
                                         description="Assessment tasks.",
                                         examples=[[{"id": "a1", "type": "project",
                                                     "covers": ["lo1"]}]])
    grading: Grading | None = Field(None, title="Grading", description="Grading scheme.",
                                    examples=[{"scheme": "numeric", "scale": "0-10"}])
    quality_assurance: QualityAssurance | None = Field(
        None, title="Quality assurance", description="Quality assurance.",
        examples=[{"type": ["internal"], "internal": "Annual review by the faculty board."}])
    prerequisites: TextOrPrerequisites | None = Field(
        None, title="Prerequisites",
        description="Prerequisites: text (`none` is an answer), texts by language, or a "
        "mapping with `description` and `requires`.",
        examples=["none", {"description": "Basic spreadsheet skills."},
                  {"es": "Manejo básico de hojas de cálculo.",
                   "en": "Basic spreadsheet skills."}])
    recognition: Recognition | None = Field(
        None, title="Recognition", description="Recognition and stackability.",
        examples=[{"stackability": "stackable",
                   "pathways": [{"type": "credit-transfer"}]}])
    credential: Credential | None = Field(None, title="Credential",
                                          description="The credential to be issued.",
                                          examples=[{"formats": ["europass-edc"]}])
    fee: Fee | None = Field(None, title="Fee", description="Fee, or `free: true`.",
                            examples=[{"amount": 450, "currency": "EUR"}, {"free": True}])
    contact: LangText | None = Field(None, title="Contact",
                                description="Where learners get information and guidance.",
                                examples=["microcredentials@example.edu"])
    further_information: str | None = Field(None, title="Further information",
                                            description="URL with more information.",
                                            examples=["https://www.example.edu/gpp"])

def json_schema() -> dict[str, Any]:
    """The published JSON Schema; generated from the model so it can never drift."""
    from mcred.model.editor import editor_schema

    schema = editor_schema(_any_of(Design.model_json_schema()))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def _any_of(node: Any) -> Any:
    """``oneOf`` (pydantic's form for tagged unions) as ``anyOf``: editors complete every
    branch of ``anyOf``, and the branches never overlap, so validation is the same."""
    if isinstance(node, dict):
        return {("anyOf" if k == "oneOf" else k): _any_of(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_any_of(v) for v in node]
    return node
