"""Annex I integration/stackability, prerequisites; Annex II learning pathways."""

from __future__ import annotations

from typing import Annotated

from pydantic import Discriminator, Field, Tag

from mcred.model.base import FormatModel
from mcred.model.text import LangMap, LangText, branch_by_keys
from mcred.model.vocab import PathwayType, Stackability


class Prerequisites(FormatModel):
    """What a learner needs before starting."""

    description: LangText | None = Field(None, title="Description",
                                    description="Prerequisites in words.",
                                    examples=["Basic spreadsheet skills."])
    requires: list[str] = Field(default_factory=list, title="Required designs",
                                description="Ids of designs in the catalogue required first.",
                                examples=[["data-literacy-online"]])


class StackTarget(FormatModel):
    """A larger credential this one counts towards."""

    id: str | None = Field(None, title="Design id",
                           description="Id of another design in the catalogue.",
                           examples=["sustainable-procurement-certificate"])
    name: str | None = Field(None, title="Programme name",
                             description="Name of an external programme.",
                             examples=["Master in Public Management"])
    provider: str | None = Field(None, title="Provider",
                                 description="Provider of the external programme.",
                                 examples=["Universidad de Ejemplo"])
    ects: float | None = Field(None, ge=0, le=360, title="ECTS counted",
                               description="ECTS it counts for there.", examples=[5])


class Pathway(FormatModel):
    """A route by which the credential is recognised."""

    type: PathwayType | None = Field(None, title="Type of pathway",
                                     description="Kind of recognition.",
                                     examples=["credit-transfer"])
    description: LangText | None = Field(None, title="Description",
                                    description="How the recognition works.",
                                    examples=["Recognised as 5 ECTS of the elective module."])


class Recognition(FormatModel):
    """Where the credential counts."""

    stackability: Stackability | None = Field(None, title="Stackability",
                                              description="Stand-alone or stackable.",
                                              examples=["stackable"])
    towards: list[StackTarget] = Field(default_factory=list, title="Stacks towards",
                                       description="Credentials this one stacks towards.",
                                       examples=[[{"name": "Master in Public Management",
                                                   "provider": "Universidad de Ejemplo",
                                                   "ects": 5}]])
    pathways: list[Pathway] = Field(default_factory=list, title="Recognition pathways",
                                    description="Recognition pathways.",
                                    examples=[[{"type": "credit-transfer",
                                                "description": "Counts as 5 ECTS of the "
                                                "elective module."}]])
    rpl: LangText | None = Field(None, title="Recognition of prior learning",
                            description="Recognition of prior learning route.",
                            examples=["Experienced buyers may skip the first unit after an "
                                      "interview."])


TextOrPrerequisites = Annotated[
    Annotated[str, Tag("text")] | Annotated[LangMap, Tag("map")]
    | Annotated[Prerequisites, Tag("model")],
    Discriminator(branch_by_keys(Prerequisites)),
]
"""`prerequisites`: plain text, texts by language, or the structured form."""
