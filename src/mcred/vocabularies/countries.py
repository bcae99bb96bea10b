"""ISO 3166-1 alpha-2 country codes, checked against a list generated from pycountry."""

from __future__ import annotations

from functools import cache

# Codes the EU's own documents use that are not ISO 3166-1 alpha-2 (Interinstitutional
# Style Guide): a frequent, understandable slip in European designs.
EU_CODES = {"EL": "GR", "UK": "GB"}


@cache
def is_country_code(code: str) -> bool:
    """True when ``code`` is an assigned ISO 3166-1 alpha-2 code, written in capitals."""
    if len(code) != 2 or not code.isascii() or not code.isupper():
        return False
    from mcred.vocabularies.iso_codes import codes

    return code in codes("countries")


@cache
def suggest_country(text: str) -> str | None:
    """The alpha-2 code the writer probably meant: from EU codes, lowercase, alpha-3 or a name."""
    cleaned = text.strip()
    if cleaned.upper() in EU_CODES:
        return EU_CODES[cleaned.upper()]
    if is_country_code(cleaned.upper()):
        return cleaned.upper()
    import pycountry

    try:
        found = pycountry.countries.lookup(cleaned)
    except LookupError:
        return None
    return str(found.alpha_2)
