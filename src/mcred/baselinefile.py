"""Reading and writing the baseline file, which a pull request controls like any design.

It is read through :mod:`mcred.safeio` (regular file, no symlink, size limit before
reading) and checked strictly: one JSON document of the exact shape mcred writes, no
duplicate keys, no NaN or infinities, bounded nesting, entry count and string lengths.
Every problem is a :class:`BaselineError` (exit 2) whose message quotes nothing from
the file unescaped. Writes are atomic and refuse symlinks, as ``--fix`` does.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from mcred import safeio
from mcred.reporters.safe import clean

VERSION = 1
MAX_ENTRIES = 100_000
MAX_COUNT = 1_000_000
# Longest accepted value of each field; a message longer than this is cut, not refused.
LIMITS = {"path": 4096, "code": 32, "pointer": 4096, "hash": 64, "message": 2000}
_FIELDS = {*LIMITS, "count"}


class BaselineError(Exception):
    """The baseline file is missing or is not an mcred baseline; exit 2."""


def root_of(path: Path) -> Path:
    """No folder from the working directory down to the file may be a symlink."""
    cwd = Path.cwd()
    absolute = Path(os.path.abspath(path))
    return cwd if absolute.is_relative_to(cwd) and absolute != cwd else absolute.parent


def read_entries(path: Path) -> list[tuple[tuple[str, str, str, str], int, str]]:
    """``((path, code, pointer, hash), count, message)`` for every entry, in file order."""
    shown = clean(path)
    try:
        text = safeio.read_text(path, "baseline", root=root_of(path))
    except safeio.Missing:
        raise BaselineError(f"{shown}: no such baseline file (create it with "
                            "`mcred baseline create`)") from None
    except safeio.UnsafeFile as exc:
        raise BaselineError(f"{shown}: cannot read the baseline: {clean(exc)}") from None
    data = _parse(text, shown)
    if not isinstance(data, dict) or set(data) - {"version", "entries"} \
            or data.get("version") != VERSION or isinstance(data.get("version"), bool):
        raise BaselineError(f"{shown}: not an mcred baseline of version {VERSION}")
    entries = data.get("entries", [])
    if not isinstance(entries, list):
        raise BaselineError(f"{shown}: `entries` is not a list")
    if len(entries) > MAX_ENTRIES:
        raise BaselineError(f"{shown}: {len(entries):,} entries, more than the limit of "
                            f"{MAX_ENTRIES:,}; record the baseline again with "
                            "`mcred baseline create --force`")
    return [_entry(entry, n, shown) for n, entry in enumerate(entries, start=1)]


def _parse(text: str, shown: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" at line {exc.lineno}, column {exc.colno}" \
            if isinstance(exc, json.JSONDecodeError) else ""
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "too deeply nested"
        raise BaselineError(f"{shown}: not valid JSON{where} ({clean(reason, 200)})") from None
    except ValueError as exc:
        raise BaselineError(f"{shown}: not an mcred baseline ({clean(exc, 200)})") from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("a key appears twice in one object")
    return result


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


_TEXT_FIELDS = ("path", "code", "pointer", "hash")


def _entry(entry: Any, number: int, shown: str) -> tuple[tuple[str, str, str, str], int, str]:
    """perf: one pass of cheap checks per entry; a baseline may hold 100,000s of them."""
    problem = _problem(entry)
    if problem:
        raise BaselineError(f"{shown}: entry {number}: {problem}; fix the entry or record "
                            "the baseline again with `mcred baseline create --force`")
    message = entry.get("message", "")
    return ((entry["path"], entry["code"], entry["pointer"], entry["hash"]),
            entry.get("count", 1), message[:LIMITS["message"]])


def _problem(entry: Any) -> str:
    """What is wrong with one entry, or ``""``."""
    if type(entry) is not dict:
        return "not an object with path, code, pointer and hash"
    if not entry.keys() <= _FIELDS:
        return f"unknown key `{clean(sorted(set(entry) - _FIELDS)[0], 60)}`"
    for name in _TEXT_FIELDS:
        value = entry.get(name)
        if type(value) is not str:
            return f"`{name}` is missing or not text"
        if len(value) > LIMITS[name] or "\0" in value:
            return f"`{name}` is longer than {LIMITS[name]:,} characters or holds NUL"
    if type(entry.get("message", "")) is not str:
        return "`message` is not text"
    count = entry.get("count", 1)
    if type(count) is not int or not 1 <= count <= MAX_COUNT:
        return f"`count` must be a whole number from 1 to {MAX_COUNT:,}"
    return ""


def write_text(path: Path, text: str) -> None:
    """Atomically, never through a symlink (a link to a file outside is refused)."""
    try:
        safeio.write_bytes(path, text.encode("utf-8", "surrogatepass"), root=root_of(path),
                           mode=_mode(path))
    except safeio.UnsafeFile as exc:
        raise BaselineError(f"{clean(path)}: cannot write the baseline: {clean(exc)}"
                            ) from None


def _mode(path: Path) -> int:
    """Keep an existing baseline's permissions; a new one gets the usual rw-r--r--."""
    try:
        return os.stat(path, follow_symlinks=False).st_mode & 0o777
    except OSError:
        return 0o644
