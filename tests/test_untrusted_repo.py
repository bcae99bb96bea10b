"""The untrusted-repository corpus (tests/untrusted_repo.py) through every command.

One fresh clone of a hostile pull request, built once per module: a planted results cache,
symlinked caches, configs and baselines, hostile baselines and file names that carry
escapes and CI commands. Every run keeps the promises of `check_output`; the planted cache
changes no finding; nothing outside the repository (and CI's own cache folder) changes.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from untrusted_repo import ODD_NAMES, Corpus, build, check_output, run, snapshot

FORMATS = ["text", "concise", "json", "github", "gitlab", "sarif", "junit"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build(tmp_path_factory.mktemp("untrusted"))


@pytest.fixture(scope="module")
def truth(corpus: Corpus) -> dict[str, object]:
    """The findings of `curriculum/` without any cache: what every other run must report."""
    result = run(corpus, "lint", "--no-cache", "--format", "json", "curriculum")
    check_output(result)
    assert result.code == 1
    return {"code": result.code, "report": json.loads(result.out)}


def _findings(report: object) -> list[tuple[str, int, str]]:
    items = report if isinstance(report, list) else report.get("findings", [])  # type: ignore[union-attr]
    return sorted((f["path"], f["line"], f["code"]) for f in items)


def test_the_clone_really_holds_the_planted_files(corpus: Corpus) -> None:
    assert (corpus.clone / ".mcred_cache" / "CACHEDIR.TAG").is_file()
    assert list((corpus.clone / ".mcred_cache" / "runs").glob("*.json"))
    assert (corpus.clone / "caches" / "gitconfig" / ".gitignore").is_symlink()
    assert (corpus.clone / "caches" / "outside").is_symlink()
    assert len(list((corpus.clone / "caches" / "keylinks").iterdir())) == 256
    assert all((corpus.clone / "curriculum" / name).is_file() for name in ODD_NAMES)


@pytest.mark.parametrize("cache", [None, ".mcred_cache", "caches/bare", "caches/gitconfig",
                                   "caches/outside", "caches/keylinks", "caches/runs-link"])
def test_a_planted_cache_changes_no_finding(corpus: Corpus, truth: dict[str, object],
                                            cache: str | None) -> None:
    env = {} if cache is None else {"MCRED_CACHE_DIR": cache}
    # The default cache: cold, then warm. A planted one is never written, so once is enough.
    for _ in range(2 if cache is None else 1):
        result = run(corpus, "lint", "--format", "json", "curriculum", **env)
        check_output(result)
        assert result.code == truth["code"]
        assert _findings(json.loads(result.out)) == _findings(truth["report"])
    if cache is not None:
        verbose = run(corpus, "lint", "-v", "curriculum", **env)
        check_output(verbose)
        assert verbose.code == truth["code"] and "MC303" in verbose.out
        assert "not used" in verbose.out, verbose.out[-1500:]


# Escaping inside reporters (reporters/safe.py) and in the catalogue/render messages is
# other work in progress; these runs are expected to pass once it lands.
_PENDING = pytest.mark.xfail(reason="bidi controls still raw in this output (escaping of "
                             "reporters and non-lint commands is pending)", strict=False)
# junit: escaped by reporters/safe.py now (a plain, strict test).


@pytest.mark.parametrize("fmt", FORMATS)
def test_lint_in_every_format(corpus: Corpus, truth: dict[str, object], fmt: str) -> None:
    result = run(corpus, "lint", "--format", fmt, "curriculum")
    check_output(result, annotations=fmt == "github")
    assert result.code == truth["code"]


@pytest.mark.parametrize("name", ["inf", "deep", "inject", "long-path", "odd-path", "echo",
                                  "duplicate", "nan", "zero", "link", "many"])
def test_hostile_baselines(corpus: Corpus, name: str) -> None:
    result = run(corpus, "lint", "curriculum", "--baseline", f"baselines/{name}.json")
    check_output(result)
    assert len(result.err) < 20_000
    if name in ("inject", "odd-path", "many"):
        assert result.code == 1 and "no longer occur" in result.err
    else:
        assert result.code == 2 and f"baselines/{name}.json" in result.err


def test_baseline_writes_never_follow_links(corpus: Corpus) -> None:
    update = run(corpus, "baseline", "update", "curriculum", "--baseline",
                 "baselines/link.json")
    check_output(update)
    assert update.code == 2 and "symlink" in update.err
    for args in (["baseline", "create", "curriculum", "-o", "baselines/dangling.json"],
                 ["baseline", "create", "curriculum", "-o", "baselines/dangling.json",
                  "--force"]):
        created = run(corpus, *args)
        check_output(created)
        assert created.code == 2
    assert not (corpus.outside / "created-by-mcred.json").exists()
    fresh = run(corpus, "baseline", "create", "curriculum", "-o", "new-baseline.json")
    check_output(fresh)
    assert fresh.code == 0 and (corpus.clone / "new-baseline.json").is_file()
    shrink = run(corpus, "baseline", "update", "curriculum", "--baseline",
                 "new-baseline.json")
    check_output(shrink)
    assert shrink.code == 0


@pytest.mark.parametrize("args", [
    ["config"], ["config", "configs/linked"], ["config", "configs/outside"],
    ["config", "configs/pyproject"], ["config", "--format", "json", "curriculum"],
    ["lint", "configs"], ["catalogue", "."],
    ["catalogue", "--format", "json", "curriculum"],
    ["export", "--to", "ob3", "--force", "curriculum/flawed.yaml"],
    ["export", "--to", "ob3", "--force", f"curriculum/{ODD_NAMES[0]}"],
    ["render", "--force", "--html", "-", "curriculum"],
    ["render", "--html", "-", "curriculum"],
])
def test_every_command(corpus: Corpus, args: list[str]) -> None:
    result = run(corpus, *args)
    check_output(result)


def test_symlinked_configs_are_refused_not_followed(corpus: Corpus) -> None:
    for folder in ("configs/linked", "configs/outside"):
        result = run(corpus, "lint", folder)
        check_output(result)
        assert result.code == 2 and "symlink" in result.err


def test_nothing_outside_the_repository_changed(corpus: Corpus) -> None:
    """After every command above (pytest keeps file order)."""
    config = (corpus.clone / ".git" / "config").read_text(encoding="utf-8")
    assert "[core]" in config and config.strip() != "*"
    assert sorted(p.name for p in (corpus.outside / "cache").iterdir()) == ["keep"]
    assert sorted(p.name for p in corpus.outside.iterdir()) == ["cache", "evil.toml",
                                                                 "victim.json"]
    assert (corpus.outside / "victim.json").read_text(encoding="utf-8") == \
        '{"version": 1, "entries": []}\n'
    assert snapshot(corpus.base, skip=(corpus.clone, corpus.home)) == _SNAPSHOT["outside"]


_SNAPSHOT: dict[str, dict[str, tuple[int, int]]] = {}


@pytest.fixture(scope="module", autouse=True)
def _outside_before(corpus: Corpus) -> None:
    _SNAPSHOT["outside"] = snapshot(corpus.base, skip=(corpus.clone, corpus.home))


def test_the_repository_itself_is_left_as_committed(corpus: Corpus) -> None:
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored", "--untracked-files=all"],
        cwd=corpus.clone, capture_output=True, text=True, check=True).stdout
    changed = [line for line in status.splitlines()
               if not line.endswith(("new-baseline.json", "new-baseline.json\""))]
    assert changed == [], changed[:10]


def test_stamped_cache_folder_in_the_clone_works(corpus: Corpus, truth: dict[str, object],
                                                  tmp_path: Path) -> None:
    """A cache folder CI makes itself (here inside the checkout) is used, and still right."""
    for _ in range(2):
        result = run(corpus, "lint", "--format", "json", "curriculum",
                     MCRED_CACHE_DIR=".ci-cache")
        check_output(result)
        assert _findings(json.loads(result.out)) == _findings(truth["report"])
    assert (corpus.clone / ".ci-cache" / "CACHEDIR.TAG").is_file()
