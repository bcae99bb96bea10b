"""MC306 excessive-weekly-load."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.langtext import variants
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule

_WORKING = re.compile(r"\b(working|part[- ]time|employed|in employment|professionals?|"
                      r"workers?|alongside (their )?(work|job))\b", re.IGNORECASE)


class WeeklyLoad(RuleOptions):
    """Options of MC306."""

    max_hours_per_week: float = option(40, gt=0, description="Most hours per week for "
                                      "full-time learners.")
    max_hours_per_week_working: float = option(20, gt=0, description="Most hours per week "
                                              "when the target group works (reported as info).")


@rule("MC306", "excessive-weekly-load", Severity.WARNING, options=WeeklyLoad,
      fix="Spread the workload over more weeks (`workload.duration_weeks`) or reduce it.",
      source="ECTS Users' Guide (1,500–1,800 h a year, about 40 h a week)")
def excessive_weekly_load(design: Design, ctx: RuleContext[WeeklyLoad]) -> Iterator[Issue]:
    """The total hours divided by the duration in weeks exceed a full-time week.

    More than 40 hours a week is reported as a warning; for a target group of working or
    part-time learners more than 20 hours a week is reported as info.

    Why is this bad?
    A full-time academic year is 1,500–1,800 hours, about 40 hours a week. A plan above
    that cannot be followed, least of all by people who study alongside a job, who are
    the main audience of micro-credentials.

    Example
    ```yaml
    target_group: Procurement officers working in public administrations
    workload:
      hours_total: 135
      duration_weeks: 2
    ```

    Use instead
    ```yaml
    target_group: Procurement officers working in public administrations
    workload:
      hours_total: 135
      duration_weeks: 8
    ```

    Options
    - `max_hours_per_week` (default 40)
    - `max_hours_per_week_working` (default 20)
    """
    w = design.workload
    if not (w and w.hours_total and w.duration_weeks):
        return
    weekly = w.hours_total / w.duration_weeks
    where = ("workload", "duration_weeks")
    if weekly > ctx.options.max_hours_per_week:
        yield ctx.issue(where, f"{w.hours_total:g} h over {w.duration_weeks:g} week(s) is "
                        f"{weekly:.1f} h a week (more than {ctx.options.max_hours_per_week:g})")
    elif (weekly > ctx.options.max_hours_per_week_working
          and any(_WORKING.search(text) for _, text in variants(design.target_group))):
        yield ctx.issue(where, f"{weekly:.1f} h a week is a heavy load for working learners "
                        f"(more than {ctx.options.max_hours_per_week_working:g})",
                        severity=Severity.INFO)
