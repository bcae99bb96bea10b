"""MC210 outcomes-below-level."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.outcomes import TIER_NAMES
from mcred.outcomes.design import LIST_PATH, primary_outcomes
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule


class LevelTiers(RuleOptions):
    """Options of MC210: the least revised-Bloom tier expected per EQF band."""

    eqf_4_5: int = option(3, ge=1, le=6, description="Least highest tier at EQF 4–5 "
                         "(3 = apply).")
    eqf_6: int = option(4, ge=1, le=6, description="Least highest tier at EQF 6 (4 = analyse).")
    eqf_7_8: int = option(5, ge=1, le=6, description="Least highest tier at EQF 7–8 "
                         "(5 = evaluate).")

    def required(self, eqf: int) -> int | None:
        if eqf >= 7:
            return self.eqf_7_8
        if eqf == 6:
            return self.eqf_6
        return self.eqf_4_5 if eqf >= 4 else None


@rule("MC210", "outcomes-below-level", Severity.WARNING, options=LevelTiers,
      fix="Add or rewrite an outcome at the level the credential claims, or lower the "
          "declared EQF level.",
      source="EQF level descriptors (2017) with the revised Bloom taxonomy (heuristic; ours)")
def outcomes_below_level(design: Design, ctx: RuleContext[LevelTiers]) -> Iterator[Issue]:
    """The most demanding outcome verb sits below what the EQF level implies.

    EQF 4–5 expect at least one outcome at tier 3 (apply), EQF 6 at tier 4 (analyse), EQF
    7–8 at tier 5 (evaluate). A verb spanning tiers counts at its highest ("identify" may
    reach analyse). When an outcome's verb is not in the lexicon, the rule stays silent.
    Outcomes in Spanish, German, French, Italian, Portuguese and Dutch are read with their
    language's tiered verb list; with language maps, the texts in the design's language count.

    Why is this bad?
    The EQF descriptors rise from factual knowledge and routine skills to critical
    evaluation and innovation. A level 6 credential whose outcomes only ask learners to
    list and describe claims more than it certifies, and recognising institutions will
    discount it.

    Example
    ```yaml
    level:
      eqf: 6
    learning_outcomes:
      - text: Describe the EU green public procurement criteria.
      - text: List the stages of a public tender.
    ```

    Use instead
    ```yaml
    level:
      eqf: 6
    learning_outcomes:
      - text: Analyse a public tender against the EU green public procurement criteria.
      - text: Evaluate supplier bids using life-cycle costing.
    ```
    """
    eqf = design.level.eqf if design.level else None
    needed = ctx.options.required(eqf) if eqf else None
    items = [i for i in primary_outcomes(design) if i.analysis.verbs]
    analyses = [i.analysis for i in items]
    if needed is None or not analyses or not all(a.tiers_known for a in analyses):
        return
    top = max(a.tier_high or 0 for a in analyses)
    if top < needed:
        yield ctx.issue(LIST_PATH, f"the most demanding outcome verb{items[0].lang} reaches "
                                   f"tier {top} "
                                   f"({TIER_NAMES[top]}), EQF {eqf} expects at least tier "
                                   f"{needed} ({TIER_NAMES[needed]})")
