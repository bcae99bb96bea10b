"""`mcred lint --fix`: rewrite designs in place, only where the intent is unambiguous.

Files are read through the same guarded reader as linting (no FIFOs, no escaping
symlinks, size limit), files the loader rejects are never touched, and the new bytes are
written atomically next to the original with its permissions; a symlink is never written
through.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mcred.findings import KeyPath
from mcred.fix.fixers import Edit
from mcred.fix.roundtrip import FixRefused, Rewrite, rewrite, unified_diff
from mcred.loader import Document

__all__ = ["BLOCKING", "FixOutcome", "FixRefused", "fix_paths", "has_edits", "needs_fixing",
           "remove_leftovers", "write_atomically"]

TEMP_SUFFIX = ".mcred"  # the new bytes, until renamed over the design
# Loader findings that mean the file must be repaired by hand before anything rewrites it.
BLOCKING = {"MC001", "MC002", "MC003", "MC009", "MC010", "MC011"}


@dataclass(frozen=True)
class FixOutcome:
    """What happened to one file: fixed (with a diff), refused (with a reason), or untouched."""

    name: str
    rewrite: Rewrite | None = None
    refused: str = ""

    @property
    def changed(self) -> bool:
        return self.rewrite is not None and self.rewrite.changed

    def diff(self) -> str:
        return unified_diff(self.name, self.rewrite) if self.rewrite else ""


#: Round trips each worker process must get to pay off (one costs ~25 ms here, starting a
#: pool about as much as two): eight files or more are fixed in two or more workers.
PER_WORKER = 4


@dataclass(frozen=True)
class _Task:
    """One file to round-trip: everything :func:`_rewrite` needs, so a worker can do it."""

    path: Path
    name: str
    text: str
    bom: bool
    unsafe: bool
    quote: Mapping[KeyPath, str]
    on_disk: str | None  # the file's text when ``text`` has its tabs replaced


def fix_paths(paths: Iterable[Path], max_file_size: int, *, unsafe: bool, write: bool,
              follow_symlinks: bool = False, require_marker: bool = False,
              jobs: int | None = None) -> list[FixOutcome]:
    """Fix every design among ``paths``; with ``write`` false nothing on disk changes.

    Files named explicitly count as designs unless ``require_marker`` (pre-commit passes
    every YAML file); walked files always need the ``mcred:`` marker. The round trips
    (pure: bytes in, bytes out) run in ``jobs`` worker processes when there are enough of
    them; files are read and written by this process only.
    """
    from mcred.discovery import discover, display_name
    from mcred.loader import has_marker, load_source, load_text
    from mcred.sources import ReadPolicy, SourceError, read_path

    planned: list[FixOutcome | _Task] = []
    swept: set[Path] = set()  # folders already rid of a killed run's temp files
    for argument in paths:
        for path, explicit in discover([argument]):
            if write and path.parent not in swept:
                swept.add(path.parent)
                remove_leftovers(path.parent)
            name = display_name(path)
            policy = ReadPolicy(max_file_size, None if explicit else argument, follow_symlinks)
            try:
                source = read_path(path, name, policy)
            except SourceError:
                continue  # the lint run that follows reports it
            if source.issues or not ((explicit and not require_marker)
                                     or has_marker(source.text)):
                continue
            document = load_source(source)
            text, untabbed = _untabbed(source.text, document)
            if untabbed:
                document = load_text(text, name)
            blocking = sorted({i.code for i in document.issues} & BLOCKING)
            if blocking:
                planned.append(FixOutcome(name, refused="fix the loading problems first ("
                                          + ", ".join(blocking) + ")"))
                continue
            if not untabbed and not needs_fixing(document, unsafe):
                planned.append(FixOutcome(name))
                continue
            planned.append(_Task(path, name, text, source.bom, unsafe, document.quotable,
                                 source.text if untabbed else None))
    tasks = [t for t in planned if isinstance(t, _Task)]
    done = iter(_rewrite_all(tasks, jobs))
    return [item if isinstance(item, FixOutcome) else _write(item, next(done), write)
            for item in planned]


def _rewrite_all(tasks: list[_Task], jobs: int | None) -> list[Rewrite | str]:
    from mcred.workers import cpus, map_in_workers

    workers = min(jobs or cpus(), len(tasks) // PER_WORKER)
    if workers > 1:
        return map_in_workers(_rewrite, tasks, workers)
    return [_rewrite(t) for t in tasks]


def _rewrite(task: _Task) -> Rewrite | str:
    """The file's rewrite, or why it was refused. Pure: may run in a worker."""
    head = b"\xef\xbb\xbf" if task.bom else b""
    try:
        result = rewrite(head + task.text.encode("utf-8"), task.unsafe, task.quote)
    except FixRefused as exc:
        return str(exc)
    if task.on_disk is not None:
        tabs = Edit((), "\t", "  ", "indenting tabs replaced by spaces")
        return Rewrite(head + task.on_disk.encode("utf-8"), result.result,
                       (tabs, *result.edits))
    return result


