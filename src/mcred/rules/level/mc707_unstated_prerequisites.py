"""MC707 unstated-prerequisites."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.langtext import has_text
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC707", "unstated-prerequisites", Severity.INFO,
      fix="Add `prerequisites` (write `none` when there are none).",
      source="Council Recommendation 2022/C 243/02, Annex I (optional: prerequisites "
             "needed to enrol)")
def unstated_prerequisites(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design does not state its prerequisites, not even `none`.

    Why is this bad?
    Prerequisites needed to enrol are an Annex I optional element. Learners deciding
    whether to enrol cannot tell "no prerequisites" from "we forgot"; writing `none` makes
    an open offer visible as such.

    Example
    ```yaml
    title: Data Literacy for Everyone
    ```

    Use instead
    ```yaml
    title: Data Literacy for Everyone
    prerequisites: none
    ```
    """
    from mcred.langtext import prerequisite_text, required_designs

    p = design.prerequisites
    if not (has_text(prerequisite_text(p)) or required_designs(p)):
        yield ctx.issue(("prerequisites",), "the design does not state its prerequisites")
