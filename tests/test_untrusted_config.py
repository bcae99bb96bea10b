"""The repository is untrusted: hostile configs, globs, names and trees from a pull request.

Every case is a git repository built here, committed (symlinks as git stores them) and
cloned fresh, then run through the installed `mcred` as CI would. Each run must end with
exit 0-2, no traceback, within 10 s (a safety net, not a speed goal), with no raw control
characters or forged workflow commands on any stream, and nothing written outside the clone.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import EXAMPLES

MCRED = Path(sys.executable).parent / "mcred"
# A design with warnings (so a run that lints it exits 1) but no errors (so it renders).
DESIGN = (EXAMPLES / "vague-outcomes-workshop.yaml").read_text(encoding="utf-8")
FORGED = "::error file=README.md"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symlinks and byte names")


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    seconds: float


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                    "-c", "init.defaultBranch=main", "-c", "core.symlinks=true", *args],
                   cwd=cwd, check=True, capture_output=True, timeout=60)


def clone(tmp_path: Path, files: dict[str | bytes, str | bytes],
          links: dict[str, str] | None = None) -> Path:
    """Commit ``files`` and ``links`` (name → target) to a repository; a fresh clone of it."""
    origin = tmp_path / "origin"
    origin.mkdir()
    _git(origin, "init", "-q")
    # Hostile .gitignore files come last, added by name: git's own matcher would
    # otherwise hang on them while `git add -A` looks at the other files.
    ignores = [n for n in files if os.path.basename(os.fsencode(n)) == b".gitignore"]
    for batch in ([n for n in files if n not in ignores], ignores):
        for name in batch:
            _write(origin, name, files[name])
        if batch is ignores:
            if ignores:
                _git(origin, "add", "-f", "--", *(os.fsdecode(n) for n in ignores))
            continue
        for link, target in (links or {}).items():
            (origin / link).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(target, origin / link)
        _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "--allow-empty", "-m", "pull request")
    checkout = tmp_path / "checkout"
    _git(tmp_path, "clone", "-q", str(origin), str(checkout))
    return checkout


def _write(root: Path, name: str | bytes, content: str | bytes) -> None:
    path = os.path.join(os.fsencode(root), os.fsencode(name))
    parent = os.fsencode(root)
    for part in os.fsencode(name).split(b"/")[:-1]:  # os.makedirs recurses: 1,000 deep
        parent = os.path.join(parent, part)
        if not os.path.isdir(parent):
            os.mkdir(parent)
    with open(path, "wb") as handle:
        handle.write(content.encode("utf-8") if isinstance(content, str) else content)


def _outside(tmp_path: Path) -> set[str]:
    """Everything around the clone (and its origin): a run may write only inside it."""
    found: set[str] = set()
    stack = [p for p in tmp_path.iterdir() if p.name not in ("checkout", "origin")]
    while stack:
        path = stack.pop()
        found.add(str(path))
        if path.is_dir() and not path.is_symlink():
            stack.extend(path.iterdir())
    return found


def run(checkout: Path, *args: str, timeout: float = 60) -> Outcome:
    env = {**os.environ, "NO_COLOR": "1", "MCRED_CACHE_DIR": str(checkout / ".mcred_cache")}
    env.pop("GITHUB_ACTIONS", None)
    start = time.monotonic()
    done = subprocess.run([str(MCRED), *args], cwd=checkout, capture_output=True,
                          timeout=timeout, env=env)
    seconds = time.monotonic() - start
    out = done.stdout.decode("utf-8", "backslashreplace")
    err = done.stderr.decode("utf-8", "backslashreplace")
    return Outcome(done.returncode, out, err, seconds)


def invoke(checkout: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Outcome:
    """The same run in-process through click's CliRunner (fast: no interpreter start)."""
    from click.testing import CliRunner

    from mcred.cli import cli

    monkeypatch.chdir(checkout)
    start = time.monotonic()
    result = CliRunner().invoke(cli, list(args))
    seconds = time.monotonic() - start
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Outcome(result.exit_code, result.stdout, result.stderr, seconds)


def assert_contained(result: Outcome, *, code: tuple[int, ...] = (0, 1, 2)) -> None:
    assert result.code in code, (result.code, result.err[-2000:])
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    assert result.seconds < 10, f"took {result.seconds:.1f} s"
    for stream in (result.out, result.err):
        for char in ("\x1b", "\x07", "\u202e", "\u2066", "\x9b", "\x85", "\u2028"):
            assert char not in stream, f"raw U+{ord(char):04X} printed"
        assert not any(line.lstrip().startswith(FORGED) for line in stream.splitlines())


