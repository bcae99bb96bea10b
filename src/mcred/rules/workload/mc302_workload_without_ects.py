"""MC302 workload-without-ects."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC302", "workload-without-ects", Severity.WARNING,
      fix="Add `workload.ects` (hours divided by 25–30).",
      source="Council Recommendation 2022/C 243/02, Annex I (notional workload, in ECTS "
             "wherever possible)")
def workload_without_ects(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The workload is given in hours or another credit system, but not in ECTS.

    Why is this bad?
    Annex I asks for the notional workload "in ECTS wherever possible". ECTS credits are
    what higher-education institutions across Europe recognise and stack; hours or
    national credits must be converted by every receiving institution, each its own way.

    Example
    ```yaml
    workload:
      hours_total: 135
    ```

    Use instead
    ```yaml
    workload:
      ects: 5
      hours_total: 135
    ```
    """
    w = design.workload
    if w is None or w.ects is not None:
        return
    if w.hours_total:
        yield ctx.issue(("workload", "ects"),
                        f"the workload is given as {w.hours_total:g} h but not in ECTS")
    elif w.other_credits and w.other_credits.value:
        system = w.other_credits.system or "another system"
        yield ctx.issue(("workload", "ects"), f"the workload is given in {system} credits "
                        "but not in ECTS")
