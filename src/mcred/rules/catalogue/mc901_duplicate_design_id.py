"""MC901 duplicate-design-id."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.catalogue.model import Catalogue, CatalogueIssue, issue_in
from mcred.findings import Severity
from mcred.registry import NoOptions, RuleContext, rule

_SHOWN = 5


@rule("MC901", "duplicate-design-id", Severity.ERROR, scope="catalogue",
      fix="Give each design its own `id` (ids are unique across the whole catalogue).",
      source="Council Recommendation 2022/C 243/02, Annex II (learning pathways); "
             "mcred format v1 (`id`)")
def duplicate_design_id(catalogue: Catalogue,
                        ctx: RuleContext[NoOptions]) -> Iterator[CatalogueIssue]:
    """Two or more designs of the catalogue share an `id`.

    A design without `id` is known by its file stem, so two `intro.yaml` files in different
    folders collide too. Every file involved gets the finding, naming the others.

    Why is this bad?
    Prerequisites and stacking pathways name designs by id. With two designs behind one
    id, a reference silently means whichever one a tool happens to read first, and the
    learning pathway a learner is shown may not be the one the institution approved.

    Example
    ```yaml
    # bachelor/intro.yaml and master/intro.yaml, both without `id`
    mcred: 1
    title: Introduction to Data Analysis
    ```

    Use instead
    ```yaml
    mcred: 1
    id: bachelor-intro-data-analysis
    title: Introduction to Data Analysis
    ```
    """
    for design_id, entries in catalogue.duplicates():
        for entry in entries:
            others = [o.path for o in entries if o is not entry]
            shown = ", ".join(others[:_SHOWN]) + (
                f" and {len(others) - _SHOWN} more" if len(others) > _SHOWN else "")
            origin = "" if entry.explicit_id else " (taken from the file name)"
            yield issue_in(entry, ctx.issue(
                ("id",), f"the design id `{design_id}`{origin} is also used by {shown}"))
