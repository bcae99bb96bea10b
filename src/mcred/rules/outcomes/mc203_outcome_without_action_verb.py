"""MC203 outcome-without-action-verb."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.outcomes.design import analysed_outcomes
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC203", "outcome-without-action-verb", Severity.WARNING,
      fix="Start the outcome with what the learner will do: an action verb such as explain, "
          "apply or evaluate.",
      source="ECTS Users' Guide 2015, 3.3; DCU guide to writing learning outcomes")
def outcome_without_action_verb(design: Design,
                                ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """An outcome is a noun phrase ("A holistic understanding of…"), not an action.

    The stem ("On completion, learners will be able to", "Learners will", "To") is
    stripped first; the outcome is flagged when what remains opens with an article, a
    noun such as "knowledge" or "understanding", an adjective, or a word followed by "of".
    Domain verbs the lexicon does not know ("solder", "plaster") are given the benefit of
    the doubt, and so is an outcome in an English design that is written in another language.
    Outcomes in Spanish, German, French, Italian, Portuguese and Dutch are read with their own
    lexicon ("Conocimiento del derecho europeo", "Grundlagen der Statistik", "A gestão de
    projetos" are noun phrases; the article "A" is not taken for English).

    Why is this bad?
    A learning outcome states what the learner will be able to *do* (ECTS Users' Guide
    3.3). A topic or a quality ("knowledge of EU law") says neither what the learner will
    do with it nor how it will be assessed.

    Example
    ```yaml
    learning_outcomes:
      - id: lo1
        text: A holistic understanding of global challenges.
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Explain how two global challenges, such as migration and climate change, interact.
    ```
    """
    for item in analysed_outcomes(design):
        a = item.analysis
        if a.verbs or a.teacher_phrase or not a.readable:
            continue  # an action, reported as teacher-centred, or not English
        if a.opener is None:
            message = (f"nothing follows the stem '{a.stem}'{item.lang}: the outcome has no "
                       "action verb")
        else:
            words = a.body.split()
            opening = " ".join(words[:3]) + ("…" if len(words) > 3 else "")
            message = (f"'{opening}'{item.lang} is a noun phrase, not an action the learner "
                       "performs")
        yield ctx.issue(item.path, message)
