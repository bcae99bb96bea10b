"""MC308 too-large-for-micro-credential."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class MaximumSize(RuleOptions):
    """Options of MC308."""

    max_ects: float = option(30, gt=0, description="Most ECTS credits before a warning.")
    error_ects: float = option(60, gt=0, description="ECTS credits (a full year) from which "
                              "the finding is an error.")
    max_hours: float | None = option(None, gt=0, description="Most learning hours, if limited "
                                    "(the `cmf` profile sets 150).")


@rule("MC308", "too-large-for-micro-credential", Severity.WARNING, options=MaximumSize,
      fix="Split the design into smaller micro-credentials that stack towards the larger "
          "qualification.",
      source="Council Recommendation 2022/C 243/02 (a small volume of learning); Dutch "
             "micro-credentials pilot (at most 30 ECTS)")
def too_large_for_micro_credential(design: Design,
                                   ctx: RuleContext[MaximumSize]) -> Iterator[Issue]:
    """The workload is more than 30 ECTS credits; from 60 ECTS (a full year) it is an error.

    Why is this bad?
    The Recommendation defines micro-credentials by a *small* volume of learning. Pilots
    cap them at 30 ECTS (Netherlands); 60 ECTS is a full academic year, which is a
    programme, not a micro-credential, and will not be recognised as one.

    Example
    ```yaml
    workload:
      ects: 45
      hours_total: 1215
    ```

    Use instead
    ```yaml
    workload:
      ects: 15
      hours_total: 405
    ```

    Options
    - `max_ects` (default 30): above this, a warning.
    - `error_ects` (default 60): at or above this, an error.
    - `max_hours` (default none): most learning hours, for frameworks that count hours
      (the CMF: 100–150 h).
    """
    w = design.workload
    if w is None:
        return
    o = ctx.options
    if o.max_hours is not None and w.hours_total is not None and w.hours_total > o.max_hours:
        yield ctx.issue(("workload", "hours_total"), f"{w.hours_total:g} h is more than the "
                        f"{o.max_hours:g} h accepted")
    if w.ects is None:
        return
    if w.ects >= o.error_ects:
        yield ctx.issue(("workload", "ects"), f"{w.ects:g} ECTS is a full year of study or "
                        f"more (at least {o.error_ects:g})", severity=Severity.ERROR)
    elif w.ects > o.max_ects:
        yield ctx.issue(("workload", "ects"), f"{w.ects:g} ECTS is more than the "
                        f"{o.max_ects:g} ECTS of a micro-credential")
