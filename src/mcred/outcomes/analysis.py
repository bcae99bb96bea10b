"""Learning-outcome analysis: head verb(s), Bloom tiers, vagueness, compounds, qualifiers.

A small lexicon plus suffix rules, not a tagger: outcomes are short imperative sentences
("Analyse a public tender against …"), so the head verb is the first word after the stem,
and a second verb counts only where it is coordinated with the head in the main clause.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mcred.outcomes.lexicon import FILLER, Lexicon, Tier, lexicon
from mcred.outcomes.stems import split_stem, teacher_phrase

_TOKEN = r"e\.g\.|i\.e\.|[^\W\d_]+(?:['’-][^\W\d_]+)*|[,;:()/—–]"
# Words that show a text is English; rules that guess from unknown words stay silent on
# outcomes in an English design that are written in another language ("Les principes du RGPD").
_ENGLISH = frozenset({"the", "a", "an", "of", "to", "and", "or", "in", "for", "with", "on",
                      "by", "from", "at", "into", "using", "their", "this", "that", "is",
                      "are", "be", "how", "what", "your", "own"})
_CONJUNCTIONS = frozenset({",", "and", "or", "/", "then", "and/or"})
_NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ship", "ance", "ence", "ism",
                     "ing", "ics", "ogy", "al", "ic", "ous", "ful")
_BE_HAVE = {"is": "be", "are": "be", "am": "be", "has": "have"}


@dataclass(frozen=True)
class VerbUse:
    """One action verb of an outcome; ``tier`` is None for a verb the lexicon lacks."""

    surface: str
    lemma: str
    tier: Tier | None
    vague: bool = False
    third_person: bool = False


@dataclass(frozen=True)
class OutcomeAnalysis:
    """What the outcome rules need to know about one outcome text."""

    text: str
    stem: str
    body: str
    verbs: tuple[VerbUse, ...]
    teacher_phrase: str | None
    qualifiers: tuple[str, ...]
    opener: str | None
    readable: bool  # the text reads as the language it is analysed in
    language: str = "en"

    @property
    def head(self) -> VerbUse | None:
        return self.verbs[0] if self.verbs else None

    @property
    def is_compound(self) -> bool:
        return len(self.verbs) >= 2

    @property
    def word_count(self) -> int:
        return len(self.body.split())

    @property
    def tiers_known(self) -> bool:
        return bool(self.verbs) and all(v.tier is not None for v in self.verbs)

    @property
    def tier_high(self) -> int | None:
        """Highest tier the outcome may reach (benefit of the doubt)."""
        known = [v.tier.high for v in self.verbs if v.tier is not None]
        return max(known) if known else None

    @property
    def tier_low(self) -> int | None:
        """Highest tier the outcome surely reaches."""
        known = [v.tier.low for v in self.verbs if v.tier is not None]
        return max(known) if known else None


@functools.lru_cache(maxsize=4096)
def analyse(text: str) -> OutcomeAnalysis:
    """Analyse one outcome text; cached, because several rules ask about the same text."""
    clean = " ".join(text.split()).rstrip(" .;")
    stem, body = split_stem(clean)
    tokens = re.findall(_TOKEN, body)  # re caches the compiled pattern
    lex = lexicon()
    start = _skip_adverbs(tokens, 0, lex)
    head, after = _head(tokens, start, lex)
    verbs: tuple[VerbUse, ...] = ()
    if head is not None:
        verbs = (head, *_coordinated(tokens, after, head, lex))
    opener = None if head or start >= len(tokens) else tokens[start]
    qualifiers = tuple(t.lower() for t in tokens if t.lower() in lex.unmeasurable)
    return OutcomeAnalysis(text, stem, body, verbs, teacher_phrase(clean, body), qualifiers,
                           opener, bool(stem) or _looks_english(tokens, lex))


def _looks_english(tokens: list[str], lex: Lexicon) -> bool:
    words = {t.lower() for t in tokens}
    return bool(words & _ENGLISH or words & lex.noun_phrase_openers
                or any(lex.base_form(w) or lex.third_person(w) for w in words))


def _is_adverb(word: str, lex: Lexicon) -> bool:
    low = word.lower()
    return len(low) > 4 and low.endswith("ly") and lex.base_form(low) is None


def _skip_adverbs(tokens: list[str], i: int, lex: Lexicon) -> int:
    while i < len(tokens) and _is_adverb(tokens[i], lex):
        i += 1
    return i


def _at(tokens: list[str], i: int) -> str:
    return tokens[i].lower() if i < len(tokens) else ""


def _head(tokens: list[str], i: int, lex: Lexicon) -> tuple[VerbUse | None, int]:
    """The head verb at ``tokens[i]`` (a vague phrase, a lexicon verb or an unknown verb)."""
    if i >= len(tokens):
        return None, i
    phrase = _vague_phrase(tokens, i, lex)
    if phrase is not None:
        return phrase
    word, following = tokens[i], _at(tokens, i + 1)
    base = lex.base_form(word)
    third = None if base else lex.third_person(word)
    lemma = base or third
    if lemma is not None:
        if following == "of" and lemma in lex.noun_like:
            return None, i  # "Use of statistical software": a noun phrase
        return VerbUse(word, lemma, lex.verbs[lemma], lemma in lex.vague, third is not None), i + 1
    if _looks_nominal(word, following, lex):
        return None, i
    return VerbUse(word, word.lower(), None), i + 1


def _looks_nominal(word: str, following: str, lex: Lexicon) -> bool:
    """An opener that is not in the lexicon: is it a noun phrase rather than a domain verb?"""
    low = word.lower()
    if low in lex.noun_phrase_openers or following == "of" or low.endswith("ing"):
        return True  # "Knowledge of …", "Basics of …", "Managing a team"
    if word.isupper() or (word[:1].isupper() and any(c.isupper() for c in word[1:])):
        return True  # an acronym or a name: "EU law", "GDPR compliance"
    if following in lex.verb_followers:
        return False  # "Ensures the …", "Enhance a …": a verb the lexicon lacks
    plural = low.endswith("s") and not low.endswith("ss")
    return plural or low.endswith(_NOMINAL_SUFFIXES)


def _lemma_for_phrase(word: str, heads: frozenset[str]) -> str:
    low = word.lower()
    if low in _BE_HAVE:
        return _BE_HAVE[low]
    if low.endswith("s") and low[:-1] in heads:
        return low[:-1]
    return low


def _vague_phrase(tokens: list[str], i: int,
                  lex: Lexicon) -> tuple[VerbUse, int] | None:
    heads = frozenset(words[0] for words, _ in lex.vague_phrases)
    first = _lemma_for_phrase(tokens[i], heads)
    for words, tier in lex.vague_phrases:
        if words[0] != first:
            continue
        end = _match(words[1:], tokens, i + 1)
        if end is not None:
            lemma = " ".join(w for w in words if w != FILLER)
            return VerbUse(" ".join(tokens[i:end]), lemma, tier, vague=True), end
    return None


def _match(words: tuple[str, ...], tokens: list[str], i: int) -> int | None:
    """End index when ``words`` (with ``~`` = up to three filler words) match at ``i``."""
    if not words:
        return i
    if words[0] == FILLER:
        for skip in range(4):
            end = _match(words[1:], tokens, i + skip)
            if end is not None:
                return end
        return None
    if _at(tokens, i) == words[0]:
        return _match(words[1:], tokens, i + 1)
    return None


def _coordinated(tokens: list[str], i: int, head: VerbUse, lex: Lexicon) -> list[VerbUse]:
    """Verbs joined to the head by and/or/commas before the main clause ends."""
    found: list[VerbUse] = []
    previous = head.lemma
    object_started = False
    while i < len(tokens):
        word = tokens[i].lower()
        if word in lex.clause_breaks:
            break
        if word not in _CONJUNCTIONS:
            object_started = True
            i += 1
            continue
        while _at(tokens, i) in _CONJUNCTIONS:
            i += 1
        i = _skip_adverbs(tokens, i, lex)
        verb = _second_verb(tokens, i, head, object_started, lex) or _listed(tokens, i, head, lex)
        if verb is None:
            continue
        if (previous, verb.lemma) not in lex.fixed_pairs:
            found.append(verb)
        previous = verb.lemma
        i += 1
    return found


def _second_verb(tokens: list[str], i: int, head: VerbUse, object_started: bool,
                 lex: Lexicon) -> VerbUse | None:
    """The verb at ``tokens[i]`` if it parallels the head ("analyses … and evaluates")."""
    if i >= len(tokens):
        return None
    word, following = tokens[i], _at(tokens, i + 1)
    lemma = lex.third_person(word) if head.third_person else lex.base_form(word)
    if lemma is None or following == "of":
        return None
    if object_started and lemma in lex.noun_like and not (
            following in lex.verb_followers or _is_adverb(following, lex)):
        return None  # "draft specifications and award criteria", "before use and report"
    return VerbUse(word, lemma, lex.verbs[lemma], lemma in lex.vague, head.third_person)


def _listed(tokens: list[str], i: int, head: VerbUse, lex: Lexicon) -> VerbUse | None:
    """A word the lexicon lacks inside a list of verbs ("collect, clean, analyse and …"): one
    word between a conjunction and another that a known verb follows is a verb too."""
    if i + 2 >= len(tokens) or _at(tokens, i + 1) not in _CONJUNCTIONS:
        return None
    word = tokens[i]
    if not word.isalpha() or _looks_nominal(word, _at(tokens, i + 1), lex):
        return None
    j = i + 1
    while _at(tokens, j) in _CONJUNCTIONS:
        j += 1
    if _second_verb(tokens, j, head, True, lex) is None:
        return None
    return VerbUse(word, word.lower(), None, third_person=head.third_person)

