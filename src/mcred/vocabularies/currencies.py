"""ISO 4217 currency codes, checked against a list generated from pycountry."""

from __future__ import annotations

from functools import cache


@cache
def is_currency_code(code: str) -> bool:
    """True when ``code`` is an active ISO 4217 alphabetic code, written in capitals."""
    if len(code) != 3 or not code.isascii() or not code.isupper():
        return False
    from mcred.vocabularies.iso_codes import codes

    return code in codes("currencies")


_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "zł": "PLN", "kč": "CZK",
            "ft": "HUF", "lei": "RON", "kr": "SEK", "chf": "CHF", "euro": "EUR", "euros": "EUR"}


@cache
def suggest_currency(text: str) -> str | None:
    """The code the writer probably meant: from a symbol, a lowercase code or a name."""
    cleaned = text.strip()
    if cleaned.lower() in _SYMBOLS:
        return _SYMBOLS[cleaned.lower()]
    if is_currency_code(cleaned.upper()):
        return cleaned.upper()
    import pycountry

    try:
        found = pycountry.currencies.lookup(cleaned)
    except LookupError:
        return None
    return str(found.alpha_3)
