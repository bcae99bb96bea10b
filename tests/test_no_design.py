"""A run that finds no design says so and exits 2; pre-commit runs over non-designs stay 0."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from mcred.cli import cli


def test_an_empty_folder_is_no_design_found(tmp_path):
    result = CliRunner().invoke(cli, ["lint", str(tmp_path)])
    assert result.exit_code == 2
    assert f"no design found in {tmp_path}; a design starts with `mcred: 1`" in result.stderr
    assert "All clear" not in result.output


def test_yaml_without_the_marker_is_listed_as_skipped(tmp_path):
    (tmp_path / "course.yaml").write_text("title: A course\n", encoding="utf-8")
    (tmp_path / "other.yml").write_text("a: 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", str(tmp_path)])
    assert result.exit_code == 2
    assert "skipped 2 YAML files without the marker" in result.stderr
    assert "course.yaml" in result.stderr and "other.yml" in result.stderr


def test_require_marker_over_non_designs_stays_zero(tmp_path):
    workflow = tmp_path / "ci.yaml"
    workflow.write_text("on: push\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--require-marker", str(workflow)])
    assert result.exit_code == 0, result.output


def test_installed_command_exits_2_for_an_empty_folder(tmp_path):
    installed = Path(sys.executable).with_name("mcred")
    command = [str(installed)] if installed.exists() else [sys.executable, "-m", "mcred"]
    result = subprocess.run([*command, "lint", str(tmp_path)], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 2
    assert "no design found" in result.stderr
