"""MC603 missing-learner-feedback."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule

LEARNERS = frozenset({"learners", "graduates"})
OUTSIDE = frozenset({"employers", "peers"})


@rule("MC603", "missing-learner-feedback", Severity.WARNING,
      fix="Add `learners` (and `employers` or `peers`) to `quality_assurance.feedback`.",
      source="Council Recommendation 2022/C 243/02, Annex II (quality: feedback from "
             "learners and peers); ETF guide (design checklist)")
def missing_learner_feedback(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """Quality assurance collects no learner feedback (info: no employer or peer feedback).

    Feedback from `learners` or `graduates` counts as learner feedback.

    Why is this bad?
    Annex II asks that quality assurance take into account feedback from learners and
    peers. Learners are the first to see whether outcomes, workload and assessment match;
    employers and peers show whether the credential meets the need it was designed for.

    Example
    ```yaml
    quality_assurance:
      type: [internal]
      internal: Annual course review
      feedback: [employers]
    ```

    Use instead
    ```yaml
    quality_assurance:
      type: [internal]
      internal: Annual course review
      feedback: [learners, employers]
    ```
    """
    qa = design.quality_assurance
    if qa is None:
        return  # MC601 reports the missing QA
    sources = set(qa.feedback)
    if not sources & LEARNERS:
        yield ctx.issue(("quality_assurance", "feedback"),
                        "quality assurance collects no feedback from learners")
    elif not sources & OUTSIDE:
        yield ctx.issue(("quality_assurance", "feedback"),
                        "quality assurance collects no feedback from employers or peers",
                        severity=Severity.INFO)
