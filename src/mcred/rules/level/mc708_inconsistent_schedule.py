"""MC708 inconsistent-schedule."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class ScheduleTolerance(RuleOptions):
    """Options of MC708."""

    tolerance_weeks: float = option(1, ge=0, description="Largest accepted difference, in "
                                   "weeks, between `workload.duration_weeks` and the dates.")


@rule("MC708", "inconsistent-schedule", Severity.ERROR, options=ScheduleTolerance,
      fix="Correct `schedule.start`/`schedule.end` or `workload.duration_weeks` so that they "
          "agree.",
      source="Logic: the offer's dates and duration must agree")
def inconsistent_schedule(design: Design,
                          ctx: RuleContext[ScheduleTolerance]) -> Iterator[Issue]:
    """The schedule ends before it starts (warning: the duration disagrees with the dates).

    The duration of the dates counts both the first and the last day: 1 February to
    11 April 2027 is 70 days, 10 weeks.

    Why is this bad?
    Dates and duration are what learners plan their lives around. An end before the start
    is a typo that will be copied into catalogues; a duration that disagrees with the
    dates by more than a week leaves learners unsure which one is true.

    Example
    ```yaml
    workload:
      duration_weeks: 6
    schedule:
      start: 2027-02-01
      end: 2027-04-11
    ```

    Use instead
    ```yaml
    workload:
      duration_weeks: 10
    schedule:
      start: 2027-02-01
      end: 2027-04-11
    ```

    Options
    - `tolerance_weeks` (default 1)
    """
    s = design.schedule
    if not (s and s.start and s.end):
        return
    if s.end < s.start:
        yield ctx.issue(("schedule", "end"), f"the schedule ends ({s.end}) before it starts "
                        f"({s.start})")
        return
    w = design.workload
    if w is None or w.duration_weeks is None:
        return
    weeks = ((s.end - s.start).days + 1) / 7
    if abs(weeks - w.duration_weeks) > ctx.options.tolerance_weeks:
        yield ctx.issue(("workload", "duration_weeks"),
                        f"{w.duration_weeks:g} weeks disagrees with the dates {s.start} to "
                        f"{s.end} ({weeks:.1f} weeks)", severity=Severity.WARNING)
