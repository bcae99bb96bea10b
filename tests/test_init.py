"""``mcred init``: the skeleton loads, lints only about its TODOs, and never clobbers a file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import lint_text
from mcred.cli import cli
from mcred.init.skeleton import Answers, Outcome, render, scalar
from mcred.loader import load_text
from mcred.validate import validate

ANSWERS = "\n".join([
    "Data Skills for Clerks", "Read and present data", "Administrative staff",
    "Councils need data-literate staff", "City council, Chamber of commerce",
    "Analyse a data set with a spreadsheet.", "", "Present findings to colleagues.", "", "",
    "9", "4",  # an invalid EQF level is asked again
    "0611", "5", "135", "10",
    "online", "2027-02-01", "2027-04-11", "cohort",
    "project", "Rubric on the course page", "supervised-online-id",
    "Annual review by the quality committee", "",
    "none", "stand-alone", "Employers in the region recognise it",
    "Open Learning Institute", "nl", "https://example.nl", "en", "0",
    "info@example.nl", "https://example.nl/data",
]) + "\n"


def assert_only_todo_findings(text: str) -> None:
    lines = text.splitlines()
    findings = lint_text(text, "new.yaml")
    assert findings, "a skeleton with TODOs must report them"
    for f in findings:
        assert "TODO" in lines[f.line - 1], f"{f.line}: {f.code} {f.message}"


def test_no_input_skeleton_loads_and_lints_only_about_todos(tmp_path):
    target = tmp_path / "course.yaml"
    result = CliRunner().invoke(cli, ["init", "--no-input", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    doc = load_text(text, target.name)
    assert doc.data is not None and not doc.issues
    design, _ = validate(doc.data)
    assert design is not None and design.id == "course"
    assert_only_todo_findings(text)
    assert "TODOs left" in result.stderr


def test_skeleton_has_every_planning_step_as_a_commented_section():
    text = render(Answers())
    headings = [line for line in text.splitlines() if line[:3] in {f"# {n}" for n in
                                                                   "12345678"}]
    assert len(headings) == 8


def test_existing_file_is_never_overwritten_without_force(tmp_path):
    target = tmp_path / "course.yaml"
    target.write_text("mine\n", encoding="utf-8")
    refused = CliRunner().invoke(cli, ["init", "--no-input", str(target)])
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    forced = CliRunner().invoke(cli, ["init", "--no-input", "--force", str(target)])
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_interview_answers_end_up_in_a_design_that_lints_only_about_what_was_skipped(tmp_path):
    target = tmp_path / "data-skills.yaml"
    result = CliRunner().invoke(cli, ["init", "--interactive", str(target)], input=ANSWERS)
    assert result.exit_code == 0, result.output
    assert "an EQF level is a number from 1 to 8" in result.output
    text = target.read_text(encoding="utf-8")
    doc = load_text(text, target.name)
    assert doc.data is not None
    design, _ = validate(doc.data)
    assert design is not None
    assert design.title == "Data Skills for Clerks"
    assert [lo.text for lo in design.learning_outcomes] == [
        "Analyse a data set with a spreadsheet.", "Present findings to colleagues."]
    assert design.level is not None and design.level.eqf == 4
    assert design.field_of_education == "0611"
    assert design.fee is not None and design.fee.free is True
    assert design.assessment[0].covers == ["lo1", "lo2"]
    assert_only_todo_findings(text)


def test_stdout_target_writes_the_skeleton():
    result = CliRunner().invoke(cli, ["init", "--no-input", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# yaml-language-server")


@pytest.mark.parametrize("value", ["yes", "a: b", "#hash", "0413", "- item", "[x]", "null",
                                   "quote \" and 'single'", "line\nbreak", "ünïcode ✓",
                                   "trailing:", "@at", "*star", "%pct", "12.5"])
def test_answers_round_trip_through_yaml(value):
    text = render(Answers(title=value, outcomes=[Outcome(value)]))
    doc = load_text(text, "x.yaml")
    assert doc.data is not None, doc.issues
    assert doc.data["title"] == value
    assert doc.data["learning_outcomes"][0]["text"] == value
    assert scalar(value)


def test_installed_command_writes_skeleton_when_stdin_is_not_a_terminal(tmp_path):
    installed = Path(sys.executable).with_name("mcred")
    command = [str(installed)] if installed.exists() else [sys.executable, "-m", "mcred"]
    result = subprocess.run([*command, "init", "new.yaml"], cwd=tmp_path, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert_only_todo_findings((tmp_path / "new.yaml").read_text(encoding="utf-8"))


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=60).filter(lambda s: s.strip() == s and s.strip()))
def test_any_answer_round_trips(value):
    doc = load_text(render(Answers(title=value)), "x.yaml")
    assert doc.data is not None, doc.issues
    assert doc.data["title"] == value
