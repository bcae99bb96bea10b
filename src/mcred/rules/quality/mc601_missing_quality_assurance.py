"""MC601 missing-quality-assurance."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC601", "missing-quality-assurance", Severity.ERROR,
      fix="Add `quality_assurance.type` (internal, external-programme, external-institutional).",
      source="Council Recommendation 2022/C 243/02, Annex I (type of quality assurance)")
def missing_quality_assurance(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design states no type of quality assurance.

    Why is this bad?
    The type of quality assurance used to underpin the credential is an Annex I mandatory
    element, and quality is the first of the Annex II principles: it is what lets other
    institutions trust the credential.

    Example
    ```yaml
    title: Green Public Procurement in Practice
    ```

    Use instead
    ```yaml
    quality_assurance:
      type: [internal, external-institutional]
      internal: Annual programme review by the faculty quality committee
    ```
    """
    if not (design.quality_assurance and design.quality_assurance.type):
        yield ctx.issue(("quality_assurance", "type"),
                        "the design states no type of quality assurance")
