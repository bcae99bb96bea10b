"""Reading compact JSON-LD as published: nodes with their paths, language maps, contexts.

Nothing is expanded or fetched: the known contexts are recognised by their URL (pinned in
``CONTEXTS``), and the properties are read as those contexts name them. A context that is
not known is reported, never fetched; an inline context object is local and accepted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from mcred.importers.jsonpos import JsonPath, Skipped

ELM_CONTEXTS = ("http://data.europa.eu/snb/model/context/edc-ap",
                "https://data.europa.eu/snb/model/context/edc-ap")
OB3_PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/context"
CTDL_CONTEXTS = ("https://credreg.net/ctdl/schema/context/json",
                 "http://credreg.net/ctdl/schema/context/json",
                 "https://credreg.net/ctdlasn/schema/context/json")
W3C_CONTEXTS = ("https://www.w3.org/2018/credentials/v1", "https://www.w3.org/ns/credentials/v2",
                "https://w3id.org/security/suites/ed25519-2020/v1",
                "https://w3id.org/security/data-integrity/v2")


@dataclass(frozen=True)
class Node:
    """A JSON object of the document and where it is (its JSON path)."""

    data: dict[str, Any]
    path: JsonPath

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def at(self, *keys: str | int) -> JsonPath:
        return (*self.path, *keys)

    @property
    def types(self) -> set[str]:
        found = self.data.get("type", self.data.get("@type"))
        values = found if isinstance(found, list) else [found]
        return {v.split(":")[-1] for v in values if isinstance(v, str)}


@dataclass
class Graph:
    """Every identified object of the document, so a reference by ``id`` can be followed."""

    root: Node
    by_id: dict[str, Node] = field(default_factory=dict)

    @classmethod
    def of(cls, data: dict[str, Any]) -> Graph:
        graph = cls(Node(data, ()))
        stack: list[tuple[Any, JsonPath]] = [(data, ())]
        while stack:
            value, path = stack.pop()
            if isinstance(value, dict):
                ident = value.get("id", value.get("@id"))
                if isinstance(ident, str) and len(value) > 2:
                    graph.by_id.setdefault(ident, Node(value, path))
                stack.extend((v, (*path, k)) for k, v in value.items())
            elif isinstance(value, list):
                stack.extend((v, (*path, i)) for i, v in enumerate(value))
        return graph

    def nodes(self, node: Node, key: str) -> Iterator[Node]:
        """The objects a property holds (one, a list, or references by id), in order."""
        value = node.get(key)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            path = node.at(key, i) if isinstance(value, list) else node.at(key)
            if isinstance(item, dict):
                full = self.by_id.get(str(item.get("id", ""))) if len(item) <= 2 else None
                yield full or Node(item, path)
            elif isinstance(item, str) and item in self.by_id:
                yield self.by_id[item]

    def first(self, node: Node, key: str) -> Node | None:
        return next(self.nodes(node, key), None)


def ident(node: Node | None) -> str | None:
    if node is None:
        return None
    value = node.get("id") or node.get("@id")
    return value if isinstance(value, str) else None


def langmap(value: Any) -> dict[str, str]:
    """ELM/CTDL language maps (``{en: "…"}``, ``{en: ["…"]}``), JSON-LD value objects, or a
    plain string (language unknown: tagged ``und``) → ``{tag: text}``."""
    if isinstance(value, str):
        return {"und": value}
    if isinstance(value, dict) and "@value" in value:
        text = value.get("@value")
        tag = value.get("@language", "und")
        return {str(tag): text} if isinstance(text, str) else {}
    if isinstance(value, list):
        merged: dict[str, str] = {}
        for item in value:
            for tag, text in langmap(item).items():
                merged.setdefault(tag, text)
        return merged
    if isinstance(value, dict):
        found: dict[str, str] = {}
        for tag, text in value.items():
            if isinstance(text, list):
                text = "\n".join(t for t in text if isinstance(t, str))
            if isinstance(text, str) and not tag.startswith("@"):
                found[tag] = text
        return found
    return {}


def contexts(data: dict[str, Any]) -> list[Any]:
    found = data.get("@context")
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


def unknown_contexts(data: dict[str, Any]) -> list[tuple[int, str]]:
    """Remote contexts mcred does not know (index in ``@context``, URL); never fetched."""
    known = (*ELM_CONTEXTS, *CTDL_CONTEXTS, *W3C_CONTEXTS)
    return [(i, c) for i, c in enumerate(contexts(data)) if isinstance(c, str)
            and c not in known and not c.startswith(OB3_PREFIX)]


def compact(value: Any) -> Any:
    """A source value made small enough to keep under ``x-``: concepts by their URI, notes
    by their text; ``None`` for anything bigger (it is reported as dropped instead)."""
    if isinstance(value, Skipped):
        return None
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list):
        items = [compact(v) for v in value]
        return items if items and all(i is not None for i in items) else None
    if isinstance(value, dict):
        if "noteLiteral" in value:
            return compact(langmap(value["noteLiteral"]) or None)
        if value.get("id") and ("prefLabel" in value or value.get("type") == "Concept"):
            return value["id"]
        if all(isinstance(v, str) for v in value.values()) and len(value) <= 12:
            return dict(value)
    return None
