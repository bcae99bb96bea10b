"""``mcred lint`` on published JSON-LD: import in memory, lint, place findings on the JSON.

Each design key path has the source element it came from (the draft's origins); the
position index built from them makes every finding land on that element, or on the
nearest enclosing object when the element is missing. The finding's pointer is the JSON
Pointer of that element in the published file.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mcred.engine import FileResult, lint_document
from mcred.findings import Finding, KeyPath
from mcred.importers.draft import Draft
from mcred.importers.jsonpos import JsonPath, Parsed
from mcred.importers.reading import read_json
from mcred.loader import Document, load_source
from mcred.positions import PositionIndex
from mcred.settings import RuleSettings
from mcred.sources import Source

PUBLISHED_SUFFIXES = (".jsonld", ".json")


def is_published_name(name: str) -> bool:
    return name.lower().endswith(PUBLISHED_SUFFIXES)


def looks_published(text: str) -> bool:
    """Cheap test for walked files: JSON-LD that names a context or a type."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    return head == "{" and ('"@context"' in text or '"@type"' in text)


def lint_published(source: Source, rules: RuleSettings) -> FileResult:
    """Lint every design a published file describes; the findings are on the JSON."""
    if source.issues:
        return lint_document(load_source(source), rules)
    imported = read_json(source.text, source.name)
    data = imported.parsed.data if imported.parsed else None
    if isinstance(data, dict) and "mcred" in data and imported.format is None:
        return lint_document(load_source(source), rules)  # a design written as JSON
    if not imported.drafts or imported.parsed is None:
        doc = Document(path=source.name, text=source.text, issues=imported.issues)
        return lint_document(doc, rules)
    findings: list[Finding] = []
    first: FileResult | None = None
    for n, draft in enumerate(imported.drafts):
        doc = Document(path=source.name, text=source.text, data=draft.data,
                       index=position_index(draft, imported.parsed),
                       issues=[*(imported.issues if n == 0 else []), *draft.issues])
        result = lint_document(doc, rules)
        findings.extend(on_source(f, draft, imported.parsed) for f in result.findings)
        first = first or result
    assert first is not None
    first.findings = sorted(findings, key=Finding.sort_key)
    return first


def document_of(text: str, name: str) -> Document | None:
    """The first design's document of a published file (for positions after a cache hit);
    ``None`` when the file is not a published credential."""
    imported = read_json(text, name)
    if not imported.drafts or imported.parsed is None:
        return None
    draft = imported.drafts[0]
    return Document(path=name, text=text, data=draft.data,
                    index=position_index(draft, imported.parsed),
                    issues=[*imported.issues, *draft.issues])


def position_index(draft: Draft, parsed: Parsed) -> PositionIndex:
    """Design key paths → spans of the JSON elements they came from."""
    index = PositionIndex()
    root = _existing(draft.root, parsed)
    span = parsed.value_span(root)
    if span is not None:
        index.add((), span, parsed.key_span(root), container=True)
    for path, origin in sorted(draft.origins.items(), key=lambda item: len(item[0])):
        found = _existing(origin, parsed)
        value = parsed.value_span(found)
        if value is not None:
            index.add(path, value, parsed.key_span(found),
                      container=not _is_scalar(draft.data, path))
    return index


def on_source(finding: Finding, draft: Draft, parsed: Parsed) -> Finding:
    """The finding's pointer names the JSON element it is placed on."""
    if not finding.key_path:
        return finding
    origin = _existing(draft.origin_of(finding.key_path), parsed)
    return replace(finding, key_path=origin)


def _existing(path: JsonPath, parsed: Parsed) -> JsonPath:
    while path and path not in parsed.values:
        path = path[:-1]
    return path


def _is_scalar(data: Any, path: KeyPath) -> bool:
    value = data
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return True
    return not isinstance(value, dict | list)
