"""The outcome-verb lexicon (package data `verbs.toml`) and word-level normalisation."""

from __future__ import annotations

import functools
from dataclasses import dataclass

FILLER = "~"
TIER_NAMES = {1: "remember", 2: "understand", 3: "apply", 4: "analyse", 5: "evaluate",
              6: "create"}


@dataclass(frozen=True)
class Tier:
    """A revised-Bloom tier, or a range of tiers for verbs such as "describe" (1–2)."""

    low: int
    high: int

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


@dataclass(frozen=True)
class Lexicon:
    """Everything the analyser knows about words; loaded once from package data."""

    verbs: dict[str, Tier]
    vague: frozenset[str]
    vague_phrases: tuple[tuple[tuple[str, ...], Tier], ...]
    fixed_pairs: frozenset[tuple[str, str]]
    unmeasurable: frozenset[str]
    noun_like: frozenset[str]
    noun_phrase_openers: frozenset[str]
    clause_breaks: frozenset[str]
    verb_followers: frozenset[str]

    def base_form(self, word: str) -> str | None:
        """The lexicon verb that ``word`` is written as, in base form, or None."""
        word = word.lower()
        for candidate in _spellings(word):
            if candidate in self.verbs:
                return candidate
        return None

    def third_person(self, word: str) -> str | None:
        """The lexicon verb of which ``word`` is the third-person singular, or None."""
        word = word.lower()
        if not word.endswith("s") or word.endswith("ss"):
            return None
        stems = [word[:-1]]
        if word.endswith("es"):
            stems.append(word[:-2])
        if word.endswith("ies"):
            stems.append(word[:-3] + "y")
        return next((b for b in map(self.base_form, stems) if b), None)


def _spellings(word: str) -> tuple[str, ...]:
    """British canonical candidates for an American or British spelling."""
    if word.endswith("ize"):
        return word, word[:-3] + "ise"
    if word.endswith("yze"):
        return word, word[:-3] + "yse"
    if word == "practice":
        return word, "practise"
    return (word,)


def _tier(value: int | list[int]) -> Tier:
    if isinstance(value, int):
        return Tier(value, value)
    low, high = value
    return Tier(low, high)


@functools.cache
def lexicon() -> Lexicon:
    """Load `verbs.toml` on first use (never at import time: startup matters)."""
    import tomllib
    from importlib import resources

    raw = tomllib.loads(resources.files(__package__).joinpath("verbs.toml")
                        .read_text(encoding="utf-8"))
    words = raw["words"]
    phrases = tuple((tuple(p.split()), _tier(t)) for p, t in raw["vague_phrases"].items())
    pairs = frozenset(tuple(p.split(" and ")) for p in raw["fixed_pairs"]["pairs"])
    return Lexicon(
        verbs={verb: _tier(t) for verb, t in raw["verbs"].items()},
        vague=frozenset(raw["vague"]["verbs"]),
        vague_phrases=phrases,
        fixed_pairs=frozenset((a, b) for a, b in pairs),
        unmeasurable=frozenset(words["unmeasurable"]),
        noun_like=frozenset(words["noun_like"]),
        noun_phrase_openers=frozenset(words["noun_phrase_openers"]),
        clause_breaks=frozenset(words["clause_breaks"]),
        verb_followers=frozenset(words["verb_followers"]),
    )
