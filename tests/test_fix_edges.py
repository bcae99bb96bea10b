"""`--fix` at the edges: a file it cannot write, shared (anchored) values, leftovers of a
killed run. One file's problem never stops the run or its lint report."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mcred.cli import cli
from mcred.fix.roundtrip import FixRefused, rewrite

FIXABLE = "mcred: 1\nparticipation: hybrid  # keep me\n"
FIXED = "mcred: 1\nparticipation: blended # keep me\n"


def _fix(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", "--fix", "--fail-on", "never", "--no-source",
                                      "--color", "never", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, result.stdout, result.stderr


def _lock(folder: Path) -> bool:
    """Make ``folder`` (or a file) unwritable: immutable as root (chattr), else read-only."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        chattr = shutil.which("chattr")
        return chattr is not None and subprocess.run(
            [chattr, "+i", str(folder)], capture_output=True, check=False).returncode == 0
    folder.chmod(0o555)
    return True


def _unlock(path: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
    path.chmod(0o755 if path.is_dir() else 0o644)


def test_an_unwritable_file_is_not_fixed_and_the_run_goes_on(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "locked").mkdir()
    (tmp_path / "open").mkdir()
    (tmp_path / "locked" / "a.yaml").write_text(FIXABLE, encoding="utf-8")
    (tmp_path / "open" / "b.yaml").write_text(FIXABLE, encoding="utf-8")
    if not _lock(tmp_path / "locked"):
        pytest.skip("cannot make a folder unwritable here (no chattr as root)")
    try:
        code, out, err = _fix("locked/a.yaml", "open/b.yaml")
    finally:
        _unlock(tmp_path / "locked")
    assert code == 1
    assert "locked/a.yaml: not fixed: cannot" in err
    assert "fixed open/b.yaml" in err
    assert (tmp_path / "locked" / "a.yaml").read_text(encoding="utf-8") == FIXABLE
    assert (tmp_path / "open" / "b.yaml").read_text(encoding="utf-8") == FIXED
    assert "locked/a.yaml:" in out  # still linted and reported
    assert "Traceback" not in out + err
    assert not list((tmp_path / "locked").iterdir())[1:]  # no temp file left behind


def test_an_immutable_file_is_not_fixed_and_the_run_goes_on(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(FIXABLE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(FIXABLE, encoding="utf-8")
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and _lock(tmp_path / "a.yaml")):
        pytest.skip("immutable files need root and chattr")
    try:
        code, out, err = _fix("a.yaml", "b.yaml")
    finally:
        _unlock(tmp_path / "a.yaml")
    assert code == 1 and "a.yaml: not fixed: cannot access the file (permission denied)" in err
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8") == FIXED
    assert "a.yaml:" in out and "Traceback" not in out + err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]


def test_an_os_error_while_writing_is_reported_per_file(tmp_path, monkeypatch):
    """Whatever the platform: the write failing with EROFS is one file's problem."""
    from mcred import safeio

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(FIXABLE, encoding="utf-8")

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(safeio, "write_bytes", read_only)
    code, out, err = _fix("a.yaml")
    assert code == 1 and "a.yaml: not fixed: cannot write the file (Read-only file system)" \
        in err
    assert "MC" in out  # the lint report still came


@pytest.mark.parametrize("text", [
    "mcred: 1\nparticipation: &part hybrid  # c\nnotes: *part\n",
    "mcred: 1\nparticipation: &part hybrid  # c\n",
    "mcred: 1\nfee: &money\n  amount: 100\n  currency: \"€\"\nother: *money\n",
])
def test_anchored_or_aliased_values_are_refused(text: str) -> None:
    with pytest.raises(FixRefused, match="anchor"):
        rewrite(text.encode(), unsafe=False)


def test_an_anchored_value_is_left_alone_on_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "mcred: 1\nparticipation: &part hybrid  # c\nnotes: *part\n"
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    _, _, err = _fix("a.yaml")
    assert "not fixed: the value at participation is shared through the anchor &part" in err
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == text


def test_leftover_temp_files_of_a_killed_run_are_removed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.yaml").write_text(FIXABLE, encoding="utf-8")
    leftovers = [".d.yaml.0123456789ab.mcred", ".d.yaml.k2_x9abc.mcred"]
    for name in leftovers:
        (tmp_path / name).write_text("half a design", encoding="utf-8")
    kept = [".other.yaml.0123456789ab.mcred", "d.yaml.mcred", ".d.yaml.0123456789ab.tmp"]
    for name in kept:
        (tmp_path / name).write_text("not ours", encoding="utf-8")
    long = "a-design-with-a-rather-long-name-" * 3 + ".yaml"  # cut to 64 in temp names
    (tmp_path / long).write_text(FIXABLE, encoding="utf-8")
    (tmp_path / f".{long[:64]}.0123456789ab.mcred").write_text("half", encoding="utf-8")
    _fix("d.yaml", long)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(["d.yaml", long, *kept])
    assert (tmp_path / "d.yaml").read_text(encoding="utf-8") == FIXED


def test_a_killed_fix_leaves_the_design_whole(tmp_path):
    """SIGKILL at a random moment of many writes: each design is the old or the new one."""
    for i in range(60):
        (tmp_path / f"d{i:02d}.yaml").write_text(FIXABLE, encoding="utf-8")
    argv = [sys.executable, "-m", "mcred", "lint", "--fix", "--no-cache", "--fail-on", "never",
            "."]
    run = subprocess.Popen(argv, cwd=tmp_path, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        run.wait(timeout=0.8)
    except subprocess.TimeoutExpired:
        run.kill()
        run.wait()
    assert {p.read_text(encoding="utf-8") for p in tmp_path.glob("d*.yaml")} <= {FIXABLE, FIXED}
    subprocess.run(argv, cwd=tmp_path, capture_output=True, timeout=60, check=False)
    assert not list(tmp_path.glob(".*.mcred"))
    assert {p.read_text(encoding="utf-8") for p in tmp_path.glob("d*.yaml")} == {FIXED}
