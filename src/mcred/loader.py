"""Source text → plain data + position index; YAML and format-marker problems → issues."""

from __future__ import annotations

import re
import time
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from mcred.fastyaml import try_compose
from mcred.findings import Issue, KeyPath
from mcred.positions import PositionIndex, Span
from mcred.sources import Source, character_issues
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
    # Unquoted values kept as the text written (MC012): key path → that text, for --fix.
    quotable: dict[KeyPath, str] = field(default_factory=dict)
    # The file's time budget (time.monotonic()): loading starts it, the rules share it.
    deadline: float | None = None

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def has_marker(text: str) -> bool:
    """Cheap test used when walking directories: does this YAML declare itself a design?"""
    return _MARKER.search(text) is not None


PRESCAN_DEPTH = 256
_BRACKETS = re.compile(r"[\[\]{}\n]")
_BLOCK_INDENT = re.compile(r"^([ ]*)((?:[-?][ ]+)*)", re.MULTILINE)
_YAML11 = re.compile(r"^%YAML[ \t]+1\.1\b", re.MULTILINE)


def _span_issue(code: str, message: str, span: Span, fix: str = "") -> Issue:
    return Issue(code, message, (), fix, (span.line, span.column, span.end_line, span.end_column))


def load_source(source: Source, limits: Limits | None = None) -> Document:
    """Load a :class:`Source`; encoding problems found while reading are its only findings."""
    if source.issues:
        return Document(path=source.name, text=source.text, issues=list(source.issues),
                        deadline=time.monotonic() + (limits or Limits()).max_seconds)
    return load_text(source.text, source.name, limits)


def load_text(text: str, path: str = "<string>", limits: Limits | None = None) -> Document:
    """Parse ``text`` into a :class:`Document`; never raises for bad input."""
    limits = limits or Limits()
    deadline = time.monotonic() + limits.max_seconds
    doc = Document(path=path, text=text, deadline=deadline)
    doc.issues.extend(character_issues(text))
    if doc.issues:
        return doc
    deep = nesting_exceeds(text, max(PRESCAN_DEPTH, 4 * limits.max_depth))
    if deep is not None:
        doc.issues.append(_span_issue("MC009", deep[2], Span(deep[0], deep[1], deep[0], deep[1]),
                                      "Flatten the structure; the design format is only a few "
                                      "levels deep"))
        return doc
    node, version = _compose(doc, limits, deadline)
    if version == (1, 1):
        doc.issues.append(_yaml11_issue(text))
    if node is None:
        if not doc.issues:
            doc.issues.append(_span_issue(
                "MC003", "the file is empty", Span(1, 1, 1, 1),
                "Start the design with `mcred: 1` and the keys of the format",
            ))
        return doc
    _build(doc, node, limits, version == (1, 1), deadline)
    return doc


def _build(doc: Document, node: Any, limits: Limits, yaml11: bool, deadline: float) -> None:
    builder = TreeBuilder(limits, deadline, doc.text)
    try:
        data = builder.build(node)
    except TreeProblem as problem:
        doc.issues.append(_span_issue(problem.code, problem.message, problem.span, problem.fix))
        return
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
        return
    from mcred.ambiguous import repair

    issues, doc.quotable = repair(data, builder.plain, yaml11)
    doc.issues.extend(issues)
    _check_version(doc, data)
    doc.data = data


def nesting_exceeds(text: str, limit: int) -> tuple[int, int, str] | None:
    """A cheap over-estimate of nesting, checked before any parser sees the text.

    Parsers recurse (ruamel's composer in Python, C composers on the C stack) and a
    scanner facing 100,000 open brackets slows to a crawl, so absurd nesting is refused
    here, without parsing; the exact limit is enforced while building the tree.
    """
    if text.count("[") + text.count("{") > limit:
        depth, line, line_start = 0, 1, 0
        for match in _BRACKETS.finditer(text):
            char = match.group()
            if char == "\n":
                line, line_start = line + 1, match.end()
            elif char in "[{":
                depth += 1
                if depth > limit:
                    return line, match.start() - line_start + 1, _too_deep(limit)
            else:
                depth = max(0, depth - 1)
    if text.count("\n") + text.count("- ") + text.count("? ") > limit:
        return _block_depth(text, limit)
    return None


