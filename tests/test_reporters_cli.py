"""--format and --output: several reports in one run, and clear errors for ambiguous asks."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT, expectations
from mcred.cli import cli
from mcred.cli.formats import Target, parse_targets

LOCAL: dict[str, str] = {}
ACTIONS = {"GITHUB_ACTIONS": "true"}
DESIGN = "examples/online-data-literacy.yaml"


@pytest.mark.parametrize(("formats", "outputs", "env", "expected"), [
    ((), (), LOCAL, [Target("text")]),
    ((), (), ACTIONS, [Target("github")]),
    (("json",), (), ACTIONS, [Target("json")]),
    (("json",), ("out.json",), LOCAL, [Target("json", ROOT / "out.json")]),
    ((), ("out.txt",), LOCAL, [Target("text", ROOT / "out.txt")]),
    ((), ("sarif=r.sarif",), LOCAL, [Target("text"), Target("sarif", ROOT / "r.sarif")]),
    ((), ("sarif=r.sarif",), ACTIONS, [Target("github"), Target("sarif", ROOT / "r.sarif")]),
    (("sarif",), ("sarif=r.sarif",), LOCAL, [Target("sarif", ROOT / "r.sarif")]),
    (("text", "junit"), ("junit=j.xml",), LOCAL, [Target("text"), Target("junit", ROOT / "j.xml")]),
    (("sarif", "json"), ("json=-",), LOCAL, [Target("sarif"), Target("json")]),
    ((), ("weird=name.txt",), LOCAL, [Target("text", ROOT / "weird=name.txt")]),
])
def test_targets(formats, outputs, env, expected, monkeypatch):
    monkeypatch.chdir(ROOT)
    got = parse_targets(formats, outputs, env)
    assert [(t.format, t.path and t.path.resolve()) for t in got] == \
        [(t.format, t.path) for t in expected]


@pytest.mark.parametrize(("formats", "outputs", "message"), [
    (("text", "json"), (), "only one report can go to standard output"),
    (("text", "json"), ("out",), "say which one goes to 'out'"),
    ((), ("a", "b"), "--output FILE can be given once"),
    ((), ("sarif=",), "--output needs a file name"),
])
def test_ambiguous_requests_are_usage_errors(formats, outputs, message):
    with pytest.raises(click.UsageError, match=message):
        parse_targets(formats, outputs, LOCAL)


def test_three_reports_in_one_run(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    args = ["lint", "--format", "concise", "-o", f"sarif={tmp_path / 'r.sarif'}",
            "-o", f"junit={tmp_path / 'j.xml'}", DESIGN]
    result = CliRunner().invoke(cli, args, env={"GITHUB_ACTIONS": None})
    expected = len(expectations((ROOT / DESIGN).read_text("utf-8")))
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == expected
    assert len(json.loads((tmp_path / "r.sarif").read_text("utf-8"))["runs"][0]["results"]) \
        == expected
    assert len(ET.parse(tmp_path / "j.xml").getroot().findall(".//failure")) == expected


def test_usage_errors_exit_2_and_unwritable_output_exits_2(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    ambiguous = CliRunner().invoke(cli, ["lint", "--format", "text", "--format", "json", DESIGN])
    assert ambiguous.exit_code == 2
    assert "only one report can go to standard output" in ambiguous.output
    bad = CliRunner().invoke(cli, ["lint", "-o", f"sarif={tmp_path / 'no/such/dir/r.sarif'}",
                                   DESIGN])
    assert bad.exit_code == 2
    assert "cannot write the sarif report to" in bad.output


def test_read_errors_reach_stderr_when_no_report_can_carry_them(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["lint", "--format", "gitlab", "nope.yaml"])
    assert result.exit_code == 2
    assert "[]\n" in result.output
    assert "mcred: nope.yaml: no such file or directory" in result.output
