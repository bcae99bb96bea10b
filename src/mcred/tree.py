"""Turns a composed YAML node graph into plain data and a position index, within limits.

Parsers hand us nodes (ruamel's composer, or any composer with the same node shape);
building the values ourselves lets us keep positions, refuse tags that construct objects,
see duplicate keys and count aliases as they expand, whichever parser produced the nodes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time
from dataclasses import dataclass
from typing import Any

from mcred.findings import KeyPath
from mcred.positions import PositionIndex, Span, span_from_marks

TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {f"{TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_TAGGED = re.compile(r"(?:&\S+[ \t]+)?!")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Limits:
    """Resource limits for one document; hostile files hit these, real designs never do."""

    max_depth: int = 64
    max_nodes: int = 100_000
    max_seconds: float = 5.0


def deadline_problem(seconds: float, span: Span) -> TreeProblem:
    """The per-file time budget ran out; shared by the composer guard and the builder."""
    return TreeProblem(
        "MC009", f"reading the file took longer than the limit of {seconds:g} s",
        span, "Simplify the file; a design is read in milliseconds",
    )


class TreeProblem(Exception):
    """A problem that stops conversion of the document, with where it happened."""

    def __init__(self, code: str, message: str, span: Span, fix: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.span = span
        self.fix = fix


@dataclass(frozen=True)
class PlainScalar:
    """A plain (unquoted) scalar YAML resolved to a non-string: the raw text is kept so the
    loader can tell when the author meant text (`1.10`, `0413`) or wrote `.inf`."""

    path: KeyPath
    text: str
    value: Any
    span: Span


@dataclass(frozen=True)
class ValueProblem:
    """A problem with one value that does not stop the rest of the document loading."""

    code: str
    message: str
    path: KeyPath
    span: Span
    fix: str = ""


def _span(node: Any) -> Span:
    return span_from_marks(node.start_mark, node.end_mark)


class TreeBuilder:
    """Builds data from nodes once; aliases reuse the built value but count its size."""

    def __init__(self, limits: Limits, deadline: float | None = None, source: str = "") -> None:
        self.limits = limits
        self.source = source  # to tell an explicit `!!int 5` from a plain `5`
        self.index = PositionIndex()
        self.problems: list[ValueProblem] = []
        self._nodes = 0
        self._calls = 0
        self._memo: dict[int, tuple[Any, int]] = {}
        self._active: set[int] = set()
        self.plain: list[PlainScalar] = []
        # One budget per file: a loader passes the deadline its parser already started.
        self.deadline = deadline or time.monotonic() + limits.max_seconds

    def build(self, node: Any) -> Any:
        value, _ = self._node(node, (), 0, None)
        return value

    def _count(self, size: int, node: Any) -> None:
        self._nodes += size
        self._calls += 1
        if self._calls & 0x3FF == 0 and time.monotonic() > self.deadline:
            raise deadline_problem(self.limits.max_seconds, _span(node))
        if self._nodes > self.limits.max_nodes:
            raise TreeProblem(
                "MC009",
                f"the document expands to more than {self.limits.max_nodes:,} nodes "
                "(aliases counted as expanded)",
                _span(node),
                "Remove the repeated aliases; a design never needs this many values",
            )

    def _node(self, node: Any, path: KeyPath, depth: int, key: Span | None) -> tuple[Any, int]:
        ident = id(node)
        if ident in self._active:
            raise TreeProblem(
                "MC009", "an alias refers to a node that contains it (recursive alias)",
                _span(node), "Replace the alias with a copy of the values it should repeat",
            )
        if depth > self.limits.max_depth:
            raise TreeProblem(
                "MC009", f"the document is nested deeper than {self.limits.max_depth} levels",
                _span(node), "Flatten the structure; the design format is only a few levels deep",
            )
        memo = self._memo.get(ident)
        if memo is not None:
            self._count(memo[1], node)
            self.index.add(path, _span(node), key, container=not _is_scalar(node))
            return memo
        self._active.add(ident)
        try:
            result = self._dispatch(node, path, depth, key)
        finally:
            self._active.discard(ident)
        if getattr(node, "anchor", None):
            self._memo[ident] = result
        return result

    def _dispatch(self, node: Any, path: KeyPath, depth: int, key: Span | None) -> tuple[Any, int]:
        kind = type(node).__name__
        self.index.add(path, _span(node), key, container=kind != "ScalarNode")
        if kind == "MappingNode":
            return self._mapping(node, path, depth)
        if kind == "SequenceNode":
            return self._sequence(node, path, depth)
        self._count(1, node)
        return self._scalar(node, path), 1

    def _explicit_tag(self, node: Any) -> bool:
        """Tags other than `!!str` are refused even when core: the format never needs them."""
        return _explicit(self.source, getattr(node.start_mark, "index", None))

    def _check_tag(self, node: Any, expected: str) -> None:
        if str(node.tag) != f"{TAG}{expected}":
            raise TreeProblem(
                "MC010", f"the tag {short_tag(str(node.tag))} is not allowed in a design",
                _span(node), "Remove the tag; designs use plain YAML values only",
            )

    def _sequence(self, node: Any, path: KeyPath, depth: int) -> tuple[list[Any], int]:
        self._check_tag(node, "seq")
        self._count(1, node)
        items: list[Any] = []
        size = 1
        for i, child in enumerate(node.value):
            value, n = self._node(child, (*path, i), depth + 1, None)
            items.append(value)
            size += n
        return items, size

    def _mapping(self, node: Any, path: KeyPath, depth: int) -> tuple[dict[str, Any], int]:
        self._check_tag(node, "map")
        self._count(1, node)
        result: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        seen: dict[str, Span] = {}
        size = 1
        for key_node, value_node in node.value:
            if str(key_node.tag) == f"{TAG}merge":
                size += self._merge(value_node, path, depth, merged)
                continue
            key_span = _span(key_node)
            name = self._key(key_node, path)
            if name is None:
                continue
            if name in seen:
                first = seen[name]
                self.problems.append(ValueProblem(
                    "MC002", f"duplicate key {name!r} (first defined at line {first.line})",
                    (*path, name), key_span, "Remove one of the two entries or merge them",
                ))
                continue
            seen[name] = key_span
            value, n = self._node(value_node, (*path, name), depth + 1, key_span)
            result[name] = value
            size += n
        for name, value in merged.items():
            result.setdefault(name, value)
        return result, size

    def _merge(self, node: Any, path: KeyPath, depth: int, into: dict[str, Any]) -> int:
        sources = node.value if type(node).__name__ == "SequenceNode" else [node]
        size = 0
        for source in sources:
            if type(source).__name__ != "MappingNode":
                raise TreeProblem(
                    "MC001", "a merge key (<<) must refer to a mapping", _span(source),
                    "Point << at an anchored mapping, e.g. <<: *defaults",
                )
            value, n = self._node(source, path, depth, None)
            size += n
            for name, item in value.items():
                into.setdefault(name, item)
        return size

    def _key(self, node: Any, path: KeyPath) -> str | None:
        if type(node).__name__ == "ScalarNode" and str(node.tag) == f"{TAG}str":
            return str(node.value)
        shown = node.value if type(node).__name__ == "ScalarNode" else "a complex key"
        self.problems.append(ValueProblem(
            "MC006", f"the key {shown!s} is not a string", path, _span(node),
            "Quote the key or rename it to a text key from the format",
        ))
        return None

    def _scalar(self, node: Any, path: KeyPath) -> Any:
        tag, text = str(node.tag), str(node.value)
        if getattr(node, "style", None) == ">":
            text = text.replace("\a", "")  # ruamel marks the folds of `>` scalars with BEL
        if tag not in _PLAIN_TAGS:
            raise TreeProblem(
                "MC010", f"the tag {short_tag(tag)} is not allowed in a design",
                _span(node), "Remove the tag; designs use plain YAML values only",
            )
        if tag != f"{TAG}str" and self._explicit_tag(node):
            self.problems.append(ValueProblem(
                "MC010", f"the tag {short_tag(tag)} is not allowed in a design", path,
                _span(node), "Remove the tag, or quote the value to keep it as text",
            ))
            return None
        try:
            value = construct_scalar(tag[len(TAG):], text)
        except ValueError as exc:
            self.problems.append(ValueProblem(
                "MC006", f"{text[:40]!r} is not a valid {tag[len(TAG):]}: {exc}", path,
                _span(node), "Write a valid value, or quote it to keep it as text",
            ))
            return None
        if getattr(node, "style", None) is None and not isinstance(value, str | None):
            self.plain.append(PlainScalar(path, text, value, _span(node)))
        return value


def _explicit(source: str, index: int | None) -> bool:
    return index is not None and _TAGGED.match(source, index) is not None


def short_tag(tag: str) -> str:
    """`!!python/object` rather than the full URI; long tags are shortened for messages."""
    shown = "!!" + tag[len(TAG):] if tag.startswith(TAG) else tag
    return shown if len(shown) <= 80 else shown[:79] + "…"


def construct_scalar(kind: str, text: str) -> Any:
    """Build a scalar value with YAML 1.2 core semantics (plus YAML 1.1 booleans)."""
    if kind == "str":
        return text
    if kind == "null":
        return None
    if kind == "bool":
        return text.lower() in ("true", "yes", "on", "y")
    if kind == "int":
        return _int(text)
    if kind == "float":
        return _float(text)
    return _timestamp(text)


def _int(text: str) -> int:
    t = text.replace("_", "")
    sign = -1 if t.startswith("-") else 1
    t = t.lstrip("+-")
    if len(t) > 100:
        raise ValueError("the number has more than 100 digits")
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if t.lower().startswith(prefix):
            return sign * int(t[2:], base)
    return sign * int(t, 10)


def _float(text: str) -> float:
    t = text.replace("_", "").lower()
    if t.lstrip("+-") in (".inf", "inf"):
        return -math.inf if t.startswith("-") else math.inf
    if t in (".nan", "nan"):
        return math.nan
    if len(t) > 100:
        raise ValueError("the number has more than 100 characters")
    return float(t)


def _timestamp(text: str) -> dt.date | dt.datetime | str:
    if _DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(str(exc)) from None
    try:
        return dt.datetime.fromisoformat(text.replace("t", "T").replace(" ", "T", 1))
    except ValueError:
        return text


def _is_scalar(node: Any) -> bool:
    return type(node).__name__ == "ScalarNode"
