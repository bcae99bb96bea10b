"""A published JSON file → positioned tree → format → drafts, with the problems found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mcred.findings import Issue
from mcred.importers.detect import json_format
from mcred.importers.draft import Draft
from mcred.importers.jsonld import Graph, unknown_contexts
from mcred.importers.jsonpos import JsonError, JsonLimits, Parsed, parse
from mcred.positions import Span

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
        span = Parsed(text).span(exc.offset, exc.offset)
        return JsonImport(name, None, issues=[_issue(exc.code, f"JSON: {exc.message}",
                                                     exc.fix, span)])
    result = JsonImport(name, parsed)
    _unskip(parsed, result.issues)
    result.issues.extend(_duplicates(parsed))
    data = parsed.data
    if isinstance(data, dict):
        result.issues.extend(_contexts(parsed, data))
    result.format = forced or json_format(data)
    if result.format is None or not isinstance(data, dict):
        result.issues.append(_issue("MC016", "the file is not an ELM, Open Badges 3.0 or CTDL "
                                    "document (no known `@context` or `type`)",
                                    NOT_RECOGNISED_FIX))
        return result
    result.drafts = _drafts(result.format, data, name)
    if not result.drafts:
        result.issues.append(_issue(
            "MC016", f"the {result.format.upper()} document describes no credential or "
            "learning opportunity mcred can read", NOT_RECOGNISED_FIX))
    return result


def _issue(code: str, message: str, fix: str, span: Span | None = None) -> Issue:
    where = span or Span(1, 1, 1, 1)
    return Issue(code, message, (), fix, (where.line, where.column, where.end_line,
                                          where.end_column))


def _duplicates(parsed: Parsed) -> list[Issue]:
    return [_issue("MC002", f"duplicate key {dup.path[-1]!r} (first defined at line "
                   f"{parsed.position(dup.first_offset)[0]}); the first value is used",
                   "Remove one of the two entries or merge them",
                   parsed.span(dup.offset, dup.end))
            for dup in parsed.duplicates]


def _contexts(parsed: Parsed, data: dict[str, Any]) -> list[Issue]:
    """Unknown remote contexts, each on its URL in ``@context``."""
    listed = isinstance(data.get("@context"), list)
    return [_issue("MC016", f"the JSON-LD context {url[:200]!r} is not one mcred knows; it "
                   "is never fetched, so terms it defines are read as written",
                   "Use the published ELM, Open Badges 3.0 or CTDL context URL",
                   parsed.value_span(("@context", index) if listed else ("@context",)))
            for index, url in unknown_contexts(data)]


_IMAGES = {"content", "image", "logo", "contentURL", "id"}


def _unskip(parsed: Parsed, issues: list[Issue]) -> None:
    """Skipped strings read as absent; only texts that are not images are worth a finding."""
    for path in parsed.skipped:
        parent: Any = parsed.data
        for part in path[:-1]:
            parent = parent[part]
        skipped = parent[path[-1]]
        parent[path[-1]] = None
        if not _IMAGES & {str(p) for p in path}:
            issues.append(_issue(
                "MC009", f"a text of {skipped.length:,} characters is longer than the limit of "
                f"{JsonLimits().max_string:,}; it was not read",
                "Shorten the text; long material belongs in a linked document",
                parsed.value_span(path)))


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
