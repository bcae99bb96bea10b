"""MC212 outcomes-not-linked-to-esco."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.outcomes.design import LIST_PATH, primary_outcomes
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC212", "outcomes-not-linked-to-esco", Severity.INFO,
      fix="Add `esco:` skill URIs to the outcomes that match an ESCO skill.",
      source="European Learning Model (ELM) micro-credential profile; ESCO")
def outcomes_not_linked_to_esco(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """No learning outcome carries an ESCO skill reference.

    Why is this bad?
    ESCO links make a credential machine-readable across borders: Europass and job
    platforms match learners to vacancies through ESCO skills, and the ELM
    micro-credential profile has a field for them. Linking even one outcome helps.

    Example
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Analyse a public tender against the EU green public procurement criteria.
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Analyse a public tender against the EU green public procurement criteria.
        esco: [http://data.europa.eu/esco/skill/4c1bd0a0-5e5f-4b6c-8c3f-2a0a3c6e1b2d]
    ```
    """
    items = list(primary_outcomes(design, analysed_only=False))
    if items and not any(i.outcome.esco for i in items):
        message = ("the only outcome has no ESCO reference" if len(items) == 1
                   else f"none of the {len(items)} outcomes has an ESCO reference")
        yield ctx.issue(LIST_PATH, message)
