"""MC706 missing-needs-analysis."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.langtext import has_text
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC706", "missing-needs-analysis", Severity.INFO,
      fix="Add `needs_analysis` with the `rationale` and the `stakeholders` consulted.",
      source="Council Recommendation 2022/C 243/02, Annex II (relevance)")
def missing_needs_analysis(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design gives no rationale or names no stakeholders who were consulted.

    Why is this bad?
    Annex II asks that micro-credentials be designed as distinct, targeted learning
    achievements that respond to identified needs, with labour-market and societal
    stakeholders involved. The rationale and who was consulted are the evidence of
    relevance that funders and quality reviewers look for.

    Example
    ```yaml
    needs_analysis:
      rationale: Employers report a shortage of trained staff.
    ```

    Use instead
    ```yaml
    needs_analysis:
      rationale: Employers report a shortage of trained staff.
      stakeholders: [Regional procurement agency]
    ```
    """
    needs = design.needs_analysis
    if needs is None:
        yield ctx.issue(("needs_analysis",), "the design gives no needs analysis")
        return
    if not has_text(needs.rationale):
        yield ctx.issue(("needs_analysis", "rationale"), "the needs analysis gives no rationale")
    if not any(s.strip() for s in needs.stakeholders):
        yield ctx.issue(("needs_analysis", "stakeholders"),
                        "the needs analysis names no stakeholders who were consulted")