def _lint_everything(tmp_path: Path, checkout: Path, *extra: str,
                     code: tuple[int, ...] = (0, 1, 2)) -> Outcome:
    before = _outside(tmp_path)
    result = run(checkout, "lint", *extra, ".")
    assert_contained(result, code=code)
    assert _outside(tmp_path) == before
    return result


# --- globs: linear time from .gitignore and every config key that takes globs ---------

LONG = "a" * 60 + ".yaml"
HOSTILE_GLOB = "*a*a*a*a*a*a*a*a*b"


GLOB_CONFIGS = [
    None,
    f"exclude = ['{HOSTILE_GLOB}']",
    f"include = ['{HOSTILE_GLOB}', '*.yaml']",
    f"[per-file-ignores]\n'{HOSTILE_GLOB}' = ['MC303']",
    f"[[overrides]]\nfiles = ['{HOSTILE_GLOB}']\nignore = ['MC303']",
]


def test_exponential_globs_finish_at_once(tmp_path):
    files = {LONG: DESIGN, ".gitignore": HOSTILE_GLOB + "\n", "sub/.gitignore": HOSTILE_GLOB,
             "sub/" + LONG: DESIGN}
    checkout = clone(tmp_path, files)
    for config in GLOB_CONFIGS:
        if config:
            (checkout / "mcred.toml").write_text(config + "\n", encoding="utf-8")
        result = _lint_everything(tmp_path, checkout, "--no-cache")
        assert result.code == 1 and "in 2 files" in result.out, config  # both linted


def test_an_invalid_gitignore_line_is_dropped_as_git_drops_it(tmp_path):
    files = {"keep.yaml": DESIGN, "skip.yaml": DESIGN, ".gitignore": "a\\\n!\nskip.yaml\n"}
    result = _lint_everything(tmp_path, clone(tmp_path, files))
    assert "keep.yaml" in result.out and "skip.yaml" not in result.out


# --- config within bounds -------------------------------------------------------------

BEYOND = [
    ('catalogue = "/"', "`catalogue` must name a folder inside"),
    ('catalogue = "/proc"', "`catalogue` must name a folder inside"),
    ('catalogue = "../.."', "leads outside it"),
    ('catalogue = "outside"', "symlink that leads outside it"),
    ("max-file-size = 100_000_000_000", "a config file may set at most 16,777,216"),
    ("exclude = ['../*.yaml']", "uses `..`"),
    ('include = ["a\\\\"]', "`include`: `a\\` cannot be used"),
    ("exclude = [" + ", ".join(f"'x{i}'" for i in range(1001)) + "]", "at most 1,000"),
    ("select = [" + ", ".join(["'MC1'"] * 600) + "]", "at most 500"),
    ('[rules.MC303]\nconvention-low = "many"', "mcred.toml:2: option `convention-low`"),
]


def test_a_config_reaching_beyond_the_repository_is_a_config_error(tmp_path, monkeypatch):
    checkout = clone(tmp_path, {"d.yaml": DESIGN}, links={"outside": "/"})
    for number, (config, words) in enumerate(BEYOND):
        (checkout / "mcred.toml").write_text(config + "\n", encoding="utf-8")
        if number == 0:  # the installed command once, then in-process
            result = _lint_everything(tmp_path, checkout, code=(2,))
        else:
            result = invoke(checkout, monkeypatch, "lint", ".")
            assert_contained(result, code=(2,))
        assert "mcred.toml:" in result.err and words in result.err, (config, result.err)


def test_a_catalogue_inside_the_repository_still_works(tmp_path):
    files = {"mcred.toml": 'catalogue = "designs"\n', "designs/a.yaml": DESIGN}
    result = _lint_everything(tmp_path, clone(tmp_path, files), "--no-cache")
    assert result.code == 1


def test_a_catalogue_above_a_nested_config_but_inside_the_repository(tmp_path, monkeypatch):
    files = {"sub/mcred.toml": 'catalogue = "../designs"\n', "designs/a.yaml": DESIGN,
             "sub/b.yaml": DESIGN}
    checkout = clone(tmp_path, files)
    assert_contained(invoke(checkout, monkeypatch, "lint", "--no-cache", "sub/b.yaml"),
                     code=(1,))
    (checkout / "sub" / "mcred.toml").write_text('catalogue = "../.."\n', encoding="utf-8")
    result = invoke(checkout, monkeypatch, "lint", "--no-cache", "sub/b.yaml")
    assert_contained(result, code=(2,))
    assert "sub/mcred.toml:1: `catalogue` must name a folder inside the repository" in result.err


