"""A small strict JSON parser that records where every value stands, within limits.

Published credentials are untrusted input: the parser refuses nesting deeper than the
limit before it recurses, counts nodes, reports duplicate keys (keeping the first, as the
YAML loader does), and leaves huge strings such as base64 images undecoded. Strings are
read by the standard library's C scanner, so a 100 MB value costs one pass and no copies
beyond the slice. Positions are offsets; :meth:`Parsed.span` turns them into 1-based
line/column spans only for the values a finding needs.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from mcred.positions import Span

JsonPath = tuple[str | int, ...]
_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_LITERALS = {"true": True, "false": False, "null": None}
_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]*")


@dataclass(frozen=True)
class JsonLimits:
    """Bounds no real credential comes near (the official samples: depth 14, 2,500 nodes)."""

    max_depth: int = 64
    max_nodes: int = 200_000
    max_string: int = 64 * 1024  # longer strings are kept only as "skipped" markers


@dataclass(frozen=True)
class Skipped:
    """A string too long to keep (a display image, usually): only its length is known."""

    length: int


class JsonError(Exception):
    """The text is not JSON, or breaks a limit; ``offset`` is where."""

    def __init__(self, message: str, offset: int, code: str = "MC001", fix: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.code = code
        self.fix = fix or "Fix the JSON syntax at this position (commas, quotes, brackets)"


@dataclass(frozen=True)
class Duplicate:
    """A key that appears twice in one object; the first value is the one kept."""

    path: JsonPath
    offset: int
    end: int
    first_offset: int


@dataclass
class Parsed:
    """The data, where each value (and each object member's key) stands, and duplicates."""

    text: str
    data: Any = None
    values: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    duplicates: list[Duplicate] = field(default_factory=list)
    skipped: list[JsonPath] = field(default_factory=list)
    _lines: list[int] | None = None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        if self._lines is None:
            self._lines = [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._lines, offset)
        start = self._lines[line - 1] if line else 0
        return line + 1, offset - start + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column)

    def value_span(self, path: JsonPath) -> Span | None:
        found = self.values.get(path)
        return self.span(*found) if found else None

    def key_span(self, path: JsonPath) -> Span | None:
        found = self.keys.get(path)
        return self.span(*found) if found else None


def parse(text: str, limits: JsonLimits | None = None) -> Parsed:
    """Parse one JSON document; raises :class:`JsonError` for bad or oversized input."""
    parser = _Parser(text, limits or JsonLimits())
    start = _WS.match(text, 0).end()  # type: ignore[union-attr]
    value, end = parser.value(start, (), 0)
    end = _WS.match(text, end).end()  # type: ignore[union-attr]
    if end != len(text):
        raise JsonError("unexpected text after the end of the JSON document", end)
    parser.parsed.data = value
    return parser.parsed


