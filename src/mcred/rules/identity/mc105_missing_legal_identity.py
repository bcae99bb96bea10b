"""MC105 missing-legal-identity."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC105", "missing-legal-identity", Severity.INFO,
      fix="Add `legal_id` with a verifiable identifier (ROR URL, business registry number).",
      source="Council Recommendation 2022/C 243/02, Annex II (authentic)")
def missing_legal_identity(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """An awarding body has no verifiable legal identifier (`legal_id`).

    Why is this bad?
    Annex II asks that micro-credentials be authentic: the identity of the awarding body
    must be verifiable. A name alone is ambiguous across languages and countries; a ROR
    identifier or a registry number lets a verifier find the legal entity behind it.

    Example
    ```yaml
    awarding_bodies:
      - name: Universidad de Ejemplo
        country: ES
    ```

    Use instead
    ```yaml
    awarding_bodies:
      - name: Universidad de Ejemplo
        country: ES
        legal_id: https://ror.org/02f40zc51
    ```
    """
    for index, body in enumerate(design.awarding_bodies):
        if (body.name or "").strip() and not (body.legal_id or "").strip():
            yield ctx.issue(("awarding_bodies", index, "legal_id"),
                            f"the awarding body '{body.name}' has no legal identifier")
