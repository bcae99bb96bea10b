"""Every rule has a fixture that triggers it and one that does not, and complete docs."""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXTURES, expectations, lint_text
from mcred.registry import SECTION_TITLES, Rule, all_rules
from mcred.settings import RuleSettings

RULES = all_rules()
DIRS = FIXTURES / "rules"
_OPTIONS = re.compile(r"^#\s*options:\s*(\{.*\})\s*$", re.MULTILINE)


def _settings(entry: Rule, text: str) -> RuleSettings:
    """Options a fixture sets for its rule with a `# options: {...}` (JSON) comment line."""
    match = _OPTIONS.search(text)
    if match is None:
        return RuleSettings()
    return RuleSettings(options={entry.code: entry.options(**json.loads(match.group(1)))})


@pytest.mark.parametrize("entry", RULES, ids=lambda r: r.code)
def test_rule_has_fixtures_and_docs(entry):
    folder = DIRS / entry.code
    assert (folder / "fail.yaml").is_file(), f"{entry.code}: add {folder}/fail.yaml"
    assert (folder / "pass.yaml").is_file(), f"{entry.code}: add {folder}/pass.yaml"
    for title in SECTION_TITLES[:4]:
        assert entry.sections.get(title), f"{entry.code}: docstring lacks '{title}'"
    assert entry.fix and entry.source


@pytest.mark.parametrize("entry", RULES, ids=lambda r: r.code)
def test_fail_fixture_triggers_rule_at_expected_lines(entry):
    text = (DIRS / entry.code / "fail.yaml").read_text(encoding="utf-8")
    expected = {(line, code) for line, code in expectations(text) if code == entry.code}
    assert expected, "the fail fixture must mark where the finding appears with # expect:"
    findings = lint_text(text, "fail.yaml", _settings(entry, text))
    found = {(f.line, f.code) for f in findings if f.code == entry.code}
    assert found == expected


@pytest.mark.parametrize("entry", RULES, ids=lambda r: r.code)
def test_pass_fixture_does_not_trigger_rule(entry):
    text = (DIRS / entry.code / "pass.yaml").read_text(encoding="utf-8")
    found = [f for f in lint_text(text, "pass.yaml", _settings(entry, text))
             if f.code == entry.code]
    assert found == []
