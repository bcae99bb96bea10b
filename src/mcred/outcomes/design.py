"""The outcomes of a design, analysed in their language, with the key path findings point at.

A plain outcome text is in the design's language; each entry of a language map is in its own
language and is analysed on its own. Texts in a language without a lexicon are not analysed
(MC214 says so), and English rules never see them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from mcred.findings import KeyPath
from mcred.langtext import LangText, primary_subtag, text_path, variants
from mcred.outcomes.analysis import OutcomeAnalysis, analyse
from mcred.outcomes.language import analysis_language, design_language, is_analysed
from mcred.outcomes.mixed import Mixed, mixed_languages
from mcred.plain import Design
from mcred.plain.classes import LearningOutcome

LIST_PATH: KeyPath = ("learning_outcomes",)


class AnalysedOutcome(NamedTuple):
    """One outcome text (one language of it) with its position in the list and its analysis.

    A named tuple, not a dataclass: a dozen rules build these for every outcome, and a
    frozen dataclass costs several times more to construct.
    """

    position: int
    outcome: LearningOutcome
    analysis: OutcomeAnalysis
    tag: str | None = None  # the language-map key, None for a plain string
    mixed: Mixed | None = None  # a plain string that holds two languages

    @property
    def path(self) -> KeyPath:
        return text_path(("learning_outcomes", self.position, "text"), self.tag)

    @property
    def label(self) -> str:
        """How messages name the outcome: its id, else its 1-based position."""
        return self.outcome.id or f"outcome {self.position + 1}"

    @property
    def lang(self) -> str:
        """" (es)" for messages about a non-English text or one entry of a language map;
        nothing for a plain English text."""
        language = self.analysis.language
        return "" if language == "en" and self.tag is None else f" ({language})"


def analyse_text(text: str, language: str) -> OutcomeAnalysis:
    """The analysis of ``text`` in ``language``: English fast path, a lexicon, or none."""
    if language == "en":
        return analyse(text)
    if is_analysed(language):
        from mcred.outcomes.foreign import analyse_foreign

        return analyse_foreign(text, language)
    body = " ".join(text.split())
    return OutcomeAnalysis(text, "", body, (), None, (), None, False, language)


def outcome_language(design: Design) -> str:
    """The language plain outcome texts are analysed in ("en" when it cannot be told)."""
    return analysis_language(design_language(design)[0])


def analysed_outcomes(design: Design) -> Iterator[AnalysedOutcome]:
    """Every analysable text of every outcome: each language of a map, in its own language."""
    language = outcome_language(design)
    for position, outcome in enumerate(design.learning_outcomes):
        for tag, text in variants(outcome.text):
            if text.strip():
                item = _item(position, outcome, tag, text, language)
                if is_analysed(item.analysis.language):
                    yield item


def primary_outcomes(design: Design, *, analysed_only: bool = True) -> Iterator[AnalysedOutcome]:
    """One text per outcome, in the design's language: for rules about the outcome set
    (how many, how varied, how demanding), which a translation must not count twice."""
    language = outcome_language(design)
    for position, outcome in enumerate(design.learning_outcomes):
        found = _primary(outcome.text, language)
        if found is not None:
            item = _item(position, outcome, found[0], found[1], language)
            if is_analysed(item.analysis.language) or not analysed_only:
                yield item


def _item(position: int, outcome: LearningOutcome, tag: str | None, text: str,
          language: str) -> AnalysedOutcome:
    if tag is not None:
        return AnalysedOutcome(position, outcome, analyse_text(text, analysis_language(tag)), tag)
    mixed = mixed_languages(text, language) if is_analysed(language) else None
    if mixed is not None:
        return AnalysedOutcome(position, outcome, analyse_text(mixed.own, language), None, mixed)
    return AnalysedOutcome(position, outcome, analyse_text(text, language))


def _primary(value: LangText | None, language: str) -> tuple[str | None, str] | None:
    """The (tag, text) in ``language`` (same primary subtag), else the first with text."""
    filled = [(tag, text) for tag, text in variants(value) if text.strip()]
    for tag, text in filled:
        if tag is None or primary_subtag(tag.lower()) == language:
            return tag, text
    return filled[0] if filled else None
