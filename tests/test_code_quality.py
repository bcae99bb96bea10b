"""ruff and mypy (strict) stay clean: CI runs them as part of the test command."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.parametrize("tool", [["ruff", "check", "src", "tests"], ["mypy"]],
                         ids=lambda t: t[0])
def test_tool_is_clean(tool):
    if importlib.util.find_spec(tool[0]) is None:
        pytest.skip(f"{tool[0]} is not installed (pip install -e '.[test]' adds it)")
    proc = subprocess.run([sys.executable, "-m", *tool], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
