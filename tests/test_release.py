"""The release as users get it: sdist and wheel, `twine check`, a fresh venv, the Action.

A snapshot of this checkout (tracked and untracked, not ignored files, as on disk) is
committed to a throwaway git repository and tagged `v9.9.9`, so the version provably comes
from the tag. `python -m build` makes the sdist and, from it, the wheel; `twine check
--strict` checks their metadata. The wheel is installed into a fresh virtual environment
(no system site-packages) by the install step of `action.yml`, then the Action's lint step
runs with the inputs of the README's workflow, and mcred from that venv lints the examples
and validates an ELM export (the package data must be in the wheel). The README's GitLab job
script runs too, with its `pip install "git+…"` pointed at the built wheel (no network but
the package registry, which pip uses for the dependencies). Slow (about a minute): one
module-scoped build serves every test here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES, ROOT

VERSION = "9.9.9"


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None,
         timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def _git(*args: str, cwd: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _need(condition: bool, what: str) -> None:
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI; install the test extra: pip install -e '.[test]'")
    pytest.skip(f"{what} is not available")


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> Path:
    _need(shutil.which("git") is not None and (ROOT / ".git").exists(), "a git checkout")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], cwd=ROOT, capture_output=True,
                            check=True).stdout.decode()
    tree = tmp_path_factory.mktemp("release") / "mcred"
    for rel in filter(None, listed.split("\0")):
        source = ROOT / rel
        if source.is_file() and not source.is_symlink() and not rel.startswith("tests/"):
            (tree / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tree / rel)
    _git("init", "-q", cwd=tree)
    _git("add", "-A", cwd=tree)
    _git("commit", "-q", "-m", "release", cwd=tree)
    _git("tag", f"v{VERSION}", cwd=tree)
    return tree


@pytest.fixture(scope="module")
def dist(snapshot: Path) -> Path:
    for module in ("build", "twine", "hatchling", "hatch_vcs"):
        _need(_run([sys.executable, "-c", f"import {module}"], snapshot).returncode == 0,
              module)
    out = snapshot.parent / "dist"
    built = _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out),
                  str(snapshot)], snapshot)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def venv(dist: Path, snapshot: Path) -> dict[str, str]:
    """A fresh venv with the wheel (and its elm extra), installed by the Action's step."""
    home = dist.parent / "venv"
    made = _run([sys.executable, "-m", "venv", str(home)], dist.parent)
    assert made.returncode == 0, made.stderr
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "GITHUB_ACTIONS")}
    env["PATH"] = f"{home / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["MCRED_CACHE_DIR"] = str(dist.parent / "cache")
    [wheel] = dist.glob("*.whl")
    step = _action_step("Install mcred")
    installed = _step(step, snapshot, env, {"install": f"{wheel}[elm]"})
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]
    return env


def _action() -> dict:
    action: dict = YAML(typ="safe").load((ROOT / "action.yml").read_text("utf-8"))
    return action


def _action_step(name: str) -> dict:
    steps: list[dict] = _action()["runs"]["steps"]
    return next(s for s in steps if s.get("name") == name)


def _step(step: dict, cwd: Path, env: dict[str, str],
          inputs: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run one `run:` step as the runner would: its `env:` with `${{ inputs.x }}` filled in
    (defaults from action.yml), `$GITHUB_ACTION_PATH` the action's checkout, bash -e."""
    values = {k: str(v.get("default", "")) for k, v in _action()["inputs"].items()}
    values.update(inputs)
    step_env = {key: re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}",
                            lambda m: values[m.group(1)], str(value))
                for key, value in step.get("env", {}).items()}
    full = {**env, **step_env, "GITHUB_ACTION_PATH": str(ROOT)}
    return _run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                cwd, full)


def test_version_comes_from_the_git_tag(dist: Path) -> None:
    names = sorted(p.name for p in dist.iterdir())
    assert names == [f"mcred-{VERSION}-py3-none-any.whl", f"mcred-{VERSION}.tar.gz"]


def test_twine_check_strict(dist: Path) -> None:
    checked = _run([sys.executable, "-m", "twine", "check", "--strict",
                    *map(str, dist.iterdir())], dist)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2


