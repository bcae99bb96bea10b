"""Word-level recognition for non-English outcomes: which token is a verb, and which verb.

A token is a verb when it is an infinitive of the lexicon, a reflexive infinitive
("comunicarse"), a zu-infinitive of a separable verb ("anzuwenden"), or an inflected form that
simplemma reduces to a lexicon infinitive ("analizan" → "analizar"). Articles, determiners,
pronouns and prepositions of the language are never verbs.
"""

from __future__ import annotations

from mcred.outcomes.analysis import VerbUse
from mcred.outcomes.foreign_lexicon import ForeignLexicon, lemma, may_inflect

_REFLEXIVE = {"es": ("se",), "it": ("si",), "pt": ("-se",), "fr": ()}
_INFINITIVE = {"es": ("ar", "er", "ir", "ír"), "pt": ("ar", "er", "ir", "por", "pôr"),
               "fr": ("er", "ir", "oir"), "it": ("are", "ere", "ire", "rre")}
_ADVERB = {"es": "mente", "pt": "mente", "it": "mente", "fr": "ment"}
CLITICS = frozenset({"se", "s'", "si", "me", "m'", "nos", "nous", "ci", "ne"})


def lower(tokens: list[str], i: int) -> str:
    return tokens[i].lower() if 0 <= i < len(tokens) else ""


def use(surface: str, verb: str, lex: ForeignLexicon, finite: bool) -> VerbUse:
    return VerbUse(surface, verb, lex.verbs.get(verb), verb in lex.vague, finite)


def infinitive(word: str, lex: ForeignLexicon) -> str | None:
    """The lexicon verb ``word`` is written as in the infinitive, or None."""
    if lex.known(word):
        return word
    for suffix in _REFLEXIVE.get(lex.language, ()):
        if word.endswith(suffix) and lex.known(word[: -len(suffix)]):
            return word[: -len(suffix)]
        if suffix == "si" and word.endswith("si") and lex.known(word[:-2] + "e"):
            return word[:-2] + "e"  # it: "servirsi" → "servire"
    if lex.language == "de":
        for particle in lex.particles:
            rest = word[len(particle) + 2:]
            if word.startswith(particle + "zu") and rest and lex.known(particle + rest):
                return particle + rest  # "anzuwenden" → "anwenden"
    return None


def finite(word: str, lex: ForeignLexicon) -> str | None:
    """The lexicon verb of which ``word`` is an inflected form ("analysent" → "analyser")."""
    if not may_inflect(word, lex):
        return None
    found = lemma(word, lex.language)
    if found != word and lex.known(found):
        return found
    if lex.language == "nl" and word.endswith("t"):
        return _dutch_third_person(word[:-1], lex)
    return None


def _dutch_third_person(stem: str, lex: ForeignLexicon) -> str | None:
    """"plan" → "plannen", "maak" → "maken": where simplemma has no entry for the form."""
    candidates = [stem + "en", stem + stem[-1:] + "en"]
    if len(stem) > 2 and stem[-2] == stem[-3]:
        candidates.append(stem[:-2] + stem[-1] + "en")  # maak → maken, beoordeel → beoordelen
    return next((c for c in candidates if lex.known(c)), None)


def verb_at(tokens: list[str], i: int, lex: ForeignLexicon) -> tuple[VerbUse | None, int]:
    """The verb that starts at ``tokens[i]`` (a multi-word verb, an infinitive or a form)."""
    low = lower(tokens, i)
    if not low or low in lex.function or low in lex.noun_phrase_openers:
        return None, i
    for words, verb in lex.phrases:
        if tuple(lower(tokens, i + k) for k in range(len(words))) == words:
            return use(" ".join(tokens[i: i + len(words)]), verb, lex, False), i + len(words)
    base = infinitive(low, lex)
    if base is not None:
        return use(tokens[i], base, lex, False), i + 1
    inflected = finite(low, lex)
    if inflected is not None:
        return use(tokens[i], inflected, lex, True), i + 1
    return None, i


def looks_infinitive(word: str, lex: ForeignLexicon) -> bool:
    """A word the lexicon lacks but that has an infinitive's ending: a domain verb, probably."""
    return (len(word) > 4 and word not in lex.function and word not in lex.noun_phrase_openers
            and word.endswith(_INFINITIVE.get(lex.language, ())))


def is_adverb(word: str, lex: ForeignLexicon) -> bool:
    suffix = _ADVERB.get(lex.language, "")
    return bool(suffix) and len(word) > len(suffix) + 3 and word.endswith(suffix)


def is_break(tokens: list[str], i: int, lex: ForeignLexicon) -> bool:
    """Does the main clause end at ``tokens[i]`` (a purpose, an object clause, an example)?"""
    if lower(tokens, i) in lex.clause_breaks:
        return True
    return any(tuple(lower(tokens, i + k) for k in range(len(p))) == p
               for p in lex.break_phrases)


def vague_word(word: str, lex: ForeignLexicon) -> str | None:
    """The vague noun or adjective ``word`` is ("Kenntnisse" → "kenntnis"), or None."""
    low = word.lower()
    if low in lex.vague_words:
        return lemma(low, lex.language) if lemma(low, lex.language) in lex.vague_words else low
    base = lemma(low, lex.language) if word[:1].isupper() or len(low) > 4 else low
    return base if base in lex.vague_words else None
