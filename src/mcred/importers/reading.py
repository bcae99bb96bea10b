"""A published JSON file → positioned tree → format → drafts, with the problems found."""

from __future__ import annotations

from dataclasses import dataclass, field

from mcred.findings import Issue
from mcred.importers.detect import json_format
from mcred.importers.draft import Draft
from mcred.importers.jsonld import Graph, unknown_contexts
from mcred.importers.jsonpos import JsonError, JsonLimits, Parsed, parse

NOT_RECOGNISED_FIX = ("Lint a published ELM, Open Badges 3.0 or CTDL file, or name the format "
                      "with `mcred import --from`")


@dataclass
class JsonImport:
    """What one JSON file gave: the positioned tree, the designs, and the file's problems."""

    name: str
    parsed: Parsed | None
    format: str | None = None
    drafts: list[Draft] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def read_json(text: str, name: str, forced: str | None = None,
              limits: JsonLimits | None = None) -> JsonImport:
    """Never raises for bad input: syntax, limits, duplicates and contexts become issues."""
    try:
        parsed = parse(text, limits)
    except JsonError as exc:
        result = JsonImport(name, None)
        parsed = Parsed(text)
        span = parsed.span(exc.offset, exc.offset)
        result.issues.append(Issue(exc.code, f"JSON: {exc.message}", (), exc.fix,
                                   (span.line, span.column, span.end_line, span.end_column)))
        return result
    result = JsonImport(name, parsed)
    for dup in parsed.duplicates:
        first = parsed.position(dup.first_offset)[0]
        span = parsed.span(dup.offset, dup.end)
        result.issues.append(Issue(
            "MC002", f"duplicate key {dup.path[-1]!r} (first defined at line {first}); "
            "the first value is used", (), "Remove one of the two entries or merge them",
            (span.line, span.column, span.end_line, span.end_column)))
    data = parsed.data
    if isinstance(data, dict):
        for index, url in unknown_contexts(data):
            where = parsed.value_span(("@context", index) if isinstance(
                data.get("@context"), list) else ("@context",))
            assert where is not None
            span = where
            result.issues.append(Issue(
                "MC015", f"the JSON-LD context {url[:200]!r} is not one mcred knows; it is "
                "never fetched, so terms it defines are read as written", (),
                "Use the published ELM, Open Badges 3.0 or CTDL context URL",
                (span.line, span.column, span.end_line, span.end_column)))
    result.format = forced or json_format(data)
    if result.format is None or not isinstance(data, dict):
        result.issues.append(Issue("MC015", "the file is not an ELM, Open Badges 3.0 or CTDL "
                                   "document (no known `@context` or `type`)", (),
                                   NOT_RECOGNISED_FIX, (1, 1, 1, 1)))
        return result
    result.drafts = _drafts(result.format, data, name)
    if not result.drafts:
        result.issues.append(Issue(
            "MC015", f"the {result.format.upper()} document describes no credential or "
            "learning opportunity mcred can read", (), NOT_RECOGNISED_FIX, (1, 1, 1, 1)))
    return result


def _drafts(fmt: str, data: dict[str, object], name: str) -> list[Draft]:
    graph = Graph.of(data)
    if fmt == "elm":
        from mcred.importers.elm import import_elm

        return import_elm(graph, name)
    if fmt == "ob3":
        from mcred.importers.ob3 import import_ob3

        return import_ob3(graph, name)
    from mcred.importers.ctdl import import_ctdl

    return import_ctdl(graph, name)