def test_wheel_carries_the_package_data_and_licences(dist: Path) -> None:
    [wheel] = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in ("mcred/export/data/elm3/EDC-generic-no-cv.ttl", "mcred/export/data/NOTICE.md",
                 "mcred/outcomes/verbs.toml", "mcred/_version.py"):
        assert data in names, data
    licences = {n.rsplit("/", 1)[-1] for n in names if "/licenses/" in n}
    assert {"LICENSE", "NOTICE.md", "LICENSE-EUPL-1.2.txt"} <= licences


def test_fresh_venv_lints_the_examples_and_validates_elm(venv: dict[str, str],
                                                         snapshot: Path) -> None:
    version = _run(["mcred", "--version"], snapshot, venv)
    assert version.stdout.strip() == f"mcred, version {VERSION}", version.stderr
    where = _run(["python", "-c", "import mcred; print(mcred.__file__)"], snapshot, venv)
    assert "site-packages" in where.stdout and str(ROOT) not in where.stdout
    linted = _run(["mcred", "lint", "examples/"], snapshot, venv)
    assert linted.returncode == 1, linted.stderr  # the flawed examples have findings
    assert "examples/online-data-literacy.yaml:23:16  MC303  warning" in linted.stdout
    exported = _run(["mcred", "export", "--to", "elm", "--validate", "-o", "gpp.jsonld",
                     "examples/green-public-procurement.yaml"], snapshot, venv)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    assert "valid: ELM SHACL shapes" in exported.stdout + exported.stderr
    assert json.loads((snapshot / "gpp.jsonld").read_text())["type"] == "Qualification"


def _readme_block(heading: str) -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)[0]


def _curriculum(tmp_path: Path) -> Path:
    work = tmp_path / "repo"
    shutil.copytree(EXAMPLES, work / "curriculum")
    (work / ".git").mkdir()
    return work


def test_readme_workflow_runs_the_action_steps(venv: dict[str, str], tmp_path: Path) -> None:
    workflow = YAML(typ="safe").load(_readme_block("GitHub Actions"))
    steps = workflow["jobs"]["lint"]["steps"]
    [ours] = [s for s in steps if str(s.get("uses", "")).startswith("mcred-dev/mcred@")]
    assert set(ours.get("with", {})) <= set(_action()["inputs"])
    uses = [s["uses"] for s in _action()["runs"]["steps"] if "uses" in s]
    assert uses == ["actions/setup-python@v5", "github/codeql-action/upload-sarif@v3"]
    work = _curriculum(tmp_path)
    (work / "docs").mkdir()
    lint_env = {**venv, "GITHUB_ACTIONS": "true"}
    done = _step(_action_step("Lint"), work / "docs",
                 lint_env, {k: f"../{v}" if k == "paths" else v for k, v in ours["with"].items()})
    assert done.returncode == 1, done.stderr  # findings fail the step, as they should
    assert "::warning file=curriculum/online-data-literacy.yaml,line=23," in done.stdout
    sarif = json.loads((work / "docs" / "mcred.sarif").read_text())
    results = sarif["runs"][0]["results"]
    assert results and sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == \
        work.as_uri() + "/"


def test_readme_gitlab_job_script_runs(venv: dict[str, str], dist: Path, tmp_path: Path) -> None:
    job = YAML(typ="safe").load(_readme_block("GitLab CI"))["mcred"]
    [wheel] = dist.glob("*.whl")
    work = _curriculum(tmp_path)
    for line in job["script"]:
        command = re.sub(r'"git\+https://github\.com/mcred-dev/mcred@[^"]+"', f'"{wheel}"', line)
        done = _run(["bash", "-ec", command], work, venv)
        assert done.returncode in (0, 1), (command, done.stderr)
    reports = job["artifacts"]["reports"]
    issues = json.loads((work / reports["codequality"]).read_text())
    assert issues and all(i["location"]["path"].startswith("curriculum/") for i in issues)
    import xml.etree.ElementTree as ET

    cases = ET.parse(work / reports["junit"]).getroot().iter("testcase")
    names = [(c.get("classname"), c.get("name")) for c in cases]
    assert names and len(names) == len(set(names))
