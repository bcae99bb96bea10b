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
from mcred.init.answers import Answers, Outcome, Task
from mcred.init.skeleton import render
from mcred.loader import load_text
from mcred.validate import validate
from test_init_pty import walkthrough


def _answers(replace: dict[str, str] | None = None) -> str:
    """The README walkthrough's answers, some replaced by question stem."""
    replace = replace or {}
    return "\n".join(replace.get(stem, answer) for stem, answer in walkthrough()[1]) + "\n"


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
    answers = _answers({"EQF level": "9\n6", "Grading scale": "", "Validity of the credential": ""})
    result = CliRunner().invoke(cli, ["init", "--interactive", str(target)], input=answers)
    assert result.exit_code == 0, result.output
    assert "an EQF level is a number from 1 to 8" in result.output  # 9 was asked again
    assert "2 TODOs left" in result.stderr
    text = target.read_text(encoding="utf-8")
    doc = load_text(text, target.name)
    assert doc.data is not None
    design, _ = validate(doc.data)
    assert design is not None
    assert design.title == "Data Literacy for Public Administration"
    assert len(design.learning_outcomes) == 4 and design.level is not None
    assert design.level.eqf == 6 and design.field_of_education == "0588"
    assert [(t.type, t.weight, t.covers) for t in design.assessment] == [
        ("project", 60, ["lo1", "lo2", "lo3"]), ("oral-exam", 40, ["lo4"])]
    assert design.participation == "blended"  # `hybrid`, as --fix maps it
    assert design.fee is not None and design.fee.currency == "EUR"
    assert_only_todo_findings(text)
    assert "grading:  # TODO" in text and "workload:  # TODO" not in text


def test_an_answer_that_is_no_value_of_the_format_is_asked_again(tmp_path):
    target = tmp_path / "course.yaml"
    answers = _answers({"Form of participation": "sometimes\nface-to-face",
                        "Country of the awarding body": "Atlantis\nPortugal"})
    result = CliRunner().invoke(cli, ["init", "--interactive", str(target)], input=answers)
    assert result.exit_code == 0, result.output
    assert "choose one of: online, onsite, blended" in result.output
    assert "a country, e.g. PT" in result.output
    text = target.read_text(encoding="utf-8")
    assert "participation: onsite\n" in text and "country: PT\n" in text


def test_stdout_target_writes_the_skeleton():
    result = CliRunner().invoke(cli, ["init", "--no-input", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# yaml-language-server")


@pytest.mark.parametrize("value", ["yes", "a: b", "#hash", "0413", "- item", "[x]", "null",
                                   "quote \" and 'single'", "line\nbreak", "ünïcode ✓",
                                   "trailing:", "@at", "*star", "%pct", "12.5", "no", "on"])
def test_answers_round_trip_through_yaml(value):
    text = render(Answers(title=value, outcomes=[Outcome(value)], tasks=[Task(criteria=value)]))
    doc = load_text(text, "x.yaml")
    assert doc.data is not None, doc.issues
    assert not [i for i in doc.issues if i.code == "MC012"], doc.issues
    assert doc.data["title"] == value
    assert doc.data["learning_outcomes"][0]["text"] == value
    assert doc.data["assessment"][0]["criteria"] == value


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
