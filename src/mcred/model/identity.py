"""Annex I identity elements: who awards the credential and where."""

from __future__ import annotations

from pydantic import Field

from mcred.model.base import FormatModel


class AwardingBody(FormatModel):
    """An institution that awards the credential (Annex I: awarding body, issuer country)."""

    name: str | None = Field(None, title="Name", description="Legal name of the awarding body.",
                             examples=["Universidad de Ejemplo"])
    country: str | None = Field(None, title="Country",
                                description="ISO 3166-1 alpha-2 code of its country.",
                                examples=["ES"])
    region: str | None = Field(None, title="Region",
                               description="Region, where qualifications are regional.",
                               examples=["Catalonia"])
    legal_id: str | None = Field(
        None, title="Legal identifier",
        description="Verifiable legal identifier (ROR URL, registry number).",
        examples=["https://ror.org/02f40zc51"],
    )
    url: str | None = Field(None, title="Web site", description="Web site of the awarding body.",
                            examples=["https://www.example.edu"])
