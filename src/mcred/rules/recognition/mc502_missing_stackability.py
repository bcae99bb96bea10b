"""MC502 missing-stackability."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC502", "missing-stackability", Severity.INFO,
      fix="Add `recognition.stackability: stand-alone` or `stackable`.",
      source="Council Recommendation 2022/C 243/02, Annex I (optional: integration/"
             "stackability options)")
def missing_stackability(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design does not say whether the credential is stand-alone or stackable.

    Why is this bad?
    Annex I lists "integration/stackability options" among the optional elements: whether
    the credential stands alone or can be combined into a larger credential. Learners
    planning a pathway need to know, and so do institutions asked to recognise it.

    Example
    ```yaml
    recognition:
      rpl: Experienced buyers may have lo1 recognised through a portfolio
    ```

    Use instead
    ```yaml
    recognition:
      stackability: stand-alone
      rpl: Experienced buyers may have lo1 recognised through a portfolio
    ```
    """
    if not (design.recognition and design.recognition.stackability):
        yield ctx.issue(("recognition", "stackability"),
                        "the design does not say whether it is stand-alone or stackable")
