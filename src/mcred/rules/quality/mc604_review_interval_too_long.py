"""MC604 review-interval-too-long."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class ReviewInterval(RuleOptions):
    """Options of MC604."""

    max_months: int = option(12, ge=1, description="Longest accepted time between reviews, "
                            "in months.")


@rule("MC604", "review-interval-too-long", Severity.WARNING, options=ReviewInterval,
      fix="Set `quality_assurance.review_interval_months` to 12 or less.",
      source="ETF guide (review at least annually); ESG 2015, standard 1.9 (ongoing "
             "monitoring and periodic review)")
def review_interval_too_long(design: Design,
                             ctx: RuleContext[ReviewInterval]) -> Iterator[Issue]:
    """The review interval is not stated, or is longer than 12 months.

    Why is this bad?
    Micro-credentials answer fast-changing skill needs; the ETF guide asks that they be
    reviewed at least annually, and ESG 1.9 asks for ongoing monitoring and periodic
    review. An unstated interval usually means no planned review.

    Example
    ```yaml
    quality_assurance:
      type: [internal]
      review_interval_months: 36
    ```

    Use instead
    ```yaml
    quality_assurance:
      type: [internal]
      review_interval_months: 12
    ```

    Options
    - `max_months` (default 12)
    """
    qa = design.quality_assurance
    if qa is None:
        return  # MC601 reports the missing QA
    where = ("quality_assurance", "review_interval_months")
    limit = ctx.options.max_months
    if qa.review_interval_months is None:
        yield ctx.issue(where, "quality assurance states no review interval")
    elif qa.review_interval_months > limit:
        yield ctx.issue(where, f"a review every {qa.review_interval_months} months is less "
                        f"often than every {limit} months")
