"""The CLI through click's runner and through the installed entry point."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from mcred import __version__
from mcred.cli import cli

EXEMPLARY = str(EXAMPLES / "green-public-procurement.yaml")
FLAWED = str(EXAMPLES / "online-data-literacy.yaml")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_clean_file_exits_zero_with_summary_only():
    code, out = run("lint", EXEMPLARY)
    assert code == 0
    assert out.strip().splitlines() == ["All clear: 1 file checked, no findings."]


def test_quiet_clean_prints_nothing():
    assert run("lint", "--quiet", EXEMPLARY) == (0, "")


def test_findings_exit_one_with_location_code_and_hint():
    code, out = run("lint", FLAWED)
    assert code == 1
    assert "online-data-literacy.yaml:23:16  MC303  warning" in out
    assert "= help:" in out
    assert "23 │   hours_total: 60" in out


def test_fail_on_threshold_and_exit_zero():
    assert run("lint", "--fail-on", "error", FLAWED)[0] == 0
    assert run("lint", "--fail-on", "never", FLAWED)[0] == 0
    assert run("lint", "--exit-zero", FLAWED)[0] == 0
    assert run("lint", "--fail-on", "info", FLAWED)[0] == 1


def test_json_output_matches_documented_shape():
    code, out = run("lint", "--format", "json", str(EXAMPLES))
    assert code == 1
    report = json.loads(out)
    assert report["version"] == 1
    keys = {"path", "line", "column", "code", "name", "severity", "message", "fix", "pointer"}
    for finding in report["findings"]:
        assert keys <= set(finding)
        assert finding["severity"] in {"error", "warning", "info"}
        assert finding["line"] >= 1 and finding["column"] >= 1
        assert finding["pointer"] == "" or finding["pointer"].startswith("/")
    assert report["summary"]["findings"] == len(report["findings"])
    assert {"error", "warning", "info", "files"} <= set(report["summary"])


def test_missing_path_is_a_usage_error(tmp_path):
    code, out = run("lint", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "no such file" in out


def test_unknown_option_is_a_usage_error():
    assert run("lint", "--no-such-option", EXEMPLARY)[0] == 2


def test_directory_walk_skips_yaml_without_marker(tmp_path):
    (tmp_path / "ci.yaml").write_text("on: push\n", encoding="utf-8")
    shutil.copy(EXEMPLARY, tmp_path / "design.yaml")
    code, out = run("lint", "--verbose", str(tmp_path))
    assert code == 0
    assert "skipped (no `mcred:` marker)" in out and "ci.yaml" in out
    assert "1 file checked" in out


def test_explicit_file_is_linted_even_without_marker(tmp_path):
    target = tmp_path / "draft.yaml"
    target.write_text("title: Draft\n", encoding="utf-8")
    code, out = run("lint", str(target))
    assert code == 1 and "MC004" in out


def test_schema_command_prints_the_committed_schema():
    code, out = run("schema")
    assert code == 0
    assert json.loads(out)["title"] == "Design"


def test_version():
    assert run("--version") == (0, f"mcred, version {__version__}\n")


def _installed() -> list[str]:
    exe = shutil.which("mcred")
    return [exe] if exe else [sys.executable, "-m", "mcred"]


@pytest.mark.parametrize(("target", "expected"), [(EXEMPLARY, 0), (FLAWED, 1)])
def test_installed_entry_point(target, expected):
    proc = subprocess.run([*_installed(), "lint", "--format", "json", target],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == expected, proc.stderr
    assert json.loads(proc.stdout)["version"] == 1
    assert "Traceback" not in proc.stderr


def test_python_dash_m_and_no_traceback_on_broken_yaml(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("mcred: 1\ntitle: [unclosed\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mcred", "lint", str(broken)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 1
    assert "MC001" in proc.stdout and "Traceback" not in proc.stdout + proc.stderr
