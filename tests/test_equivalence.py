"""Findings never depend on how mcred got them: parser path, cache, or worker processes.

Two generated repositories go through every mode: a mixed one (clean, flawed, broken and
tricky files, so the per-file stages are exercised) and a catalogue one (designs that
refer to each other, with cross-file findings). Every mode must print byte-identical
reports.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from helpers_corpus import design_text, write_corpus
from mcred.cli import cli

TRICKY = {
    "anchors.yaml": "mcred: 1\nid: anchors\ntitle: &t Anchored\nsummary: *t\n",
    "empty-values.yaml": "mcred: 1\nid: empties\ntitle:\nlevel:\n  eqf:\n",
    "folded.yaml": "mcred: 1\nid: folded\ntitle: >-\n  Folded\n  title\nlanguages: [en, de\n",
    "octal.yaml": "mcred: 1\nid: octal\nfield_of_education: 0413\nlevel: {eqf: yes}\n",
    "tags.yaml": "mcred: 1\nid: tags\ntitle: !!python/object:os.system ls\n",
    "deep.yaml": "mcred: 1\nid: deep\nx: " + "[" * 3000 + "]" * 3000 + "\n",
    "crlf.yaml": "mcred: 1\r\nid: crlf\r\ntitle: Windows\r\nlevel:\r\n  eqf: 12\r\n",
    "dates.yaml": "mcred: 1\nid: dates\nschedule:\n  start: 2027-02-30\n  end: 2027-01-01\n",
    "suppressed.yaml": "mcred: 1  # mcred: ignore[MC501]\nid: suppressed\ntitle: x\n",
}


def _bench_corpus():  # bench/corpus.py: the benchmark's realistic generator
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mixed")
    corpus = _bench_corpus()
    for i in range(52):  # about a third flawed, a few that do not parse
        sub = root / f"group{i % 4}"
        sub.mkdir(exist_ok=True)
        (sub / f"design-{i:03d}.yaml").write_text(corpus.design(777_000 + i), encoding="utf-8")
    for name, text in TRICKY.items():
        (root / name).write_bytes(text.encode())
    return root


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("catalogue")
    write_corpus(root, 40)
    extra = root / "extra"
    extra.mkdir()
    (extra / "dup.yaml").write_text(design_text("unit-00003"), encoding="utf-8")
    (extra / "dangling.yaml").write_text(design_text("dangling", requires=["no-such-unit"]),
                                         encoding="utf-8")
    (extra / "cycle-a.yaml").write_text(design_text("cycle-a", requires=["cycle-b"]),
                                        encoding="utf-8")
    (extra / "cycle-b.yaml").write_text(design_text("cycle-b", requires=["cycle-a"]),
                                        encoding="utf-8")
    return root


# (name, fast YAML path on, options, cache directory: None = fresh, else shared name)
MODES = [
    ("ruamel path, serial, no cache", False, ["--no-cache", "-j", "1"], None),
    ("fast path, serial, no cache", True, ["--no-cache", "-j", "1"], None),
    ("fast path, 2 workers, no cache", True, ["--no-cache", "-j", "2"], None),
    ("ruamel path, 2 workers, no cache", False, ["--no-cache", "-j", "2"], None),
    ("cache cold, serial", True, ["-j", "1"], "shared"),
    ("cache warm, serial", True, ["-j", "1"], "shared"),
    ("cache warm, 2 workers", True, ["-j", "2"], "shared"),
    ("cache warm, cross-file outcome dropped", True, ["-j", "1"], "drop-catalogue"),
    ("cache warm, file entries dropped", True, ["-j", "1"], "drop-entries"),
    ("cache cold, 2 workers", True, ["-j", "2"], "parallel"),
    ("cache warm after parallel fill", True, ["-j", "1"], "parallel"),
]


def _run(root: Path, fast: bool, options: list[str], cache: Path,
         monkeypatch: pytest.MonkeyPatch, fmt: str) -> tuple[int, str]:
    monkeypatch.setenv("MCRED_FAST_YAML", "1" if fast else "0")
    monkeypatch.setenv("MCRED_CACHE_DIR", str(cache))
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["lint", "--format", fmt, "--color", "never", *options,
                                      "."], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.parametrize("fmt", ["json", "text"])
@pytest.mark.parametrize("corpus", ["mixed", "catalogue"])
def test_every_mode_reports_the_same(corpus, fmt, request, tmp_path, monkeypatch):
    root = request.getfixturevalue(corpus)
    outputs = {}
    for name, fast, options, cache_name in MODES:
        cache = tmp_path / (cache_name or name.replace(" ", "-").replace(",", ""))
        if cache_name in ("drop-catalogue", "drop-entries"):  # cross-file outcome recomputed
            shutil.copytree(tmp_path / "shared", cache, dirs_exist_ok=True)
            shutil.rmtree(cache / "catalogue", ignore_errors=True)
            for folder in cache.iterdir() if cache_name == "drop-entries" else ():
                if folder.is_dir() and len(folder.name) == 2:  # designs must be rebuilt
                    shutil.rmtree(folder)
        outputs[name] = _run(root, fast, options, cache, monkeypatch, fmt)
    reference = outputs[MODES[0][0]]
    assert reference[0] in (0, 1) and reference[1]
    for name, got in outputs.items():
        assert got == reference, f"{name} differs from {MODES[0][0]}"
    if corpus == "catalogue" and fmt == "json":
        assert all(f'"{code}"' in reference[1] for code in ("MC901", "MC902", "MC903"))
    if corpus == "mixed" and fmt == "json":
        assert '"MC001"' in reference[1] and '"MC303"' in reference[1]


def test_the_cache_is_really_used(mixed, tmp_path, monkeypatch):
    """Warm runs must come from the cache (else the test above proves nothing about it)."""
    cold = _run(mixed, True, ["-j", "1"], tmp_path, monkeypatch, "json")
    import mcred.parallel

    def refuse(*args, **kwargs):
        raise AssertionError("a file was linted again although the cache holds it")

    monkeypatch.setattr(mcred.parallel, "_lint_one", refuse)
    assert _run(mixed, True, ["-j", "1"], tmp_path, monkeypatch, "json") == cold
