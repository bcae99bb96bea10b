"""MC702 level-cycle-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule

# QF-EHEA cycles and the EQF levels they correspond to (Bologna/EQF referencing).
CYCLE_EQF = {"short": 5, "first": 6, "second": 7, "third": 8}


@rule("MC702", "level-cycle-mismatch", Severity.ERROR,
      fix="Make `level.qf_ehea_cycle` match `level.eqf` (short 5, first 6, second 7, "
          "third 8).",
      source="Framework of Qualifications for the EHEA (QF-EHEA) and its correspondence "
             "to the EQF")
def level_cycle_mismatch(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The QF-EHEA cycle does not correspond to the EQF level.

    Why is this bad?
    The QF-EHEA cycles correspond to EQF levels: short cycle 5, first cycle (bachelor) 6,
    second cycle (master) 7, third cycle (doctorate) 8. A design that states both and they
    disagree contradicts itself, and a receiving institution cannot tell which is meant.

    Example
    ```yaml
    level:
      eqf: 6
      qf_ehea_cycle: second
    ```

    Use instead
    ```yaml
    level:
      eqf: 7
      qf_ehea_cycle: second
    ```
    """
    level = design.level
    if not (level and level.eqf and level.qf_ehea_cycle):
        return
    expected = CYCLE_EQF[level.qf_ehea_cycle]
    if level.eqf != expected:
        yield ctx.issue(("level", "qf_ehea_cycle"),
                        f"the {level.qf_ehea_cycle} cycle is EQF {expected}, but the design "
                        f"states EQF {level.eqf}")
