"""Decisions about the terminal shared by commands: colour, and closed pipes."""

from __future__ import annotations

import os
from typing import TextIO


def use_color(choice: str, stream: TextIO) -> bool:
    """--color wins; then NO_COLOR and FORCE_COLOR (no-color.org, force-color.org); then
    whether it's a tty. ``FORCE_COLOR=0`` (or empty, or `false`) does not force colour:
    the convention of Node's and most CLIs' handling of the variable."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "").strip().lower() not in ("", "0", "false"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
