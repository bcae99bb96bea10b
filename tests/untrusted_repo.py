"""An "untrusted repository", built at test time: what a hostile pull request can commit.

`build(base)` makes an attacker's repository with git (symlinks committed as git stores
them; a results cache filled on the attacker's machine, then tampered with and added
with `git add -f`), and returns a fresh `git clone` of it, as CI would check it out,
plus a folder *outside* it that no run may change. `run` executes the installed mcred
under the limits every run must keep (10 s, 300 MB) and `check_output` the promises about
what it prints. Other tests add their own hostile files through `Corpus.commit`.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SECONDS = 10
MEMORY = 300 * 1024 * 1024
FLAWED = """\
mcred: 1
title: Data literacy for teachers
summary: A short online course.
learning_outcomes:
  - text: Analyse a data set against a documented question
workload:
  ects: 2
  hours_total: 20
"""
CLEAN_FIELDS = "mcred: 1\ntitle: A design\n"
# File names a CI log must never show raw: a colour escape, a bidi override, commands.
ODD_NAMES = ("\x1b[31mred.yaml", "\u202eevil\u202c.yaml", "::error file=x::y.yaml",
             "##[warning]z.yaml", "%0A::set-output.yaml")


@dataclass(frozen=True)
class Corpus:
    """The clone to run in, the origin it came from, and what lies outside both."""

    base: Path
    origin: Path
    clone: Path
    outside: Path
    home: Path  # the CI user's cache folder (XDG_CACHE_HOME): where the real cache lives

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k not in ("FORCE_COLOR", "GITHUB_ACTIONS", "GITLAB_CI", "MCRED_CACHE_DIR")}
        env.update(NO_COLOR="1", PYTHONIOENCODING="utf-8", COLUMNS="200",
                   XDG_CACHE_HOME=str(self.home), HOME=str(self.home))
        env.update(extra)
        return env

    def commit(self, files: dict[str, str | bytes], links: dict[str, str]) -> None:
        """Add files and symlinks to the origin, then pull them into the clone."""
        _populate(self.origin, files, links)
        _git(self.origin, "add", "-A", "-f")
        _git(self.origin, "commit", "-q", "-m", "more hostile files")
        _git(self.clone, "pull", "-q", "--ff-only")


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "attacker", "GIT_AUTHOR_EMAIL": "a@example.org",
           "GIT_COMMITTER_NAME": "attacker", "GIT_COMMITTER_EMAIL": "a@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=True, timeout=60).stdout


def _populate(root: Path, files: dict[str, str | bytes], links: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    for name, target in links.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target)


def hostile_baselines() -> dict[str, str]:
    """Baselines that once crashed, flooded or injected; each must be a clean exit 2 or 1."""
    def baseline(*entries: object) -> str:
        return json.dumps({"version": 1, "entries": list(entries)})

    entry = {"path": "curriculum/flawed.yaml", "code": "MC303", "pointer": "/workload",
             "hash": "0" * 16, "count": 1}
    return {
        "baselines/inf.json": baseline({**entry, "count": "@"}).replace('"@"', "1e400"),
        "baselines/deep.json": "[" * 100_000 + "]" * 100_000,
        "baselines/inject.json": baseline({
            **entry, "path": "x\x1b]0;owned\x07\n::error file=README.md,line=1::owned",
            "code": "MC303\n##[error]forged", "pointer": "/\u202e\x9b31m"}),
        "baselines/long-path.json": baseline({**entry, "path": "a/" * 2500}),
        "baselines/odd-path.json": baseline({**entry, "path": ("b" * 300 + "/") * 12}),
        "baselines/echo.json": baseline("x" * 1_000_000),
        "baselines/duplicate.json": '{"version": 1, "version": 1, "entries": []}',
        "baselines/nan.json": baseline({**entry, "count": "@"}).replace('"@"', "NaN"),
        "baselines/many.json": baseline(*[{**entry, "hash": f"{i:016x}"} for i in range(5000)]),
    }


def _designs() -> dict[str, str]:
    files = {"curriculum/flawed.yaml": FLAWED, "curriculum/clean.yaml": CLEAN_FIELDS,
             "curriculum/zeros/inner.yaml": FLAWED, "configs/linked/d.yaml": FLAWED,
             "configs/outside/d.yaml": FLAWED, "configs/pyproject/d.yaml": FLAWED,
             "configs/pyproject/pyproject.toml": "[tool.mcred]\n" + "a = [" * 10_000}
    files.update({f"curriculum/{name}": FLAWED for name in ODD_NAMES})
    return files


def _links(cache_dirs: int = 256) -> dict[str, str]:
    """Symlinks as git stores them: to devices, to .git/config, out of the repository."""
    links = {
        "curriculum/zeros/.gitignore": "/dev/zero",
        "configs/linked/.mcred.toml": "/dev/zero",
        "configs/outside/mcred.toml": "../../../outside/evil.toml",
        "baselines/zero.json": "/dev/zero",
        "baselines/link.json": "../../outside/victim.json",
        "baselines/dangling.json": "../../outside/created-by-mcred.json",
        "caches/gitconfig/.gitignore": "../../.git/config",
        "caches/gitconfig/CACHEDIR.TAG": "../../.git/config",
        "caches/outside": "../../outside/cache",
        "caches/runs-link/runs": "../../../outside/cache",
    }
    links.update({f"caches/keylinks/{i:02x}": f"../../../outside/k{i:02x}"
                  for i in range(cache_dirs)})
    return links


def _plant_cache(origin: Path, attacker_home: Path) -> None:
    """The attacker lints with the same mcred, rewrites every entry to "no findings" and
    commits the cache with ``git add -f`` (it ignores itself)."""
    env = {**os.environ, "MCRED_CACHE_DIR": str(origin / ".mcred_cache"),
           "XDG_CACHE_HOME": str(attacker_home), "NO_COLOR": "1"}
    subprocess.run([sys.executable, "-m", "mcred", "lint", "curriculum"], cwd=origin, env=env,
                   capture_output=True, timeout=120, check=False)
    for entry in (origin / ".mcred_cache").rglob("*.json"):
        mac, _, payload = entry.read_bytes().partition(b"\n")
        if entry.parent.name == "runs":
            pack = json.loads(payload)  # well formed: every file, none with findings
            pack["files"] = [[name, [], language] for name, _, language in pack["files"]]
            payload = json.dumps(pack).encode()
        elif entry.parent.name == "catalogue":
            payload = json.dumps({"findings": {}, "notes": []}).encode()
        else:
            lines = payload.split(b"\n")
            head = {**json.loads(lines[0]), "findings": []}  # the rest as mcred wrote it
            payload = b"\n".join([json.dumps(head).encode(), *lines[1:]])
        entry.write_bytes(mac + b"\n" + payload)
    # The same planted cache again, bare: no stamp, entries without authentication.
    bare = origin / "caches" / "bare"
    for entry in (origin / ".mcred_cache").rglob("*.json"):
        target = bare / entry.relative_to(origin / ".mcred_cache")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(entry.read_bytes().partition(b"\n")[2])


def build(base: Path) -> Corpus:
    """The attacker's repository, pushed, and CI's fresh clone of it."""
    origin, clone, outside = base / "origin", base / "clone", base / "outside"
    _populate(outside, {"victim.json": '{"version": 1, "entries": []}\n',
                        "evil.toml": "[lint]\nselect = ['MC0']\n", "cache/keep": "outside\n"},
              {})
    _populate(origin, {**_designs(), **hostile_baselines()}, _links())
    _git(origin, "init", "-q", "-b", "main")
    _plant_cache(origin, base / "attacker-home")
    _git(origin, "add", "-A", "-f")
    _git(origin, "commit", "-q", "-m", "a pull request")
    _git(base, "clone", "-q", str(origin), str(clone))
    home = base / "ci-home"
    home.mkdir()
    return Corpus(base, origin, clone, outside, home)


def snapshot(root: Path, skip: tuple[Path, ...] = ()) -> dict[str, tuple[int, int]]:
    """(size, mtime) of everything under ``root`` except ``skip``: to prove nothing changed."""
    seen: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = [d for d in dirs if here / d not in skip]
        for name in [*files, *dirs]:
            info = os.lstat(here / name)
            seen[str(here / name)] = (info.st_size, info.st_mtime_ns)
    return seen


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    seconds: float


def run(corpus: Corpus, *args: str, **env: str) -> Run:
    """The installed mcred in the clone, under the time and memory limits."""
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "mcred", *args], cwd=corpus.clone,
                          env=corpus.env(**env), capture_output=True, timeout=SECONDS + 20,
                          preexec_fn=_limits, check=False)
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"),
               done.stderr.decode("utf-8", "replace"), time.monotonic() - start)


_ANNOTATION = re.compile(r"::(error|warning|notice) (file|title)=[^:]*::")


def check_output(result: Run, *, annotations: bool = False) -> None:
    """Exit 0-2, no traceback, within 10 s, no raw control character, no forged CI command.

    ``annotations``: the github format, whose own `::error file=…::` lines are allowed.
    """
    both = result.out + result.err
    assert result.code in (0, 1, 2), (result.code, both[-2000:])
    assert "Traceback" not in both and "internal error" not in both, both[-2000:]
    assert result.seconds < SECONDS, result.seconds
    raw = {c for c in both if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0
           or c in "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"}
    assert not raw, sorted(f"U+{ord(c):04X}" for c in raw)
    commands = [line for line in both.splitlines() if line.lstrip().startswith(("::", "##"))
                and not (annotations and _ANNOTATION.match(line))]
    assert not commands, commands[:5]
