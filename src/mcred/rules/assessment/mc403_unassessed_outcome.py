"""MC403 unassessed-outcome."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC403", "unassessed-outcome", Severity.ERROR,
      fix="List the outcome's id in the `covers` of the assessment that verifies it.",
      source="ESG 2015, standard 1.3 (assessment of intended learning outcomes); "
             "constructive alignment")
def unassessed_outcome(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """A learning outcome is covered by no assessment.

    When no assessment lists the outcomes it covers, that is reported once, at the first
    assessment.

    Why is this bad?
    The credential certifies every outcome it lists. An outcome no assessment verifies is
    certified without evidence (ESG 1.3: assessment is designed to measure the intended
    learning outcomes); either assess it or drop it from the design.

    Example
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Analyse a public tender against the EU green public procurement criteria.
      - id: lo2
        text: Justify the choice of award criteria to internal auditors.
    assessment:
      - id: a1
        type: project
        covers: [lo1]
    ```

    Use instead
    ```yaml
    assessment:
      - id: a1
        type: project
        covers: [lo1]
      - id: a2
        type: oral-exam
        covers: [lo2]
    ```
    """
    if not (design.assessment and design.learning_outcomes):
        return  # absence is MC401's or MC201's finding
    covered = {ref for a in design.assessment for ref in a.covers}
    if not covered:
        yield ctx.issue(("assessment", 0, "covers"),
                        "no assessment lists the learning outcomes it covers")
        return
    for index, outcome in enumerate(design.learning_outcomes):
        if outcome.id is None:
            yield ctx.issue(("learning_outcomes", index, "id"), f"outcome {index + 1} has no "
                            "id, so no assessment can cover it", fix="Give the outcome an `id` "
                            "and list it in an assessment's `covers`.")
        elif outcome.id not in covered:
            yield ctx.issue(("learning_outcomes", index, "id"),
                            f"no assessment covers outcome '{outcome.id}'")
