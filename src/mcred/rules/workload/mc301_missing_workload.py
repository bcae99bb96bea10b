"""MC301 missing-workload."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC301", "missing-workload", Severity.ERROR,
      fix="Add `workload.ects` (and `workload.hours_total`).",
      source="Council Recommendation 2022/C 243/02, Annex I (notional workload)")
def missing_workload(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design states neither ECTS credits nor hours.

    Why is this bad?
    The notional workload needed to achieve the outcomes is an Annex I mandatory element,
    "in ECTS wherever possible"; it is what makes credits transferable.

    Example
    ```yaml
    title: Green Public Procurement in Practice
    ```

    Use instead
    ```yaml
    workload:
      ects: 5
      hours_total: 135
    ```
    """
    w = design.workload
    credits = w and (w.ects or w.hours_total or (w.other_credits and w.other_credits.value))
    if not credits:
        yield ctx.issue(("workload",), "the design states no workload (neither ECTS nor hours)")
