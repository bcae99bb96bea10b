"""MC504 credit-claim-without-basis."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, KeyPath, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC504", "credit-claim-without-basis", Severity.WARNING,
      fix="State `workload.ects` and `level.eqf`: the basis on which credit is transferred.",
      source="MICROBOL recommendations; Nuffic criteria for recognising micro-credentials")
def credit_claim_without_basis(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design claims credit towards something but states no ECTS or no EQF level.

    Triggered by `recognition.towards` or a `credit-transfer` pathway.

    Why is this bad?
    Credit transfer and stacking rest on two facts: how much learning (ECTS) and at what
    level (EQF). A receiving institution checks both before it accepts credit (MICROBOL,
    Nuffic); a claim without them cannot be honoured.

    Example
    ```yaml
    workload:
      hours_total: 135
    recognition:
      towards:
        - name: Master in Public Management
    ```

    Use instead
    ```yaml
    level:
      eqf: 7
    workload:
      ects: 5
      hours_total: 135
    recognition:
      towards:
        - name: Master in Public Management
    ```
    """
    claim = _claim(design)
    if claim is None:
        return
    missing = []
    if not (design.workload and design.workload.ects):
        missing.append("ECTS")
    if not (design.level and design.level.eqf):
        missing.append("EQF level")
    if missing:
        yield ctx.issue(claim, f"the design claims credit but states no {' and no '.join(missing)}")


def _claim(design: Design) -> KeyPath | None:
    """Where the design claims credit: its stacking targets or a credit-transfer pathway."""
    r = design.recognition
    if r is None:
        return None
    if r.towards:
        return ("recognition", "towards")
    for index, pathway in enumerate(r.pathways):
        if pathway.type == "credit-transfer":
            return ("recognition", "pathways", index, "type")
    return None
