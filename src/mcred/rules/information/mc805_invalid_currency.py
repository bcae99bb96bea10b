"""MC805 invalid-currency."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC805", "invalid-currency", Severity.WARNING,
      fix="Write the currency as an ISO 4217 code in capitals (`EUR`, `PLN`, `SEK`).",
      source="ISO 4217")
def invalid_currency(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The fee's currency is not an ISO 4217 code.

    Codes are checked against the ISO 4217 list (pycountry); symbols, names and lowercase
    codes are reported with the code that was probably meant.

    Why is this bad?
    Catalogues, comparison sites and credential registries read the currency as a code.
    A symbol such as `€` or `kr` is ambiguous (which krona?) and breaks conversion for
    learners from other countries.

    Example
    ```yaml
    fee:
      amount: 450
      currency: €
    ```

    Use instead
    ```yaml
    fee:
      amount: 450
      currency: EUR
    ```
    """
    from mcred.vocabularies.currencies import is_currency_code, suggest_currency

    code = ((design.fee and design.fee.currency) or "").strip()
    if not code or is_currency_code(code):
        return
    meant = suggest_currency(code)
    yield ctx.issue(("fee", "currency"), f"'{code}' is not an ISO 4217 currency code",
                    fix=f"Write `{meant}`." if meant else "")
