"""The shipped examples: the exemplary design is clean; flawed ones report what they mark."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, expectations, lint_text

EXEMPLARY = EXAMPLES / "green-public-procurement.yaml"
ALL = sorted(EXAMPLES.glob("*.yaml"))


def test_exemplary_design_is_clean():
    assert lint_text(EXEMPLARY.read_text(encoding="utf-8"), EXEMPLARY.name) == []


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_example_findings_match_expect_comments(path):
    text = path.read_text(encoding="utf-8")
    found = {(f.line, f.code) for f in lint_text(text, path.name)}
    assert found == expectations(text)


def test_flawed_examples_exist():
    flawed = [p for p in ALL if expectations(p.read_text(encoding="utf-8"))]
    assert len(flawed) >= 3
