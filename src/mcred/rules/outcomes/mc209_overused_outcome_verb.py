"""MC209 overused-outcome-verb."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.outcomes.design import LIST_PATH, primary_outcomes
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class OverusedVerb(RuleOptions):
    """Options of MC209."""

    min_outcomes: int = option(3, ge=2, description="Fewest outcomes before the rule applies.")
    max_share: float = option(0.5, gt=0, lt=1, description="Largest share of outcomes that "
                             "may start with the same verb.")


@rule("MC209", "overused-outcome-verb", Severity.INFO, options=OverusedVerb,
      fix="Vary the verbs so that the outcomes span the skills the credential certifies.",
      source="DCU guide to writing learning outcomes")
def overused_outcome_verb(design: Design, ctx: RuleContext[OverusedVerb]) -> Iterator[Issue]:
    """The same head verb opens more than half of three or more outcomes.

    Verbs are compared in their dictionary form ("analysiert" and "analysieren" are one);
    with language maps, the texts in the design's language are counted.

    Why is this bad?
    When most outcomes "explain" or "apply", the design certifies one kind of achievement
    at one level; usually the outcomes were written from a topic list rather than from
    what learners will do with the topics.

    Example
    ```yaml
    learning_outcomes:
      - text: Explain the EU green public procurement criteria.
      - text: Explain life-cycle costing.
      - text: Explain award criteria.
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - text: Analyse a public tender against the EU green public procurement criteria.
      - text: Evaluate supplier bids using life-cycle costing.
      - text: Justify the choice of award criteria to internal auditors.
    ```

    Options
    - `min_outcomes` (default 3): fewest outcomes before the rule applies.
    - `max_share` (default 0.5): largest share of outcomes with the same head verb.
    """
    items = list(primary_outcomes(design))
    if len(items) < ctx.options.min_outcomes:
        return
    heads = Counter(i.analysis.head.lemma for i in items if i.analysis.head is not None)
    for verb, count in heads.most_common(1):
        if count > ctx.options.max_share * len(items):
            yield ctx.issue(LIST_PATH, f"'{verb}'{items[0].lang} opens {count} of {len(items)} "
                                       "outcomes")