def test_only_the_command_line_raises_the_file_size_ceiling(tmp_path):
    big = DESIGN + "# padding\n" * 60_000  # 600 KB: over the default limit
    files = {"big.yaml": big, "mcred.toml": "max-file-size = 16_777_216\n"}
    checkout = clone(tmp_path, files)
    assert_contained(run(checkout, "lint", "big.yaml"), code=(1,))
    (checkout / "mcred.toml").write_text("max-file-size = 20_000_000\n", encoding="utf-8")
    assert_contained(run(checkout, "lint", "big.yaml"), code=(2,))
    (checkout / "mcred.toml").unlink()
    assert_contained(run(checkout, "lint", "--max-file-size", "20000000", "big.yaml"),
                     code=(1,))


@pytest.mark.parametrize("name", [".mcred.toml", "pyproject.toml", "mcred.toml"])
@pytest.mark.parametrize("shape", ["array", "table", "dotted"])
def test_a_10k_deep_config_is_a_config_error(tmp_path, name, shape):
    prefix = "[tool.mcred]\n" if name == "pyproject.toml" else ""
    body = {"array": "select = " + "[" * 10_000 + "]" * 10_000,
            "table": "rules = " + "{a = " * 10_000 + "1" + "}" * 10_000,
            "dotted": "[rules." + ".".join(["a"] * 10_000) + "]"}[shape]
    if name == "pyproject.toml" and shape == "dotted":
        body = "[tool.mcred.rules." + ".".join(["a"] * 10_000) + "]"
        prefix = ""
    checkout = clone(tmp_path, {"d.yaml": DESIGN, name: prefix + body + "\n"})
    result = _lint_everything(tmp_path, checkout, code=(2,))
    assert f"{name}:" in result.err


# --- messages quote repository text: escaped ------------------------------------------

ESC = "\x1b]0;owned\x07\x1b[2J"
FORGE = "\n::error file=README.md,line=1::forged"


HOSTILE_CONFIGS = [
    f'select = ["{ESC}"]',
    f'ignore = ["MC1{FORGE}"]'.replace("\n", "\\n"),
    f'profile = "\u202eevil{ESC}"',
    f'[rules."{ESC}"]\nseverity = "off"',
    'unknown-key-\u202e = 1',
    f'[per-file-ignores]\n"*.yaml" = ["{ESC}"]',
    '[[overrides]]\nfiles = ["x"]\nselect = ["\\u009b31m"]',
    'catalogue = "/\\u001b[2J"',
]


def test_config_errors_print_repository_text_escaped(tmp_path, monkeypatch):
    checkout = clone(tmp_path, {"d.yaml": DESIGN})
    for number, config in enumerate(HOSTILE_CONFIGS):
        config = config.replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
        (checkout / "mcred.toml").write_text(config + "\n", encoding="utf-8")
        if number == 0:
            result = _lint_everything(tmp_path, checkout, code=(2,))
        else:
            result = invoke(checkout, monkeypatch, "lint", ".")
            assert_contained(result, code=(2,))
        assert result.err.count("\n") == 1 and result.err.startswith("mcred: mcred.toml:")
        for command in (["config"], ["config", "--format", "json"], ["baseline", "create"]):
            assert_contained(invoke(checkout, monkeypatch, *command), code=(2,))


def test_mcred_config_shows_repository_values_escaped(tmp_path):
    config = ('exclude = ["\\u202eevil/**", "\\u001b[2J*.yaml"]\n'
              '[rules.MC303]\nconvention-low = 20\n')
    checkout = clone(tmp_path, {"d.yaml": DESIGN, "mcred.toml": config})
    for extra in ([], ["--format", "json"]):
        result = run(checkout, "config", *extra)
        assert_contained(result, code=(0,))
        assert "u202e" in result.out.lower()


BIDI = "evil\u202eslmay.yaml"
CSI_NAME = "x\x1b[31mred.yaml"


