"""Cross-file rules stay linear and iterative on catalogues of thousands of designs.

Built in memory (designs validated by the generated validator, no files), so a
5,000-design prerequisite graph costs CI well under a second; how the time grows with the
catalogue is the benchmark's job (bench/run.py), not a timed test's.
"""

from __future__ import annotations

import sys
from typing import Any

from mcred.catalogue.model import Catalogue, Entry
from mcred.plain.validate import validate
from mcred.registry import RuleContext, all_rules, load_all

N = 5_000


def _entry(i: int, **data: Any) -> Entry:
    design, errors = validate({"mcred": 1, "id": f"d{i}", **data})
    assert design is not None, errors
    return Entry(f"d{i}", f"designs/d{i:05d}.yaml", design)


def _run(entries: list[Entry]) -> dict[str, list[Any]]:
    load_all()
    catalogue = Catalogue(entries)
    found: dict[str, list[Any]] = {}
    for rule in all_rules():
        if rule.scope == "catalogue":
            found[rule.code] = list(rule.check(catalogue, RuleContext(rule.options())))
    return found


def test_a_chain_of_5000_prerequisites_and_a_long_cycle_do_not_recurse():
    limit = sys.getrecursionlimit()
    chain = [_entry(0)] + [_entry(i, prerequisites={"requires": [f"d{i - 1}"]})
                           for i in range(1, N)]
    # A second chain closing into one cycle of 2,000 designs.
    ring = [_entry(N + i, prerequisites={"requires": [f"d{N + (i + 1) % 2000}"]})
            for i in range(2000)]
    found = _run(chain + ring)
    assert sys.getrecursionlimit() == limit
    assert len(found["MC903"]) == 1  # the whole ring, once
    assert "d5000" in found["MC903"][0].message
    assert found["MC901"] == [] and found["MC902"] == []


def test_duplicates_and_unknown_references_across_5000_designs():
    entries = [_entry(i % (N - 100), prerequisites={"requires": [f"x{i}"]} if i % 50 == 0
                      else "none") for i in range(N)]
    found = _run(entries)
    assert len(found["MC902"]) == N // 50
    assert len(found["MC901"]) == 2 * 100  # each of the 100 doubled ids, in both files
