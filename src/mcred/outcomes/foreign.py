"""Outcome analysis for Spanish, German, French, Italian, Portuguese and Dutch texts.

The same questions as the English analyser (head verb, coordinated verbs, stem, teacher-centred
framing, qualifiers), answered from the language's lexicon. In Spanish, French, Italian and
Portuguese the head verb opens the outcome once the stem is stripped ("El estudiante será capaz
de analizar …"); German and Dutch put it second after a subject ("Die Teilnehmenden kennen …")
or at the end of the clause ("… analysieren und bewerten", "… te ontwerpen"): verb_final.py.
"""

from __future__ import annotations

import functools
import re

from mcred.outcomes.analysis import OutcomeAnalysis, VerbUse
from mcred.outcomes.foreign_lexicon import ForeignLexicon, foreign_lexicon
from mcred.outcomes.foreign_words import (
    CLITICS,
    is_adverb,
    is_break,
    looks_infinitive,
    lower,
    vague_word,
    verb_at,
)
from mcred.outcomes.lexicon import Tier

_TOKEN = r"[^\W\d_]+(?:['’-][^\W\d_]+)*['’]?|[,;:()/—–]"
_ELISION = re.compile(r"\b((?:[cdjlmnst]|qu|dell|all|dall|nell|sull|un|quell|tutt)['’])(?=\w)",
                      re.IGNORECASE)
_ENGLISH_ONLY = frozenset({"the", "of", "and", "to", "with", "for", "their", "how", "using"})
_LOOKAHEAD = 4  # words between a light verb and its vague noun ("adquirir una sólida comprensión")
_MAX_TOKENS = 400  # outcomes are a sentence; a hostile text must not cost quadratic time


@functools.lru_cache(maxsize=4096)
def analyse_foreign(text: str, language: str) -> OutcomeAnalysis:
    """Analyse one outcome written in ``language`` (a language with a lexicon)."""
    lex = foreign_lexicon(language)
    clean = " ".join(text.split()).rstrip(" .;")
    stem, body = split_stem(clean, lex)
    tokens = tokenize(body, language)[:_MAX_TOKENS]
    if lex.verb_final:
        from mcred.outcomes.verb_final import verbs_verb_final

        verbs, opener = verbs_verb_final(tokens, lex, bool(stem))
    else:
        verbs, opener = _verbs_verb_first(tokens, lex, bool(stem))
    teacher = _teacher(clean, body, lex)
    readable = bool(verbs or teacher) or not _english(tokens)
    return OutcomeAnalysis(text, stem, body, tuple(verbs), teacher, qualifiers(tokens, lex),
                           opener, readable, language)


def _english(tokens: list[str]) -> bool:
    """An English sentence in a design written in another language ("Analyse the …"): no
    noun phrase to report in that language (MC203 stays silent). Only words no analysed
    language shares count ("a", "in" and "is" do not)."""
    words = {t.lower() for t in tokens}
    if not words & _ENGLISH_ONLY:
        return False
    from mcred.outcomes.lexicon import lexicon

    return lexicon().base_form(tokens[0]) is not None


def tokenize(body: str, language: str) -> list[str]:
    if language in ("fr", "it"):
        body = _ELISION.sub(r"\1 ", body)  # "d'évaluer" → "d'" "évaluer"
    return re.findall(_TOKEN, body)


def split_stem(text: str, lex: ForeignLexicon) -> tuple[str, str]:
    """(stem, body): "El estudiante será capaz de analizar X" → body "analizar X"."""
    body = text
    changed = True
    while changed and body:
        changed = False
        for pattern in lex.stems:
            match = pattern.match(body)
            if match and match.end() > 0:
                body = body[match.end():]
                changed = True
    return text[: len(text) - len(body)].strip(), body


def _teacher(text: str, body: str, lex: ForeignLexicon) -> str | None:
    for candidate in (text, body):
        for pattern in lex.teacher:
            match = pattern.match(candidate)
            if match:
                return match.group(0).strip()
    return None


def qualifiers(tokens: list[str], lex: ForeignLexicon) -> tuple[str, ...]:
    """Unmeasurable qualifiers, single words or phrases ("de manera eficaz"), in text order."""
    words = [t.lower() for t in tokens]
    found: list[str] = []
    for i in range(len(words)):
        for phrase in lex.unmeasurable:
            if tuple(words[i: i + len(phrase)]) == phrase:
                found.append(" ".join(tokens[i: i + len(phrase)]).lower())
    return tuple(found)


def with_vague_word(head: VerbUse, at: int, tokens: list[str], search: range,
                    lex: ForeignLexicon, word_first: bool = False) -> VerbUse:
    """A light verb (at ``tokens[at]``) with a vague noun or adjective in ``search`` is one
    vague verb ("tener conocimiento de", "Kenntnisse haben"); else the head as it is."""
    if head.lemma not in lex.light_verbs:
        return head
    for j in search:
        word = vague_word(tokens[j], lex)
        if word is None:
            continue
        tier: Tier = lex.vague_words[word]
        lemma = f"{word} {head.lemma}" if word_first else f"{head.lemma} {word}"
        first, last = min(at, j), max(at, j)
        surface = (" ".join(tokens[first: last + 1]) if last - first <= _LOOKAHEAD
                   else f"{tokens[first]} … {tokens[last]}")
        return VerbUse(surface, lemma, tier, True, head.third_person)
    return head


def _skip(tokens: list[str], i: int, lex: ForeignLexicon) -> int:
    while i < len(tokens) and (lower(tokens, i) in CLITICS or is_adverb(lower(tokens, i), lex)):
        i += 1
    return i


def _verbs_verb_first(tokens: list[str], lex: ForeignLexicon,
                      has_stem: bool) -> tuple[list[VerbUse], str | None]:
    i = _skip(tokens, 0, lex)
    if i >= len(tokens):
        return [], None
    head, end = verb_at(tokens, i, lex)
    if head is None:
        low = lower(tokens, i)
        if not looks_infinitive(low, lex):
            return [], tokens[i]
        head, end = VerbUse(tokens[i], low, None), i + 1  # a domain verb the lexicon lacks
    head = with_vague_word(head, i, tokens, range(end, _clause_end(tokens, end, lex)), lex)
    return [head, *_coordinated(tokens, end, head, lex)], None


def _clause_end(tokens: list[str], start: int, lex: ForeignLexicon) -> int:
    """Where a light verb's object ends: a few words on, before a break or conjunction."""
    end = start
    while (end < len(tokens) and end - start < _LOOKAHEAD and not is_break(tokens, end, lex)
           and lower(tokens, end) not in lex.conjunctions):
        end += 1
    return end


def _coordinated(tokens: list[str], i: int, head: VerbUse, lex: ForeignLexicon) -> list[VerbUse]:
    """Verbs joined to the head by y/et/e/ou/commas, in the same form as the head."""
    found: list[VerbUse] = []
    object_started = False
    while i < len(tokens) and not is_break(tokens, i, lex):
        if lower(tokens, i) not in lex.conjunctions:
            object_started, i = True, i + 1
            continue
        while lower(tokens, i) in lex.conjunctions:
            i += 1
        i = _skip(tokens, i, lex)
        verb, end = verb_at(tokens, i, lex)
        if verb is None or verb.third_person != head.third_person:
            continue
        if (object_started and verb.lemma in lex.noun_like
                and lower(tokens, end) not in lex.function):
            continue  # "… y diseño de …": a noun
        found.append(with_vague_word(verb, i, tokens, range(end, _clause_end(tokens, end, lex)),
                                     lex))
        i = end
    return found
