"""MC104 invalid-country-code."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC104", "invalid-country-code", Severity.WARNING,
      fix="Write the country as an ISO 3166-1 alpha-2 code in capitals (`ES`, `DE`, `GR`).",
      source="European Learning Model (ELM 3) country code list; ISO 3166-1")
def invalid_country_code(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """An awarding body's country is not an ISO 3166-1 alpha-2 code.

    Codes are checked against the ISO 3166-1 list (pycountry). The EU's own abbreviations
    `EL` (Greece) and `UK` (United Kingdom) are not ISO codes; names, alpha-3 codes and
    lowercase codes are reported with the code that was probably meant.

    Why is this bad?
    European Digital Credentials and registries identify the issuer's country by its ISO
    3166-1 code (ELM code list). A name or a non-standard code cannot be matched, so the
    country of the issuer, an Annex I element, is lost when the design becomes a credential.

    Example
    ```yaml
    awarding_bodies:
      - name: Panepistimio Paradeigmatos
        country: EL
    ```

    Use instead
    ```yaml
    awarding_bodies:
      - name: Panepistimio Paradeigmatos
        country: GR
    ```
    """
    from mcred.vocabularies.countries import is_country_code, suggest_country

    for index, body in enumerate(design.awarding_bodies):
        code = (body.country or "").strip()
        if not code or is_country_code(code):
            continue
        meant = suggest_country(code)
        fix = f"Write `{meant}`." if meant else ""
        yield ctx.issue(("awarding_bodies", index, "country"),
                        f"'{code}' is not an ISO 3166-1 alpha-2 country code", fix=fix)
