"""The README's quick start and .ci/run stay the same two commands."""

from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)]


def test_quick_start_has_exactly_two_commands():
    install_and_lint, test = _quick_start_commands()
    assert "mcred lint" in install_and_lint and "examples/" in install_and_lint
    assert "pip install" in install_and_lint and "pip install" in test and "pytest" in test


def test_ci_runs_exactly_the_readme_test_command():
    ci_lines = (ROOT / ".ci/run").read_text(encoding="utf-8").strip().splitlines()
    readme_test = _quick_start_commands()[1]
    assert ci_lines[-1] == readme_test
