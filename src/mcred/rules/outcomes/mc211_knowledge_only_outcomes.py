"""MC211 knowledge-only-outcomes."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.outcomes.design import LIST_PATH, primary_outcomes
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class KnowledgeOnly(RuleOptions):
    """Options of MC211."""

    max_tier: int = option(2, ge=1, le=5, description="Highest tier that still counts as "
                          "knowledge only (2 = understand).")


@rule("MC211", "knowledge-only-outcomes", Severity.INFO, options=KnowledgeOnly,
      fix="Add an outcome about applying a skill or acting with autonomy and responsibility.",
      source="EQF 2017: knowledge, skills, and responsibility and autonomy")
def knowledge_only_outcomes(design: Design,
                            ctx: RuleContext[KnowledgeOnly]) -> Iterator[Issue]:
    """Every outcome stays at remembering or understanding (Bloom tier ≤ 2).

    Verbs spanning tiers count at their highest; outcomes whose verb the lexicon does not
    know (often a practical skill) keep the rule silent. Outcomes in Spanish, German, French,
    Italian, Portuguese and Dutch are read with their language's tiered verb list.

    Why is this bad?
    The EQF describes learning in three domains: knowledge, skills, and responsibility and
    autonomy. A credential whose outcomes are all "describe", "explain" or "know"
    certifies knowledge only; employers and recognising institutions look for what the
    learner can do with it.

    Example
    ```yaml
    learning_outcomes:
      - text: Describe the EU green public procurement criteria.
      - text: Explain life-cycle costing.
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - text: Explain life-cycle costing.
      - text: Apply life-cycle costing to compare two supplier bids.
    ```
    """
    items = list(primary_outcomes(design))
    analyses = [i.analysis for i in items if i.analysis.verbs]
    if not analyses or not all(a.tiers_known for a in analyses):
        return
    top = max(a.tier_high or 0 for a in analyses)
    if top <= ctx.options.max_tier:
        which = "" if len(analyses) == len(items) else " with an action verb"
        lang = items[0].lang
        who = (f"the only outcome{which}{lang} stays" if len(analyses) == 1
               else f"all {len(analyses)} outcomes{which}{lang} stay")
        yield ctx.issue(LIST_PATH, f"{who} at tier {top} or below: knowledge only, no skills "
                                   "or autonomy")
