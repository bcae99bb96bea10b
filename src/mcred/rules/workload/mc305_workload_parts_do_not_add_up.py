"""MC305 workload-parts-do-not-add-up."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class PartsTolerance(RuleOptions):
    """Options of MC305."""

    tolerance: float = option(0.10, ge=0, le=1, description="Largest accepted difference "
                             "between the sum of the parts and the total, as a fraction of "
                             "the total.")


@rule("MC305", "workload-parts-do-not-add-up", Severity.WARNING, options=PartsTolerance,
      fix="Make contact, self-study and assessment hours add up to `workload.hours_total`.",
      source="ECTS Users' Guide 2015 (workload counts all learning activities)")
def workload_parts_do_not_add_up(design: Design,
                                 ctx: RuleContext[PartsTolerance]) -> Iterator[Issue]:
    """Contact, self-study and assessment hours do not add up to the total hours.

    Checked only when all four figures are given; a difference of up to 10 % of the total
    is accepted (rounding, small unlisted activities).

    Why is this bad?
    In ECTS the workload counts all learning activities: contact time, self-study and
    assessment. When the parts do not add up, one of the figures is wrong, and so may be
    the ECTS credits derived from them.

    Example
    ```yaml
    workload:
      hours_total: 135
      hours_contact: 30
      hours_self_study: 40
      hours_assessment: 10
    ```

    Use instead
    ```yaml
    workload:
      hours_total: 135
      hours_contact: 30
      hours_self_study: 90
      hours_assessment: 15
    ```

    Options
    - `tolerance` (default 0.10): accepted difference as a fraction of the total.
    """
    w = design.workload
    if w is None or w.hours_total is None:
        return
    parts = (w.hours_contact, w.hours_self_study, w.hours_assessment)
    if any(p is None for p in parts) or any(p > w.hours_total for p in parts if p):
        return  # incomplete, or a part above the total (MC304 reports that)
    total = sum(p for p in parts if p is not None)
    if abs(total - w.hours_total) > ctx.options.tolerance * w.hours_total:
        yield ctx.issue(("workload", "hours_total"),
                        f"contact, self-study and assessment add up to {total:g} h, "
                        f"not the {w.hours_total:g} h total")
