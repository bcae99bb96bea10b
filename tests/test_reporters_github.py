"""GitHub Actions: exact workflow commands, the spec's escaping, limits, and the job summary."""

from __future__ import annotations

from click.testing import CliRunner

from conftest import ROOT
from mcred.cli import cli
from mcred.findings import Severity
from mcred.reporters.github import escape_data, escape_property
from reporter_cases import finding, render, run


def test_one_finding_is_one_annotation_with_position_and_title():
    f = finding(line=23, column=16, end_column=18, message="60 h for 5 ECTS is 12.0 h",
                fix="Change the hours")
    assert render("github", run(("designs/a.yaml", [f]))) == (
        "::warning file=designs/a.yaml,line=23,col=16,endLine=23,endColumn=18,"
        "title=MC303 hours-per-ects-out-of-band::60 h for 5 ECTS is 12.0 h. Fix: Change the hours\n"
    )


def test_severities_map_to_error_warning_and_notice_most_severe_first():
    found = [finding(line=1, severity=Severity.INFO, code="MC701"),
             finding(line=2, severity=Severity.WARNING, code="MC303"),
             finding(line=3, severity=Severity.ERROR, code="MC101")]
    lines = render("github", run(("a.yaml", found))).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]


def test_escaping_of_percent_colon_comma_and_newlines_in_messages_and_paths():
    f = finding(path="dir,x/50%:a\nb.yaml", line=2, column=1, end_column=4,
                message="100% done: a, b\r\nnext", fix="")
    assert render("github", run(("p", [f]))) == (
        "::warning file=dir%2Cx/50%25%3Aa%0Ab.yaml,line=2,col=1,endLine=2,endColumn=4,"
        "title=MC303 hours-per-ects-out-of-band::100%25 done: a, b%0D%0Anext\n"
    )


def test_escape_functions_follow_the_actions_toolkit():
    assert escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"
    assert escape_data("bell\x07") == "bell\\x07"  # terminal control stays visible, inert


def test_multi_line_regions_omit_end_column():
    f = finding(line=2, column=3, end_line=4, end_column=1, fix="")
    assert render("github", run(("a.yaml", [f]))).startswith(
        "::warning file=designs/a.yaml,line=2,col=3,endLine=4,title=")


def test_beyond_ten_per_severity_findings_go_to_the_log_with_one_notice():
    errors = [finding(line=n, code="MC101", severity=Severity.ERROR, message=f"e{n}")
              for n in range(1, 13)]
    warnings = [finding(line=n, message=f"w{n}") for n in range(20, 31)]
    infos = [finding(line=n, code="MC701", severity=Severity.INFO, message=f"i{n}")
             for n in range(40, 50)]
    lines = render("github", run(("a.yaml", infos + warnings + errors))).splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines if line.startswith("::")]
    assert kinds[:29] == ["::error"] * 10 + ["::warning"] * 10 + ["::notice"] * 9
    plain = [line for line in lines if not line.startswith("::")]
    assert plain == ["designs/a.yaml:11:5: error MC101 e11", "designs/a.yaml:12:5: error MC101 e12",
                     "designs/a.yaml:30:5: warning MC303 w30",
                     "designs/a.yaml:49:5: info MC701 i49"]
    assert lines[-1] == ("::notice title=mcred::4 more mcred findings are not shown as "
                         "annotations (GitHub shows 10 per severity); see the log")


def test_unreadable_files_are_error_annotations():
    out = render("github", run(read_errors=["x.yaml: no such file or directory"]))
    assert out == "::error title=mcred%3A unreadable file::x.yaml: no such file or directory\n"


def test_job_summary_table_is_appended_when_the_variable_is_set(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    render("github", run(("a.yaml", [finding(message="a | b")]),
                         ("b.yaml", [finding(path="b.yaml", severity=Severity.ERROR,
                                             code="MC101", name="missing-title",
                                             message="no title")])))
    text = summary.read_text("utf-8")
    assert text.startswith("earlier step\n## mcred\n")
    assert "2 finding(s) in 2 file(s): 1 error, 1 warning, 0 info." in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows == ["| severity | location | rule | message |",
                    "| error | `b.yaml:3:5` | MC101 `missing-title` | no title |",
                    "| warning | `designs/a.yaml:3:5` | MC303 `hours-per-ects-out-of-band` | "
                    "a \\| b |"]


def test_clean_run_summary_says_so(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert render("github", run(("a.yaml", []))) == ""
    assert "All clear: 1 file(s) checked, no findings." in summary.read_text("utf-8")


def test_github_format_is_chosen_automatically_in_github_actions(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    design = "examples/online-data-literacy.yaml"
    auto = CliRunner().invoke(cli, ["lint", design], env={"GITHUB_ACTIONS": "true"})
    assert auto.exit_code == 1
    assert auto.output.startswith("::warning file=examples/online-data-literacy.yaml,line=23,")
    explicit = CliRunner().invoke(cli, ["lint", "--format", "text", design],
                                  env={"GITHUB_ACTIONS": "true"})
    assert not explicit.output.startswith("::")
    local = CliRunner().invoke(cli, ["lint", design], env={"GITHUB_ACTIONS": None})
    assert not local.output.startswith("::")
