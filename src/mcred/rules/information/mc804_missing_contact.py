"""MC804 missing-contact."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.langtext import has_text
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC804", "missing-contact", Severity.INFO,
      fix="Add `contact`: an address or page where learners get information and guidance.",
      source="Council Recommendation 2022/C 243/02, Annex II (information and guidance)")
def missing_contact(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design names no contact for information and guidance.

    Why is this bad?
    Annex II asks that learners have access to information and guidance on
    micro-credentials. Questions about prerequisites, recognition or accessibility need
    somewhere to go before enrolment.

    Example
    ```yaml
    further_information: https://www.example.es/micro/gpp
    ```

    Use instead
    ```yaml
    further_information: https://www.example.es/micro/gpp
    contact: microcredentials@example.es
    ```
    """
    if not has_text(design.contact):
        yield ctx.issue(("contact",), "the design names no contact for guidance")
