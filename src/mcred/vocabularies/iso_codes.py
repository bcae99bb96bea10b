"""The ISO 3166-1 alpha-2 and ISO 4217 code lists, read from a file generated from pycountry.

perf: a set lookup instead of importing pycountry on every lint (see
scripts/build_iso_codes.py); pycountry is still imported for names and suggestions.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def codes(kind: str) -> frozenset[str]:
    """``kind`` is ``countries`` or ``currencies``."""
    text = resources.files(__package__).joinpath("iso_codes.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        name, _, values = line.partition(" ")
        if name == kind:
            return frozenset(values.split())
    raise KeyError(kind)
