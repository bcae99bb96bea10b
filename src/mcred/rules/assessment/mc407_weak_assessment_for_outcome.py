"""MC407 weak-assessment-for-outcome."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.model.vocab import AssessmentType
from mcred.outcomes import TIER_NAMES
from mcred.outcomes.design import primary_outcomes
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class WeakAssessment(RuleOptions):
    """Options of MC407."""

    min_tier: int = option(5, ge=1, le=6, description="Bloom tier from which an outcome "
                          "needs more than a weak assessment (5 = evaluate).")
    weak_types: tuple[AssessmentType, ...] = option(("quiz",), description="Assessment types "
                                                   "that cannot show such an outcome alone.")


@rule("MC407", "weak-assessment-for-outcome", Severity.INFO, options=WeakAssessment,
      fix="Assess the outcome with a task that shows the judgement or the product: a "
          "project, a case analysis, an oral defence.",
      source="Constructive alignment (Biggs); ESG 1.3 (heuristic)")
def weak_assessment_for_outcome(design: Design,
                                ctx: RuleContext[WeakAssessment]) -> Iterator[Issue]:
    """An evaluate- or create-level outcome is assessed only by a quiz.

    The outcome's tier is the lowest tier its verb surely reaches ("evaluate", "design";
    not "identify", which may be lower).

    Why is this bad?
    A quiz checks recall and recognition. Whether a learner can evaluate, justify or
    design something shows only in a task where they do it: assessment must be aligned
    with the outcome (constructive alignment; ESG 1.3 asks that assessment measure the
    intended outcomes).

    Example
    ```yaml
    learning_outcomes:
      - id: lo4
        text: Evaluate supplier bids using life-cycle costing.
    assessment:
      - id: a1
        type: quiz
        covers: [lo4]
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo4
        text: Evaluate supplier bids using life-cycle costing.
    assessment:
      - id: a1
        type: project
        covers: [lo4]
    ```
    """
    o = ctx.options
    for item in primary_outcomes(design):
        tier = item.analysis.tier_low
        if item.outcome.id is None or tier is None or tier < o.min_tier:
            continue
        types = [a.type for a in design.assessment if item.outcome.id in a.covers]
        if types and all(t in o.weak_types for t in types):
            yield ctx.issue(item.path, f"{item.label} is at tier {tier} ({TIER_NAMES[tier]}) "
                                       f"but is assessed only by {', '.join(map(str, types))}")
