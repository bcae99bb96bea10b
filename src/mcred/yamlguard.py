"""ruamel's pure-Python parser held to the file's budgets: time, and values composed.

Hostile files reach this parser (anchors, directives, deep or huge documents are not left
to the C fast path), and it builds every node before the tree builder can count them, so
the budgets are enforced here, while characters are read and nodes composed.
"""

from __future__ import annotations

import time
from functools import cache
from typing import Any

from mcred.positions import span_from_marks
from mcred.tree import Limits, TreeProblem, deadline_problem


@cache
def _guarded_composer() -> type:
    """ruamel's composer with a time budget and no duplicate-anchor warnings on stderr."""
    from ruamel.yaml.composer import Composer

    class GuardedComposer(Composer):
        deadline = 0.0
        seconds = 0.0
        max_nodes = 0

        def __init__(self, loader: Any = None) -> None:
            super().__init__(loader)
            self.warn_double_anchors = False
            self.nodes = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            self.nodes += 1
            if self.nodes > self.max_nodes:  # memory: nodes are built before they are counted
                mark = self.parser.peek_event().start_mark
                raise TreeProblem("MC009", f"the document has more than {self.max_nodes:,} "
                                  "values", span_from_marks(mark, mark),
                                  "Split the file; a design has a few hundred values")
            if time.monotonic() > self.deadline:
                mark = self.parser.peek_event().start_mark
                raise deadline_problem(self.seconds, span_from_marks(mark, mark))
            return super().compose_node(parent, index)

    return GuardedComposer


@cache
def _guarded_reader() -> type:
    """ruamel's reader with the same time budget: one scalar of 10 MB is scanned before the
    composer sees a node, so the budget is also checked while characters are consumed."""
    from ruamel.yaml.reader import Reader

    class GuardedReader(Reader):
        deadline = 0.0
        seconds = 0.0
        _calls = 0

        def forward(self, length: int = 1) -> None:
            self._calls += 1
            if self._calls & 0xFFF == 0 and time.monotonic() > self.deadline:
                mark = self.get_mark()
                raise deadline_problem(self.seconds, span_from_marks(mark, mark))
            super().forward(length)

    return GuardedReader


def new_yaml(limits: Limits, deadline: float) -> Any:
    """A fresh parser per file: ruamel keeps state such as the `%YAML` version between loads."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    composer: Any = type("FileComposer", (_guarded_composer(),), {
        "deadline": deadline, "seconds": limits.max_seconds, "max_nodes": limits.max_nodes})
    yaml.Composer = composer
    yaml.Reader = type("FileReader", (_guarded_reader(),), {
        "deadline": deadline, "seconds": limits.max_seconds})
    yaml.max_depth = limits.max_depth + 1
    return yaml
