"""MC704 missing-participation-form."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC704", "missing-participation-form", Severity.ERROR,
      fix="Add `participation`: online, onsite, blended, volunteering or work-experience.",
      source="Council Recommendation 2022/C 243/02, Annex I (form of participation)")
def missing_participation_form(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design does not say how learners participate.

    Why is this bad?
    The form of participation in the learning activity (online, onsite or blended,
    volunteering, work experience) is an Annex I mandatory element; learners plan around it.

    Example
    ```yaml
    title: Green Public Procurement in Practice
    ```

    Use instead
    ```yaml
    participation: blended
    ```
    """
    if design.participation is None:
        yield ctx.issue(("participation",), "the design does not state the form of participation")
