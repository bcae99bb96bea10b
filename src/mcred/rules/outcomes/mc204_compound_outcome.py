"""MC204 compound-outcome."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.outcomes.design import analysed_outcomes
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC204", "compound-outcome", Severity.WARNING,
      fix="Split the outcome into one outcome per verb, or keep the verb the assessment "
          "actually checks.",
      source="DCU guide to writing learning outcomes (one verb per outcome)")
def compound_outcome(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """An outcome joins two or more action verbs with and, or, or commas.

    Only verbs coordinated with the head verb in the main clause count: "Design a plan to
    monitor air quality" is one outcome, and words that are usually nouns ("draft
    specifications and award criteria") are not taken for verbs. "Compare and contrast"
    counts as one skill. The message lists every joined verb. In Spanish, German, French,
    Italian, Portuguese and Dutch the conjunctions of the language count (y/e, und/sowie, et,
    e/ed, e, en), and so do verbs at the end of a German or Dutch clause ("… analysieren und
    bewerten", "… te identificeren en te beoordelen"). A plain text holding two languages
    ("Analisar … / Analyse …") is MC215, not a compound.

    Why is this bad?
    Each verb is a separate achievement that needs its own evidence. When a learner can
    define AI but not discuss it, a compound outcome can be neither passed nor failed
    honestly, and assessment criteria drift away from the outcome.

    Example
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Define and discuss what artificial intelligence is.
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Discuss the capabilities and limits of artificial intelligence in a case study.
    ```
    """
    for item in analysed_outcomes(design):
        a = item.analysis
        if a.is_compound and not a.teacher_phrase:
            verbs = ", ".join(f"'{v.surface.lower()}'" for v in a.verbs)
            yield ctx.issue(item.path, f"the outcome joins {len(a.verbs)} action verbs"
                                       f"{item.lang}: {verbs}")