def _block_depth(text: str, limit: int) -> tuple[int, int, str] | None:
    stack: list[int] = []
    for number, match in enumerate(_BLOCK_INDENT.finditer(text), start=1):
        indent = len(match.group(1))
        while stack and stack[-1] >= indent:
            stack.pop()
        stack.append(indent)
        markers = match.group(2).count("-") + match.group(2).count("?")
        if len(stack) + markers > limit:
            return number, indent + 1, _too_deep(limit)
    return None


def _too_deep(limit: int) -> str:
    return f"the document is nested deeper than {limit} levels"


def _yaml11_issue(text: str) -> Issue:
    match = _YAML11.search(text)
    line = text.count("\n", 0, match.start()) + 1 if match else 1
    return Issue(
        "MC012", "the `%YAML 1.1` directive changes how plain values are read (`no` becomes "
        "false, `010` becomes 8)", (),
        "Remove the `%YAML 1.1` line and quote values such as `no` or `010`",
        (line, 1, line, 10),
    )


def _compose(doc: Document, limits: Limits,
             deadline: float) -> tuple[Any, tuple[int, int] | None]:
    # Fast path (perf): libyaml composes when it gives exactly ruamel's nodes; see fastyaml.py.
    # It runs in C, past any deadline and node limit: documents that may hold more values
    # than the limit take the guarded path, which stops at either.
    if not may_exceed_nodes(doc.text, limits.max_nodes):
        handled, fast = try_compose(doc.text, limits.max_depth)
        if handled:
            return fast, None
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from mcred.yamlguard import new_yaml

    yaml = new_yaml(limits, deadline)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            node = yaml.compose(doc.text)
        return node, _version(yaml)
    except TreeProblem as problem:
        doc.issues.append(_span_issue(problem.code, problem.message, problem.span, problem.fix))
    except MarkedYAMLError as exc:
        doc.issues.append(_yaml_issue(exc, limits))
    except YAMLError as exc:
        doc.issues.append(Issue("MC001", str(exc).splitlines()[0][:300], (), "Fix the YAML syntax"))
    except RecursionError:
        doc.issues.append(Issue(
            "MC009", "the document is nested too deeply to parse", (),
            "Flatten the structure; the design format is only a few levels deep",
        ))
    return None, _version(yaml)


_VALUE_STARTS = (": ", ":\n", ":\t", "- ", "-\n", "-\t", "? ", ",", "[", "{")


def may_exceed_nodes(text: str, max_nodes: int) -> bool:
    """A rough over-estimate from counts only: every value but the first follows an
    indicator (``: ``, ``- ``, ``? ``), a comma or a bracket, and a mapping entry is two
    values. Comments and text add nothing, so a long but ordinary file stays fast."""
    rough = sum(text.count(s) for s in _VALUE_STARTS)
    return 2 * rough + 2 > max_nodes


def _version(yaml: Any) -> tuple[int, int] | None:
    version = getattr(yaml, "version", None)
    return (int(version[0]), int(version[1])) if version else None


def _yaml_issue(exc: Any, limits: Limits) -> Issue:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    span = (line, col, line, col)
    problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
    if "maximum depth" in problem:
        return Issue("MC009", _too_deep(limits.max_depth), (),
                     "Flatten the structure; the design format is only a few levels deep", span)
    if "expected a single document" in problem:
        return Issue("MC001", "a second YAML document starts here; a design file holds one",
                     (), "Split the documents into separate files, or remove the `---` line",
                     span)
    return Issue("MC001", problem[:300] or "the YAML does not parse", (),
                 "Fix the YAML syntax at this position (indentation, quotes, colons)", span)


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
