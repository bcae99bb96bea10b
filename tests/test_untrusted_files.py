"""The repository's own files (.gitignore, config, baseline) through mcred.safeio: regular
files only, bounded, never blocking, never through a symlink; the baseline is strict."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from config_helpers import design, invoke, write
from mcred import baselinefile, safeio
from mcred.baseline import Baseline, BaselineError


def _lint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mcred", "lint", "--no-cache", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=30, check=False,
                          env={**os.environ, "NO_COLOR": "1"})


def test_gitignore_fifo_device_or_huge_file_is_not_read(tmp_path):
    for name in ("fifo", "zero", "huge", "linked"):
        write(tmp_path, {f"{name}/d.yaml": design(60)})
    os.mkfifo(tmp_path / "fifo" / ".gitignore")  # would block a plain open forever
    (tmp_path / "zero" / ".gitignore").symlink_to("/dev/zero")  # would never end
    (tmp_path / "huge" / ".gitignore").write_text("d.yaml\n" + "#" * (2 << 20))
    (tmp_path / "real.gitignore").write_text("d.yaml\n")
    (tmp_path / "linked" / ".gitignore").symlink_to(tmp_path / "real.gitignore")
    run = _lint(tmp_path, "--format", "concise", ".")
    assert run.returncode == 1, run.stderr
    for name in ("fifo", "zero", "huge", "linked"):
        assert f"{name}/d.yaml:" in run.stdout  # none of them was honoured as an ignore file


def test_a_regular_gitignore_still_works(tmp_path):
    write(tmp_path, {"a/d.yaml": design(60), "a/.gitignore": "d.yaml\n"})
    run = _lint(tmp_path, ".")
    assert "d.yaml" not in run.stdout


@pytest.mark.parametrize("kind", ["fifo", "device", "outside", "huge"])
def test_config_files_that_are_not_plain_files_are_refused(tmp_path, kind):
    write(tmp_path, {"repo/d.yaml": design(60), "outside.toml": "[lint]\nselect = []\n"})
    config = tmp_path / "repo" / ".mcred.toml"
    if kind == "fifo":
        os.mkfifo(config)
    elif kind == "device":
        config.symlink_to("/dev/zero")
    elif kind == "outside":
        config.symlink_to(tmp_path / "outside.toml")
    else:
        config.write_text("#" * (2 << 20))
    run = _lint(tmp_path / "repo", ".")
    assert "Traceback" not in run.stderr
    if kind == "fifo":  # not a config file at all: linted with the defaults
        assert run.returncode == 1 and "MC303" in run.stdout
    else:
        assert run.returncode == 2 and ".mcred.toml" in run.stderr


@pytest.fixture(params=["at-calls", "lstat-fallback"])
def platform(request, monkeypatch):
    """Both code paths: *at() calls (Linux, macOS) and the lstat fallback (Windows)."""
    if request.param == "lstat-fallback":
        monkeypatch.setattr(safeio, "_DIR_FD", False)


@pytest.mark.usefixtures("platform")
def test_safeio_reads_are_bounded_and_refuse_links_on_the_way(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "f").write_bytes(b"x" * 100)
    (tmp_path / "via").symlink_to(tmp_path / "real")
    assert safeio.read_bytes(tmp_path / "real" / "f", "config", root=tmp_path) == b"x" * 100
    with pytest.raises(safeio.UnsafeFile, match="folder `via`"):
        safeio.read_bytes(tmp_path / "via" / "f", "config", root=tmp_path)
    with pytest.raises(safeio.UnsafeFile, match="more than the limit"):
        safeio.read_bytes(tmp_path / "real" / "f", "config", limit=99)
    with pytest.raises(safeio.UnsafeFile, match="outside"):
        safeio.read_bytes("/etc/hostname", "config", root=tmp_path)
    with pytest.raises(safeio.Missing):
        safeio.read_bytes(tmp_path / "nope", "config", root=tmp_path)
    with pytest.raises(safeio.Missing):
        safeio.read_bytes(tmp_path / "none" / "f", "config", root=tmp_path)
    (tmp_path / "lnk").symlink_to(tmp_path / "real" / "f")
    with pytest.raises(safeio.UnsafeFile, match="it is a symlink"):
        safeio.read_bytes(tmp_path / "lnk", "config", root=tmp_path)
    assert sorted(safeio.list_dir(tmp_path / "real", root=tmp_path)) == ["f"]
    assert safeio.list_dir(tmp_path / "none", root=tmp_path) == []


@pytest.mark.usefixtures("platform")
def test_safeio_writes_are_atomic_and_never_through_links(tmp_path):
    (tmp_path / "target").write_bytes(b"old")
    (tmp_path / "link").symlink_to(tmp_path / "target")
    with pytest.raises(safeio.UnsafeFile, match="symlink"):
        safeio.write_bytes(tmp_path / "link", b"new", root=tmp_path)
    (tmp_path / "dirlink").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(safeio.UnsafeFile, match="dirlink"):
        safeio.write_bytes(tmp_path / "dirlink" / "f", b"new", root=tmp_path,
                           create_dirs=True)
    assert (tmp_path / "target").read_bytes() == b"old"
    assert not (tmp_path / "elsewhere").exists()
    safeio.write_bytes(tmp_path / "a" / "b" / "f", b"new", root=tmp_path, create_dirs=True,
                       mode=0o640)
    assert (tmp_path / "a" / "b" / "f").read_bytes() == b"new"
    assert ((tmp_path / "a" / "b" / "f").stat().st_mode & 0o777) == 0o640
    assert sorted(p.name for p in (tmp_path / "a" / "b").iterdir()) == ["f"]


# -- the baseline ----------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"designs/a.yaml": design(60)})
    return tmp_path


def _baseline(*entries: object) -> str:
    return json.dumps({"version": 1, "entries": list(entries)})


ENTRY = {"path": "designs/a.yaml", "code": "MC303", "pointer": "/workload/hours_total",
         "hash": "0" * 16}


@pytest.mark.parametrize(("text", "message"), [
    (_baseline({**ENTRY, "count": True}), "`count`"),
    (_baseline({**ENTRY, "count": 0}), "`count`"),
    (_baseline({**ENTRY, "count": 1.5}), "`count`"),
    (_baseline({**ENTRY, "code": ["MC303"]}), "`code` is missing or not text"),
    (_baseline({**ENTRY, "path": "a\0b"}), "NUL"),
    (_baseline({**ENTRY, "extra": 1}), "unknown key `extra`"),
    (_baseline(ENTRY, [ENTRY]), "entry 2: not an object"),
    ('{"version": 1, "entries": [], "more": 1}', "not an mcred baseline"),
    ('{"version": true, "entries": []}', "not an mcred baseline"),
    ('{"version": 1, "entries": [{"path": "a", "path": "b"}]}', "a key appears twice"),
    ('{"version": 1, "entries": [' + '{"count": Infinity}]}', "Infinity"),
])
def test_malformed_baselines_are_clear_errors(repo, text, message):
    (repo / "b.json").write_text(text, encoding="utf-8")
    result = invoke("lint", "designs", "--baseline", "b.json")
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "b.json" in result.stderr


def test_baseline_limits_on_size_and_entries(repo, monkeypatch):
    (repo / "b.json").write_text(_baseline(*[{**ENTRY, "hash": str(i)} for i in range(20)]),
                                 encoding="utf-8")
    monkeypatch.setattr(baselinefile, "MAX_ENTRIES", 10)
    result = invoke("lint", "designs", "--baseline", "b.json")
    assert result.exit_code == 2 and "20 entries, more than the limit of 10" in result.stderr
    monkeypatch.setitem(safeio.LIMITS, "baseline", 100)
    result = invoke("lint", "designs", "--baseline", "b.json")
    assert result.exit_code == 2 and "more than the limit of 100" in result.stderr


def test_create_refuses_a_baseline_it_could_not_read_back(repo, monkeypatch):
    monkeypatch.setattr("mcred.baseline.MAX_ENTRIES", 0)
    result = invoke("baseline", "create", "designs", "-o", "b.json")
    assert result.exit_code == 2 and "more than a baseline holds (0)" in result.stderr
    assert not (repo / "b.json").exists()


def test_long_messages_are_cut_not_refused(repo):
    (repo / "b.json").write_text(_baseline({**ENTRY, "message": "m" * 50_000}))
    loaded = Baseline.load(repo / "b.json")
    assert [len(m) for m in loaded.messages.values()] == [baselinefile.LIMITS["message"]]


def test_a_baseline_in_a_symlinked_folder_is_neither_read_nor_written(repo, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "b.json").write_text(_baseline(), encoding="utf-8")
    (repo / "linked").symlink_to(outside)
    for args in (["lint", "designs", "--baseline", "linked/b.json"],
                 ["baseline", "update", "designs", "--baseline", "linked/b.json"],
                 ["baseline", "create", "designs", "-o", "linked/new.json"]):
        result = invoke(*args)
        assert result.exit_code == 2 and "symlink" in result.stderr, result.output
    assert sorted(p.name for p in outside.iterdir()) == ["b.json"]


def test_baseline_create_keeps_the_mode_and_leaves_no_temp_file(repo):
    assert invoke("baseline", "create", "designs", "-o", "b.json").exit_code == 0
    (repo / "b.json").chmod(0o600)
    assert invoke("baseline", "create", "designs", "-o", "b.json", "--force").exit_code == 0
    assert (repo / "b.json").stat().st_mode & 0o777 == 0o600
    assert not [p for p in repo.iterdir() if p.name.endswith(".tmp")]


@settings(max_examples=60, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
                    max_leaves=20))
def test_any_json_is_a_baseline_or_a_baseline_error(tmp_path_factory, value):
    path = tmp_path_factory.mktemp("fuzz") / "b.json"
    path.write_text(json.dumps({"version": 1, "entries": value}), encoding="utf-8")
    try:
        baselinefile.read_entries(path)
    except BaselineError as exc:
        assert "\x1b" not in str(exc) and "\n" not in str(exc)
