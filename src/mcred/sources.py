"""Reading design files: bytes from disk to text, or a clear reason why not.

This is the first half of mcred's security boundary. Files come from pull requests by
anyone, so a path may be a FIFO that never sends EOF, a device that never ends, a symlink
to a secret outside the repository, or a file that vanishes between listing and reading.
Nothing here follows a symlink it has not checked, blocks, or reads more than the limit.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from mcred.findings import Issue

_UTF32 = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_BOM = re.compile("\ufeff")
_MAX_REPORTED = 10
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
ENCODING_FIX = "Save the file as UTF-8 text (an editor's 'Save with encoding' does this)"


class SourceError(Exception):
    """The file cannot be read as a design; the message says why and what to do."""


class FileTooLarge(SourceError):
    """Over the size limit; ``head`` (the first bytes) tells a walk whether it is a design."""

    def __init__(self, message: str, head: bytes) -> None:
        super().__init__(message)
        self.head = head


@dataclass(frozen=True)
class Source:
    """A design's text, the name reports show for it, and any encoding problems.

    When ``issues`` is not empty the text is not safe to parse (``text`` is then empty or
    the part before the problem is irrelevant): the issues are the file's findings.
    """

    name: str
    text: str
    bom: bool = False
    issues: tuple[Issue, ...] = field(default=())


@dataclass(frozen=True)
class ReadPolicy:
    """Where a file may live and how big it may be."""

    max_size: int = 512 * 1024
    root: Path | None = None
    follow_symlinks: bool = False
    # perf: real paths of directories already resolved in this run (one run shares one
    # dict); a file that is not itself a symlink resolves as its directory's real path
    # plus its name, so a walk does one lstat per file instead of one per path component.
    real_dirs: dict[str, str] | None = field(default=None, compare=False, hash=False)


def default_root(path: Path) -> Path:
    """The root an explicitly named file must stay in: the working directory, else its folder."""
    cwd = Path.cwd()
    absolute = Path(os.path.abspath(path))
    return cwd if absolute.is_relative_to(cwd) else absolute.parent


def read_path(path: Path | str, display: str, policy: ReadPolicy | int) -> Source:
    """Read a regular file, bounded by the size limit; never follows into devices or FIFOs."""
    if isinstance(policy, int):
        policy = ReadPolicy(max_size=policy)
    target = _checked_target(path, display, policy)
    data = _read_bounded(target, display, policy.max_size)
    return decode(data, display)


def _checked_target(path: Path | str, display: str, policy: ReadPolicy) -> str:
    """The real path to open, once every symlink on the way is known to stay in the root.

    Both a symlinked file and a file under a symlinked directory can lead out of the
    repository (to ``~/.ssh`` or ``/proc/self/environ``); either needs --follow-symlinks.
    perf: plain strings on the common path (no symlink); ``Path`` only to compare roots.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise SourceError(f"{display}: no such file or directory (it may have been removed "
                          "while mcred ran)") from None
    except OSError as exc:
        raise SourceError(f"{display}: cannot read the file ({_reason(exc)})") from None
    link = stat.S_ISLNK(info.st_mode)
    absolute = os.path.abspath(path)
    try:
        real = _realpath(path, absolute, link, policy.real_dirs)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SourceError(f"{display}: the symlink loops back on itself") from None
        raise SourceError(f"{display}: the symlink points to a file that does not exist"
                          ) from None
    if policy.follow_symlinks or real == absolute:  # strings: the common case
        return real
    root = Path(os.path.realpath(policy.root or default_root(Path(path))))
    if not Path(real).is_relative_to(root):
        what = "the symlink points" if link else "a symlinked directory on its path leads"
        raise SourceError(f"{display}: {what} outside the linted directory; mcred does not "
                          "follow it (pass --follow-symlinks to allow it)")
    return real


def _realpath(path: Path | str, absolute: str, link: bool,
              real_dirs: dict[str, str] | None) -> str:
    """``os.path.realpath(path, strict=True)``, reusing the real path of its directory."""
    if link or real_dirs is None:
        return os.path.realpath(path, strict=True)
    directory, name = os.path.split(absolute)
    real = real_dirs.get(directory)
    if real is None:
        real = real_dirs[directory] = os.path.realpath(directory, strict=True)
    return os.path.join(real, name)


