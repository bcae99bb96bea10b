"""ELM assessment specifications → ``assessment`` (type from the EU vocabulary, criteria)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mcred.importers import vocab
from mcred.importers.jsonld import Node, ident, langmap

if TYPE_CHECKING:
    from mcred.importers.elm import ElmReader

# mcred's exporter writes the weight into the title: "project (70 %)".
_WEIGHT = re.compile(r"\((\d+(?:\.\d+)?) ?%\)\s*$")


def specifications(reader: ElmReader) -> list[Node]:
    graph = reader.graph
    found = list(graph.nodes(reader.spec, "provenBy"))
    if found:
        return found
    for node in reader.around:
        for assessment in graph.nodes(node, "provenBy"):
            parts = list(graph.nodes(assessment, "hasPart")) or [assessment]
            for part in parts:
                spec = graph.first(part, "specifiedBy")
                found.append(spec or part)
    return found


def read(reader: ElmReader) -> None:
    n = 0
    for spec in specifications(reader):
        base = ("assessment", n)
        kind = reader.graph.first(spec, "dcType")
        value = vocab.lookup("assessment", ident(kind))
        title = next(iter(langmap(spec.get("title")).values()), "")
        if value is None:
            value = _from_title(title)
        weight = _WEIGHT.search(title)
        has_description = bool(langmap(spec.get("description")))
        if value is None and not has_description and not title:
            continue
        reader.draft.where(base, spec.path)
        reader.draft.put((*base, "type"), value, kind.path if kind else spec.at("title"))
        if weight:
            reader.draft.put((*base, "weight"), vocab.number(weight.group(1)), spec.at("title"))
        if has_description:
            reader.text((*base, "criteria"), spec, "description")
        elif title and value is None:
            reader.text((*base, "criteria"), spec, "title")
        n += 1


def _from_title(title: str) -> str | None:
    """The design type named by a title mcred exported ("project (70 %)")."""
    from mcred.model.vocab import AssessmentType, values

    word = _WEIGHT.sub("", title).strip()
    return word if word in values(AssessmentType) else None
