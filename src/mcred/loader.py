"""Source text → plain data + position index; YAML and format-marker problems → issues."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from mcred.fastyaml import try_compose
from mcred.findings import Issue
from mcred.positions import PositionIndex, Span
from mcred.tree import Limits, TreeBuilder, TreeProblem

SUPPORTED_VERSIONS = (1,)
_MARKER = re.compile(r"^mcred[ \t]*:", re.MULTILINE)


@dataclass
class Document:
    """One loaded design file: its text, the data the model sees, and where each value is."""

    path: str
    text: str
    data: dict[str, Any] | None = None
    index: PositionIndex = field(default_factory=PositionIndex)
    issues: list[Issue] = field(default_factory=list)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def has_marker(text: str) -> bool:
    """Cheap test used when walking directories: does this YAML declare itself a design?"""
    return _MARKER.search(text) is not None


@cache
def _yaml() -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="rt", pure=True)


def _span_issue(code: str, message: str, span: Span, fix: str = "") -> Issue:
    return Issue(code, message, (), fix, (span.line, span.column, span.end_line, span.end_column))


def load_text(text: str, path: str = "<string>", limits: Limits | None = None) -> Document:
    """Parse ``text`` into a :class:`Document`; never raises for bad input."""
    doc = Document(path=path, text=text)
    node = _compose(doc)
    if node is None:
        if not doc.issues:
            doc.issues.append(_span_issue(
                "MC003", "the file is empty", Span(1, 1, 1, 1),
                "Start the design with `mcred: 1` and the keys of the format",
            ))
        return doc
    builder = TreeBuilder(limits or Limits())
    try:
        data = builder.build(node)
    except TreeProblem as problem:
        doc.issues.append(_span_issue(problem.code, problem.message, problem.span, problem.fix))
        return doc
    doc.index = builder.index
    for p in builder.problems:
        span = (p.span.line, p.span.column, p.span.end_line, p.span.end_column)
        doc.issues.append(Issue(p.code, p.message, p.path, p.fix, span))
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        doc.issues.append(Issue(
            "MC003", f"the top level is {kind}, not a mapping of keys", (),
            "Write the design as `key: value` lines starting with `mcred: 1`",
        ))
        return doc
    _check_version(doc, data)
    doc.data = data
    return doc


def _compose(doc: Document) -> Any:
    # Fast path (perf): libyaml composes when it gives exactly ruamel's nodes; see fastyaml.py.
    handled, node = try_compose(doc.text)
    if handled:
        return node
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return _yaml().compose(doc.text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        doc.issues.append(Issue(
            "MC001", problem or "the YAML does not parse", (),
            "Fix the YAML syntax at this position (indentation, quotes, colons)",
            (line, col, line, col),
        ))
    except YAMLError as exc:
        doc.issues.append(Issue("MC001", str(exc).splitlines()[0], (), "Fix the YAML syntax"))
    except RecursionError:
        doc.issues.append(Issue(
            "MC009", "the document is nested too deeply to parse", (),
            "Flatten the structure; the design format is only a few levels deep",
        ))
    return None


def _check_version(doc: Document, data: dict[str, Any]) -> None:
    version = data.get("mcred")
    if "mcred" not in data:
        doc.issues.append(Issue(
            "MC004", "the file does not declare the format version (`mcred:` is missing)", (),
            "Add `mcred: 1` as the first line of the design",
        ))
    elif isinstance(version, bool) or version not in SUPPORTED_VERSIONS:
        supported = ", ".join(map(str, SUPPORTED_VERSIONS))
        doc.issues.append(Issue(
            "MC004", f"format version {version!r} is not supported (supported: {supported})",
            ("mcred",), f"Set `mcred: {SUPPORTED_VERSIONS[-1]}`",
        ))
