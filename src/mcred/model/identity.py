"""Annex I identity elements: who awards the credential and where."""

from __future__ import annotations

from pydantic import Field

from mcred.model.base import FormatModel


class AwardingBody(FormatModel):
    """An institution that awards the credential (Annex I: awarding body, issuer country)."""

    name: str | None = Field(None, description="Legal name of the awarding body.",
                             examples=["Universidad de Ejemplo"])
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code of its country.",
                                examples=["ES"])
    region: str | None = Field(None, description="Region, where qualifications are regional.")
    legal_id: str | None = Field(
        None, description="Verifiable legal identifier (ROR URL, registry number).",
        examples=["https://ror.org/02f40zc51"],
    )
    url: str | None = Field(None, description="Web site of the awarding body.")
