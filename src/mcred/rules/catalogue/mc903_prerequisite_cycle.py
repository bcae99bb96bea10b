"""MC903 prerequisite-cycle."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.catalogue.graph import cycles
from mcred.catalogue.model import Catalogue, CatalogueIssue, Entry, issue_in
from mcred.findings import Severity
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC903", "prerequisite-cycle", Severity.ERROR, scope="catalogue",
      fix="Remove one of the `prerequisites.requires` references so that the chain has a "
          "starting point.",
      source="Council Recommendation 2022/C 243/02, Annex II (learning pathways)")
def prerequisite_cycle(catalogue: Catalogue,
                       ctx: RuleContext[NoOptions]) -> Iterator[CatalogueIssue]:
    """Designs require each other as prerequisites in a circle.

    The whole cycle is named in one finding, reported once: at the reference in the design
    with the smallest id (among the files linted) that leads to the next design of the cycle.

    Why is this bad?
    No learner can ever start any design of the cycle: each one needs another one of them
    first. Learning pathways (Annex II) must have an entry point.

    Example
    ```yaml
    # a.yaml requires b, b.yaml requires c, and c.yaml:
    id: c
    prerequisites:
      requires: [a]
    ```

    Use instead
    ```yaml
    id: c
    prerequisites:
      description: None; c is the entry point of the pathway
    ```
    """
    nodes = list(catalogue.by_id)
    edges = {node: _required_ids(catalogue, catalogue.by_id[node][0]) for node in nodes}
    for found in cycles(nodes, edges):
        cycle = _from_linted(catalogue, found)
        start = catalogue.by_id[cycle[0]][0]
        following = cycle[1] if len(cycle) > 1 else cycle[0]
        j = start.requires().index(following)
        names = " → ".join(f"`{i}`" for i in [*cycle, cycle[0]])
        yield issue_in(start, ctx.issue(("prerequisites", "requires", j),
                                        f"prerequisites form a cycle: {names}"))


def _from_linted(catalogue: Catalogue, cycle: list[str]) -> list[str]:
    """Start at the first design this run lints, so the finding lands in a linted file."""
    k = next((k for k, i in enumerate(cycle) if catalogue.by_id[i][0].in_run), 0)
    return cycle[k:] + cycle[:k]


def _required_ids(catalogue: Catalogue, entry: Entry) -> list[str]:
    return [ref for ref in entry.requires() if catalogue.resolve(ref) is not None]
