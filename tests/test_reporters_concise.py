"""Concise: exactly `path:line:col: severity CODE message`, one line each, nothing when clean."""

from __future__ import annotations

from click.testing import CliRunner

from conftest import ROOT, expectations
from mcred.cli import cli
from mcred.findings import Severity
from reporter_cases import finding, render, run


def test_exact_lines():
    found = [finding(line=23, column=16, message="60 h for 5 ECTS is 12.0 h per credit"),
             finding(line=30, column=1, code="MC101", severity=Severity.ERROR,
                     message="the design has no title")]
    assert render("concise", run(("designs/a.yaml", found))) == (
        "designs/a.yaml:23:16: warning MC303 60 h for 5 ECTS is 12.0 h per credit\n"
        "designs/a.yaml:30:1: error MC101 the design has no title\n"
    )


def test_newlines_and_escapes_cannot_break_the_one_line_shape():
    f = finding(path="a\nb.yaml", message="x\ny\x1b[2J: 50%, done")
    assert render("concise", run(("a", [f]))) == \
        "a\\nb.yaml:3:5: warning MC303 x\\ny\\x1b[2J: 50%, done\n"


def test_clean_runs_print_nothing_and_read_errors_one_line_each():
    assert render("concise", run(("a.yaml", []))) == ""
    assert render("concise", run(read_errors=["gone.yaml: no such file"])) == \
        "gone.yaml: no such file\n"


def test_cli_concise_over_an_example(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["lint", "--format", "concise",
                                      "examples/online-data-literacy.yaml"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "examples/online-data-literacy.yaml:38:1: warning MC501 no recognition pathway: " \
        "learners cannot see where the credential counts" in lines
    assert "examples/online-data-literacy.yaml:23:16: warning MC303 60 h for 5 ECTS is 12.0 h " \
        "per credit (expected 25\u201330)" in lines
    text = (ROOT / "examples/online-data-literacy.yaml").read_text("utf-8")
    assert len(lines) == len(expectations(text))
