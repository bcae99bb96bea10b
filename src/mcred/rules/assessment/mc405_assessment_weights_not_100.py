"""MC405 assessment-weights-not-100."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class WeightsTolerance(RuleOptions):
    """Options of MC405."""

    tolerance: float = option(0.5, ge=0, description="Accepted distance of the sum of the "
                             "weights from 100, in percentage points.")


@rule("MC405", "assessment-weights-not-100", Severity.WARNING, options=WeightsTolerance,
      fix="Make the `weight`s of all assessment tasks add up to 100.",
      source="Logic: weights are percentages of the final grade")
def assessment_weights_not_100(design: Design,
                               ctx: RuleContext[WeightsTolerance]) -> Iterator[Issue]:
    """Assessment weights are given but do not add up to 100 %.

    Also reported when some tasks have a weight and others do not.

    Why is this bad?
    Weights say how much each task counts towards the final grade. When they do not add up
    to 100, the grade cannot be computed as published, and learners and assessors will
    each resolve the contradiction their own way.

    Example
    ```yaml
    assessment:
      - id: a1
        weight: 70
      - id: a2
        weight: 40
    ```

    Use instead
    ```yaml
    assessment:
      - id: a1
        weight: 70
      - id: a2
        weight: 30
    ```

    Options
    - `tolerance` (default 0.5): accepted distance from 100.
    """
    weighted = [(i, a.weight) for i, a in enumerate(design.assessment) if a.weight is not None]
    if not weighted:
        return
    unweighted = [i for i, a in enumerate(design.assessment) if a.weight is None]
    if unweighted:
        yield ctx.issue(("assessment", unweighted[0], "weight"),
                        f"{len(weighted)} of {len(design.assessment)} assessment tasks have a "
                        "weight; this one has none")
        return
    total = sum(w for _, w in weighted if w is not None)
    if abs(total - 100) > ctx.options.tolerance:
        yield ctx.issue(("assessment", weighted[-1][0], "weight"),
                        f"the assessment weights add up to {total:g} %, not 100 %")
