"""Odd terminals: a reader that closes the pipe early, and --color / NO_COLOR / FORCE_COLOR."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from mcred.cli import cli

FLAWED = str(EXAMPLES / "onsite-welding-safety.yaml")
ESC = "\x1b["


def _mcred() -> str:
    exe = shutil.which("mcred", path=str(Path(sys.executable).parent)) or shutil.which("mcred")
    assert exe, "the mcred entry point is not installed"
    return exe


@pytest.fixture(scope="module")
def many_designs(tmp_path_factory) -> Path:
    """Enough output (>64 KiB) that the writer is still writing when the reader leaves."""
    root = tmp_path_factory.mktemp("many")
    text = (EXAMPLES / "onsite-welding-safety.yaml").read_text("utf-8")
    for n in range(200):
        (root / f"d{n:03}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(("fmt", "extra", "code"), [
    ("text", [], 1), ("text", ["--exit-zero"], 0), ("sarif", [], 1), ("concise", [], 1),
])
def test_closed_pipe_ends_quietly_with_the_usual_exit_code(many_designs, fmt, extra, code):
    proc = subprocess.Popen([_mcred(), "lint", "--format", fmt, *extra, str(many_designs)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == code
    assert first
    assert stderr == b"", stderr.decode()


def test_a_broken_pipe_anywhere_else_is_not_reported_as_an_internal_error(monkeypatch, capsys):
    import mcred.cli as entry

    def closed_pipe(**_: object) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(entry.cli, "main", closed_pipe)
    with pytest.raises(SystemExit) as exit_info:
        entry.main()
    assert exit_info.value.code == 1
    assert "internal error" not in capsys.readouterr().err


def _lint(*args: str, env: dict[str, str | None]) -> str:
    base: dict[str, str | None] = {"NO_COLOR": None, "FORCE_COLOR": None,
                                   "GITHUB_ACTIONS": None}
    result = CliRunner().invoke(cli, ["lint", "--no-source", *args, FLAWED],
                                env={**base, **env})
    assert result.exit_code == 1
    return result.output


@pytest.mark.parametrize(("args", "env", "coloured"), [
    ((), {}, False),                                  # not a terminal
    (("--color", "always"), {}, True),
    (("--color", "always"), {"NO_COLOR": "1"}, True),  # the option wins
    (("--color", "never"), {"FORCE_COLOR": "1"}, False),
    ((), {"FORCE_COLOR": "1"}, True),
    ((), {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ((), {"NO_COLOR": ""}, False),                    # empty NO_COLOR means unset
])
def test_colour_choice(args, env, coloured):
    assert (ESC in _lint(*args, env=env)) is coloured


def test_colour_never_reaches_files_or_machine_formats(tmp_path):
    out = tmp_path / "report.txt"
    terminal = _lint("--color", "always", "-o", f"text={out}", env={})
    assert ESC in terminal
    assert ESC not in out.read_text("utf-8")
    assert ESC not in _lint("--color", "always", "--format", "concise", env={})


def test_clean_takes_its_shortcut_only_where_the_full_escape_changes_nothing():
    """clean() returns short printable ASCII as it is (perf); for every other text the full
    escaping path runs, so the shortcut can never let a control or command form through."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from mcred.reporters import safe

    alphabet = st.sampled_from([*"ab #:[]-vso\t\n\x1b\u202e\x85 ", "##[", "::", "é"])

    @settings(max_examples=400, deadline=None, derandomize=True)
    @given(st.lists(alphabet, max_size=12).map("".join), st.sampled_from([3, 8, 300]))
    def check(text: str, limit: int) -> None:
        if safe._harmless(text) and len(text) <= limit:
            assert safe.defuse(safe.visible(text)) == text

    check()


def test_plain_report_is_the_coloured_one_without_its_styles(tmp_path):
    """The plain report joins each line's text at once (perf); it must read exactly as the
    coloured one does once the colours are taken away, for every kind of line."""
    import re

    hostile = tmp_path / "hostile.yaml"  # escapes and command forms in keys and values
    hostile.write_text("mcred: 1\nid: x\ntitle: \"\\e[31m::error::##[x]\"\nlevel: {eqf: 12}\n"
                       "participation: hybrid\nbogus\u202e: 1\n", encoding="utf-8")
    args = ["lint", "--no-cache", "--verbose", str(FLAWED), str(hostile), str(EXAMPLES)]
    plain = CliRunner().invoke(cli, [*args, "--color", "never"]).output
    coloured = CliRunner().invoke(cli, [*args, "--color", "always"]).output
    assert "Annex I elements" in plain and "= help:" in plain and "│" in plain
    assert re.sub("\x1b\\[[0-9;]*m", "", coloured) == plain


def test_the_command_ends_without_teardown_yet_everything_is_written(tmp_path):
    """`mcred` leaves with os._exit once the run is over (perf): standard output, stderr
    and report files must be complete, and the exit status the run's."""
    import json

    report = tmp_path / "report.txt"
    proc = subprocess.run([_mcred(), "lint", "--format", "json", "-o", f"text={report}",
                           "--verbose", str(EXAMPLES)], capture_output=True, timeout=120)
    assert proc.returncode == 1
    parsed = json.loads(proc.stdout)
    assert parsed["summary"]["findings"] == len(parsed["findings"]) > 0
    assert report.read_text("utf-8").rstrip().splitlines()[-1].startswith("Found ")
    ok = subprocess.run([_mcred(), "lint", "--exit-zero", str(EXAMPLES)],
                        capture_output=True, timeout=120)
    assert ok.returncode == 0 and ok.stdout.rstrip().splitlines()[-1].startswith(b"Found ")
    usage = subprocess.run([_mcred(), "lint", "--format", "nonsense"], capture_output=True,
                           timeout=120)
    assert usage.returncode == 2 and b"nonsense" in usage.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_a_full_disk_is_a_write_error_not_an_internal_error(fmt):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([_mcred(), "lint", "--format", fmt, str(EXAMPLES)],
                              stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == (
        f"mcred: cannot write the {fmt} report to standard output: No space left on device")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", [["--version"], ["rules"], ["explain", "MC101"]])
def test_any_command_on_a_full_disk_says_so_and_exits_2(args):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([_mcred(), *args], stdout=full, stderr=subprocess.PIPE,
                              timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == "mcred: cannot write: No space left on device"
