"""ISCED-F 2013 fields of education and training, shipped as package data (isced_f.txt).

The list is generated from the ELM 3 code list by ``scripts/build_isced_f.py``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def isced_fields() -> dict[str, str]:
    """Every ISCED-F 2013 code (broad, narrow and detailed field) with its label."""
    text = resources.files(__package__).joinpath("isced_f.txt").read_text(encoding="utf-8")
    rows = (line.split("\t", 1) for line in text.splitlines() if line and line[0] != "#")
    return {code: label for code, label in rows}


def is_isced_code(code: str) -> bool:
    """True when ``code`` is a field of ISCED-F 2013 (e.g. ``04``, ``041``, ``0413``)."""
    return code in isced_fields()
