"""MC205 long-outcome."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.outcomes.design import analysed_outcomes
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class LongOutcome(RuleOptions):
    """Options of MC205."""

    max_words: int = option(35, ge=1, description="Most words an outcome may have after its "
                           "stem.")


@rule("MC205", "long-outcome", Severity.INFO, options=LongOutcome,
      fix="Shorten the outcome to one verb, its object and its context; move detail to the "
          "assessment criteria.",
      source="DCU guide to writing learning outcomes (short sentences; threshold ours)")
def long_outcome(design: Design, ctx: RuleContext[LongOutcome]) -> Iterator[Issue]:
    """An outcome has more than 35 words (not counting a stem like "Learners will").

    The stems of the other analysed languages are not counted either ("El estudiante será
    capaz de", "Die Studierenden sind in der Lage, … zu").

    Why is this bad?
    Long outcomes usually hide several outcomes, or mix the outcome with content lists and
    assessment detail. Learners and recognising institutions read outcomes quickly; a
    short sentence with one verb, an object and a context is easier to assess and compare.

    Example
    ```yaml
    learning_outcomes:
      - id: lo1
        text: >-
          Analyse a public tender, including its technical specifications, selection
          criteria, award criteria and contract performance clauses, against the EU green
          public procurement criteria for the product group concerned, taking into account
          national rules and the needs of the contracting authority.
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Analyse a public tender against the EU green public procurement criteria.
    ```

    Options
    - `max_words` (default 35): most words an outcome may have after its stem.
    """
    limit = ctx.options.max_words
    for item in analysed_outcomes(design):
        count = item.analysis.word_count
        if count > limit:
            yield ctx.issue(item.path, f"the outcome has {count} words{item.lang} (more than "
                                       f"{limit})")
