"""Findings `--fix` can fix are marked: text `[*]`/`[~]`, JSON `fixable`, SARIF `fixes`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from mcred.cli import cli

DRAFT = """\
mcred: 1
participation: hybrid  # agreed with the faculty
languages: pt, en
workload:
  ects: 7,5
schedule:
  start: 01/09/2026
"""


def _lint(tmp_path, *options):
    design = tmp_path / "draft.yaml"
    design.write_text(DRAFT, encoding="utf-8")
    return CliRunner().invoke(cli, ["lint", "--no-source", *options, str(design)]), design


def test_json_carries_fixable_per_finding_and_in_the_summary(tmp_path):
    result, _ = _lint(tmp_path, "--format", "json")
    report = json.loads(result.stdout)
    marks = {f["pointer"]: f["fixable"] for f in report["findings"] if f["code"] == "MC006"}
    assert marks == {"/participation": "safe", "/languages": "safe",
                     "/workload/ects": "safe", "/schedule/start": "unsafe"}
    assert all(f["fixable"] is None for f in report["findings"] if f["code"] != "MC006")
    assert report["summary"]["fixable"] == {"safe": 3, "unsafe": 1}


def test_text_report_marks_fixable_findings_and_counts_them(tmp_path):
    result, _ = _lint(tmp_path)
    lines = result.stdout.splitlines()
    assert any("MC006  error  [*] `workload.ects`" in line for line in lines)
    assert any("MC006  error  [~] `schedule.start`" in line for line in lines)
    assert lines[-1].endswith("3 fixable with `mcred lint --fix` [*] "
                              "(1 more with `--unsafe-fixes` [~]).")


def test_sarif_results_carry_the_fix(tmp_path):
    result, _ = _lint(tmp_path, "--format", "sarif")
    results = json.loads(result.stdout)["runs"][0]["results"]
    fixed = {r["properties"]["pointer"]: r["fixes"][0] for r in results if "fixes" in r}
    change = fixed["/workload/ects"]["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"]["text"] == "7.5"
    assert change["deletedRegion"]["startLine"] == 5
    assert fixed["/languages"]["artifactChanges"][0]["replacements"][0][
        "insertedContent"]["text"] == "[pt, en]"


def test_fix_applies_what_was_marked_and_keeps_the_comment_spacing(tmp_path):
    fixed, design = _lint(tmp_path, "--fix")
    assert fixed.exit_code == 1  # a file changed
    text = design.read_text(encoding="utf-8")
    assert "participation: blended  # agreed with the faculty\n" in text
    assert "languages: [pt, en]\n" in text and "  ects: 7.5\n" in text
    assert "start: 01/09/2026" in text  # unsafe: only with --unsafe-fixes
    CliRunner().invoke(cli, ["lint", "--fix", "--unsafe-fixes", str(design)])
    assert "start: 2026-09-01" in design.read_text(encoding="utf-8")


def test_a_tab_in_indentation_is_explained_and_fixed_where_unambiguous(tmp_path):
    design = tmp_path / "tabs.yaml"
    design.write_text("mcred: 1\nworkload:\n\tects: 5  # agreed\n\thours_total: 135\n",
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--format", "json", str(design)])
    finding = json.loads(result.stdout)["findings"][0]
    assert finding["message"] == "YAML indents with spaces, not tabs: a tab starts line 3"
    assert finding["fix"] == "Replace the tab at line 3, column 1 with spaces"
    assert finding["fixable"] == "safe"
    CliRunner().invoke(cli, ["lint", "--fix", str(design)])
    assert design.read_text(encoding="utf-8") == (
        "mcred: 1\nworkload:\n  ects: 5  # agreed\n  hours_total: 135\n")


def test_mixed_tabs_and_spaces_are_not_guessed(tmp_path):
    design = tmp_path / "mixed.yaml"
    text = "mcred: 1\nworkload:\n  ects: 5\n\t hours_total: 135\n"
    design.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--format", "json", str(design)])
    assert json.loads(result.stdout)["findings"][0]["fixable"] is None
    fixed = CliRunner().invoke(cli, ["lint", "--fix", str(design)])
    assert "not fixed" in fixed.stderr and design.read_text(encoding="utf-8") == text


def test_a_web_address_without_its_scheme_is_marked_fixable(tmp_path):
    design = tmp_path / "link.yaml"
    design.write_text("mcred: 1\nfurther_information: www.example.es\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--format", "json", str(design)])
    finding = next(f for f in json.loads(result.stdout)["findings"] if f["code"] == "MC809")
    assert finding["fixable"] == "safe"
