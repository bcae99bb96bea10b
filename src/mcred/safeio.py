"""Guarded reads and writes of the repository's own files: config, .gitignore, baseline, cache.

A pull request controls every file of the checkout, not only the designs. Any of these
may be a symlink to ``/dev/zero``, ``~/.ssh`` or ``.git/config``, a FIFO that never
sends EOF, or sit under a symlinked directory. So: only regular files; no symlink
followed inside ``root`` (every component opened with ``O_NOFOLLOW`` relative to its
parent, so nothing can be swapped between a check and the open); opens never block;
reads stop at a limit per kind of file; writes go to a temporary file created
``O_EXCL|O_NOFOLLOW`` in the same directory and renamed over the target, never through
a link. The low-level pieces (non-blocking flags, file kinds) are shared with the design
reader, :mod:`mcred.sources`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from mcred.sources import _OPEN_FLAGS, _kind, _reason, read_at_most

# The largest file of each kind mcred reads (a design's limit is --max-file-size).
LIMITS = {
    "gitignore": 1 << 20,
    "config": 1 << 20,
    "baseline": 64 << 20,
    "cache": 256 << 20,
    "key": 4096,
}
_DIR_FLAGS = (os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
              | getattr(os, "O_CLOEXEC", 0))
_CREATE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_CLOEXEC", 0))
_DIR_FD = os.open in os.supports_dir_fd and os.rename in os.supports_dir_fd  # replace too


class UnsafeFile(Exception):
    """The file cannot be read or written safely; the message says why, for people."""


class Missing(UnsafeFile):
    """The file (or a folder on its way) does not exist: usually not a problem at all."""


def read_bytes(path: Path | str, kind: str, *, root: Path | str | None = None,
               limit: int | None = None) -> bytes:
    """The file's bytes, at most the kind's limit; nothing on the way may be a symlink.

    Without ``root`` only the file itself is checked (its folder is trusted, e.g. one the
    walk reached without following links).
    """
    limit = LIMITS[kind] if limit is None else limit
    folder, name = _open_parent(Path(path), root, create=False)
    try:
        try:
            if folder.fd is None:
                _refuse_link(folder.at(name))
            fd = os.open(folder.at(name), _OPEN_FLAGS, dir_fd=folder.fd)
        except OSError as exc:
            raise _error(exc, path) from None
        try:
            return _read_fd(fd, path, limit)
        finally:
            os.close(fd)
    finally:
        folder.close()


def read_text(path: Path | str, kind: str, *, root: Path | str | None = None,
              limit: int | None = None, errors: str = "strict") -> str:
    """:func:`read_bytes` decoded as UTF-8 (a leading byte-order mark is dropped)."""
    data = read_bytes(path, kind, root=root, limit=limit)
    try:
        return data.decode("utf-8", errors).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise UnsafeFile(f"the file is not valid UTF-8 text (byte {exc.start})") from None


def _read_fd(fd: int, path: Path | str, limit: int) -> bytes:
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(f"{_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise UnsafeFile(f"the file is {info.st_size:,} bytes, more than the limit of "
                             f"{limit:,}")
        data = read_at_most(fd, limit + 1, 1 << 20)
    except OSError as exc:
        raise _error(exc, path) from None
    if len(data) > limit:
        raise UnsafeFile(f"the file grew beyond the limit of {limit:,} bytes while mcred "
                         "read it")
    return data


def write_bytes(path: Path | str, data: bytes, *, root: Path | str | None = None,
                mode: int = 0o644, durable: bool = True, create_dirs: bool = False,
                suffix: str = ".tmp") -> None:
    """Replace ``path`` with ``data`` atomically; refuses a target that is not a regular file.

    ``durable`` fsyncs the file and its folder (a baseline); the cache skips it, since a
    torn entry fails authentication and is simply recomputed. ``create_dirs`` makes
    missing folders below ``root`` (mode 0700), never following a link.
    """
    folder, name = _open_parent(Path(path), root, create=create_dirs)
    try:
        _check_target(folder, name, path)
        temp = temp_name(name, suffix)
        try:
            fd = os.open(folder.at(temp), _CREATE_FLAGS, 0o600, dir_fd=folder.fd)
        except OSError as exc:
            raise _error(exc, path) from None
        try:
            try:
                _write_all(fd, data)
                os.chmod(folder.at(temp), mode, dir_fd=folder.fd)  # ours, made O_EXCL
                if durable:
                    os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(folder.at(temp), folder.at(name), src_dir_fd=folder.fd,
                       dst_dir_fd=folder.fd)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(folder.at(temp), dir_fd=folder.fd)
            if isinstance(exc, OSError):
                raise _error(exc, path) from None
            raise
        if durable and folder.fd is not None:
            with contextlib.suppress(OSError):
                os.fsync(folder.fd)
    finally:
        folder.close()


def temp_name(name: str, suffix: str) -> str:
    """``.NAME.<12 hex digits>SUFFIX``: hidden, next to its target, unguessable."""
    return f".{name[:64]}.{os.urandom(6).hex()}{suffix}"


def _check_target(folder: _Folder, name: str, path: Path | str) -> None:
    try:
        info = os.stat(folder.at(name), dir_fd=folder.fd, follow_symlinks=False)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _error(exc, path) from None
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeFile("it is a symlink; mcred never writes through symlinks")
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFile(f"it is {_kind(info.st_mode)}, not a regular file")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def list_dir(path: Path | str, *, root: Path | str | None = None) -> list[str]:
    """Names in a folder reached without following links (``[]`` when it is missing)."""
    folder, name = _open_parent(Path(path), root, create=False)
    try:
        if folder.fd is None:
            _refuse_link(folder.at(name))
            return os.listdir(folder.at(name))
        fd = os.open(name, _DIR_FLAGS, dir_fd=folder.fd)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise _error(exc, path) from None
    finally:
        folder.close()
    try:
        return os.listdir(fd)
    finally:
        os.close(fd)


def is_inside(path: Path | str, root: Path | str) -> bool:
    """Lexically (no link resolved): is ``path`` ``root`` or below it?"""
    return Path(os.path.abspath(path)).is_relative_to(os.path.abspath(root))


@dataclass(frozen=True)
class _Folder:
    """An open folder; where the platform has no ``*at()`` calls, its checked path."""

    fd: int | None
    path: str

    def at(self, name: str) -> str:
        return name if self.fd is not None else os.path.join(self.path, name)

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)


def _open_parent(path: Path, root: Path | str | None, *,
                 create: bool) -> tuple[_Folder, str]:
    """``path``'s folder, every folder below ``root`` opened O_NOFOLLOW (or, without
    ``*at()`` calls, checked with lstat: best effort, a swap in between is not caught)."""
    absolute = Path(os.path.abspath(path))
    if root is None:
        parts: tuple[str, ...] = ()
        base = absolute.parent
    else:
        base = Path(os.path.abspath(root))
        if not absolute.is_relative_to(base) or absolute == base:
            raise UnsafeFile(f"the path leads outside {base}")
        parts = absolute.relative_to(base).parts[:-1]
    if not _DIR_FD:
        return _checked_parent(base, parts, create, path), absolute.name
    try:
        fd = os.open(base, _DIR_FLAGS & ~getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise _error(exc, base) from None
    for part in parts:
        fd = _open_child(fd, part, create, path)  # closes the parent, even on failure
    return _Folder(fd, str(absolute.parent)), absolute.name


def _checked_parent(base: Path, parts: tuple[str, ...], create: bool, path: Path) -> _Folder:
    current = str(base)
    for part in parts:
        current = os.path.join(current, part)
        try:
            _refuse_link(current)
            if create:
                os.makedirs(current, 0o700, exist_ok=True)
            elif not os.path.isdir(current):
                raise FileNotFoundError(errno.ENOENT, "missing", current)
        except OSError as exc:
            raise _error(exc, path, folder=part) from None
    return _Folder(None, current)


def _refuse_link(path: str) -> None:
    """Without O_NOFOLLOW: an lstat first (a missing file is left to the open)."""
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISLNK(os.lstat(path).st_mode):
            raise OSError(errno.ELOOP, "symlink", path)


def _open_child(fd: int, part: str, create: bool, path: Path) -> int:
    """Open folder ``part`` of ``fd`` (closing ``fd``), creating it when asked."""
    try:
        try:
            child = os.open(part, _DIR_FLAGS, dir_fd=fd)
        except FileNotFoundError:
            if not create:
                raise
            with contextlib.suppress(FileExistsError):
                os.mkdir(part, 0o700, dir_fd=fd)
            child = os.open(part, _DIR_FLAGS, dir_fd=fd)
    except OSError as exc:
        raise _error(exc, path, folder=part) from None
    finally:
        os.close(fd)
    return child


def _error(exc: OSError, path: Path | str, folder: str | None = None) -> UnsafeFile:
    if isinstance(exc, FileNotFoundError):
        return Missing("no such file or directory")
    if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
        if folder is None:
            return UnsafeFile("it is a symlink; mcred does not follow symlinks here")
        return UnsafeFile(f"the folder `{folder}` on its path is a symlink or not a folder; "
                          "mcred does not follow symlinks here")
    return UnsafeFile(f"cannot access the file ({_reason(exc)})")