def _write(task: _Task, done: Rewrite | str, write: bool) -> FixOutcome:
    if isinstance(done, str):
        return FixOutcome(task.name, refused=done)
    try:
        if write and done.changed:
            write_atomically(task.path, done.original, done.result)
    except FixRefused as exc:
        return FixOutcome(task.name, refused=str(exc))
    except OSError as exc:  # a read-only folder, an immutable file: this file only
        return FixOutcome(task.name, refused=f"cannot write the file ({exc.strerror or exc})")
    return FixOutcome(task.name, done)


def _untabbed(text: str, document: Document) -> tuple[str, bool]:
    """The text with indenting tabs as spaces, when that is what made it unreadable and
    the indentation is unambiguous (mcred.tabs)."""
    from mcred.tabs import fixed

    if not any(i.code == "MC001" and "not tabs" in i.message for i in document.issues):
        return text, False
    new = fixed(text)
    return (text, False) if new is None else (new, True)


def needs_fixing(document: Document, unsafe: bool) -> bool:
    """An edit to make, or a loading problem to refuse with; else --fix leaves the file be.

    perf: judged on the loaded data; the round trip (ruamel, ~10x the cost of loading)
    runs only for files that have an edit. The same fixers judge both trees.
    """
    if document.quotable or any(i.code in BLOCKING for i in document.issues):
        return True
    return has_edits(document.data, unsafe)


def has_edits(data: dict[str, Any] | None, unsafe: bool) -> bool:
    """Whether the fixers find anything to change in a design's loaded data."""
    from mcred.fix.fixers import find_edits

    return data is not None and bool(find_edits(data, unsafe))


def write_atomically(path: Path, expected: bytes, data: bytes) -> None:
    """Replace ``path`` with ``data``: temp file in the same directory, fsync, same mode.

    Refuses symlinks (the link would be replaced by a file, or a target outside the
    repository rewritten) and files that changed since they were read.
    """
    from mcred.safeio import UnsafeFile, write_bytes

    try:
        info = os.lstat(path)
    except OSError as exc:
        raise FixRefused(f"the file cannot be examined ({exc.strerror})") from None
    if stat.S_ISLNK(info.st_mode):
        raise FixRefused("it is a symlink; mcred never writes through symlinks")
    if not stat.S_ISREG(info.st_mode) or path.read_bytes() != expected:
        raise FixRefused("the file changed while mcred was fixing it; run again")
    try:
        write_bytes(path, data, mode=stat.S_IMODE(info.st_mode), suffix=TEMP_SUFFIX)
    except UnsafeFile as exc:
        raise FixRefused(str(exc)) from None


_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?:[0-9a-f]{12}|[a-z0-9_]{8})" + re.escape(TEMP_SUFFIX))


def remove_leftovers(directory: Path) -> None:
    """Delete temp files a killed ``--fix`` left next to a design: ``.NAME.<random>.mcred``
    where NAME is a file of the folder; regular files only, never a link or a folder."""
    try:
        names = os.listdir(directory)
        present = set(names)
        for name in names:
            match = _LEFTOVER.fullmatch(name)
            if match and _belongs(match["name"], present) and \
                    stat.S_ISREG(os.lstat(directory / name).st_mode):
                os.unlink(directory / name)
    except OSError:
        return  # the write that follows reports a folder it cannot change


def _belongs(name: str, present: set[str]) -> bool:
    """The temp file's NAME is a file here (names are cut to 64 characters in temp names)."""
    return name in present or (len(name) == 64 and any(p.startswith(name) for p in present))
