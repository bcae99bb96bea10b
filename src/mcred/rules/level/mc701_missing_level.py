"""MC701 missing-level."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class LevelOptions(RuleOptions):
    """Options of MC701."""

    required: bool = option(False, description="Report a missing level as an error (the "
                           "`higher-education` profile sets this).")


@rule("MC701", "missing-level", Severity.WARNING, options=LevelOptions,
      fix="Add `level.eqf` (1–8) and, for higher education, `level.qf_ehea_cycle`.",
      source="Council Recommendation 2022/C 243/02, Annex I (level, if applicable); EQF")
def missing_level(design: Design, ctx: RuleContext[LevelOptions]) -> Iterator[Issue]:
    """The design states no EQF level.

    Why is this bad?
    Annex I asks for the level (EQF, and QF-EHEA cycle where applicable) "if applicable";
    without it, a receiving institution cannot place the credential in its framework.
    In higher education the level is always applicable.

    Example
    ```yaml
    title: Green Public Procurement in Practice
    ```

    Use instead
    ```yaml
    level:
      eqf: 6
      qf_ehea_cycle: first
    ```

    Options
    - `required` (bool, default false): report as an error.
    """
    if not (design.level and design.level.eqf):
        severity = Severity.ERROR if ctx.options.required else None
        yield ctx.issue(("level", "eqf"), "the design states no EQF level", severity=severity)
