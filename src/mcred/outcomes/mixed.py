"""One plain outcome string that holds two languages ("Analisar … / Analyse …").

Such a text is a translation written inline, not a compound outcome: the half in the design's
language is analysed, and MC215 asks for a language map instead. A half counts as another
language when it opens with an infinitive that language's lexicon knows and the design's
language does not.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from mcred.outcomes.language import ANALYSED

_SEPARATOR = re.compile(r"\s+[/|]\s+|\s*\n\s*")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 3


class Mixed(NamedTuple):
    own: str  # the half in the design's language
    other: str  # the other half
    other_language: str


def mixed_languages(text: str, language: str) -> Mixed | None:
    if "/" not in text and "|" not in text and "\n" not in text.strip():
        return None  # perf: nearly every outcome
    parts = _SEPARATOR.split(text.strip(), maxsplit=1)
    if len(parts) != 2 or min(len(p.split()) for p in parts) < _MIN_WORDS:
        return None
    first, second = parts
    for own, other in ((first, second), (second, first)):
        if _opens_with_verb(own, language):
            found = next((lang for lang in ANALYSED if lang != language
                          and _opens_with_verb(other, lang)
                          and not _opens_with_verb(other, language)), None)
            if found is not None:
                return Mixed(own, other, found)
    return None


def _opens_with_verb(text: str, language: str) -> bool:
    match = _FIRST_WORD.search(text)
    if match is None:
        return False
    word = match.group(0).lower()
    if language == "en":
        from mcred.outcomes.lexicon import lexicon

        return lexicon().base_form(word) is not None
    from mcred.outcomes.foreign_lexicon import foreign_lexicon

    return foreign_lexicon(language).known(word)
