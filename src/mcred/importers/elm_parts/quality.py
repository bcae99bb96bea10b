"""ELM accreditations → external quality assurance (type, agency, date of the review)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from mcred.importers import vocab
from mcred.importers.draft import plain_text
from mcred.importers.jsonld import ident, langmap

if TYPE_CHECKING:
    from mcred.importers.elm import ElmReader


def read(reader: ElmReader) -> None:
    graph, draft = reader.graph, reader.draft
    for accreditation in graph.nodes(reader.spec, "accreditation"):
        draft.where(("quality_assurance",), accreditation.path)
        kind = graph.first(accreditation, "dcType")
        value = vocab.lookup("accreditation", ident(kind))
        if kind is not None and value:
            draft.put(("quality_assurance", "type", 0), value, kind.path)
        agent = graph.first(accreditation, "accreditingAgent")
        if agent is not None:
            name = plain_text(langmap(agent.get("legalName")), reader.lang)
            draft.put(("quality_assurance", "external", "body"), name, agent.at("legalName"))
        issued = accreditation.get("dateIssued")
        if isinstance(issued, str):
            try:
                day = dt.date.fromisoformat(issued[:10])
            except ValueError:
                day = None
            draft.put(("quality_assurance", "external", "last_review"), day,
                      accreditation.at("dateIssued"))
        return  # the design holds one external review
