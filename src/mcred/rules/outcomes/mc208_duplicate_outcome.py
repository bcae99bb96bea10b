"""MC208 duplicate-outcome."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from mcred.findings import Issue, Severity
from mcred.outcomes.design import AnalysedOutcome, primary_outcomes
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule

_NON_WORD = re.compile(r"[^a-z0-9]+")


class DuplicateOutcome(RuleOptions):
    """Options of MC208."""

    similarity: float = option(0.9, gt=0, le=1, description="Similarity ratio (difflib) from "
                              "which two outcomes count as duplicates.")


def _normal(item: AnalysedOutcome) -> str:
    return _NON_WORD.sub(" ", item.analysis.body.lower()).strip()


class _Seen:
    """An earlier outcome; difflib indexes its text only once a comparison gets that far."""

    def __init__(self, item: AnalysedOutcome, text: str) -> None:
        self.item, self.text = item, text
        self._matcher: SequenceMatcher[str] | None = None

    def similarity(self, other: str, threshold: float) -> float | None:
        """The ratio when at least ``threshold``; cheap upper bounds first, so most pairs
        cost a length comparison."""
        if other == self.text:
            return 1.0
        if 2 * min(len(other), len(self.text)) / (len(other) + len(self.text)) < threshold:
            return None
        if self._matcher is None:
            self._matcher = SequenceMatcher(None, "", self.text, autojunk=False)
        matcher = self._matcher
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
            return None
        ratio = matcher.ratio()
        return ratio if ratio >= threshold else None


@rule("MC208", "duplicate-outcome", Severity.WARNING, options=DuplicateOutcome,
      fix="Remove the repeated outcome, or rewrite it to state a different achievement.",
      source="DCU guide to writing learning outcomes")
def duplicate_outcome(design: Design, ctx: RuleContext[DuplicateOutcome]) -> Iterator[Issue]:
    """Two outcomes are identical or nearly so (similarity ≥ 0.9).

    Texts are compared after stripping the stem, case and punctuation; each repeat is
    reported once, against the first outcome it repeats.

    Why is this bad?
    A repeated outcome inflates the list without adding an achievement, usually after
    copying between drafts; assessments then cover the "same" outcome twice and the
    transcript repeats itself.

    Example
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Evaluate supplier bids using life-cycle costing.
      - id: lo2
        text: Evaluate supplier bids by using life-cycle costing.
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Evaluate supplier bids using life-cycle costing.
      - id: lo2
        text: Justify the choice of award criteria to internal auditors.
    ```

    Options
    - `similarity` (default 0.9): difflib ratio from which two texts count as duplicates.
    """
    seen: list[_Seen] = []
    for item in primary_outcomes(design, analysed_only=False):
        text = _normal(item)
        for earlier in seen:
            ratio = earlier.similarity(text, ctx.options.similarity)
            if ratio is not None:
                yield ctx.issue(item.path, f"{item.label} repeats {earlier.item.label} "
                                           f"({ratio:.0%} similar)")
                break
        else:
            seen.append(_Seen(item, text))
