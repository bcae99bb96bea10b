"""Shared test helpers: lint text in-process, read `# expect:` annotations, find ../shared."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mcred.engine import lint_document
from mcred.findings import Finding
from mcred.loader import load_text
from mcred.settings import RuleSettings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
_EXPECT = re.compile(r"#\s*expect:\s*([A-Z0-9, ]+)")


def lint_text(text: str, path: str = "design.yaml",
              settings: RuleSettings | None = None) -> list[Finding]:
    return lint_document(load_text(text, path), settings or RuleSettings()).findings


def expectations(text: str) -> set[tuple[int, str]]:
    """(line, code) pairs from `# expect: MC303, MC306` comments."""
    found = set()
    for number, line in enumerate(text.splitlines(), start=1):
        match = _EXPECT.search(line)
        if match:
            found |= {(number, code.strip()) for code in match.group(1).split(",") if code.strip()}
    return found


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared (team material: standards, SARIF schema) is not checked out")
    return SHARED


@pytest.fixture(autouse=True)
def _private_results_cache(tmp_path_factory, monkeypatch):
    """CLI runs use the results cache: give each test its own, so none sees another's;
    the cache key (in the user cache folder) goes to a shared temporary folder, never ~."""
    monkeypatch.setenv("MCRED_CACHE_DIR", str(tmp_path_factory.mktemp("mcred-cache")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "user-cache"))
