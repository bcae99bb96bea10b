"""MC207 outcome-count-out-of-range."""

from __future__ import annotations

import math
from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.outcomes.design import LIST_PATH, primary_outcomes
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class OutcomeCount(RuleOptions):
    """Options of MC207: the band of outcome counts for a design's size in ECTS."""

    min_count: int = option(2, ge=1, description="Fewest outcomes once the design is large "
                           "enough (see `min_count_from_ects`).")
    min_count_from_ects: float = option(2, ge=0, description="ECTS from which `min_count` "
                                       "applies.")
    max_floor: int = option(6, ge=1, description="The upper bound is never below this.")
    max_per_ects: float = option(1.2, gt=0, description="Outcomes allowed per ECTS credit "
                                "(rounded up) above `max_floor`.")
    small_ects: float = option(6, ge=0, description="Designs of at most this many ECTS are "
                              "small.")
    small_max: int = option(8, ge=1, description="Most outcomes for a small design.")


def outcome_band(ects: float, o: OutcomeCount) -> tuple[int, int]:
    """(fewest, most) outcomes expected for ``ects`` credits."""
    low = o.min_count if ects >= o.min_count_from_ects else 1
    high = max(o.max_floor, math.ceil(round(o.max_per_ects * ects, 6)))
    if ects <= o.small_ects:
        high = min(high, o.small_max)
    return low, max(low, high)


@rule("MC207", "outcome-count-out-of-range", Severity.WARNING, options=OutcomeCount,
      fix="Merge overlapping outcomes, or split a broad one, so that the count fits the "
          "credential's size.",
      source="DCU (4–6 outcomes per 5 credits); Aberystwyth (at most about 8)")
def outcome_count_out_of_range(design: Design,
                               ctx: RuleContext[OutcomeCount]) -> Iterator[Issue]:
    """The number of outcomes does not fit the credential's size in ECTS.

    At least 2 outcomes from 2 ECTS; at most max(6, ⌈1.2 × ECTS⌉), and at most 8 for a
    design of 6 ECTS or less. Designs without ECTS are not checked.

    Why is this bad?
    One outcome for a multi-credit design is too broad to assess; a long list for a small
    one means outcomes have become a content list that cannot all be assessed in the
    workload. Guides suggest 4–6 outcomes per 5 credits (DCU) and at most about 8 per
    module (Aberystwyth).

    Example
    ```yaml
    workload:
      ects: 5
    learning_outcomes:
      - id: lo1
        text: Analyse public tenders.
    ```

    Use instead
    ```yaml
    workload:
      ects: 5
    learning_outcomes:
      - id: lo1
        text: Analyse a public tender against the EU green public procurement criteria.
      - id: lo2
        text: Evaluate supplier bids using life-cycle costing.
    ```
    """
    ects = design.workload.ects if design.workload else None
    count = sum(1 for _ in primary_outcomes(design, analysed_only=False))
    if not ects or count == 0:
        return  # no size to compare with, or no outcomes (MC201)
    low, high = outcome_band(ects, ctx.options)
    if not low <= count <= high:
        noun = "outcome" if count == 1 else "outcomes"
        yield ctx.issue(LIST_PATH, f"{count} {noun} for {ects:g} ECTS "
                                   f"(expected {low}–{high})")
