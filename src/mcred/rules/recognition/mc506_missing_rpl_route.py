"""MC506 missing-rpl-route."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.langtext import has_text
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule

RPL = "recognition-of-prior-learning"


@rule("MC506", "missing-rpl-route", Severity.INFO,
      fix="Add `recognition.rpl` saying how prior learning can be recognised.",
      source="Council Recommendation 2022/C 243/02, Annex II (learning pathways; "
             "recognition of prior learning)")
def missing_rpl_route(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design says nothing about recognising prior learning.

    Satisfied by `recognition.rpl`, a `recognition-of-prior-learning` pathway, or an
    assessment of that type.

    Why is this bad?
    Annex II asks for flexible learning pathways, including the validation of non-formal
    and informal learning. Experienced learners, the main audience of micro-credentials,
    should not have to sit through what they can already show they know.

    Example
    ```yaml
    recognition:
      stackability: stand-alone
    ```

    Use instead
    ```yaml
    recognition:
      stackability: stand-alone
      rpl: Experienced buyers may have lo1 recognised through a portfolio of past tenders
    ```
    """
    r = design.recognition
    if r and (has_text(r.rpl) or any(p.type == RPL for p in r.pathways)):
        return
    if any(task.type == RPL for task in design.assessment):
        return
    yield ctx.issue(("recognition", "rpl"),
                    "the design says nothing about recognition of prior learning")
