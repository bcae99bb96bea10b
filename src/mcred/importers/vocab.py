"""Controlled-vocabulary URIs of ELM, OB3 and CTDL mapped back to the design's values."""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources
from typing import Any

_EQF = re.compile(r"^https?://data\.europa\.eu/snb/eqf/([1-8])$")
_ISCED = re.compile(r"^https?://data\.europa\.eu/snb/isced-f/(\d{2,4})$")
_LANGUAGE = re.compile(r"/authority/language/([A-Z]{3})$")
_COUNTRY = re.compile(r"/authority/country/([A-Z]{3})$")
_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?"
                       r"(?:(\d+(?:\.\d+)?)S)?)?$")
_WEEKS = re.compile(r"^P(\d+(?:\.\d+)?)W$")


@cache
def _data() -> dict[str, dict[str, str]]:
    text = (resources.files("mcred.importers") / "data" / "vocabularies.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return {k: v for k, v in loaded.items() if isinstance(v, dict)}


def _text(value: object) -> str:
    """Published values are untrusted: anything but a string reads as empty."""
    return value if isinstance(value, str) else ""


def lookup(table: str, uri: object) -> str | None:
    """The design value for a URI of one vocabulary (``participation``, ``assessment``…)."""
    return _data()[table].get(_text(uri))


def eqf_level(uri: object) -> int | None:
    match = _EQF.match(_text(uri))
    return int(match.group(1)) if match else None


def isced_code(uri: object) -> str | None:
    """The ISCED-F code of a vocabulary URI (as written: linting checks the code itself)."""
    match = _ISCED.match(_text(uri))
    return match.group(1) if match else None


@cache
def _codes() -> dict[str, dict[str, str]]:
    """Three-letter → two-letter codes (generated from pycountry: no import at run time)."""
    text = (resources.files("mcred.importers") / "data" / "codes.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return {k: v for k, v in loaded.items() if isinstance(v, dict)}


def language_tag(uri_or_code: object) -> str | None:
    """``…/language/ENG`` (or ``ENG``, ``eng``, ``en-GB``) → the BCP 47 primary tag ``en``."""
    text = _text(uri_or_code)
    match = _LANGUAGE.search(text)
    code = match.group(1) if match else text.split("-")[0]
    if len(code) == 2 and code.isalpha() and code.isascii():
        return code.lower() if code.upper() in _two_letter_languages() else None
    return _codes()["languages"].get(code.upper()) if len(code) == 3 else None


@cache
def _two_letter_languages() -> frozenset[str]:
    return frozenset(v.upper() for v in _codes()["languages"].values())


def country_code(uri_or_code: object) -> str | None:
    """``…/country/IRL`` (or ``IRL``, ``IE``) → the ISO 3166-1 alpha-2 code ``IE``."""
    text = _text(uri_or_code)
    match = _COUNTRY.search(text)
    code = (match.group(1) if match else text).upper()
    countries = _codes()["countries"]
    if len(code) == 2:
        return code if code in countries.values() else None
    return countries.get(code)


def duration_hours(value: object) -> float | None:
    """xsd:duration of learning time in hours: ``PT60H`` → 60, ``PT67H30M`` → 67.5.

    Durations in months or years (``P1M``) are calendar time, not hours of work: ``None``.
    """
    match = _DURATION.match(_text(value))
    if match is None or not any(match.groups()):
        return None
    days, hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    total = days * 24 + hours + minutes / 60 + seconds / 3600
    return int(total) if total.is_integer() else round(total, 2)


def duration_weeks(value: object) -> float | None:
    """Calendar length in weeks: ``P70D`` → 10, ``P10W`` → 10; months and years → ``None``."""
    text = _text(value)
    weeks = _WEEKS.match(text)
    if weeks:
        value = float(weeks.group(1))
    else:
        match = _DURATION.match(text)
        if match is None or not match.group(1) or any(match.groups()[1:]):
            return None
        value = float(match.group(1)) / 7
    return int(value) if value.is_integer() else round(value, 1)


def number(value: object) -> float | int | None:
    """A credit or amount written as a number or a numeric string (ELM writes ``"2"``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value if math.isfinite(value) and abs(value) < 1e12 else None
    if isinstance(value, str):
        try:
            parsed = float(value.strip().replace(",", ".")[:40])
        except ValueError:
            return None
        if not math.isfinite(parsed) or abs(parsed) >= 1e12:
            return None
        return int(parsed) if parsed.is_integer() else parsed
    return None
