"""MC803 incomplete-offer."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, KeyPath, Severity
from mcred.plain import Design
from mcred.plain.classes import Fee
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC803", "incomplete-offer", Severity.INFO,
      fix="Complete the learner information: `fee` (or `free: true`), `schedule` and "
          "`workload.duration_weeks`.",
      source="Council Recommendation 2022/C 243/02, Annex II (transparency; information "
             "and guidance)")
def incomplete_offer(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The offer lacks a fee (or `free: true`), a schedule or a duration.

    A self-paced schedule needs no start date; a duration is either
    `workload.duration_weeks` or a start and end date. One finding lists everything the
    offer lacks, at the first missing element; a value written but invalid (MC006) or a
    placeholder (MC015) is reported by that rule instead.

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
    lacks = [(path, what) for path, what in _lacking(design) if not ctx.written(path)]
    if lacks:
        listed = [what for _, what in lacks]
        text = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
        yield ctx.issue(lacks[0][0], f"the offer states {text}",
                        about=tuple(path for path, _ in lacks))


def _lacking(design: Design) -> list[tuple[KeyPath, str]]:
    """(where it would go, what is missing) for each part of the offer, in file order."""
    fee, s, w = design.fee, design.schedule, design.workload
    lacks: list[tuple[KeyPath, str]] = []
    if not ((w and w.duration_weeks) or (s and s.start and s.end)):
        lacks.append((("workload", "duration_weeks"), "no duration"))
    if s is None:
        lacks.append((("schedule",), "no schedule (a start date or `pace: self-paced`)"))
    elif not (s.start or s.pace == "self-paced"):
        lacks.append((("schedule", "start"), "no start date"))
    if fee is None or not _stated(fee):
        lacks.append((("fee",), "no fee (`free: true` if it is free)"))
    elif _priced(fee) and not fee.currency:
        lacks.append((("fee", "currency"), f"a fee of {_amount(fee)} without a currency"))
    return lacks


def _stated(fee: Fee) -> bool:
    """The fee says what a learner pays: an amount, a range, or free."""
    return bool(fee.free) or any(v is not None for v in (fee.amount, fee.min, fee.max))


def _priced(fee: Fee) -> float:
    """The highest amount stated (0 when none): what a currency is needed for."""
    return max((v for v in (fee.amount, fee.min, fee.max) if v is not None), default=0)


def _amount(fee: Fee) -> str:
    if fee.min is not None and fee.max is not None:
        return f"{fee.min:g}–{fee.max:g}"
    return f"{_priced(fee):g}"
