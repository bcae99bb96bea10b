"""The outcome lexicons of languages other than English (package data `lexicons/<lang>.toml`).

Each file lists infinitives by revised-Bloom tier, vague verbs and their multi-word forms,
qualifiers, stems, teacher-centred openings and the function words that are never verbs;
see the head of each file for where its lists come from. Word forms are reduced to
infinitives by simplemma, imported only here and only once a non-English text is analysed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mcred.outcomes.lexicon import Tier

Words = tuple[str, ...]
_START = 3


@dataclass(frozen=True)
class ForeignLexicon:
    """Everything the analyser knows about one language's outcome texts."""

    language: str
    name: str
    verb_final: bool
    verbs: dict[str, Tier]
    phrases: tuple[tuple[Words, str], ...]  # multi-word verbs ("mettre en œuvre"), longest first
    vague: frozenset[str]
    light_verbs: frozenset[str]
    vague_words: dict[str, Tier]
    unmeasurable: tuple[Words, ...]
    function: frozenset[str]
    noun_phrase_openers: frozenset[str]
    noun_like: frozenset[str]
    conjunctions: frozenset[str]
    clause_breaks: frozenset[str]
    break_phrases: tuple[Words, ...]
    particles: frozenset[str]
    auxiliaries: frozenset[str]
    stems: tuple[re.Pattern[str], ...]
    teacher: tuple[re.Pattern[str], ...]
    suggest: dict[int, str]
    starts: frozenset[str]  # first letters of every known verb, to skip hopeless look-ups

    def known(self, word: str) -> bool:
        """A verb the analyser recognises: a tiered one or a light verb ("tener", "haben")."""
        return word in self.verbs or word in self.light_verbs


def _tier(key: str) -> Tier:
    low, _, high = key.partition("-")
    return Tier(int(low), int(high or low))


def _split(entries: list[str]) -> tuple[frozenset[str], tuple[Words, ...]]:
    single = frozenset(e for e in entries if " " not in e)
    multi = tuple(sorted((tuple(e.split()) for e in entries if " " in e), key=len, reverse=True))
    return single, multi


@functools.cache
def foreign_lexicon(language: str) -> ForeignLexicon:
    """Load and compile one language's lexicon on first use."""
    import tomllib
    from importlib import resources

    raw = tomllib.loads(resources.files(__package__).joinpath("lexicons", f"{language}.toml")
                        .read_text(encoding="utf-8"))
    verbs = {verb: _tier(key) for key, listed in raw["tiers"].items() for verb in listed}
    words, vague, patterns = raw["words"], raw["vague"], raw["patterns"]
    breaks, break_phrases = _split(words["clause_breaks"])
    phrases = tuple(sorted(((tuple(v.split()), v) for v in verbs if " " in v),
                           key=lambda p: len(p[0]), reverse=True))
    flags = re.IGNORECASE
    return ForeignLexicon(
        language=language, name=raw["name"], verb_final=raw["order"] == "verb-final",
        verbs=verbs, phrases=phrases, vague=frozenset(vague["verbs"]),
        light_verbs=frozenset(vague["light_verbs"]),
        vague_words={w: Tier(t, t) for w, t in vague["words"].items()},
        unmeasurable=tuple(tuple(q.split()) for q in words["unmeasurable"]),
        function=frozenset(words["function"]),
        noun_phrase_openers=frozenset(words["noun_phrase_openers"]),
        noun_like=frozenset(words["noun_like"]), conjunctions=frozenset(words["conjunctions"]),
        clause_breaks=breaks, break_phrases=break_phrases,
        particles=frozenset(words.get("particles", [])),
        auxiliaries=frozenset(words.get("auxiliaries", [])),
        stems=tuple(re.compile(p, flags) for p in patterns["stems"]),
        teacher=tuple(re.compile(p, flags) for p in patterns["teacher"]),
        suggest={int(k): v for k, v in raw["suggest"].items()},
        starts=frozenset(v[:_START] for v in (*verbs, *vague["light_verbs"])),
    )


@functools.lru_cache(maxsize=65536)
def lemma(word: str, language: str) -> str:
    """The dictionary form of ``word`` (lower case) by simplemma; the word itself if unknown."""
    import simplemma

    return str(simplemma.lemmatize(word, lang=language)).lower()


def may_inflect(word: str, lex: ForeignLexicon) -> bool:
    """Could ``word`` be a form of a known verb? Short words can (irregular "sind", "tiene",
    "heeft"); longer ones must begin like one. perf: most words of an outcome are nouns, and
    sparing them the look-up spares many designs the loading of simplemma's dictionary."""
    return len(word) <= 6 or word[:_START] in lex.starts

