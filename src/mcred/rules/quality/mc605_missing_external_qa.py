"""MC605 missing-external-qa."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC605", "missing-external-qa", Severity.INFO,
      fix="Name the external QA body in `quality_assurance.external.body` (agency or "
          "accrediting body).",
      source="Council Recommendation 2022/C 243/02, Annex II (quality); ESG 2015, "
             "standard 1.10 (cyclical external quality assurance)")
def missing_external_qa(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """Quality assurance names no external QA body.

    Why is this bad?
    Trust across institutions and borders rests on external quality assurance (ESG 1.10):
    an agency that reviews the provider or the programme. Naming it lets a recognising
    institution check it, e.g. against the EQAR register.

    Example
    ```yaml
    quality_assurance:
      type: [internal]
      internal: Annual course review
    ```

    Use instead
    ```yaml
    quality_assurance:
      type: [internal, external-institutional]
      internal: Annual course review
      external:
        body: ANECA
    ```
    """
    qa = design.quality_assurance
    if qa is None or (qa.external and (qa.external.body or "").strip()):
        return
    declared = [t for t in qa.type if t.startswith("external")]
    message = (f"{declared[0]} quality assurance is declared but no external body is named"
               if declared else "quality assurance names no external body")
    yield ctx.issue(("quality_assurance", "external", "body"), message)