def test_catalogue_render_export_and_baseline_escape_file_names(tmp_path):
    broken = "mcred: 1\nid: broken\ntitle: Broken\nworkload: {ects: many}\n"
    files = {BIDI: DESIGN, CSI_NAME: broken, f"{FORGE.strip()}.yaml": broken}
    checkout = clone(tmp_path, files)
    results = {}
    for args in (["catalogue"], ["catalogue", "--format", "json"],
                 ["render", ".", "--html", "-"], ["export", CSI_NAME, "--to", "ob3"],
                 ["baseline", "create", "-o", "base.json"], ["lint", "--no-cache", "."],
                 ["config", BIDI]):
        results[" ".join(args[:2])] = result = run(checkout, *args)
        assert_contained(result)
    assert "\\u202e" in results["catalogue"].out  # the name is listed, escaped
    assert "\\u202e" in results["catalogue --format"].out
    left_out = results["render ."]
    assert "left out x\\x1b[31mred.yaml" in left_out.err
    refused = results["export " + CSI_NAME]
    assert refused.code == 1 and "x\\x1b[31mred.yaml" in refused.err


# --- no exit 3 from repository trees ---------------------------------------------------

def test_1000_deep_directories(tmp_path):
    deep = "/".join(["d"] * 1000)
    checkout = clone(tmp_path, {f"{deep}/x.yaml": DESIGN, "top.yaml": DESIGN})
    try:
        result = _lint_everything(tmp_path, checkout, "--no-cache")
        assert result.code == 1 and "MC901" in result.out and "in 2 files" in result.out
        assert_contained(run(checkout, "catalogue"))
    finally:
        _remove_without_recursion(tmp_path)


def _remove_without_recursion(root: Path) -> None:
    """shutil.rmtree recurses per level: pytest's own clean-up of a 1,000-deep tree would
    end in a RecursionError after the run, so the test removes it, deepest first."""
    folders, stack = [], [root]
    while stack:
        folder = stack.pop()
        folders.append(folder)
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                else:
                    os.unlink(entry.path)
    for folder in reversed(folders[1:]):
        os.rmdir(folder)


def test_symlink_loops_under_the_catalogue(tmp_path):
    files = {"mcred.toml": 'catalogue = "designs"\n', "designs/a.yaml": DESIGN}
    links = {"designs/self": "self", "designs/up": "../designs", "designs/l.yaml": "l.yaml",
             "designs/m.yaml": "n.yaml", "designs/n.yaml": "m.yaml"}
    checkout = clone(tmp_path, files, links)
    for extra in ([], ["--follow-symlinks"], ["--format", "sarif"], ["--format", "junit"]):
        result = _lint_everything(tmp_path, checkout, "--no-cache", *extra, code=(2,))
    assert "loops back on itself" in result.err or "loops back on itself" in result.out
    assert_contained(run(checkout, "lint", "--no-cache", "designs/a.yaml"))
    assert_contained(run(checkout, "catalogue", "designs"))


def test_file_names_that_are_not_utf8(tmp_path):
    files: dict[str | bytes, str | bytes] = {b"bad\xff\xfe-name.yaml": DESIGN,
                                             b"dir\xc3/x.yaml": DESIGN}
    checkout = clone(tmp_path, files)
    for fmt in ("text", "json", "github", "gitlab", "concise", "sarif", "junit"):
        result = _lint_everything(tmp_path, checkout, "--no-cache", "--format", fmt)
        assert result.code == 1
    assert_contained(run(checkout, "catalogue"))
    assert_contained(run(checkout, "render", ".", "--html", "-"), code=(0, 1))


# --- per-file deadline ------------------------------------------------------------------

def test_4400_permuted_outcomes_within_the_default_size_end_within_the_budget(tmp_path):
    """The reported design: 480 KB, every default limit kept, once 900 s and more."""
    import random

    rng = random.Random(7)
    words = ["analyse", "evaluate", "design", "compare", "justify", "apply", "select",
             "draft", "assess", "tender"]
    lines = ["mcred: 1", "id: big", "title: Big", "learning_outcomes:"]
    for _ in range(4400):
        rng.shuffle(words)
        lines.append(f"- text: Analyse {' '.join(words)}.")
    text = "\n".join(lines) + "\n"
    assert len(text) < 512 * 1024
    _lint_everything(tmp_path, clone(tmp_path, {"big.yaml": text}), "--no-cache")


def test_a_40mb_flow_sequence_stops_at_the_loading_deadline(tmp_path):
    checkout = clone(tmp_path, {})
    (checkout / "flow.yaml").write_text("mcred: 1\nx: [" + "1, " * 13_000_000 + "1]\n",
                                        encoding="utf-8")
    result = run(checkout, "lint", "--no-cache", "--max-file-size", "50000000", "flow.yaml")
    assert_contained(result, code=(1,))
    assert "MC009" in result.out
