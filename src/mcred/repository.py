"""Which repository a folder belongs to: the nearest folder above it holding `.git`.

A plain walk up, without running git: `.git` may be a directory or (in a worktree or
submodule) a file, and git never lets a commit create one, so a pull request cannot fake it.
"""

from __future__ import annotations

import os


def repository_of(directory: str) -> str | None:
    """The nearest folder at or above ``directory`` that holds `.git`, else ``None``."""
    here = directory
    while True:
        if os.path.lexists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent
