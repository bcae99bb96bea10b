"""The results cache believes only what this machine's mcred wrote, through no symlink.

Tampered, truncated and foreign entries are misses (recomputed, named by --verbose); a
folder mcred did not stamp is neither read nor written; a symlinked cache folder, key
folder or run-pack folder is refused; the key is private to the user.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from mcred import cachestore
from mcred.cli import cli

FLAWED = EXAMPLES / "online-data-literacy.yaml"


def _lint(cache_dir: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.setenv("MCRED_CACHE_DIR", str(cache_dir))
    result = CliRunner().invoke(cli, ["lint", "--color", "never", "--no-source", *args],
                                catch_exceptions=False)
    return result.exit_code, result.stdout


def _findings(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str]]:
    _, out = _lint(cache_dir, monkeypatch, "--format", "json", str(FLAWED))
    return sorted((f["line"], f["code"]) for f in json.loads(out)["findings"])


@pytest.fixture
def truth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str]]:
    found = _findings(tmp_path / "reference", monkeypatch)
    assert any(code == "MC303" for _, code in found)
    return found


def _entries(cache_dir: Path) -> list[Path]:
    return sorted(p for p in cache_dir.rglob("*.json"))


def _rewrite(cache_dir: Path, change: str) -> None:
    """What an attacker does to a cache: empty findings, cut entries, or a foreign key."""
    for entry in _entries(cache_dir):
        data = entry.read_bytes()
        mac, _, payload = data.partition(b"\n")
        if change == "empty":
            first, _, rest = payload.partition(b"\n")
            empty = b"[]" if entry.parent.name == "runs" else b'{"findings": []}'
            entry.write_bytes(mac + b"\n" + (empty if first.startswith(b"[") else
                                             empty + b"\n" + rest))
        elif change == "truncated":
            entry.write_bytes(data[: len(data) // 2])
        elif change == "unsigned":
            entry.write_bytes(payload)


@pytest.mark.parametrize("change", ["empty", "truncated", "unsigned"])
def test_a_changed_entry_is_a_miss_and_recomputed(tmp_path, monkeypatch, truth, change):
    cache_dir = tmp_path / "cache"
    assert _findings(cache_dir, monkeypatch) == truth
    _rewrite(cache_dir, change)
    code, out = _lint(cache_dir, monkeypatch, "-v", str(FLAWED))
    assert code == 1 and "MC303" in out
    assert "failed authentication" in out
    assert _findings(cache_dir, monkeypatch) == truth  # rewritten properly, and believed
    _, quiet = _lint(cache_dir, monkeypatch, str(FLAWED))
    assert "failed authentication" not in quiet


def test_entries_from_another_machine_are_not_believed(tmp_path, monkeypatch, truth):
    """Same mcred, another user's key (a shared Docker image, a cached venv): a miss."""
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "attacker"))
    assert _findings(cache_dir, monkeypatch) == truth
    _rewrite(cache_dir, "empty")
    planted = {p.relative_to(cache_dir): p.read_bytes() for p in _entries(cache_dir)}
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "ci"))
    ours = tmp_path / "ours"
    assert _findings(ours, monkeypatch) == truth
    for name, data in planted.items():  # the attacker's entries, under our stamp
        (ours / name).parent.mkdir(exist_ok=True)
        (ours / name).write_bytes(data)
    assert _findings(ours, monkeypatch) == truth
    assert _findings(cache_dir, monkeypatch) == truth  # their folder: not stamped by us
    _, out = _lint(cache_dir, monkeypatch, "-v", str(FLAWED))
    assert "did not create it" in out


def test_a_folder_mcred_did_not_stamp_is_neither_read_nor_written(tmp_path, monkeypatch,
                                                                   truth):
    folder = tmp_path / "not-a-cache"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert _findings(folder, monkeypatch) == truth
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()  # an empty folder (mktemp, a new CI cache) is adopted
    assert _findings(empty, monkeypatch) == truth
    assert (empty / "CACHEDIR.TAG").is_file() and _entries(empty)


def test_a_symlinked_cache_folder_is_refused(tmp_path, monkeypatch, truth):
    target = tmp_path / "elsewhere"
    target.mkdir()
    link = tmp_path / "cache-link"
    link.symlink_to(target)
    assert _findings(link, monkeypatch) == truth
    assert list(target.iterdir()) == []
    _, out = _lint(link, monkeypatch, "-v", str(FLAWED))
    assert "not used" in out and "symlink" in out


@pytest.mark.parametrize("folder", ["key", "runs", "catalogue"])
def test_symlinked_folders_inside_the_cache_are_never_followed(tmp_path, monkeypatch,
                                                                truth, folder):
    cache_dir = tmp_path / "cache"
    assert _findings(cache_dir, monkeypatch) == truth
    outside = tmp_path / "outside"
    outside.mkdir()
    victims = [p.parent for p in _entries(cache_dir)]
    names = {p.name for p in victims} if folder == "key" else {folder}
    for name in names:
        for entry in (cache_dir / name).iterdir():
            (outside / entry.name).write_bytes(entry.read_bytes())  # valid entries, outside
            entry.unlink()
        (cache_dir / name).rmdir()
        (cache_dir / name).symlink_to(outside)
    before = sorted(p.name for p in outside.iterdir())
    assert _findings(cache_dir, monkeypatch) == truth
    assert _findings(cache_dir, monkeypatch) == truth
    assert sorted(p.name for p in outside.iterdir()) == before  # nothing written there
    _, out = _lint(cache_dir, monkeypatch, "-v", str(FLAWED))
    assert "entries not read" in out and "is a symlink" in out


def test_the_key_is_private_and_a_shared_key_disables_the_cache(tmp_path, monkeypatch,
                                                                 truth):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    cachestore._KEYS.clear()
    assert _findings(tmp_path / "cache", monkeypatch) == truth
    key = tmp_path / "home" / "mcred" / "key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    key.chmod(0o644)
    cachestore._KEYS.clear()
    try:
        _, out = _lint(tmp_path / "cache2", monkeypatch, "-v", str(FLAWED))
        assert "not private" in out
        assert not (tmp_path / "cache2").exists() or not _entries(tmp_path / "cache2")
    finally:
        cachestore._KEYS.clear()


def test_the_default_cache_is_outside_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("MCRED_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "d.yaml").write_bytes(FLAWED.read_bytes())
    result = CliRunner().invoke(cli, ["lint", "repo"], catch_exceptions=False)
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "repo").iterdir()) == ["d.yaml"]
    assert _entries(tmp_path / "home" / "mcred" / "results")
    assert cachestore.cache_dir() == tmp_path / "home" / "mcred" / "results"
    assert not os.path.exists(tmp_path / ".mcred_cache")
