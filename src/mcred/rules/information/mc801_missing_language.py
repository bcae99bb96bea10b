"""MC801 missing-language."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC801", "missing-language", Severity.WARNING,
      fix="Add `languages` with the BCP 47 tags of the languages of instruction and "
          "assessment (e.g. `[es, en]`).",
      source="Council Recommendation 2022/C 243/02, Annex II (information and guidance); "
             "European Learning Model (language of instruction)")
def missing_language(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design does not state the language of instruction and assessment.

    Why is this bad?
    Annex II asks for clear information for learners; the language is often the first
    filter a learner applies, and for cross-border recognition it says in which language
    the outcomes were assessed.

    Example
    ```yaml
    title: Green Public Procurement in Practice
    ```

    Use instead
    ```yaml
    title: Green Public Procurement in Practice
    languages: [es, en]
    ```
    """
    if not any(tag.strip() for tag in design.languages):
        yield ctx.issue(("languages",), "the design states no language of instruction")
