"""MC402 attendance-only-assessment."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule

PRESENCE = frozenset({"attendance", "participation"})


@rule("MC402", "attendance-only-assessment", Severity.ERROR,
      fix="Add an assessment of the learning outcomes (project, exam, practical, portfolio).",
      source="Council Recommendation 2022/C 243/02 (definition: outcomes assessed against "
             "transparent standards); ETF guide (valid assessment)")
def attendance_only_assessment(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The only assessment is attendance or participation.

    Why is this bad?
    A micro-credential records learning outcomes *assessed* against transparent standards.
    Being present shows that a learner took part, not what they can do; a credential
    awarded for attendance is a certificate of participation, not a micro-credential.

    Example
    ```yaml
    assessment:
      - id: a1
        type: attendance
        covers: [lo1, lo2]
    ```

    Use instead
    ```yaml
    assessment:
      - id: a1
        type: practical
        covers: [lo1, lo2]
        criteria: Observed practical test with a published checklist
    ```
    """
    typed = [(i, a.type) for i, a in enumerate(design.assessment) if a.type is not None]
    if typed and all(kind in PRESENCE for _, kind in typed):
        index, kind = typed[0]
        yield ctx.issue(("assessment", index, "type"),
                        f"the only assessment is {kind}: no learning outcome is assessed")
