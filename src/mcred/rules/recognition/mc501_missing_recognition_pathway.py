"""MC501 missing-recognition-pathway."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC501", "missing-recognition-pathway", Severity.WARNING,
      fix="Add `recognition.pathways` (credit transfer, admission, professional body, employer) "
          "or `recognition.towards`.",
      source="Council Recommendation 2022/C 243/02, Annex II (recognition; learning pathways)")
def missing_recognition_pathway(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design names no recognition pathway and nothing it counts towards.

    Why is this bad?
    Annex II asks that micro-credentials be designed for recognition and as part of
    learning pathways. If learners cannot see where the credential counts (credit
    transfer, admission, a professional body, a larger programme) it is worth far less.

    Example
    ```yaml
    recognition:
      stackability: stand-alone
    ```

    Use instead
    ```yaml
    recognition:
      stackability: stand-alone
      pathways:
        - type: credit-transfer
          description: Recognised as 5 ECTS in the MSc Public Management
    ```
    """
    r = design.recognition
    if not (r and (r.pathways or r.towards)):
        yield ctx.issue(("recognition",),
                        "no recognition pathway: learners cannot see where the credential counts")
