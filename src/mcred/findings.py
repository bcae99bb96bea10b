"""Findings: the immutable values every stage after the loader passes along."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

KeyPath = tuple[str | int, ...]


class Severity(enum.IntEnum):
    """Ordered so that ``max()`` and threshold comparisons read naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            allowed = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {text!r} (allowed: {allowed})") from None


def pointer(path: KeyPath) -> str:
    """RFC 6901 JSON Pointer, the form CI tools and editors understand."""
    if not path:
        return ""
    parts = (str(p).replace("~", "~0").replace("/", "~1") for p in path)
    return "/" + "/".join(parts)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place; positions are 1-based (see positions.py)."""

    path: str
    line: int
    column: int
    code: str
    name: str
    severity: Severity
    message: str
    fix: str = ""
    key_path: KeyPath = ()
    end_line: int | None = None
    end_column: int | None = None
    extra: tuple[tuple[str, Any], ...] = field(default=(), compare=False)
    # "safe" when `mcred lint --fix` fixes it, "unsafe" when only with --unsafe-fixes;
    # ``replacement`` is then the text that replaces the span (for SARIF fixes).
    fixable: str | None = None
    replacement: str | None = field(default=None, compare=False)

    @property
    def pointer(self) -> str:
        return pointer(self.key_path)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "fix": self.fix,
            "pointer": self.pointer,
            "fixable": self.fixable,
        }


@dataclass(frozen=True, slots=True)
class Issue:
    """What a rule or the loader reports; the engine turns it into a :class:`Finding`.

    Rules name a key path and let the engine find the position; the loader, which knows
    the position but not always a path, passes ``span`` as (line, column, end_line,
    end_column). ``severity`` is set only by rules whose catalogue entry names two levels
    (e.g. MC308: warning above 30 ECTS, error from 60).
    """

    code: str
    message: str
    key_path: KeyPath = ()
    fix: str = ""
    span: tuple[int, int, int, int] | None = None
    severity: Severity | None = None
    # The elements this issue reports as absent (or, for MC005, the key a misspelling was
    # meant to be), so the engine can keep one finding per cause (see engine.one_per_cause).
    about: tuple[KeyPath, ...] = ()


def count_by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    tally = dict.fromkeys(sorted(Severity, reverse=True), 0)
    for f in findings:  # perf: no enum property per finding
        tally[f.severity] += 1
    return {s.label: n for s, n in tally.items()}
