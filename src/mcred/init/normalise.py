"""An answer in the words a designer types → the value the format takes, or ``None``.

The same vocabulary mapping as `mcred lint --fix` (mcred.fix.fixers): `hybrid` becomes
`blended`, `Portugal` becomes `PT`, `Portuguese` becomes `pt`, `euro` becomes `EUR`; what
still is not a value of the format is refused, so the interview can ask again.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from mcred.findings import KeyPath

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_ISCED = re.compile(r"^\d{2,4}$")


def value(path: KeyPath, answer: str) -> Any:
    """The answer as the format's value at ``path``, normalised, or ``None`` if invalid."""
    from mcred.fix.fixers import edit_for

    text = answer.strip()
    edit = edit_for(path, text)
    if edit is not None and edit.safe:
        text = edit.new
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    vocabulary = allowed(path)
    if vocabulary:
        return text if text in vocabulary else None
    return _checked(name, text)


def listing(path: KeyPath, answer: str) -> list[Any] | None:
    """A comma-separated answer as a list of normalised items; ``None`` if one is invalid."""
    items = [part.strip() for part in answer.split(",") if part.strip()]
    values = [value((*path, i), item) for i, item in enumerate(items)]
    return None if any(v is None for v in values) else values


def allowed(path: KeyPath) -> tuple[str, ...]:
    """The vocabulary at ``path`` (empty when the value is free)."""
    from mcred.ambiguous import spec_at
    from mcred.fix.fixers import literal_values

    return literal_values(spec_at(path))


def _checked(name: str, text: Any) -> Any:
    if not isinstance(text, str):
        return text
    if name == "country":
        return text if _COUNTRY.match(text) and _known_country(text) else None
    if name == "currency":
        return text if _CURRENCY.match(text) else None
    if name == "languages":
        import langcodes

        return text if langcodes.tag_is_valid(text) else None
    if name == "field_of_education":
        return text if _ISCED.match(text) else None
    return text


def _known_country(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_2=code) is not None


def date(answer: str) -> dt.date | None:
    """An ISO date, or a day-first one (`01/09/2027`) the designer wrote instead."""
    from mcred.messages import day_first

    text = answer.strip()
    guess = day_first(text)
    try:
        return dt.date.fromisoformat(guess[0] if guess else text)
    except ValueError:
        return None


def number(answer: str, low: float, high: float) -> float | None:
    """A number in ``[low, high]``; a decimal comma and a unit (`7,5 ECTS`) are accepted."""
    match = re.match(r"^\s*(\d+(?:[.,]\d+)?)", answer)
    if match is None:
        return None
    found = float(match.group(1).replace(",", "."))
    return found if low <= found <= high else None
