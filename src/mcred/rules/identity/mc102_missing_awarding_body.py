"""MC102 missing-awarding-body."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC102", "missing-awarding-body", Severity.ERROR,
      fix="Add `awarding_bodies` with the name and country of each awarding institution.",
      source="Council Recommendation 2022/C 243/02, Annex I (awarding body)")
def missing_awarding_body(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """No awarding body is named.

    Why is this bad?
    Annex I requires the identification of the awarding body; without it nobody can tell
    who stands behind the credential, and it cannot be authenticated (Annex II: authentic).

    Example
    ```yaml
    mcred: 1
    title: Green Public Procurement in Practice
    ```

    Use instead
    ```yaml
    mcred: 1
    title: Green Public Procurement in Practice
    awarding_bodies:
      - name: Universidad de Ejemplo
        country: ES
    ```
    """
    if not any((body.name or "").strip() for body in design.awarding_bodies):
        yield ctx.issue(("awarding_bodies",), "no awarding body is named")
