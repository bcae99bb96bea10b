"""MC213 unmeasurable-qualifier."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.outcomes.design import analysed_outcomes
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC213", "unmeasurable-qualifier", Severity.INFO,
      fix="Drop the adverb, or state the standard it stands for (a criterion, a tolerance, a "
          "reference).",
      source="DCU guide to writing learning outcomes")
def unmeasurable_qualifier(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """An outcome uses an adverb that cannot be measured (effectively, confidently…).

    The words: effectively, confidently, properly, appropriately, adequately, fully,
    thoroughly, successfully (outside a stem such as "on successful completion"); in the
    other analysed languages their equivalents, as single words or phrases: eficazmente,
    "de forma adecuada"; effektiv, sachgerecht, souverän; efficacement, "avec assurance";
    efficacemente, "in modo adeguato"; eficazmente, "com confiança"; effectief, adequaat.

    Why is this bad?
    "Effectively" or "properly" promise a standard without saying what it is, so assessors
    fill it in differently. The standard belongs in the assessment criteria, or in the
    outcome as a concrete condition.

    Example
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Use spreadsheet formulas effectively.
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Use spreadsheet formulas to reconcile a monthly budget without errors.
    ```
    """
    for item in analysed_outcomes(design):
        words = item.analysis.qualifiers
        if words:
            listed = ", ".join(f"'{w}'" for w in dict.fromkeys(words))
            yield ctx.issue(item.path, f"{listed}{item.lang} cannot be measured as written")
