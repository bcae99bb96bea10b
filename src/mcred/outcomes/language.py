"""Which language a design's outcomes are written in: declared, else detected from the texts.

Detection uses py3langid (measured against lingua-language-detector on short outcome texts in
bench/language_detectors.py: as accurate, a tenth of the memory, a fraction of the start-up
time). It is imported only for a design that declares neither `language` nor `languages`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from mcred.langtext import primary_subtag, variants

if TYPE_CHECKING:
    from mcred.engine import FileResult
    from mcred.plain import Design

#: (tag or None, why); ``None`` when a file has no outcomes to say anything about.
Decision = tuple[str | None, str] | None
#: Languages with an outcome lexicon (English is the built-in fast path).
ANALYSED = ("en", "es", "de", "fr", "it", "pt", "nl")
DETECTOR = "py3langid"
_SAMPLE = 2000  # characters: plenty for a language guess, bounded for hostile input
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# A top-level `language: es` and a block list of outcomes, as designs write them.
_DECLARED = re.compile(r"^language:[ \t]*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)[ \t]*(?:#.*)?$",
                       re.MULTILINE)
_OUTCOMES = re.compile(r"^learning_outcomes:[ \t]*(?:#.*)?\n[ \t]+-", re.MULTILINE)


def design_language(design: Design) -> tuple[str | None, str]:
    """(tag, reason): the `language` key, else the first of `languages`, else detected."""
    texts = tuple(t for o in design.learning_outcomes for tag, t in variants(o.text)
                  if tag is None)
    return _decide(design.language, tuple(design.languages), texts)


def data_language(data: Any) -> Decision:
    """The same decision from a design's raw (loaded, unvalidated) data, for reporters.

    None when the data is not a design with outcomes: there is nothing to say.
    """
    if not isinstance(data, Mapping):
        return None
    outcomes = data.get("learning_outcomes")
    if not isinstance(outcomes, list) or not outcomes:
        return None
    texts = [o["text"] for o in outcomes
             if isinstance(o, Mapping) and isinstance(o.get("text"), str)]
    language = data.get("language")
    languages = data.get("languages")
    declared = [t for t in languages if isinstance(t, str)] if isinstance(languages, list) else []
    return _decide(language if isinstance(language, str) else None, tuple(declared),
                   tuple(texts))


@functools.lru_cache(maxsize=1024)
def _decide(language: str | None, languages: tuple[str, ...],
            texts: tuple[str, ...]) -> tuple[str | None, str]:
    """Memoised: each outcome rule asks for the language of the same design."""
    if language and language.strip():
        return language.strip(), "declared in `language`"
    declared = [t.strip() for t in languages if t.strip()]
    filled = [t for t in texts if t.strip()]
    if declared:
        first = declared[0]
        if primary_subtag(first.lower()) != "en" and _reads_as_english(filled):
            english = next((t for t in declared if primary_subtag(t.lower()) == "en"), "en")
            return english, (f"the outcome texts read as English, though `languages` starts "
                             f"with {first}; declare `language` to be sure")
        return first, "the first of `languages`; no `language` key"
    sample = " ".join(t.strip() for t in filled)[:_SAMPLE]
    if not sample:
        return None, "not declared, and no outcome text to detect it from"
    found = detect(sample)
    if found is None:
        return None, f"not declared, and {DETECTOR} is not installed to detect it"
    return found, f"detected from the outcome texts by {DETECTOR}; declare `language` to be sure"


def _reads_as_english(texts: list[str]) -> bool:
    """Do most outcomes open with an English stem or a verb of the English lexicon?

    `languages` lists the languages of instruction, and many designs taught in Spanish (and
    English) are written in English: this keeps them on the English analysis without
    importing anything. A text in another language hardly ever opens with an English stem or
    verb. perf: a look at the first word, not a whole analysis (reporters ask for every file
    of a warm run).
    """
    from mcred.outcomes.lexicon import lexicon
    from mcred.outcomes.stems import split_stem, teacher_phrase

    if not texts:
        return False
    lex = lexicon()
    openers = {words[0] for words, _ in lex.vague_phrases}
    fits = 0
    for text in texts:
        stem, body = split_stem(" ".join(text.split()))
        first = _FIRST_WORD.match(body)
        word = first.group(0).lower() if first else ""
        fits += bool(stem or teacher_phrase(text, body) or word in openers
                     or lex.base_form(word) or lex.third_person(word))
    return fits * 2 >= len(texts)


@functools.lru_cache(maxsize=256)
def detect(text: str) -> str | None:
    """The language of ``text`` by py3langid, or None when the library is missing."""
    try:
        import py3langid
    except ImportError:
        return None
    tag, _score = py3langid.classify(text)
    return str(tag)


def analysis_language(tag: str | None) -> str:
    """The lexicon a text in ``tag`` is analysed with: its primary subtag ("pt-BR" → "pt").

    An unknown language (no tag at all) is analysed as English, as mcred always did.
    """
    return primary_subtag(tag.lower()) if tag else "en"


def is_analysed(language: str) -> bool:
    return language in ANALYSED


def language_name(language: str) -> str:
    """"Finnish" for "fi", for messages; the tag itself when the name is unknown."""
    import pycountry

    found = pycountry.languages.get(alpha_2=language) if len(language) == 2 else None
    if found is None and len(language) == 3:
        found = pycountry.languages.get(alpha_3=language)
    return str(found.name) if found is not None else language


def outcome_languages(files: Iterable[FileResult]) -> dict[str, dict[str, Any]]:
    """Per file with outcomes: the language they were read in, why, and whether mcred has a
    lexicon for it (the JSON report's `outcome_languages`, and `--verbose`)."""
    found: dict[str, dict[str, Any]] = {}
    for file in files:
        decision = file.outcome_language()
        if decision is not None:
            tag, reason = decision
            found[file.path] = {"language": tag, "reason": reason,
                                "analysed": is_analysed(analysis_language(tag))}
    return found


def file_language(file: FileResult) -> Decision:
    """The decision for one linted file that did not keep it. perf: a design that declares
    `language` is answered from its text; only the others need its data."""
    document = file.document
    if document is None:
        return None
    text = document.text
    # perf: a substring test first; the line patterns only when the key can be there
    has_key = "\nlanguage:" in text or text.startswith("language:")
    declared = _DECLARED.search(text) if has_key else None
    if declared is not None and _OUTCOMES.search(text) is not None:
        return declared.group(1), "declared in `language`"
    return data_language(document.data)


def language_notes(files: Iterable[FileResult]) -> list[str]:
    """`--verbose` lines: "design.yaml: outcomes read as es (declared in `language`)"."""
    notes = []
    for path, entry in outcome_languages(files).items():
        tag = entry["language"] or "en"
        state = "read as" if entry["analysed"] else "not analysed, no outcome lexicon for"
        notes.append(f"{path}: outcomes {state} {tag} ({entry['reason']})")
    return notes

