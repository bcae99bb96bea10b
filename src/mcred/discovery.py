"""Which files a run lints: named files always, directories walked for design files."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".mcred_cache"}


def display_name(path: Path) -> str:
    """Paths relative to the working directory where possible: what CI annotations need."""
    try:  # lexical: a symlink is shown by its own name, and a loop cannot raise
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Iterable[Path]) -> Iterator[tuple[Path, bool]]:
    """Yield (path, explicit): explicit files are always linted, walked ones need the marker."""
    for path in paths:
        if path.is_dir():
            yield from ((p, False) for p in _walk(path))
        else:
            yield path, True


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
        for name in sorted(filenames):
            if name.endswith(YAML_SUFFIXES):
                yield Path(dirpath, name)
