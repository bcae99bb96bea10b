"""The only place where 0-based parser marks become 1-based line/column positions."""

from __future__ import annotations

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
