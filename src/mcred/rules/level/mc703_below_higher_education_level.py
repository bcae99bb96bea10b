"""MC703 below-higher-education-level."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class HigherEducationLevel(RuleOptions):
    """Options of MC703."""

    higher_education: bool = option(False, description="The design is offered in higher "
                                   "education (the `higher-education` profile sets this); "
                                   "the rule checks nothing otherwise.")
    min_eqf: int = option(5, ge=1, le=8, description="Lowest EQF level of higher education.")
    max_eqf: int = option(8, ge=1, le=8, description="Highest EQF level accepted (the `cmf` "
                         "profile sets 7).")


@rule("MC703", "below-higher-education-level", Severity.INFO, options=HigherEducationLevel,
      fix="Check the level: higher-education micro-credentials are normally EQF 5–8.",
      source="QF-EHEA (short cycle = EQF 5); Common Microcredential Framework (EQF 4–5 "
             "only as an exception)")
def below_higher_education_level(design: Design,
                                 ctx: RuleContext[HigherEducationLevel]) -> Iterator[Issue]:
    """A higher-education design is below EQF level 5.

    Only checked when the `higher_education` option is on (the `higher-education` and
    `cmf` profiles). A framework with an upper bound (the CMF: EQF 4–7) sets `max_eqf`;
    a level above it is reported too.

    Why is this bad?
    Higher-education qualifications start at the short cycle, EQF 5 (QF-EHEA). A
    higher-education micro-credential below that is possible (the CMF allows EQF 4–5 as an
    exception) but unusual enough that the level should be checked: ECTS credits at EQF 4
    are rarely recognised towards a degree.

    Example
    ```yaml
    level:
      eqf: 4
    ```

    Use instead
    ```yaml
    level:
      eqf: 6
      qf_ehea_cycle: first
    ```

    Options
    - `higher_education` (bool, default false): check at all.
    - `min_eqf` (default 5): the lowest higher-education level.
    - `max_eqf` (default 8): the highest level accepted.
    """
    level = design.level
    if not (ctx.options.higher_education and level and level.eqf):
        return
    o = ctx.options
    if level.eqf < o.min_eqf:
        yield ctx.issue(("level", "eqf"), f"EQF {level.eqf} is below higher-education level "
                        f"(EQF {o.min_eqf} or above)")
    elif level.eqf > o.max_eqf:
        yield ctx.issue(("level", "eqf"), f"EQF {level.eqf} is above EQF {o.max_eqf}, the "
                        "highest level accepted here")
