"""Which files a run lints: named files always, directories walked for design files.

Walking honours `.gitignore` files (from the repository root down, nested ones included)
and the configured include/exclude globs, all in gitignore syntax (``mcred.globs``: linear
time whatever the pattern), so users write the patterns they already know. Symlinked
directories are not entered unless asked for, and then each real directory is entered
once, so a link loop cannot recurse. The walk keeps its own stack (a repository can hold
directories nested thousands deep) and stops at a deadline.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from mcred.globs import Globs, compile_gitignore, compile_globs

YAML_SUFFIXES = (".yaml", ".yml")
PUBLISHED_SUFFIXES = (".jsonld", ".json")  # walked only when asked (include-published)
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".mcred_cache"}

ErrorSink = Callable[[str], None]
#: Time one directory walk may take before it stops (what it found so far is linted).
WALK_SECONDS = 60.0


@dataclass(frozen=True)
class WalkOptions:
    """How directories are walked; explicit files are always linted whatever these say.

    ``include`` and ``exclude`` are gitignore-style globs relative to the walked directory
    (``include`` empty means every ``*.yaml``/``*.yml``).
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    gitignore: bool = True
    follow_symlinks: bool = False
    published: bool = False
    max_seconds: float = WALK_SECONDS  # one walk; a hang cap, not a speed goal

    @cached_property
    def include_spec(self) -> Globs | None:
        return compile_globs(self.include) if self.include else None

    @cached_property
    def exclude_spec(self) -> Globs | None:
        return compile_globs(self.exclude) if self.exclude else None


def display_name(path: Path, cwd: str | None = None) -> str:
    """Paths relative to the working directory where possible: what CI annotations need.

    ``cwd``: the working directory, when the caller names many files (perf: no system
    call per file).
    """
    cwd = cwd or os.getcwd()
    absolute = os.path.normpath(os.path.join(cwd, path))  # os.path.abspath, given cwd
    if os.sep == "/":  # perf: string prefix test; same result as relative_to on POSIX
        prefix = cwd if cwd.endswith("/") else cwd + "/"
        if absolute == cwd:
            return "."
        return absolute[len(prefix):] if absolute.startswith(prefix) else path.as_posix()
    try:  # lexical: a symlink is shown by its own name, and a loop cannot raise
        return Path(absolute).relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Iterable[Path], options: WalkOptions | None = None,
             on_error: ErrorSink | None = None) -> Iterator[tuple[Path, bool]]:
    """Yield (path, explicit): explicit files are always linted, walked ones need the marker.

    Directories that cannot be listed are passed to ``on_error`` (and the walk goes on).
    """
    options = options or WalkOptions()
    for path in paths:
        if path.is_dir():
            walker = _Walker(path, options, on_error or (lambda _message: None))
            yield from ((p, False) for p in walker.walk())
        else:
            yield path, True


@dataclass
class _Ignores:
    """The `.gitignore` specs that apply to one directory, outermost first."""

    specs: list[tuple[Path, Globs]] = field(default_factory=list)

    def ignored(self, path: Path, is_dir: bool) -> bool:
        verdict = False
        for base, spec in self.specs:
            rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
            result = spec.check(rel)
            if result is not None:
                verdict = result
        return verdict

    def relative_to(self, directory: Path) -> list[tuple[str, Globs]]:
        """Each spec with ``directory``'s path relative to the spec's base (``""`` or
        ``"a/b/"``), so a file's name is matched with one string join per spec."""
        out = []
        for base, spec in self.specs:
            rel = directory.relative_to(base).as_posix()
            out.append(("" if rel == "." else rel + "/", spec))
        return out

    def extended(self, directory: Path) -> _Ignores:
        spec = _read_gitignore(directory)
        return _Ignores([*self.specs, (directory, spec)]) if spec is not None else self


def _read_gitignore(directory: Path) -> Globs | None:
    from mcred.safeio import UnsafeFile, read_text

    try:  # a regular file only, bounded: never a FIFO, a device or a link out
        text = read_text(directory / ".gitignore", "gitignore", errors="replace")
    except UnsafeFile:  # absent (the usual case) or unusable: nothing to honour
        return None
    return compile_gitignore(text.splitlines())


class _OutOfTime(Exception):
    """The walk's deadline passed (reported once, then the walk ends)."""


