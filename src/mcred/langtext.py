"""Reading free text that may be one string or a language map (BCP 47 tag → text, as in ELM).

Every reader of a learner-facing text field goes through these accessors, so no caller
needs to know which of the two forms the designer wrote. Pure Python: rules on the lint hot
path use it, so it imports nothing heavy.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

LangText = str | Mapping[str, str]

# Looser than a BCP 47 tag: what a designer means as one, underscores included (`en_GB`),
# for telling a language map from a mapping of format keys.
_TAG_LIKE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def variants(value: LangText | None) -> list[tuple[str | None, str]]:
    """``[(tag, text)]`` in file order; a plain string gives ``[(None, text)]``.

    Entries whose text is not a string (only possible before validation) are skipped, so a
    caller can rely on the second element being text.
    """
    if value is None:
        return []
    if isinstance(value, str):
        return [(None, value)]
    return [(tag, text) for tag, text in value.items() if isinstance(text, str)]


def pick(value: LangText | None, lang: str | None) -> str | None:
    """The text in ``lang`` (exact tag, then same primary subtag), a plain string as is, else
    the first variant; ``None`` when there is no text at all.

    Blank entries are passed over, so a half-filled map still yields the text that exists.
    """
    filled = [(tag, text) for tag, text in variants(value) if text.strip()]
    if not filled:
        return None
    if lang:
        wanted = lang.lower()
        primary = primary_subtag(wanted)
        exact = [text for tag, text in filled if tag is not None and tag.lower() == wanted]
        if exact:
            return exact[0]
        near = [text for tag, text in filled
                if tag is not None and primary_subtag(tag.lower()) == primary]
        if near:
            return near[0]
    return filled[0][1]


def text_path(base: tuple[str | int, ...], tag: str | None) -> tuple[str | int, ...]:
    """Key path of one variant, for positions: ``base + (tag,)`` for a map entry, else ``base``."""
    return base if tag is None else (*base, tag)


def primary_subtag(tag: str) -> str:
    """``pt-PT`` → ``pt``: the language without region or script, for matching."""
    return tag.split("-", 1)[0].split("_", 1)[0]


def tags(value: LangText | None) -> list[str]:
    """The language tags of a map, in file order (none for a plain string)."""
    return [tag for tag, _ in variants(value) if tag is not None]


def has_text(value: LangText | None) -> bool:
    """True when at least one variant holds more than white space."""
    return pick(value, None) is not None


def declared_language(language: str | None, languages: Sequence[str]) -> str | None:
    """The design's language as written: ``language``, else the first of ``languages``.

    (Detection from the texts, for designs that declare neither, lives with the outcome
    analysis; this is the cheap, certain part every reader can use.)
    """
    if language and language.strip():
        return language.strip()
    return next((tag.strip() for tag in languages if tag.strip()), None)


def looks_like_language_map(value: Any, format_keys: frozenset[str]) -> bool:
    """True for a mapping meant as texts by language rather than as the format's keys."""
    if not isinstance(value, dict) or not value:
        return False
    return all(isinstance(k, str) and k not in format_keys and _TAG_LIKE.fullmatch(k)
               and isinstance(v, str) for k, v in value.items())


def prerequisite_text(value: Any) -> LangText | None:
    """The prerequisites in words, whichever of the three forms was written (text, texts by
    language, or the structured form with a `description`)."""
    if value is None or isinstance(value, str | Mapping):
        return value
    return value.description  # type: ignore[no-any-return]


def required_designs(value: Any) -> list[str]:
    """Ids of the designs required first (only the structured form names any)."""
    if value is None or isinstance(value, str | Mapping):
        return []
    return list(value.requires)
