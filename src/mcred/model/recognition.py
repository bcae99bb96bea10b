"""Annex I integration/stackability, prerequisites; Annex II learning pathways."""

from __future__ import annotations

from pydantic import Field

from mcred.model.base import FormatModel
from mcred.model.vocab import PathwayType, Stackability


class Prerequisites(FormatModel):
    """What a learner needs before starting."""

    description: str | None = Field(None, description="Prerequisites in words.")
    requires: list[str] = Field(default_factory=list,
                                description="Ids of designs in the catalogue required first.")


class StackTarget(FormatModel):
    """A larger credential this one counts towards."""

    id: str | None = Field(None, description="Id of another design in the catalogue.")
    name: str | None = Field(None, description="Name of an external programme.")
    provider: str | None = Field(None, description="Provider of the external programme.")
    ects: float | None = Field(None, ge=0, le=360, description="ECTS it counts for there.")


class Pathway(FormatModel):
    """A route by which the credential is recognised."""

    type: PathwayType | None = Field(None, description="Kind of recognition.")
    description: str | None = Field(None, description="How the recognition works.")


class Recognition(FormatModel):
    """Where the credential counts."""

    stackability: Stackability | None = Field(None, description="Stand-alone or stackable.")
    towards: list[StackTarget] = Field(default_factory=list,
                                       description="Credentials this one stacks towards.")
    pathways: list[Pathway] = Field(default_factory=list, description="Recognition pathways.")
    rpl: str | None = Field(None, description="Recognition of prior learning route.")
