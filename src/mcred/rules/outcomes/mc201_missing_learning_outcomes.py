"""MC201 missing-learning-outcomes."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.langtext import has_text
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC201", "missing-learning-outcomes", Severity.ERROR,
      fix="Add `learning_outcomes`: what the learner will be able to do, one action verb each.",
      source="Council Recommendation 2022/C 243/02, Annex I (learning outcomes); definition "
             "of a micro-credential")
def missing_learning_outcomes(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design lists no learning outcomes.

    Why is this bad?
    A micro-credential *is* the record of learning outcomes achieved after a short learning
    experience; without outcomes there is nothing to assess, recognise or stack.

    Example
    ```yaml
    learning_outcomes: []
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Analyse a public tender against the EU green public procurement criteria.
    ```
    """
    if not any(has_text(o.text) for o in design.learning_outcomes):
        yield ctx.issue(("learning_outcomes",), "the design has no learning outcomes")
