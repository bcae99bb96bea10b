"""The results cache: keyed on everything findings depend on, safe when shared or damaged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from mcred import cache
from mcred.cli import cli
from mcred.findings import Severity
from mcred.settings import LintSettings, RuleSettings

FLAWED = EXAMPLES / "online-data-literacy.yaml"


def _lint(cache_dir: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> dict:
    monkeypatch.setenv("MCRED_CACHE_DIR", str(cache_dir))
    result = CliRunner().invoke(cli, ["lint", "--format", "json", *args],
                                catch_exceptions=False)
    return json.loads(result.output)


def _entries(cache_dir: Path) -> list[Path]:
    return [p for p in cache_dir.rglob("*.json")
            if p.parent.name not in (cache.CATALOGUE, cache.RUNS)]


def _codes(report: dict) -> list[str]:
    return [f["code"] for f in report["findings"]]


def test_fingerprint_follows_every_setting_that_changes_findings():
    from mcred.rules.workload.mc303_hours_per_ects_out_of_band import EctsBand

    base = RuleSettings()
    variants = [
        RuleSettings(enabled=frozenset({"MC303"})),
        RuleSettings(severities={"MC303": Severity.ERROR}),
        RuleSettings(options={"MC303": EctsBand(low=20)}),
        RuleSettings(profile="higher-education"),
    ]
    prints = {base.fingerprint(), *(v.fingerprint() for v in variants)}
    assert len(prints) == 1 + len(variants)
    assert RuleSettings(options={"MC303": EctsBand(low=20)}).fingerprint() == \
        variants[2].fingerprint()  # equal settings, equal key
    lint = LintSettings()
    assert replace(lint, include=("a/**",)).fingerprint() != lint.fingerprint()
    assert replace(lint, rules=variants[0]).fingerprint() != lint.fingerprint()
    # speed switches never change results, so they stay out of the key
    assert replace(lint, cache=True, jobs=4).fingerprint() == lint.fingerprint()


def test_second_run_reads_the_cache_and_reports_the_same(tmp_path, monkeypatch):
    first = _lint(tmp_path, monkeypatch, str(FLAWED))
    assert _entries(tmp_path) and (tmp_path / "CACHEDIR.TAG").is_file()
    import mcred.parallel

    monkeypatch.setattr(mcred.parallel, "_lint_one", None)  # any real lint would fail
    assert _lint(tmp_path, monkeypatch, str(FLAWED)) == first


def test_never_stale_when_configuration_or_content_changes(tmp_path, monkeypatch):
    design = tmp_path / "work" / "design.yaml"
    design.parent.mkdir()
    design.write_text(FLAWED.read_text(encoding="utf-8"), encoding="utf-8")
    cache_dir = tmp_path / "cache"
    monkeypatch.chdir(design.parent)
    full = _codes(_lint(cache_dir, monkeypatch, str(design)))
    assert "MC303" in full
    assert "MC303" not in _codes(_lint(cache_dir, monkeypatch, "--ignore", "MC303", str(design)))
    (design.parent / ".mcred.toml").write_text('ignore = ["MC501"]\n', encoding="utf-8")
    assert "MC501" not in _codes(_lint(cache_dir, monkeypatch, str(design)))
    (design.parent / ".mcred.toml").unlink()
    design.write_text(design.read_text(encoding="utf-8").replace("hours_total: 60",
                                                                  "hours_total: 135"),
                      encoding="utf-8")
    assert "MC303" not in _codes(_lint(cache_dir, monkeypatch, str(design)))
    assert _codes(_lint(cache_dir, monkeypatch, str(design))) == \
        _codes(_lint(tmp_path / "fresh", monkeypatch, "--no-cache", str(design)))


def test_editing_mcred_itself_changes_every_key(monkeypatch):
    rule_file = Path(cache.__file__).parent / "rules" / "workload" / \
        "mc303_hours_per_ects_out_of_band.py"
    stat = rule_file.stat()
    cache.code_fingerprint.cache_clear()
    before = cache.code_fingerprint()
    try:
        os.utime(rule_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        cache.code_fingerprint.cache_clear()
        assert cache.code_fingerprint() != before
    finally:
        os.utime(rule_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        cache.code_fingerprint.cache_clear()
    assert cache.code_fingerprint() == before


def test_no_cache_neither_reads_nor_writes(tmp_path, monkeypatch):
    _lint(tmp_path / "c", monkeypatch, "--no-cache", str(FLAWED))
    assert not (tmp_path / "c").exists()


def test_damaged_entries_are_misses(tmp_path, monkeypatch):
    first = _lint(tmp_path, monkeypatch, str(FLAWED))
    for entry in tmp_path.rglob("*.json"):  # file entries, the run pack, the catalogue
        entry.write_text("{not json", encoding="utf-8")
    assert _lint(tmp_path, monkeypatch, str(FLAWED)) == first


def test_unwritable_cache_is_silently_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    report = _lint(blocker / "cache", monkeypatch, str(FLAWED))
    assert "MC303" in _codes(report)


def test_concurrent_runs_share_one_cache_safely(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    for i in range(40):
        text = FLAWED.read_text(encoding="utf-8").replace("data-literacy-online", f"d{i}")
        (repo / f"d{i:02d}.yaml").write_text(text, encoding="utf-8")
    env = {**os.environ, "MCRED_CACHE_DIR": str(tmp_path / "cache")}
    argv = [sys.executable, "-m", "mcred", "lint", "--format", "json", "-j", "1", str(repo)]
    runs = [subprocess.Popen(argv, stdout=subprocess.PIPE, env=env) for _ in range(3)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert all(run.returncode == 1 for run in runs)
    assert len(set(outputs)) == 1
    assert not list((tmp_path / "cache").rglob(".*.tmp"))  # every write completed or was removed
    again = subprocess.run(argv, stdout=subprocess.PIPE, env=env, timeout=300)
    assert again.stdout == outputs[0]


def test_catalogue_rules_run_on_warm_runs(tmp_path, monkeypatch):
    from helpers_corpus import design_text

    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.yaml").write_text(design_text("same"), encoding="utf-8")
    (repo / "b.yaml").write_text(design_text("same"), encoding="utf-8")
    monkeypatch.chdir(repo)
    cold = _lint(tmp_path / "cache", monkeypatch, ".")
    assert _codes(cold).count("MC901") == 2
    assert _lint(tmp_path / "cache", monkeypatch, ".") == cold
    (repo / "b.yaml").write_text(design_text("other"), encoding="utf-8")
    assert "MC901" not in _codes(_lint(tmp_path / "cache", monkeypatch, "."))


def test_a_run_pack_gives_back_every_finding_exactly():
    """Packs store findings as rows over a string table; nothing may be lost or reordered,
    including a finding placed in another file, fix data and end positions."""
    from mcred.findings import Finding

    base = Finding("a.yaml", 3, 5, "MC202", "vague-verb", Severity.WARNING, "Vague.",
                   "Use «analyse».", ("learning_outcomes", 0, "text", "es"), 3, 12,
                   fixable="safe", replacement="blended")
    other = replace(base, path="b.yaml", code="MC901", severity=Severity.ERROR, fix="",
                    key_path=(), end_line=None, end_column=None, fixable=None,
                    replacement=None)
    files = [cache.LightResult("a.yaml", [base, other, base], None, None,
                               language=("es", "declared in `language`")),
             cache.LightResult("c.yaml", [], None, None)]
    packed = json.loads(json.dumps(cache.pack(files)))
    assert packed["strings"].count("Vague.") == 1  # each text once
    unpacked = cache.unpack(packed, 2)
    assert unpacked == [("a.yaml", [base, other, base], ("es", "declared in `language`")),
                        ("c.yaml", [], None)]
    assert cache.unpack(packed, 3) is None  # a pack of another run is a miss
    assert cache.unpack({**packed, "format": 1}, 2) is None
    with pytest.raises((KeyError, TypeError, ValueError, IndexError)):
        cache.unpack({**packed, "strings": []}, 2)  # damaged: the reader treats it as a miss


def test_a_warm_run_keeps_the_outcome_languages_of_the_cold_one(tmp_path, monkeypatch):
    cold = _lint(tmp_path / "c", monkeypatch, "--no-cache", str(EXAMPLES))
    _lint(tmp_path / "c", monkeypatch, str(EXAMPLES))
    warm = _lint(tmp_path / "c", monkeypatch, str(EXAMPLES))
    assert cold["outcome_languages"] and warm == cold


def test_a_bundled_document_reads_as_the_one_it_was_made_from():
    """Worker results keep text, design and data compressed; every reader sees the same
    values, for any text (accents, CJK, a lone surrogate from an undecodable name)."""
    import pickle

    text = "mcred: 1\ntitle: Ñandú 设计 \udcff\nlevel: {eqf: 5}\n"
    data = {"mcred": 1, "title": "Ñandú 设计 \udcff", "level": {"eqf": 5}}
    bundle = pickle.loads(pickle.dumps(cache.Bundle.of(text, '{"mcred": 1, "title": "x"}',
                                                   json.dumps(data))))
    document = cache.LightDocument.bundled("a.yaml", bundle)
    assert document.text == text and document.data == data
    assert document.lines == text.splitlines()
    result = cache.LightResult.from_bundle(cache.Entry([], None, None), "a.yaml", bundle, None)
    assert result.design is not None and result.design.title == "x"
    document.data = {"mcred": 1}  # an assigned value wins; the text stays
    assert document.data == {"mcred": 1} and document.text == text
