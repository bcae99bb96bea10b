"""SARIF: valid against the official 2.1.0 schema, rich rule metadata, line-free fingerprints."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT, expectations
from mcred.cli import cli
from mcred.registry import all_rules
from mcred.reporters.sarif import FINGERPRINT_KEY, sarif_log
from mcred.runner import lint_paths
from mcred.settings import LintSettings
from reporter_cases import finding, run

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture
def sarif_validator(shared: Path):
    schema = json.loads((shared / "data/sarif/sarif-schema-2.1.0.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def _examples_log(root: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.chdir(root)
    return sarif_log(lint_paths([Path("examples")], LintSettings()))


def _errors(validator, log: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def test_sarif_of_all_examples_validates_against_the_official_schema(sarif_validator,
                                                                      monkeypatch):
    log = _examples_log(ROOT, monkeypatch)
    assert _errors(sarif_validator, log) == []
    results = log["runs"][0]["results"]
    assert len(results) >= 10
    assert {r["level"] for r in results} == {"error", "warning", "note"}


def test_every_rule_is_described_with_docs_and_default_level(monkeypatch):
    driver = _examples_log(ROOT, monkeypatch)["runs"][0]["tool"]["driver"]
    rules_md = (ROOT / "docs/rules.md").read_text("utf-8")
    assert [r["id"] for r in driver["rules"]] == [r.code for r in all_rules()]
    for rule, entry in zip(driver["rules"], all_rules(), strict=True):
        assert rule["name"] == entry.name
        assert rule["shortDescription"]["text"] == entry.summary
        assert rule["fullDescription"]["text"]
        assert f"`{entry.name}`" in rule["help"]["markdown"]
        assert entry.fix in rule["help"]["text"]
        anchor = rule["helpUri"].split("#", 1)[1]
        assert f"](#{anchor})" in rules_md, f"{rule['helpUri']} has no target in docs/rules.md"
        level = {"error": "error", "warning": "warning", "info": "note"}[entry.severity.label]
        assert rule["defaultConfiguration"]["level"] == level


def test_results_point_into_the_repository_with_1_based_regions(monkeypatch):
    log = _examples_log(ROOT, monkeypatch)
    run_ = log["runs"][0]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    by_rule = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]): r
               for r in run_["results"]}
    mc303 = by_rule[("MC303", 23)]
    physical = mc303["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "examples/online-data-literacy.yaml",
                                            "uriBaseId": "%SRCROOT%"}
    assert physical["region"] == {"startLine": 23, "startColumn": 16, "endLine": 23,
                                  "endColumn": 18}
    assert mc303["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == \
        "/workload/hours_total"
    assert run_["tool"]["driver"]["rules"][mc303["ruleIndex"]]["id"] == "MC303"
    assert mc303["message"]["text"].startswith("60 h for 5 ECTS is 12.0 h per credit")


def _fingerprints(log: dict) -> dict[str, tuple[str, int]]:
    results = log["runs"][0]["results"]
    prints = {r["partialFingerprints"][FINGERPRINT_KEY]:
              (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
              for r in results}
    assert len(prints) == len(results), "fingerprints must be unique within a run"
    return prints


def test_a_blank_line_at_the_top_keeps_every_fingerprint(tmp_path, monkeypatch):
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    before = _fingerprints(_examples_log(tmp_path, monkeypatch))
    for design in (tmp_path / "examples").rglob("*.yaml"):
        design.write_text("\n" + design.read_text("utf-8"), encoding="utf-8")
    after = _fingerprints(_examples_log(tmp_path, monkeypatch))
    assert before.keys() == after.keys()
    assert all(after[k] == (code, line + 1) for k, (code, line) in before.items())


def test_paths_are_percent_encoded_and_absolute_paths_are_file_uris(sarif_validator, tmp_path):
    odd = finding(path="my designs/50%,a:b.yaml")
    outside = finding(path=(tmp_path / "x.yaml").as_posix())
    log = sarif_log(run(("a", [odd]), ("b", [outside])))
    assert _errors(sarif_validator, log) == []
    first, second = (r["locations"][0]["physicalLocation"]["artifactLocation"]
                     for r in log["runs"][0]["results"])
    assert first == {"uri": "my%20designs/50%25%2Ca%3Ab.yaml", "uriBaseId": "%SRCROOT%"}
    assert second == {"uri": (tmp_path / "x.yaml").as_uri()}


def test_unreadable_files_become_notifications(sarif_validator):
    log = sarif_log(run(read_errors=["gone.yaml: no such file or directory"]))
    assert _errors(sarif_validator, log) == []
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == \
        "gone.yaml: no such file or directory"


def test_cli_writes_sarif_to_a_file_and_text_to_the_terminal(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "mcred.sarif"
    result = CliRunner().invoke(cli, ["lint", "--no-source", "-o", f"sarif={target}",
                                      "examples/online-data-literacy.yaml"])
    assert result.exit_code == 1
    marked = expectations((ROOT / "examples/online-data-literacy.yaml").read_text("utf-8"))
    assert "MC303" in result.output and f"Found {len(marked)} findings" in result.output
    log = json.loads(target.read_text("utf-8"))
    assert sorted(r["ruleId"] for r in log["runs"][0]["results"]) == \
        sorted(code for _, code in marked)