class _Walker:
    """One directory walk; keeps the per-directory ignore specs and the visited set.

    Matching works on absolute paths; yielded paths keep the form the user typed.
    """

    def __init__(self, root: Path, options: WalkOptions, on_error: ErrorSink) -> None:
        self.root = root
        self.base = Path(os.path.abspath(root))
        self.options = options
        self.on_error = on_error
        self.visited: set[tuple[int, int]] = set()
        self.deadline = 0.0

    def walk(self) -> Iterator[Path]:
        ignores = self._outer_ignores() if self.options.gitignore else _Ignores()
        self.deadline = time.monotonic() + self.options.max_seconds
        stack = [(self.base, ignores)]
        try:
            while stack:
                directory, ignores = stack.pop()
                self._check_time()
                subdirs: list[tuple[Path, _Ignores]] = []
                for rel in self._directory(directory, ignores, subdirs):
                    yield self.root / rel
                stack.extend(reversed(subdirs))
        except _OutOfTime:
            self.on_error(f"{display_name(self.root)}: walking the directory took longer than "
                          f"the limit of {self.options.max_seconds:g} s; the files not reached "
                          "by then were not linted (exclude large folders with `exclude`)")

    def _check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise _OutOfTime

    def _outer_ignores(self) -> _Ignores:
        """`.gitignore` files above the walked directory, up to its repository's root."""
        above = list(self.base.parents)
        top = next((i for i, d in enumerate([self.base, *above]) if (d / ".git").exists()), 0)
        ignores = _Ignores()
        for directory in reversed(above[:top]):
            ignores = ignores.extended(directory)
        return ignores

    def _directory(self, directory: Path, ignores: _Ignores,
                   subdirs: list[tuple[Path, _Ignores]]) -> Iterator[str]:
        """Selected files in ``directory``, as paths relative to the walked one; the
        directories to enter next go to ``subdirs`` (the caller's stack, not recursion).

        perf: a file is a string until the walk yields it (one ``Path`` per file).
        """
        if not self._first_visit(directory):
            return
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            shown = display_name(self.root / directory.relative_to(self.base))
            self.on_error(f"{shown}: cannot list the directory ({exc.strerror or exc})")
            return
        inner = ignores.extended(directory) if self.options.gitignore else ignores
        here = self._rel(directory)
        prefix = "" if here == "." else here + "/"
        specs = inner.relative_to(directory)
        for number, entry in enumerate(entries):
            if number & 0x3FF == 0x3FF:  # a folder can hold a million names
                self._check_time()
            kind = self._kind(entry)
            if kind == "dir":
                path = directory / entry.name
                if entry.name not in _SKIP_DIRS and not self._dir_excluded(path, inner):
                    subdirs.append((path, inner))
            elif (kind == "file" and (entry.name.endswith(YAML_SUFFIXES) or (
                    self.options.published and entry.name.endswith(PUBLISHED_SUFFIXES)))
                  and self._file_selected(prefix + entry.name, entry.name, specs)):
                yield prefix + entry.name

    def _first_visit(self, directory: Path) -> bool:
        """Only matters when links are followed: a real directory is entered once."""
        if not self.options.follow_symlinks:
            return True
        try:
            st = directory.stat()
        except OSError:
            return True  # scandir reports the problem
        key = (st.st_dev, st.st_ino)
        if key in self.visited:
            return False
        self.visited.add(key)
        return True

    def _kind(self, entry: os.DirEntry[str]) -> str:
        """"dir", "file" (also dangling links: reading them reports why) or "skip"."""
        try:
            if entry.is_dir(follow_symlinks=False):
                return "dir"
            if entry.is_symlink() and entry.is_dir():
                return "dir" if self.options.follow_symlinks else "skip"
        except OSError:
            return "file"
        return "file"

    def _rel(self, path: Path) -> str:
        return path.relative_to(self.base).as_posix()

    def _dir_excluded(self, path: Path, ignores: _Ignores) -> bool:
        spec = self.options.exclude_spec
        if spec is not None and spec.match(self._rel(path) + "/"):
            return True
        return ignores.ignored(path, is_dir=True)

    def _file_selected(self, rel: str, name: str,
                       specs: list[tuple[str, Globs]]) -> bool:
        include, exclude = self.options.include_spec, self.options.exclude_spec
        if include is not None and not include.match(rel):
            return False
        if exclude is not None and exclude.match(rel):
            return False
        verdict = False  # as _Ignores.ignored, on strings
        for prefix, spec in specs:
            result = spec.check(prefix + name)
            if result is not None:
                verdict = result
        return not verdict
