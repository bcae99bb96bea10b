"""MC206 teacher-centred-outcome."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.outcomes.design import analysed_outcomes
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC206", "teacher-centred-outcome", Severity.WARNING,
      fix="Rewrite the outcome from the learner's side: what they will be able to do at the "
          "end.",
      source="ETF guide to design, issue and recognise micro-credentials (learner's "
             "perspective)")
def teacher_centred_outcome(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """An outcome describes teaching intent ("This course introduces…", "Overview of…").

    Flags outcomes whose subject is the course ("This module covers…"), that announce a
    topic ("Introduction to…", "Overview of…"), put the learner in the passive ("Students
    will be taught…"), or state an aim ("To introduce students to…", "The aim of…"). The same
    openings are recognised in Spanish, German, French, Italian, Portuguese and Dutch ("El
    curso presenta", "Der Kurs vermittelt", "Ce cours présente", "Il corso illustra", "O curso
    apresenta", "De cursus behandelt", "Una introducción a", "Einführung in", "Een inleiding
    in", "Den Studierenden wird … vermittelt").

    Why is this bad?
    Learning outcomes state what the *learner* will be able to do, not what the course
    will do (ETF checklist: the learner's perspective). A course can "introduce" a topic
    to a learner who then can do nothing with it; only a learner-centred outcome can be
    assessed and recognised.

    Example
    ```yaml
    learning_outcomes:
      - id: lo1
        text: This course introduces participants to data ethics.
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Assess a data project against the EU ethics guidelines for trustworthy AI.
    ```
    """
    for item in analysed_outcomes(design):
        phrase = item.analysis.teacher_phrase
        if phrase:
            yield ctx.issue(item.path, f"'{phrase}'{item.lang} describes teaching, not what "
                                       "the learner will be able to do")
