"""BCP 47 language tags (ISO 639 languages), as langcodes judges them.

Importing langcodes costs ~75–130 ms, so tags of the common shapes `ll`, `lll`, `ll-RR`
and `ll-999` are looked up in ``bcp47_simple.txt``, a list generated from langcodes by
``scripts/build_language_subtags.py``; only other shapes (scripts, variants, extensions)
import langcodes.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_SIMPLE = re.compile(r"([A-Za-z]{2,3})(?:-([A-Za-z]{2}|\d{3}))?")


@cache
def simple_subtags() -> frozenset[str]:
    """Language subtags (lowercase) and region subtags (uppercase, digits) langcodes accepts."""
    text = resources.files(__package__).joinpath("bcp47_simple.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and line[0] != "#")


@cache
def is_language_tag(tag: str) -> bool:
    """True when ``tag`` is a well-formed BCP 47 tag whose subtags are registered."""
    if not tag or not tag.isascii() or "_" in tag:
        return False
    simple = _SIMPLE.fullmatch(tag)
    if simple:
        language, region = simple.group(1).lower(), simple.group(2)
        known = simple_subtags()
        return language in known and (region is None or region.upper() in known)
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
        return _by_short_name(tag.strip().lower())
    return str(getattr(found, "alpha_2", None) or found.alpha_3)


def _by_short_name(name: str) -> str | None:
    """ISO 639 names are formal ("Modern Greek (1453-)"); match their last word, if unique."""
    import pycountry

    matches = {lang.alpha_2 for lang in pycountry.languages
               if hasattr(lang, "alpha_2")
               and lang.name.split(" (")[0].lower().split()[-1] == name}
    return matches.pop() if len(matches) == 1 else None
