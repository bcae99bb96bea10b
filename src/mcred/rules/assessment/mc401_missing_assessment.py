"""MC401 missing-assessment."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC401", "missing-assessment", Severity.ERROR,
      fix="Add `assessment` tasks with their `type` and the outcomes they `cover`.",
      source="Council Recommendation 2022/C 243/02, Annex I (type of assessment)")
def missing_assessment(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design describes no assessment.

    Why is this bad?
    Micro-credentials certify assessed outcomes: the type of assessment is an Annex I
    mandatory element, and without it the credential is a certificate of attendance.

    Example
    ```yaml
    assessment: []
    ```

    Use instead
    ```yaml
    assessment:
      - id: a1
        type: project
        covers: [lo1, lo2]
        criteria: Rubric published on the course page
    ```
    """
    if not design.assessment:
        yield ctx.issue(("assessment",), "the design describes no assessment")
