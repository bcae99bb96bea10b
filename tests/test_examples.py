"""The shipped examples: the exemplary design is clean; flawed ones report what they mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, expectations, lint_text

EXEMPLARY = EXAMPLES / "green-public-procurement.yaml"
ALL = sorted(EXAMPLES.rglob("*.yaml"))


def test_exemplary_design_is_clean():
    assert lint_text(EXEMPLARY.read_text(encoding="utf-8"), EXEMPLARY.name) == []


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_example_findings_match_expect_comments(path):
    text = path.read_text(encoding="utf-8")
    found = {(f.line, f.code) for f in lint_text(text, path.name)}
    assert found == expectations(text)


def test_catalogue_example_lints_as_one_connected_whole():
    from mcred.runner import lint_paths
    from mcred.settings import LintSettings

    result = lint_paths([EXAMPLES / "catalogue"], LintSettings())
    assert len(result.files) == 3 and not result.read_errors
    for file in result.files:
        text = Path(file.path).read_text(encoding="utf-8")
        assert {(f.line, f.code) for f in file.findings} == expectations(text), file.path


def test_flawed_examples_exist():
    flawed = [p for p in ALL if expectations(p.read_text(encoding="utf-8"))]
    assert len(flawed) >= 3
