"""The catalogue: every design of one run (or of the configured root) as one connected whole.

Cross-file rules (MC9xx) and the `mcred catalogue` overview read designs through it; the
modules are imported only by runs that need them.
"""

from typing import Any

#: The parts of a design the cross-file rules read, as key paths. Lint results keep these
#: alone for the catalogue (perf: a run of 20,000 designs validates and holds small
#: designs, ~1 KB each, not whole ones of ~5 KB); a cross-file rule that reads another part
#: of a design must add it here, and tests/test_catalogue.py runs every rule both ways.
CATALOGUE_PARTS: tuple[tuple[str, ...], ...] = (
    ("mcred",), ("id",), ("workload", "ects"), ("level", "eqf"),
    ("prerequisites", "requires"), ("recognition", "towards"))


def catalogue_part(values: dict[str, Any]) -> dict[str, Any]:
    """The :data:`CATALOGUE_PARTS` of a design's data, nested as they were."""
    kept: dict[str, Any] = {}
    for path in CATALOGUE_PARTS:
        node: Any = values
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
            if node is None:
                break
        if node is None:
            continue
        target = kept
        for key in path[:-1]:
            target = target.setdefault(key, {})
        target[path[-1]] = node
    return kept
