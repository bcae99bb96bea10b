"""The pre-commit hook, run by the real pre-commit against a throwaway repository.

The hook repository is a snapshot of this checkout as it is on disk (tracked and untracked,
not ignored files), committed to a temporary git repository, so the test exercises the
working tree rather than the last commit. The user's side uses the configuration snippet
from the README, pointed at that snapshot. pre-commit builds mcred into its own virtualenv
from PyPI, so this test needs the network; it is skipped when pre-commit or git is missing,
except in CI, where it must run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES, ROOT

HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"
NOT_A_DESIGN = "name: ci\non: [push]\njobs: {}\n"


def _require(tool: str, available: bool) -> None:
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{tool} is missing in CI; install the test extra: pip install -e '.[test]'")
    pytest.skip(f"{tool} is not installed (pip install -e '.[test]' adds pre-commit)")


def _pre_commit_available() -> bool:
    done = subprocess.run([sys.executable, "-m", "pre_commit", "--version"],
                          capture_output=True, check=False)
    return done.returncode == 0


def _git(*args: str, cwd: Path) -> str:
    env = {**_clean_env(), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout.strip()


def _clean_env() -> dict[str, str]:
    """No git or CI variables of the outer run may leak into the throwaway repositories."""
    return {k: v for k, v in os.environ.items()
            if not k.startswith(("GIT_", "PRE_COMMIT")) and k != "GITHUB_ACTIONS"}


def readme_precommit_config() -> str:
    """The `.pre-commit-config.yaml` snippet of the README's pre-commit section."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## pre-commit\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)
    return next(b for b in blocks if "repos:" in b)


def test_readme_snippet_uses_the_hooks_this_repository_publishes():
    hooks = {h["id"]: h for h in YAML(typ="safe").load(HOOKS_FILE.read_text("utf-8"))}
    config = YAML(typ="safe").load(readme_precommit_config())
    [repo] = config["repos"]
    assert repo["repo"] == "https://github.com/mcred-dev/mcred"
    assert {h["id"] for h in repo["hooks"]} <= hooks.keys()
    mcred = hooks["mcred"]
    assert mcred["entry"].startswith("mcred lint")
    assert mcred["language"] == "python" and mcred["types"] == ["yaml"]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    _require("git", shutil.which("git") is not None)
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the hook repository is built from `git ls-files`")
    listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    snapshot = tmp_path_factory.mktemp("hook-repo")
    for rel in filter(None, listed.split("\0")):
        source = ROOT / rel
        if source.is_file():
            (snapshot / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / rel)
    _git("init", "-q", cwd=snapshot)
    _git("add", "-A", cwd=snapshot)
    _git("commit", "-q", "-m", "snapshot", cwd=snapshot)
    return snapshot, _git("rev-parse", "HEAD", cwd=snapshot)


@pytest.fixture(scope="module")
def user_repo(hook_repo, tmp_path_factory) -> Path:
    _require("pre-commit", _pre_commit_available())
    snapshot, sha = hook_repo
    work = tmp_path_factory.mktemp("user-repo")
    config = readme_precommit_config()
    config = config.replace("https://github.com/mcred-dev/mcred", snapshot.as_posix())
    config = re.sub(r"rev: \S+", f"rev: {sha}", config)
    (work / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    shutil.copy(EXAMPLES / "green-public-procurement.yaml", work / "clean.yaml")
    shutil.copy(EXAMPLES / "online-data-literacy.yaml", work / "flawed.yaml")
    (work / ".github/workflows").mkdir(parents=True)
    (work / ".github/workflows/ci.yml").write_text(NOT_A_DESIGN, encoding="utf-8")
    _git("init", "-q", cwd=work)
    _git("add", "-A", cwd=work)
    return work


def _pre_commit(work: Path, *files: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**_clean_env(), "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "mcred", "--files",
                           *files], cwd=work, env=env, capture_output=True, text=True,
                          timeout=900, check=False)


def test_hook_passes_on_a_clean_design_and_fails_on_a_flawed_one(user_repo, tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")
    clean = _pre_commit(user_repo, "clean.yaml", ".github/workflows/ci.yml",
                        ".pre-commit-config.yaml", home=home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"^mcred\.+Passed$", clean.stdout, re.MULTILINE), clean.stdout
    assert "All clear" not in clean.stdout and "ci.yml" not in clean.stdout  # silent

    flawed = _pre_commit(user_repo, "clean.yaml", "flawed.yaml", home=home)
    assert flawed.returncode == 1, flawed.stdout + flawed.stderr
    assert re.search(r"^mcred\.+Failed$", flawed.stdout, re.MULTILINE), flawed.stdout
    assert "flawed.yaml:23:16  MC303  warning" in flawed.stdout
    assert "clean.yaml:" not in flawed.stdout

    # Cross-file rules (MC9xx) run under the hook: the staged design is checked against
    # every design of the repository, staged or not.
    _git("commit", "-q", "--no-verify", "-m", "designs", cwd=user_repo)
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=user_repo,
                               env={**_clean_env(), "PRE_COMMIT_HOME": str(home)},
                               capture_output=True, text=True, check=False)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    unit = (EXAMPLES / "green-public-procurement.yaml").read_text("utf-8")
    unit = unit.replace("id: green-public-procurement", "id: advanced-procurement", 1)
    unit = unit.replace("  requires: []\n", "  requires: [data-literacy-online, no-such-design]\n")
    assert "no-such-design" in unit
    (user_repo / "advanced.yaml").write_text(unit, encoding="utf-8")
    _git("add", "advanced.yaml", cwd=user_repo)
    env = {**_clean_env(), "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    commit = subprocess.run(["git", "commit", "-m", "add a unit"], cwd=user_repo, env=env,
                            capture_output=True, text=True, timeout=900, check=False)
    output = commit.stdout + commit.stderr
    assert commit.returncode != 0, output
    mc902 = [line for line in output.splitlines() if "  MC902  " in line]
    assert len(mc902) == 1 and mc902[0].startswith("advanced.yaml:"), output
    assert "no-such-design" in output and "data-literacy-online' " not in output
