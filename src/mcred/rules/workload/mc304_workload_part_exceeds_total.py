"""MC304 workload-part-exceeds-total."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule

PARTS = ("hours_contact", "hours_self_study", "hours_assessment")


@rule("MC304", "workload-part-exceeds-total", Severity.ERROR,
      fix="Correct the part or raise `workload.hours_total` to include all activities.",
      source="logic; ECTS Users' Guide (workload counts all learning activities)")
def workload_part_exceeds_total(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """Contact, self-study or assessment hours exceed the total hours.

    Why is this bad?
    The total counts every learning activity, so no part can be larger than it: one of
    the two numbers is wrong, and the credits derived from them cannot be trusted.

    Example
    ```yaml
    workload:
      hours_total: 50
      hours_contact: 60
    ```

    Use instead
    ```yaml
    workload:
      hours_total: 135
      hours_contact: 60
    ```
    """
    w = design.workload
    if not (w and w.hours_total is not None):
        return
    for part in PARTS:
        value = getattr(w, part)
        if value is not None and value > w.hours_total:
            yield ctx.issue(("workload", part),
                            f"{part} is {value:g} h, more than hours_total ({w.hours_total:g} h)")
