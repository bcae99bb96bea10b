"""MC602 missing-internal-qa."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.langtext import has_text
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC602", "missing-internal-qa", Severity.WARNING,
      fix="Describe the internal QA process in `quality_assurance.internal` (who reviews "
          "what, how often).",
      source="Council Recommendation 2022/C 243/02, Annex II (quality); ESG 2015, "
             "standard 1.1")
def missing_internal_qa(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """Quality assurance is declared but no internal QA process is described.

    Why is this bad?
    Annex II asks that micro-credentials be subject to internal quality assurance by the
    provider, and ESG 1.1 asks for a published policy that is actually applied. A QA type
    alone does not say who checks the design and the delivery, or when.

    Example
    ```yaml
    quality_assurance:
      type: [internal]
    ```

    Use instead
    ```yaml
    quality_assurance:
      type: [internal]
      internal: Annual course review by the faculty quality committee
    ```
    """
    qa = design.quality_assurance
    if qa is not None and not has_text(qa.internal):
        yield ctx.issue(("quality_assurance", "internal"),
                        "no internal quality assurance process is described")
