"""MC404 missing-assessment-criteria."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.langtext import has_text
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC404", "missing-assessment-criteria", Severity.WARNING,
      fix="Add `criteria`: the rubric, marking scheme or pass mark learners will be judged by.",
      source="ESG 2015, standard 1.3 (criteria for and method of assessment published in "
             "advance)")
def missing_assessment_criteria(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """An assessment task states no assessment criteria.

    Why is this bad?
    ESG 1.3 asks that the criteria for and method of assessment, as well as the criteria
    for marking, be published in advance. Without them, learners cannot prepare, assessors
    grade inconsistently, and another institution cannot judge what a pass means.

    Example
    ```yaml
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
        criteria: Rubric published on the course page before the start of the course
    ```
    """
    for index, task in enumerate(design.assessment):
        if not has_text(task.criteria):
            name = f"'{task.id}'" if task.id else str(index + 1)
            yield ctx.issue(("assessment", index, "criteria"),
                            f"assessment {name} states no assessment criteria")
