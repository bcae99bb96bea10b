"""ELM notes and part-of links → ``recognition`` (stacking targets, pathways, RPL)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mcred.importers import vocab
from mcred.importers.jsonld import langmap

if TYPE_CHECKING:
    from mcred.importers.elm import ElmReader

# The notes mcred's exporter writes; other notes become pathway descriptions.
_TOWARDS = re.compile(r"^Counts towards (.+?)(?: \((\d+(?:\.\d+)?) ECTS\))?$")
_RPL = "Recognition of prior learning: "


def read(reader: ElmReader) -> None:
    graph, draft = reader.graph, reader.draft
    towards = pathways = 0
    for note in graph.nodes(reader.spec, "additionalNote"):
        texts = langmap(note.get("noteLiteral"))
        text = texts.get(reader.lang or "", next(iter(texts.values()), ""))
        where = note.at("noteLiteral")
        match = _TOWARDS.match(text)
        if text.startswith(_RPL):
            draft.put(("recognition", "rpl"), text[len(_RPL):], where)
        elif match:
            draft.put(("recognition", "towards", towards, "name"), match.group(1), where)
            draft.put(("recognition", "towards", towards, "ects"),
                      vocab.number(match.group(2)), where)
            towards += 1
        elif text:
            draft.put(("recognition", "pathways", pathways, "description"), text, where)
            pathways += 1
    for whole in graph.nodes(reader.spec, "isPartOf"):
        name = next(iter(langmap(whole.get("title")).values()), None)
        draft.put(("recognition", "towards", towards, "name"), name, whole.path)
        towards += 1
    if towards:
        draft.put(("recognition", "stackability"), "stackable", reader.spec.at("isPartOf")
                  if reader.spec.get("isPartOf") else reader.spec.path)
