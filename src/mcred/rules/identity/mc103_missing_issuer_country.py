"""MC103 missing-issuer-country."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC103", "missing-issuer-country", Severity.ERROR,
      fix="Add `country` (ISO 3166-1 alpha-2, e.g. `ES`) to the awarding body.",
      source="Council Recommendation 2022/C 243/02, Annex I (country/region of the issuer)")
def missing_issuer_country(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """No awarding body states its country.

    Why is this bad?
    The country (or region) of the issuer is an Annex I mandatory element: recognition
    depends on the national framework the issuer belongs to.

    Example
    ```yaml
    awarding_bodies:
      - name: Universidad de Ejemplo
    ```

    Use instead
    ```yaml
    awarding_bodies:
      - name: Universidad de Ejemplo
        country: ES
    ```
    """
    bodies = design.awarding_bodies
    if bodies and not any((b.country or "").strip() for b in bodies):
        yield ctx.issue(("awarding_bodies", 0, "country"), "no awarding body states its country")
