"""The outcomes of a design, analysed, with the key path each finding points at."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mcred.findings import KeyPath
from mcred.model import Design
from mcred.model.outcomes import LearningOutcome
from mcred.outcomes.analysis import OutcomeAnalysis, analyse

LIST_PATH: KeyPath = ("learning_outcomes",)


@dataclass(frozen=True)
class AnalysedOutcome:
    """One outcome with text, its position in the list and its analysis."""

    index: int
    outcome: LearningOutcome
    analysis: OutcomeAnalysis

    @property
    def path(self) -> KeyPath:
        return ("learning_outcomes", self.index, "text")

    @property
    def label(self) -> str:
        """How messages name the outcome: its id, else its 1-based position."""
        return self.outcome.id or f"outcome {self.index + 1}"


def analysed_outcomes(design: Design) -> Iterator[AnalysedOutcome]:
    """Outcomes that have text (an empty one is another rule's finding)."""
    for index, outcome in enumerate(design.learning_outcomes):
        if outcome.text and outcome.text.strip():
            yield AnalysedOutcome(index, outcome, analyse(outcome.text))
