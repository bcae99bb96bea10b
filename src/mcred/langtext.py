"""Reading free text that may be one string or a language map (BCP 47 tag → text, as in ELM).

Every reader of a learner-facing text field goes through these accessors, so no caller
needs to know which of the two forms the designer wrote. Pure Python: rules on the lint hot
path use it, so it imports nothing heavy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

LangText = str | Mapping[str, str]


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
