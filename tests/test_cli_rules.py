"""`mcred rules` and `mcred explain`: the registry matches the rule catalogue, docs in full."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mcred.cli import cli
from mcred.registry import all_rules

_ROW = re.compile(r"^\|\s*(MC\d{3})\s*\|\s*([a-z0-9-]+)(?:\s*\((\w+)\))?\s*\|\s*([^|]*?)\s*\|",
                  re.MULTILINE)


def catalogue(shared: Path) -> dict[str, tuple[str, str]]:
    """code → (name, default severity) from the team's rule catalogue (MC001–MC808)."""
    text = (shared / "docs" / "rule-catalogue.md").read_text(encoding="utf-8")
    rows = {}
    for code, name, note, third in _ROW.findall(text):
        if code > "MC808":
            continue
        severity = note or (third if third in {"error", "warning", "info"} else "error")
        rows[code] = (name, severity)
    return rows


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_rules_json_lists_every_catalogue_code_with_name_severity_and_summary(shared):
    code, out = run("rules", "--format", "json")
    assert code == 0
    listed = {entry["code"]: entry for entry in json.loads(out)}
    expected = catalogue(shared)
    assert len(expected) > 50, "the catalogue table format changed; update the parser"
    assert set(expected) - set(listed) == set()
    for rule_code, (name, severity) in expected.items():
        entry = listed[rule_code]
        assert (entry["name"], entry["severity"]) == (name, severity), rule_code
        assert entry["summary"] and not entry["summary"].endswith(".")


def test_rules_json_carries_option_defaults():
    listed = {e["code"]: e for e in json.loads(run("rules", "--format", "json")[1])}
    assert listed["MC303"]["options"]["low"] == 25
    assert listed["MC308"]["options"] == {"max_ects": 30, "error_ects": 60, "max_hours": None}
    assert listed["MC703"]["options"]["higher_education"] is False


def test_rules_table_lists_every_registered_rule():
    code, out = run("rules")
    assert code == 0
    for entry in all_rules():
        assert entry.code in out


@pytest.mark.parametrize("rule", ["MC303", "hours-per-ects-out-of-band", "mc303"])
def test_explain_prints_the_full_documentation(rule):
    code, out = run("explain", rule)
    assert code == 0
    assert "MC303" in out and "hours-per-ects-out-of-band" in out
    for section in ("What it does", "Why is this bad?", "Example", "Use instead", "Options"):
        assert section in out
    assert "hours_total: 60" in out  # the YAML example itself, not only its heading
    assert "convention_low" in out


def test_explain_by_code_and_by_name_agree():
    assert run("explain", "MC808") == run("explain", "invalid-esco-uri")


@pytest.mark.parametrize("rule", ["MC999", "no-such-rule", ""])
def test_unknown_rule_is_a_usage_error(rule):
    code, out = run("explain", rule)
    assert code == 2
    assert "unknown rule" in out


def _installed() -> list[str]:
    beside = Path(sys.executable).with_name("mcred")
    if beside.is_file():
        return [str(beside)]
    exe = shutil.which("mcred")
    return [exe] if exe else [sys.executable, "-m", "mcred"]


def test_installed_rules_and_explain():
    proc = subprocess.run([*_installed(), "rules", "--format", "json"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert {e["code"] for e in json.loads(proc.stdout)} >= {"MC104", "MC505", "MC808"}
    proc = subprocess.run([*_installed(), "explain", "MC999"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
