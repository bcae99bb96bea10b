"""The catalogue: every design of one run (or of the configured root) as one connected whole.

Cross-file rules (MC9xx) and the `mcred catalogue` overview read designs through it; the
modules are imported only by runs that need them.
"""

#: The parts of a design the cross-file rules read. Workers send these alone for the
#: catalogue (perf: a run of 20,000 designs validates and holds small designs, not whole
#: ones); a cross-file rule that reads another part of a design must add it here, and
#: tests/test_catalogue.py runs every rule both ways.
CATALOGUE_KEYS = frozenset({"mcred", "id", "workload", "level", "prerequisites",
                            "recognition"})