def _read_bounded(path: str, display: str, max_size: int) -> bytes:
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SourceError(f"{display}: the file was replaced by a symlink while mcred "
                              "ran; not following it") from None
        raise SourceError(f"{display}: cannot read the file ({_reason(exc)})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{display}: {_kind(info.st_mode)}, not a regular file "
                              "(mcred reads only files)")
        if info.st_size > max_size:
            head = os.read(fd, 4096) if info.st_size else b""
            raise FileTooLarge(f"{display}: the file is {info.st_size:,} bytes, more than the "
                               f"limit of {max_size:,} (raise it with --max-file-size)", head)
        data = read_at_most(fd, max_size + 1, regular=True)
    except OSError as exc:
        raise SourceError(f"{display}: cannot read the file ({_reason(exc)})") from None
    finally:
        os.close(fd)
    if len(data) > max_size:
        raise SourceError(f"{display}: the file grew beyond the limit of {max_size:,} bytes "
                          "while mcred read it")
    return data


def read_at_most(fd: int, limit: int, chunk: int = 1 << 16, *, regular: bool = False) -> bytes:
    """Up to ``limit`` bytes from an open file, blocking again (it was opened without, so a
    FIFO could not hang the open); a file that grows while read cannot exceed the bound.

    ``regular``: the file is known to be a regular file, which never blocks and returns
    less than asked only at its end (perf: two system calls fewer per design).
    """
    if not regular:
        os.set_blocking(fd, True)
    chunks: list[bytes] = []
    remaining = limit
    while remaining > 0:
        wanted = min(remaining, chunk)
        data = os.read(fd, wanted)
        if not data:
            break
        chunks.append(data)
        remaining -= len(data)
        if regular and len(data) < wanted:
            break
    return b"".join(chunks)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or type(exc).__name__


def decode(data: bytes, display: str) -> Source:
    """Strict UTF-8 (a leading BOM is accepted and remembered); problems become MC011 issues.

    A rejected file keeps a best-effort text, used only to show the offending line and to
    tell whether a walked file is a design at all; it is never parsed.
    """
    for boms, width in ((_UTF32, 32), (_UTF16, 16)):
        if data.startswith(boms):
            text = data.decode(f"utf-{width}", "replace")
            return _rejected(display, text, f"the file is encoded as UTF-{width}, not UTF-8",
                             1, 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _byte_position(data, nul)
        return _rejected(display, data.decode("utf-8", "replace").replace("\x00", ""),
                         "the file contains NUL bytes: it is binary or UTF-16/32, not UTF-8 "
                         "text", line, column)
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8):] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(body, exc.start)
        return _rejected(display, body.decode("utf-8", "replace"),
                         f"the file is not valid UTF-8 (byte 0x{body[exc.start]:02x} cannot "
                         "start or continue a character)", line, column)
    return Source(display, text, bom)


def _rejected(display: str, text: str, message: str, line: int, column: int) -> Source:
    issue = Issue("MC011", message, (), ENCODING_FIX, (line, column, line, column))
    return Source(display, text, False, (issue,))


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return before.count(b"\n") + 1, column


@cache
def _not_printable() -> re.Pattern[str]:
    """perf: compiled on first use (a cached run never decodes text for YAML)."""
    # YAML 1.2 printable set: tab, LF, CR, x20-x7E, x85, xA0-xD7FF, xE000-xFFFD, astral planes.
    return re.compile(
        "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def character_issues(text: str) -> list[Issue]:
    """Characters YAML forbids, and byte-order marks that are not at the start."""
    issues: list[Issue] = []
    start = 1 if text.startswith("\ufeff") else 0
    bad = list(_not_printable().finditer(text, start))
    boms = list(_BOM.finditer(text, start))
    for match in sorted(bad + boms, key=lambda m: m.start())[:_MAX_REPORTED]:
        char = match.group()
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        if char == "\ufeff":
            message = "a byte-order mark (U+FEFF) in the middle of the file"
            fix = "Delete the invisible character; files joined together often carry one"
        else:
            message = f"the control character U+{ord(char):04X} is not allowed in YAML"
            fix = "Delete the character or write it as an escape inside a double-quoted string"
        issues.append(Issue("MC011", message, (), fix, (line, column, line, column)))
    return issues