class _Parser:
    def __init__(self, text: str, limits: JsonLimits) -> None:
        self.text = text
        self.limits = limits
        self.nodes = 0
        self.parsed = Parsed(text)

    def value(self, pos: int, path: JsonPath, depth: int) -> tuple[Any, int]:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise JsonError(f"the document has more than {self.limits.max_nodes:,} values",
                            pos, "MC009", "Split the file; a credential never needs this "
                            "many values")
        char = self.text[pos:pos + 1]
        if char in ("{", "["):
            if depth >= self.limits.max_depth:
                raise JsonError(f"the document is nested deeper than {self.limits.max_depth} "
                                "levels", pos, "MC009", "Flatten the structure; credentials "
                                "are only a few levels deep")
            value, end = (self.object(pos, path, depth) if char == "{"
                          else self.array(pos, path, depth))
        elif char == '"':
            value, end = self.string(pos, path)
        else:
            value, end = self.scalar(pos)
        self.parsed.values[path] = (pos, end)
        return value, end

    def string(self, pos: int, path: JsonPath) -> tuple[Any, int]:
        close = self.text.find('"', pos + 1)
        huge = close - pos > self.limits.max_string and self.text.find("\\", pos + 1, close) < 0
        # perf and safety: a huge unescaped string (a base64 image) is never decoded.
        if huge and (_BASE64.fullmatch(self.text, pos + 1, close)
                     or close - pos > 16 * 1024 * 1024):
            self.parsed.skipped.append(path)
            return Skipped(close - pos - 1), close + 1
        try:
            text, end = scanstring(self.text, pos + 1, True)
        except ValueError as exc:
            raise JsonError(_string_problem(exc), _error_offset(exc, pos)) from None
        if len(text) > self.limits.max_string:
            self.parsed.skipped.append(path)
            return Skipped(len(text)), end
        return text, end

    def scalar(self, pos: int) -> tuple[Any, int]:
        for word, value in _LITERALS.items():
            if self.text.startswith(word, pos):
                return value, pos + len(word)
        match = _NUMBER.match(self.text, pos)
        if match is None or match.end() == pos:
            shown = self.text[pos:pos + 1] or "the end of the file"
            raise JsonError(f"expected a value (text, number, object or array), found "
                            f"{shown!r}" if shown != "the end of the file" else
                            "the file ends where a value should be", pos)
        number = match.group()
        if len(number) > 100:
            raise JsonError("a number has more than 100 digits", pos, "MC009",
                            "Write the number with fewer digits")
        if match.group(1) or match.group(2):
            return float(number), match.end()
        return int(number), match.end()

    def array(self, pos: int, path: JsonPath, depth: int) -> tuple[list[Any], int]:
        items: list[Any] = []
        pos = self.skip(pos + 1)
        if self.text.startswith("]", pos):
            return items, pos + 1
        while True:
            value, pos = self.value(pos, (*path, len(items)), depth + 1)
            items.append(value)
            pos = self.skip(pos)
            char = self.text[pos:pos + 1]
            if char == "]":
                return items, pos + 1
            if char != ",":
                raise JsonError("expected ',' or ']' after an array item", pos)
            pos = self.skip(pos + 1)

    def object(self, pos: int, path: JsonPath, depth: int) -> tuple[dict[str, Any], int]:
        members: dict[str, Any] = {}
        firsts: dict[str, int] = {}
        pos = self.skip(pos + 1)
        if self.text.startswith("}", pos):
            return members, pos + 1
        while True:
            if not self.text.startswith('"', pos):
                raise JsonError("expected a key in double quotes", pos)
            key_start = pos
            key, pos = self.string(pos, path)
            if not isinstance(key, str):
                raise JsonError("a key is longer than the limit", key_start, "MC009")
            key_span = (key_start, pos)
            pos = self.skip(pos)
            if not self.text.startswith(":", pos):
                raise JsonError("expected ':' after a key", pos)
            pos = self.skip(pos + 1)
            child = (*path, key)
            if key in firsts:
                # Parsed under a scratch path, so the first value keeps its positions.
                self.parsed.duplicates.append(Duplicate(child, *key_span, firsts[key]))
                _, pos = self.value(pos, (*path, f"\x00dup{key_start}"), depth + 1)
            else:
                firsts[key] = key_start
                self.parsed.keys[child] = key_span
                members[key], pos = self.value(pos, child, depth + 1)
            pos = self.skip(pos)
            char = self.text[pos:pos + 1]
            if char == "}":
                return members, pos + 1
            if char != ",":
                raise JsonError("expected ',' or '}' after an object member", pos)
            pos = self.skip(pos + 1)

    def skip(self, pos: int) -> int:
        return _WS.match(self.text, pos).end()  # type: ignore[union-attr]


def _string_problem(exc: ValueError) -> str:
    message = str(exc).split(":")[0]
    if "Unterminated" in message:
        return "a text in double quotes is not closed"
    if "control character" in message.lower():
        return "a control character (such as a tab or line break) inside a quoted text"
    return "an invalid escape sequence inside a quoted text (write \\\\ for a backslash)"


def _error_offset(exc: ValueError, default: int) -> int:
    pos = getattr(exc, "pos", None)
    return pos if isinstance(pos, int) else default
