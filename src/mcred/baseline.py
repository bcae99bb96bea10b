"""Baselines: today's findings recorded by *what* they are, so later runs show only new ones.

An entry is keyed on path + code + key path + a hash of the offending value, never on a
line number: editing a file above a finding keeps it baselined, changing the offending
value (or fixing it) does not. Paths are stored relative to the baseline file, so a run
from another directory still matches. The file is sorted JSON with a version field, so it
diffs and merges well in review.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from mcred.baselinefile import MAX_ENTRIES, VERSION, BaselineError, read_entries, write_text
from mcred.findings import Finding, KeyPath

if TYPE_CHECKING:
    from mcred.engine import FileResult

__all__ = ["DEFAULT_NAME", "Baseline", "BaselineError", "Key", "Outcome", "fingerprint",
           "relative"]

DEFAULT_NAME = ".mcred-baseline.json"
_MISSING = object()


class Key(NamedTuple):
    """What identifies a finding across edits of its file (perf: a tuple, cheap to make)."""

    path: str
    code: str
    pointer: str
    hash: str


@dataclass
class Outcome:
    """What a baseline did to one run: findings it hid, and entries that no longer occur."""

    known: int = 0
    fixed: list[tuple[Key, int]] = field(default_factory=list)


def _value_at(data: Any, key_path: KeyPath) -> Any:
    for part in key_path:
        in_dict = isinstance(data, dict) and part in data
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if in_dict or in_list:
            data = data[part]
        else:
            return _MISSING
    return data


def fingerprint(finding: Finding, data: Any) -> str:
    """Hash of the offending value's canonical JSON (of the message for file-wide findings)."""
    if finding.key_path:
        value = _value_at(data, finding.key_path)
        payload: dict[str, Any] = {"missing": True} if value is _MISSING else {"value": value}
    else:
        payload = {"message": finding.message}
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def relative(path: str, root: Path) -> str:
    """A finding's path (as reported, relative to the cwd) relative to the baseline folder."""
    absolute = Path(os.path.realpath(path))  # never raises, even on a symlink loop
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, root)).as_posix()


@dataclass
class Baseline:
    """A multiset of keys (the same problem may occur twice) plus a message for people."""

    root: Path
    counts: Counter[Key] = field(default_factory=Counter)
    messages: dict[Key, str] = field(default_factory=dict)

    def key(self, finding: Finding, data: Any) -> Key:
        return Key(relative(finding.path, self.root), finding.code, finding.pointer,
                   fingerprint(finding, data))

    def add_run(self, files: list[FileResult]) -> None:
        """Record every finding of ``files`` (``FileResult``s of a run)."""
        for result in files:
            data = result.document.data if result.document else None
            for finding in result.findings:
                key = self.key(finding, data)
                self.counts[key] += 1
                self.messages.setdefault(key, finding.message)

    def apply(self, files: list[FileResult]) -> Outcome:
        """Remove known findings from ``files`` in place; report entries that are gone."""
        remaining = Counter(self.counts)
        outcome = Outcome()
        for result in files:
            data = result.document.data if result.document else None
            kept = []
            for finding in result.findings:
                key = self.key(finding, data)
                if remaining[key] > 0:
                    remaining[key] -= 1
                    outcome.known += 1
                else:
                    kept.append(finding)
            result.findings[:] = kept
        checked = {relative(r.path, self.root) for r in files}
        gone = self._gone(checked)
        outcome.fixed = sorted((key, n) for key, n in remaining.items()
                               if n > 0 and gone(key.path))
        return outcome

    def shrink(self, files: list[FileResult]) -> tuple[Baseline, int]:
        """The baseline without entries that no longer occur in ``files``; and how many went."""
        current = Baseline(self.root)
        current.add_run(files)
        checked = {relative(r.path, self.root) for r in files}
        kept = Baseline(self.root, messages=dict(self.messages))
        gone = self._gone(checked)
        for key, count in self.counts.items():
            kept.counts[key] = min(count, current.counts[key]) if gone(key.path) else count
        kept.counts = +kept.counts  # drop zero counts
        return kept, sum(self.counts.values()) - sum(kept.counts.values())

    def _gone(self, checked: set[str]) -> Callable[[str], bool]:
        """Can a path's entries be gone? Only if linted in this run, or deleted since.

        perf: one lstat per distinct path, however many entries share it.
        """
        root = str(self.root)

        @functools.cache
        def covered(path: str) -> bool:
            if path in checked:
                return True
            try:
                return not os.path.lexists(os.path.join(root, path))
            except (OSError, ValueError):  # a name too long (or odd) to be a file: keep it
                return False

        return covered

    def to_json(self) -> str:
        entries = [{"path": k.path, "code": k.code, "pointer": k.pointer, "hash": k.hash,
                    "count": n, "message": self.messages.get(k, "")}
                   for k, n in sorted(self.counts.items()) if n > 0]
        return json.dumps({"version": VERSION, "entries": entries}, indent=2,
                          ensure_ascii=False) + "\n"

    def write(self, path: Path) -> None:
        """Atomically, never through a symlink (see :mod:`mcred.baselinefile`)."""
        if len(self.counts) > MAX_ENTRIES:  # it could not be read back
            raise BaselineError(f"{len(self.counts):,} different findings, more than a "
                                f"baseline holds ({MAX_ENTRIES:,}); fix or switch off the most "
                                "frequent rules first (`mcred lint --statistics`)")
        write_text(path, self.to_json())

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read strictly: a malformed or oversized file is a :class:`BaselineError`."""
        entries = read_entries(path)
        baseline = cls(Path(os.path.realpath(os.path.dirname(os.path.abspath(path)))))
        counts, messages = baseline.counts, baseline.messages
        for fields, count, message in entries:
            key = Key(*fields)
            counts[key] += count
            messages[key] = message
        return baseline
