"""MC101 missing-title."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.langtext import has_text
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC101", "missing-title", Severity.ERROR,
      fix="Add a `title` that names what the learner will be able to do.",
      source="Council Recommendation 2022/C 243/02, Annex I (title)")
def missing_title(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design has no title, or an empty one.

    Why is this bad?
    The title is a mandatory element of every micro-credential (Annex I). Learners,
    employers and registries find and recognise the credential by it.

    Example
    ```yaml
    mcred: 1
    summary: A short course on tenders
    ```

    Use instead
    ```yaml
    mcred: 1
    title: Green Public Procurement in Practice
    ```
    """
    if not has_text(design.title):
        yield ctx.issue(("title",), "the design has no title")
