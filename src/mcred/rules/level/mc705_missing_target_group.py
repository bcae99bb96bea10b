"""MC705 missing-target-group."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.langtext import has_text
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC705", "missing-target-group", Severity.WARNING,
      fix="Add `target_group`: who the credential is for (role, sector, prior experience).",
      source="Council Recommendation 2022/C 243/02, Annex II (learner-centred)")
def missing_target_group(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design does not say who it is for.

    Why is this bad?
    Annex II asks that micro-credentials be learner-centred: designed for the needs of
    their target group. Without one, level, workload, schedule and guidance cannot be
    judged, and learners cannot tell whether the offer is for them.

    Example
    ```yaml
    title: Green Public Procurement in Practice
    ```

    Use instead
    ```yaml
    title: Green Public Procurement in Practice
    target_group: Procurement officers working in public administrations
    ```
    """
    if not has_text(design.target_group):
        yield ctx.issue(("target_group",), "the design does not state its target group")
