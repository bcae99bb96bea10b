"""The outcomes of a design, analysed, with the key path each finding points at."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from mcred.findings import KeyPath
from mcred.langtext import pick
from mcred.model import Design
from mcred.model.outcomes import LearningOutcome
from mcred.outcomes.analysis import OutcomeAnalysis, analyse

LIST_PATH: KeyPath = ("learning_outcomes",)


class AnalysedOutcome(NamedTuple):
    """One outcome with text, its position in the list and its analysis.

    A named tuple, not a dataclass: a dozen rules build these for every outcome, and a
    frozen dataclass costs several times more to construct.
    """

    position: int
    outcome: LearningOutcome
    analysis: OutcomeAnalysis

    @property
    def path(self) -> KeyPath:
        return ("learning_outcomes", self.position, "text")

    @property
    def label(self) -> str:
        """How messages name the outcome: its id, else its 1-based position."""
        return self.outcome.id or f"outcome {self.position + 1}"


def analysed_outcomes(design: Design) -> Iterator[AnalysedOutcome]:
    """Outcomes that have text (an empty one is another rule's finding)."""
    for position, outcome in enumerate(design.learning_outcomes):
        text = pick(outcome.text, None)
        if text is not None:
            yield AnalysedOutcome(position, outcome, analyse(text))
