"""MC803 incomplete-offer."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC803", "incomplete-offer", Severity.INFO,
      fix="Complete the learner information: `fee` (or `free: true`), `schedule` and "
          "`workload.duration_weeks`.",
      source="Council Recommendation 2022/C 243/02, Annex II (transparency; information "
             "and guidance)")
def incomplete_offer(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The offer lacks a fee (or `free: true`), a schedule or a duration.

    A self-paced schedule needs no start date; a duration is either
    `workload.duration_weeks` or a start and end date.

    Why is this bad?
    Annex II asks that information on micro-credentials be transparent and accessible.
    Cost, dates and duration are what a learner, or an employer paying for training,
    needs to decide; an offer without them cannot be chosen.

    Example
    ```yaml
    fee:
      amount: 450
    ```

    Use instead
    ```yaml
    fee:
      amount: 450
      currency: EUR
    schedule:
      start: 2027-02-01
      end: 2027-04-11
    ```
    """
    fee, s, w = design.fee, design.schedule, design.workload
    if fee is None or (fee.amount is None and not fee.free):
        yield ctx.issue(("fee",), "the offer states no fee (write `free: true` if it is free)")
    elif fee.amount is not None and fee.amount > 0 and not fee.currency:
        yield ctx.issue(("fee", "currency"), f"the fee of {fee.amount:g} has no currency")
    if s is None:
        yield ctx.issue(("schedule",), "the offer states no schedule (start date or "
                        "`pace: self-paced`)")
    elif not (s.start or s.pace == "self-paced"):
        yield ctx.issue(("schedule", "start"), "the offer states no start date")
    if not ((w and w.duration_weeks) or (s and s.start and s.end)):
        yield ctx.issue(("workload", "duration_weeks"), "the offer states no duration")
