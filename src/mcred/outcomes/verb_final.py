"""German and Dutch word order: the verb second after a subject, or at the end of the clause.

"Die Teilnehmenden analysieren X" and "De student past X toe" have a finite verb right after
the subject (the stem), with a separable prefix at the end ("wenden … an" is "anwenden");
"X analysieren und bewerten", "… zu bewerten" and "… te ontwerpen" put infinitives last.
German nouns are capitalised, so a capitalised word is never taken for a verb there.
"""

from __future__ import annotations

from mcred.outcomes.analysis import VerbUse
from mcred.outcomes.foreign import with_vague_word
from mcred.outcomes.foreign_lexicon import ForeignLexicon, lemma
from mcred.outcomes.foreign_words import finite, infinitive, is_break, lower, use


def verbs_verb_final(tokens: list[str], lex: ForeignLexicon,
                     has_stem: bool) -> tuple[list[VerbUse], str | None]:
    if not tokens:
        return [], None
    end = _clause_end(tokens, lex)
    clause = tokens[:end]
    head = _finite_at(clause, 0, lex)
    found = [] if head is not None else _final_verbs(clause, lex) or _unknown_final(clause, lex)
    if head is None and not found and has_stem:
        head = _finite_at(clause, 0, lex, unknown_ok=True)
    if head is not None:
        head = with_vague_word(head, 0, clause, range(1, len(clause)), lex, word_first=True)
        return [head, *_coordinated(clause, head, lex)], None
    if not found:
        return [], tokens[0]
    (at, first), rest = found[0], found[1:]
    head = with_vague_word(first, at, clause, range(at), lex, word_first=True)
    verbs = [head]
    for (before, _), (index, verb) in zip(found, rest, strict=False):
        if any(lower(clause, k) in lex.conjunctions for k in range(before + 1, index)):
            verbs.append(verb)
    return verbs, None


def _clause_end(tokens: list[str], lex: ForeignLexicon) -> int:
    """The main clause ends at a break word, unless that word is a separable prefix standing
    last ("Die Studierenden setzen X um.")."""
    for i in range(1, len(tokens)):
        if is_break(tokens, i, lex) and not _prefix_at(tokens, i, lex):
            return i
    return len(tokens)


def _prefix_at(tokens: list[str], i: int, lex: ForeignLexicon) -> bool:
    """Is ``tokens[i]`` a separable prefix rather than a preposition? A preposition is
    followed by its noun phrase; a prefix ends the clause or stands before another one."""
    if lower(tokens, i) not in lex.particles:
        return False
    following = lower(tokens, i + 1)
    if lex.language == "nl" and following in lex.particles:
        return True  # "past … toe op een casus": Dutch moves phrases after the prefix
    return not following or following in lex.conjunctions or following in (",", ";", ":", "(", ")")


def _lowercase(word: str, lex: ForeignLexicon) -> bool:
    return lex.language != "de" or word[:1].islower()


def _finite_at(clause: list[str], i: int, lex: ForeignLexicon,
               unknown_ok: bool = False) -> VerbUse | None:
    """A finite verb at ``clause[i]`` (right after the subject stem, or after "und"), with its
    separable prefix if one stands at the end."""
    word = clause[i] if i < len(clause) else ""
    low = word.lower()
    if not word or low in lex.function or not _lowercase(word, lex) or not word.isalpha():
        return None
    base = finite(low, lex) or infinitive(low, lex) or low
    bases = dict.fromkeys((base, lemma(low, lex.language), low))  # "past" → "passen"
    for j in range(len(clause) - 1, i, -1):  # the prefix stands last: "wenden … an"
        prefix = lower(clause, j)
        joined = next((prefix + b for b in bases if lex.known(prefix + b)), None)
        if joined is not None and _prefix_at(clause, j, lex):
            return use(f"{word} … {clause[j]}", joined, lex, True)
        if j > i + 1 and prefix in lex.conjunctions:
            break
    if lex.known(base):
        return use(word, base, lex, True)
    if unknown_ok and lex.language == "de":
        return VerbUse(word, low, None, third_person=True)  # "Die Studierenden löten …"
    return None


def _coordinated(clause: list[str], head: VerbUse, lex: ForeignLexicon) -> list[VerbUse]:
    """Finite verbs joined to a second-position head: "erheben und interpretieren Daten"."""
    found: list[VerbUse] = []
    for i in range(1, len(clause) - 1):
        if lower(clause, i) in lex.conjunctions and lower(clause, i + 1) not in lex.conjunctions:
            verb = _finite_at(clause, i + 1, lex)
            if verb is not None and verb.lemma not in lex.light_verbs:
                found.append(verb)
    return found


def _final_verbs(clause: list[str], lex: ForeignLexicon) -> list[tuple[int, VerbUse]]:
    """Infinitives of the clause, in order: "… definieren, erklären und anwenden"."""
    found: list[tuple[int, VerbUse]] = []
    for i, word in enumerate(clause):
        low = word.lower()
        if low in lex.function or not _lowercase(word, lex) or not word.isalpha():
            continue
        verb = infinitive(low, lex)
        marker = lower(clause, i - 1) in lex.auxiliaries
        if verb is None and marker and i >= 2 and lex.known(lower(clause, i - 2) + low):
            verb = lower(clause, i - 2) + low  # "toe te passen" → "toepassen"
            word = f"{clause[i - 2]} {clause[i - 1]} {word}"
        if verb is None:
            continue
        if low in lex.noun_like and not marker and lower(clause, i - 1) in lex.function:
            continue  # Dutch "de toetsen": a noun
        found.append((i, use(word, verb, lex, False)))
    return found


def _unknown_final(clause: list[str], lex: ForeignLexicon) -> list[tuple[int, VerbUse]]:
    """A word shaped like an infinitive that the lexicon lacks, last in the clause or before
    a phrase moved after it ("… löten", "… toedienen volgens het protocol")."""
    last = len(clause) - 1
    while last >= 0 and lower(clause, last) in lex.auxiliaries:
        last -= 1
    # Dutch writes a noun made of an infinitive in lower case: "van duurzaam inkopen".
    reach = 3 if lex.language == "nl" else 2
    for k in range(last, 0, -1):
        word, low = clause[k], clause[k].lower()
        if k < last and lower(clause, k + 1) not in lex.function:
            continue
        if (len(low) > 4 and low.endswith("en") and _lowercase(word, lex) and word.isalpha()
                and low not in lex.function
                and not any(lower(clause, j) in lex.function for j in range(k - reach + 1, k))):
            return [(k, VerbUse(word, low, None))]
    return []
