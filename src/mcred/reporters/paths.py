"""Paths in machine reports relative to the project root, the place CI services resolve them.

Findings carry the path as the user typed it (relative to the working directory), which
is right for the text report but wrong for GitHub, GitLab and code scanning, which resolve
paths against the repository root: run from `docs/`, `../examples/a.yaml` points at
nothing there. The root is ``--project-root``, else the config's `root`, else the git top
level above the first linted path (found by looking for `.git`, without running git),
else the working directory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from mcred.repository import repository_of


def git_root(paths: Iterable[Path | str], cwd: str | None = None) -> str | None:
    """The git top level above the first path (a `.git` directory or file), if any."""
    base = cwd or os.getcwd()
    first = next((str(p) for p in paths if str(p) != "-"), base)
    current = os.path.normpath(os.path.join(base, first))
    if not os.path.isdir(current):
        current = os.path.dirname(current)
    return repository_of(current)


def find_root(paths: Iterable[Path | str], cwd: str | None = None) -> str:
    """The git top level above the first path, else the working directory."""
    return git_root(paths, cwd) or os.path.normpath(cwd or os.getcwd())


class ProjectPaths:
    """Turns report paths (relative to the working directory) into root-relative ones."""

    def __init__(self, root: str | None = None, cwd: str | None = None) -> None:
        self.cwd = cwd or os.getcwd()
        self.root = os.path.normpath(os.path.join(self.cwd, root or self.cwd))
        self._seen: dict[str, str | None] = {}  # perf: a file's findings share its path

    def relative(self, path: str) -> str | None:
        """The POSIX path below the root, or ``None`` for a file outside it."""
        if path not in self._seen:
            absolute = os.path.normpath(os.path.join(self.cwd, path))
            rel = os.path.relpath(absolute, self.root)
            outside = rel == os.pardir or rel.startswith(os.pardir + os.sep)
            self._seen[path] = None if outside or os.path.isabs(rel) else Path(rel).as_posix()
        return self._seen[path]

    def shown(self, path: str) -> str:
        """Root-relative where possible, else absolute: what `file=` and GitLab expect."""
        rel = self.relative(path)
        return rel if rel is not None else os.path.normpath(os.path.join(self.cwd, path))

    def absolute(self, path: str) -> str:
        return os.path.normpath(os.path.join(self.cwd, path))

    def root_uri(self) -> str:
        return file_uri(self.root).rstrip("/") + "/"


def uri_path(path: str) -> str:
    """Percent-encoded bytes of a path: names that are not UTF-8 (surrogate escapes from
    the file system) give their original bytes, never an encoding error."""
    return quote(os.fsencode(path) if os.name != "nt" else path.encode("utf-8", "replace"),
                 safe="/")


def file_uri(path: str) -> str:
    posix = Path(path).as_posix()
    prefix = "file://" if posix.startswith("/") else "file:///"
    return prefix + uri_path(posix)
