"""The only place where 0-based parser marks become 1-based line/column positions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mcred.findings import KeyPath


@dataclass(frozen=True, slots=True)
class Span:
    """A 1-based start and end of a node in the source text."""

    line: int
    column: int
    end_line: int
    end_column: int


def span_from_marks(start: object, end: object) -> Span:
    """Convert a parser's start/end marks (objects with 0-based ``line``/``column``)."""
    return Span(
        start.line + 1,  # type: ignore[attr-defined]
        start.column + 1,  # type: ignore[attr-defined]
        end.line + 1,  # type: ignore[attr-defined]
        end.column + 1,  # type: ignore[attr-defined]
    )


class PositionIndex:
    """Maps key paths to where their key and value stand in the file.

    A finding about a missing key points at the nearest ancestor that exists, which is
    where the user would add it.
    """

    __slots__ = ("_containers", "_keys", "_values")

    def __init__(self) -> None:
        self._keys: dict[KeyPath, Span] = {}
        self._values: dict[KeyPath, Span] = {}
        self._containers: set[KeyPath] = set()

    def add(
        self, path: KeyPath, value: Span, key: Span | None = None, *, container: bool = False
    ) -> None:
        self._values.setdefault(path, value)
        if key is not None:
            self._keys.setdefault(path, key)
        if container:
            self._containers.add(path)

    def value_span(self, path: KeyPath) -> Span | None:
        return self._values.get(path)

    def key_span(self, path: KeyPath) -> Span | None:
        return self._keys.get(path)

    def __contains__(self, path: KeyPath) -> bool:
        return path in self._values

    def locate(self, path: KeyPath) -> tuple[Span, KeyPath]:
        """Best span for a finding at ``path`` and the path it really points at.

        Scalars point at their value (the offending text); containers and missing keys at
        the key (the value of a block mapping starts on the next line, which reads as the
        wrong place).
        """
        probe = path
        while True:
            value = self._values.get(probe)
            if value is not None:
                key = self._keys.get(probe)
                if key is not None and (probe != path or probe in self._containers):
                    return key, probe
                if not probe and path:
                    return Span(value.line, value.column, value.line, value.column), probe
                return value, probe
            if not probe:
                return Span(1, 1, 1, 1), ()
            probe = probe[:-1]

    def insertion_point(self, path: KeyPath, order: Callable[[KeyPath], Sequence[str]],
                        lines: Sequence[str]) -> Span | None:
        """Where a missing key would be written, in the format's canonical order.

        The last line of its preceding sibling (``order(parent)`` lists a mapping's keys in
        that order): the key goes right after it. Else the line of its first following
        sibling; ``None`` when the key exists, its parent holds no key, or the parent is
        not a mapping.
        """
        parent = path[:-1]
        while parent and parent not in self._values:
            path, parent = parent, parent[:-1]
        key = path[-1] if path else None
        if not isinstance(key, str) or path in self._values:
            return None
        keys = list(order(parent))
        if key not in keys:
            return None
        place = keys.index(key)
        before = [k for k in keys[:place] if (*parent, k) in self._keys]
        after = [k for k in keys[place + 1:] if (*parent, k) in self._keys]
        if before:
            sibling = self._keys[(*parent, before[-1])]
            value = self._values[(*parent, before[-1])]
            line = min(value.end_line - (value.end_column == 1), len(lines))
            while line > sibling.line and (not lines[line - 1].strip()
                                           or lines[line - 1].lstrip().startswith("#")):
                line -= 1  # blank lines and comments after a block belong to what follows
            return Span(line, sibling.column, line, sibling.column)  # at the key's indent
        if after:
            sibling = self._keys[(*parent, after[0])]
            return Span(sibling.line, sibling.column, sibling.line, sibling.column)
        return None
