"""MC807 invalid-isced-code."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC807", "invalid-isced-code", Severity.WARNING,
      fix="Use an ISCED-F 2013 field code (broad `04`, narrow `041` or detailed `0413`), "
          "quoted.",
      source="UNESCO ISCED Fields of Education and Training 2013 (ISCED-F); ELM 3 code list")
def invalid_isced_code(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The field of education is not an ISCED-F 2013 code.

    Checked against the ISCED-F code list of the European Learning Model, shipped with
    mcred.

    Why is this bad?
    The field of education classifies the credential in statistics, Europass and
    recognition databases. A code that does not exist (often a typo, or an old ISCED 1997
    code such as `345`) files the credential under nothing.

    Example
    ```yaml
    field_of_education: "0418"
    ```

    Use instead
    ```yaml
    field_of_education: "0413"  # Management and administration
    ```
    """
    from mcred.vocabularies.isced import is_isced_code

    code = (design.field_of_education or "").strip()
    if code and not is_isced_code(code):
        yield ctx.issue(("field_of_education",), f"'{code}' is not an ISCED-F 2013 field code")
