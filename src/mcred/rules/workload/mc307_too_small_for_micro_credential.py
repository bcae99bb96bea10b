"""MC307 too-small-for-micro-credential."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class MinimumSize(RuleOptions):
    """Options of MC307."""

    min_ects: float = option(1, ge=0, description="Fewest ECTS credits of a micro-credential.")
    min_hours: float = option(25, ge=0, description="Fewest learning hours (the `cmf` profile "
                             "sets 100).")


@rule("MC307", "too-small-for-micro-credential", Severity.WARNING, options=MinimumSize,
      fix="Extend the learning and its assessment to at least 1 ECTS (25 h), or offer it as "
          "a unit of a larger micro-credential.",
      source="Council Recommendation 2022/C 243/02 (definition: assessed learning outcomes); "
             "MICROBOL / consultation group (microlearning below 1 ECTS)")
def too_small_for_micro_credential(design: Design,
                                   ctx: RuleContext[MinimumSize]) -> Iterator[Issue]:
    """The workload is below 1 ECTS credit or below 25 hours.

    One finding per design: about the ECTS when they are too few, else about the hours.

    Why is this bad?
    A micro-credential certifies learning outcomes assessed against transparent
    standards. Below about one credit the assessment overhead dwarfs the learning: that is
    microlearning (a badge for a webinar), which recognition bodies do not treat as a
    micro-credential.

    Example
    ```yaml
    workload:
      ects: 0.5
      hours_total: 14
    ```

    Use instead
    ```yaml
    workload:
      ects: 2
      hours_total: 54
    ```

    Options
    - `min_ects` (default 1)
    - `min_hours` (default 25): fewest learning hours (`workload.hours_total`).
    """
    w = design.workload
    if w is None:
        return
    o = ctx.options
    if w.ects is not None and 0 < w.ects < o.min_ects:
        yield ctx.issue(("workload", "ects"), f"{w.ects:g} ECTS is below the "
                        f"{o.min_ects:g} ECTS of a micro-credential")
    elif w.hours_total is not None and 0 < w.hours_total < o.min_hours:
        yield ctx.issue(("workload", "hours_total"), f"{w.hours_total:g} h is below the "
                        f"{o.min_hours:g} h of a micro-credential")
