"""BCP 47 language tags (ISO 639 languages), via langcodes (imported on first use)."""

from __future__ import annotations

from functools import cache


@cache
def is_language_tag(tag: str) -> bool:
    """True when ``tag`` is a well-formed BCP 47 tag whose subtags are registered."""
    if not tag or not tag.isascii() or "_" in tag:
        return False
    import langcodes

    return bool(langcodes.tag_is_valid(tag))


@cache
def suggest_language(tag: str) -> str | None:
    """A valid tag close to ``tag``: underscores as hyphens, or an ISO 639 language name."""
    candidate = tag.strip().replace("_", "-")
    if candidate != tag and is_language_tag(candidate):
        import langcodes

        return str(langcodes.standardize_tag(candidate))
    import pycountry  # langcodes needs an extra package for names; pycountry has them

    try:
        found = pycountry.languages.lookup(tag.strip())
    except LookupError:
        return None
    return str(getattr(found, "alpha_2", None) or found.alpha_3)
