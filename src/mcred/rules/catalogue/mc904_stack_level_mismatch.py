"""MC904 stack-level-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.catalogue.model import Catalogue, CatalogueIssue, issue_in
from mcred.findings import Severity
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC904", "stack-level-mismatch", Severity.WARNING, scope="catalogue",
      fix="Stack towards a credential at the same or a higher EQF level, or correct "
          "`level.eqf` of one of the two designs.",
      source="Council Recommendation 2022/C 243/02, Annex I (level, "
             "integration/stackability); EQF Recommendation 2017/C 189/03")
def stack_level_mismatch(catalogue: Catalogue,
                         ctx: RuleContext[NoOptions]) -> Iterator[CatalogueIssue]:
    """A design stacks towards a target credential at a lower EQF level than its own.

    Both designs must declare `level.eqf`; a missing level is another rule's finding.

    Why is this bad?
    Stacking builds a larger credential from smaller ones. Learning at EQF 7 that counts
    towards an EQF 5 certificate is either a wrong level on one side or a pathway that
    sells the learner's work short; receiving institutions will question it.

    Example
    ```yaml
    id: advanced-analytics
    level: {eqf: 7}
    recognition:
      towards:
        - id: data-certificate   # level: {eqf: 5}
    ```

    Use instead
    ```yaml
    id: advanced-analytics
    level: {eqf: 7}
    recognition:
      towards:
        - id: data-science-master   # level: {eqf: 7}
    ```
    """
    for entry in catalogue:
        own = entry.eqf()
        recognition = entry.design.recognition
        if own is None or recognition is None:
            continue
        for i, towards in enumerate(recognition.towards):
            target = catalogue.resolve(towards.id)
            level = target.eqf() if target is not None else None
            if level is not None and level < own:
                yield issue_in(entry, ctx.issue(
                    ("recognition", "towards", i, "id"),
                    f"stacks towards `{towards.id}` at EQF {level}, below this design's "
                    f"EQF {own}"))
