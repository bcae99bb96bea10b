"""MC303 hours-per-ects-out-of-band."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class EctsBand(RuleOptions):
    """Options of MC303: the accepted hours per ECTS credit."""

    low: float = option(25, gt=0, description="Fewest hours per credit (ECTS Users' Guide: 25).")
    high: float = option(30, gt=0, description="Most hours per credit (ECTS Users' Guide: 30).")
    convention_low: float = option(20, gt=0, description="Lowest declared `hours_per_ects` "
                                  "convention accepted.")
    convention_high: float = option(30, gt=0, description="Highest declared `hours_per_ects` "
                                   "convention accepted.")
    tolerance: float = option(0.5, ge=0, description="Hours per credit a design may differ "
                             "from its own declared convention.")


@rule("MC303", "hours-per-ects-out-of-band", Severity.WARNING, options=EctsBand,
      fix="Change `workload.hours_total` or `workload.ects` so that hours per credit fit the "
          "band.",
      source="ECTS Users' Guide 2015 (1,500–1,800 h per 60 credits: 25–30 h per credit)")
def hours_per_ects_out_of_band(design: Design, ctx: RuleContext[EctsBand]) -> Iterator[Issue]:
    """Total learning hours divided by ECTS credits fall outside 25–30 hours per credit.

    Where the design declares its own convention (`workload.hours_per_ects`, e.g. 28 in the
    Netherlands or 20–25 in Ireland), the hours are checked against that convention, and
    the convention itself is checked against 20–30.

    Why is this bad?
    One ECTS credit stands for 25–30 hours of learner work, counting all learning
    activities including self-study and assessment (ECTS Users' Guide). Outside that band a
    receiving institution is likely to re-credit the design, and learners misjudge the
    effort.

    Example
    ```yaml
    workload:
      ects: 5
      hours_total: 60   # 12 h per credit
    ```

    Use instead
    ```yaml
    workload:
      ects: 5
      hours_total: 135  # 27 h per credit
    ```

    Options
    - `low`, `high` (default 25, 30): the accepted band of hours per credit.
    - `convention_low`, `convention_high` (default 20, 30): accepted declared conventions.
    - `tolerance` (default 0.5): allowed distance from a declared convention.
    """
    w = design.workload
    if not (w and w.ects and w.hours_total):
        return  # absence is another rule's finding
    o = ctx.options
    ratio = w.hours_total / w.ects
    if w.hours_per_ects is not None:
        if not o.convention_low <= w.hours_per_ects <= o.convention_high:
            yield ctx.issue(("workload", "hours_per_ects"),
                            f"the declared convention of {w.hours_per_ects:g} h per credit is "
                            f"outside {o.convention_low:g}–{o.convention_high:g}")
        elif abs(ratio - w.hours_per_ects) > o.tolerance:
            yield ctx.issue(("workload", "hours_total"),
                            f"{w.hours_total:g} h for {w.ects:g} ECTS is {ratio:.1f} h per credit, "
                            f"not the declared {w.hours_per_ects:g}")
        return
    if not o.low <= ratio <= o.high:
        yield ctx.issue(("workload", "hours_total"),
                        f"{w.hours_total:g} h for {w.ects:g} ECTS is {ratio:.1f} h per credit "
                        f"(expected {o.low:g}–{o.high:g})")
