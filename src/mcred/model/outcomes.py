"""Annex I learning outcomes and Annex II relevance: what a learner will be able to do."""

from __future__ import annotations

from pydantic import Field

from mcred.model.base import FormatModel
from mcred.model.text import LangText

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


class LearningOutcome(FormatModel):
    """One outcome: a single observable action verb, an object and a context."""

    id: str | None = Field(None, pattern=ID_PATTERN, title="Outcome id",
                           description="Identifier used by `assessment[].covers`.",
                           examples=["lo1"])
    text: LangText | None = Field(None, title="Outcome", description="The outcome, from the "
                             "learner's perspective.",
                             examples=["Analyse a public tender against the EU green public "
                                       "procurement criteria.",
                                       {"es": "Analizar una licitación pública según los "
                                        "criterios de compra pública verde de la UE.",
                                        "en": "Analyse a public tender against the EU green "
                                        "public procurement criteria."}])
    esco: list[str] = Field(default_factory=list, title="ESCO skills",
                            description="ESCO skill URIs.",
                            examples=[["http://data.europa.eu/esco/skill/"
                                       "0c1c5a6c-0f0f-4f6a-9b4a-1c2d3e4f5a6b"]])


class NeedsAnalysis(FormatModel):
    """Why the credential is needed and who said so (Annex II: relevance)."""

    rationale: LangText | None = Field(None, title="Rationale",
                                  description="The labour-market or societal need.",
                                  examples=["Public buyers must apply green criteria from "
                                            "2027 and lack trained staff."])
    stakeholders: list[str] = Field(default_factory=list, title="Stakeholders consulted",
                                    description="Who was consulted (employers, sector bodies).",
                                    examples=[["regional procurement agency", "employers"]])
    evidence: list[str] = Field(default_factory=list, title="Evidence",
                                description="Reports, surveys or data behind the need.",
                                examples=[["2025 skills survey of public buyers"]])
