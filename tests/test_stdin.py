"""`mcred lint -`: a design from standard input, named by --stdin-filename in every report."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from conftest import EXAMPLES, expectations
from mcred.cli import cli

FLAWED = (EXAMPLES / "online-data-literacy.yaml").read_bytes()
CLEAN = (EXAMPLES / "green-public-procurement.yaml").read_bytes()


def test_stdin_design_is_linted_and_named_stdin_by_default():
    result = CliRunner().invoke(cli, ["lint", "--format", "concise", "-"], input=FLAWED)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith("<stdin>:38:1: warning MC501 ") for line in lines)
    assert all(line.startswith("<stdin>:") for line in lines)


def test_stdin_filename_names_it_in_reports():
    result = CliRunner().invoke(cli, ["lint", "--format", "json", "--stdin-filename",
                                      "curriculum/data.yaml", "-"], input=FLAWED)
    assert result.exit_code == 1
    paths = {f["path"] for f in json.loads(result.output)["findings"]}
    assert paths == {"curriculum/data.yaml"}


def test_clean_stdin_exits_0():
    result = CliRunner().invoke(cli, ["lint", "-"], input=CLEAN)
    assert result.exit_code == 0
    assert "All clear: 1 file checked" in result.output


def test_stdin_that_is_not_utf8_is_an_mc011_finding_with_position():
    result = CliRunner().invoke(cli, ["lint", "--stdin-filename", "x.yaml", "-"],
                                input=b"mcred: 1\ntitle: caf\xe9\n")
    assert result.exit_code == 1
    assert "x.yaml:2:11" in result.output and "MC011" in result.output
    assert "not valid UTF-8 (byte 0xe9" in result.output


def test_stdin_and_files_in_one_run():
    result = CliRunner().invoke(cli, ["lint", "--format", "concise", "-",
                                      str(EXAMPLES / "online-data-literacy.yaml")], input=FLAWED)
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 2 * len(expectations(FLAWED.decode()))


def test_installed_mcred_reads_stdin():
    exe = shutil.which("mcred", path=str(Path(sys.executable).parent)) or shutil.which("mcred")
    assert exe, "the mcred entry point is not installed"
    done = subprocess.run([exe, "lint", "--format", "concise", "--stdin-filename", "s.yaml", "-"],
                          input=FLAWED, capture_output=True, timeout=60, check=False)
    assert done.returncode == 1, done.stderr
    assert "s.yaml:38:1: warning MC501" in done.stdout.decode()
    assert done.stderr == b""
