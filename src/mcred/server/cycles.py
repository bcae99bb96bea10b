"""A prerequisite cycle (MC903) shown in every design of the cycle, not only where lint
reports it: whoever edits any of them needs to know. The finding stays one finding; the
other designs get a copy pointing at their own reference, naming where it is reported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from mcred.engine import FileResult
from mcred.findings import Finding

CYCLE = "MC903"


def mirrors(files: Mapping[str, FileResult],
            reported: Mapping[str, list[Finding]]) -> dict[str, list[Finding]]:
    """Copies of each reported MC903 finding for the other designs of its cycle."""
    from mcred.catalogue.check import entry_of
    from mcred.catalogue.graph import cycles
    from mcred.catalogue.model import Catalogue

    if not any(f.code == CYCLE for found in reported.values() for f in found):
        return {}
    catalogue = Catalogue(entry_of(f) for f in files.values() if f.catalogue_ready())
    nodes = list(catalogue.by_id)
    edges = {n: [r for r in catalogue.by_id[n][0].requires() if catalogue.resolve(r)]
             for n in nodes}
    copies: dict[str, list[Finding]] = {}
    for cycle in cycles(nodes, edges):
        members = [catalogue.by_id[i][0] for i in cycle]
        origin = next((f for m in members for f in reported.get(m.path, [])
                       if f.code == CYCLE and _follows(m.requires(), f, set(cycle))), None)
        if origin is None:
            continue
        for k, member in enumerate(members):
            following = cycle[(k + 1) % len(cycle)]
            if member.path == origin.path or member.document is None:
                continue
            span = member.document.index.locate(
                ("prerequisites", "requires", member.requires().index(following)))[0]
            copies.setdefault(member.path, []).append(replace(
                origin, path=member.path, line=span.line, column=span.column,
                end_line=span.end_line, end_column=span.end_column,
                key_path=("prerequisites", "requires", member.requires().index(following)),
                message=f"{origin.message} (reported in {origin.path})"))
    return copies


def _follows(requires: list[str], finding: Finding, cycle: set[str]) -> bool:
    """The finding sits on this design's reference to the next design of ``cycle``."""
    path = finding.key_path
    return (len(path) == 3 and path[:2] == ("prerequisites", "requires")
            and isinstance(path[2], int) and path[2] < len(requires)
            and requires[path[2]] in cycle)
