"""The hostile corpus through the real entry point: no traceback, the documented exit code,
bounded time and memory, no raw escapes or CI commands in the output, no secret leaked.

Files live in tests/hostile/<group>/ with their expectations in tests/hostile/manifest.txt
(regenerate both with tests/hostile/make_corpus.py). Several files run per subprocess to keep
the suite fast; per-file exit codes are derived from the report. Filesystem cases (FIFOs,
symlinks, odd names, permissions) are built at test time in a temporary directory.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

HOSTILE = Path(__file__).resolve().parent / "hostile"
SECONDS_PER_FILE = 10
MEMORY = 300 * 1024 * 1024
CHUNK = 8
_HEAD = re.compile(r"^(?P<path>\S.*?):(?P<line>\d+):(?P<col>\d+)  (?P<code>MC\d{3})  "
                   r"(?P<sev>error|warning|info)  ")


def _manifest() -> list[tuple[str, int, list[str]]]:
    cases = []
    for line in (HOSTILE / "manifest.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, code, codes = line.split()
            cases.append((name, int(code), [] if codes == "-" else codes.split(",")))
    return cases


CASES = _manifest()
CHUNKS = [CASES[i:i + CHUNK] for i in range(0, len(CASES), CHUNK)]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_mcred(args: list[str | bytes], cwd: Path, *, user: list[str] | None = None,
              files: int = 1) -> tuple[subprocess.CompletedProcess[bytes], float]:
    """Run the installed package in a subprocess under the time and memory limits."""
    command = [*(user or []), sys.executable, "-m", "mcred", *args]
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    for name in ("FORCE_COLOR", "GITHUB_ACTIONS", "GITLAB_CI"):
        env.pop(name, None)
    start = time.monotonic()
    run = subprocess.run(command, cwd=cwd, capture_output=True, timeout=SECONDS_PER_FILE * files
                         + 10, env=env, preexec_fn=_limit_memory, check=False)
    return run, time.monotonic() - start


def assert_safe_output(run: subprocess.CompletedProcess[bytes], secret: str = "") -> str:
    """No traceback, no raw ESC/C1 controls, no line a CI runner would read as a command."""
    out = run.stdout.decode("utf-8", "replace") + run.stderr.decode("utf-8", "replace")
    assert "Traceback" not in out, out[-3000:]
    assert "internal error" not in out, out[-3000:]
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    for line in out.splitlines():
        assert not line.lstrip().startswith(("::", "##")), line
    assert "\r" not in out and "\u2028" not in out
    if secret:
        assert secret not in out
    return out


def _per_file(out: str, names: list[str]) -> dict[str, tuple[int, set[str]]]:
    """Each file's exit code (2 unreadable, 1 findings ≥ warning, 0 clean) and codes."""
    codes: dict[str, set[str]] = {n: set() for n in names}
    worst: dict[str, int] = dict.fromkeys(names, 0)
    checklist = None  # the file whose Annex I checklist block is being read
    for line in out.splitlines():
        match = _HEAD.match(line)
        if match and match["path"] in codes:
            codes[match["path"]].add(match["code"])
            if match["sev"] in ("error", "warning"):
                worst[match["path"]] = max(worst[match["path"]], 1)
            continue
        head = line.split("  Annex I elements: ", 1)[0]
        checklist = head if head in codes and head != line else checklist
        if checklist and line.startswith("  missing  "):
            codes[checklist] |= set(re.findall(r"\((MC\d{3}), line \d+\)", line))
            worst[checklist] = max(worst[checklist], 1)  # Annex I elements: errors, MC701
            continue
        for name in names:
            if line.startswith(f"{name}: "):
                worst[name] = 2
    return {n: (worst[n], codes[n]) for n in names}


@pytest.mark.parametrize("chunk", CHUNKS, ids=lambda c: f"{c[0][0]}+{len(c) - 1}")
def test_hostile_corpus(chunk):
    names = [name for name, _, _ in chunk]
    run, elapsed = run_mcred(["lint", "--format", "text", "--color", "never", *names], HOSTILE,
                             files=len(names))
    out = assert_safe_output(run)
    assert elapsed < SECONDS_PER_FILE * len(names)
    results = _per_file(out, names)
    for name, expected_exit, expected_codes in chunk:
        exit_code, codes = results[name]
        assert exit_code == expected_exit, f"{name}: {codes}"
        for code in expected_codes:
            if code.startswith("!"):
                assert code[1:] not in codes, name
            else:
                assert code in codes, f"{name}: {sorted(codes)}"
    assert run.returncode == max(e for _, e, _ in chunk)


def test_corpus_is_large_enough_and_covers_every_group():
    groups = {name.split("/")[0] for name, _, _ in CASES}
    assert len(CASES) >= 60
    assert groups == {"resources", "tags", "encodings", "output-injection", "structure",
                      "syntax", "yaml11"}
    for name, _, _ in CASES:
        assert (HOSTILE / name).is_file(), f"{name}: run tests/hostile/make_corpus.py"


def test_no_file_is_created_by_python_tags(tmp_path):
    run, _ = run_mcred(["lint", str(HOSTILE / "tags")], tmp_path, files=12)
    assert_safe_output(run)
    assert not Path("/tmp/mcred-pwned").exists()


def test_coloured_output_does_not_interpret_markup_in_data():
    names = [n for n, _, _ in CASES if n.startswith("output-injection/rich-markup")]
    run, _ = run_mcred(["lint", "--color", "always", *names], HOSTILE, files=len(names))
    out = run.stdout.decode("utf-8")
    assert run.returncode == 1 and "Traceback" not in out
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "unknown key `[/]`" in plain
    assert "`[bold red]boom[/bold red]`" in plain


@pytest.mark.parametrize("fmt", ["concise", "junit", "gitlab", "sarif", "json", "github"])
def test_every_report_format_escapes_injected_values(fmt):
    names = [n for n, _, _ in CASES if n.startswith(("output-injection/", "encodings/"))]
    run, _ = run_mcred(["lint", "--format", fmt, *names], HOSTILE, files=len(names))
    out = run.stdout.decode("utf-8")
    assert run.returncode == 1 and "Traceback" not in run.stderr.decode()
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    for line in out.splitlines():
        if fmt == "github":  # one annotation per line, nothing else may start a command
            assert re.match(r"::(error|warning|notice) (file|title)=[^:]*::", line) or not \
                line.lstrip().startswith(("::", "##")), line
        else:
            assert not line.lstrip().startswith(("::", "##")), line


# -- filesystem cases, built at test time -------------------------------------------------

SECRET = "TOP-SECRET-4f1c9e"
DESIGN = "mcred: 1\nparticipation: hybrid\n"


@pytest.fixture
def tree(tmp_path):
    """A repository with every awkward kind of path, and a secret next to (outside) it."""
    repo = tmp_path / "repo"
    repo.mkdir()
    (tmp_path / "secret.txt").write_text(f"mcred: 1\ntitle: {SECRET}\n", encoding="utf-8")
    (repo / "design.yaml").write_text(DESIGN, encoding="utf-8")
    os.mkfifo(repo / "fifo.yaml")
    (repo / "loop.yaml").symlink_to("loop.yaml")
    (repo / "dangling.yaml").symlink_to("does-not-exist.yaml")
    (repo / "secret.yaml").symlink_to(tmp_path / "secret.txt")
    (repo / "inside.yaml").symlink_to(repo / "design.yaml")
    (repo / "directory.yaml").mkdir()
    (repo / "big.yaml").write_bytes(b"mcred: 1\n" + b"# padding\n" * 60_000)
    (repo / "big-unrelated.yaml").write_bytes(b"openapi: 3\n" + b"# padding\n" * 60_000)
    return repo


def test_filesystem_traps_named_explicitly(tree):
    traps = ["fifo.yaml", "loop.yaml", "dangling.yaml", "secret.yaml", "directory.yaml",
             "big.yaml", "/dev/zero"]
    run, elapsed = run_mcred(["lint", *traps], tree, files=len(traps))
    out = assert_safe_output(run, SECRET)
    assert run.returncode == 2
    assert elapsed < SECONDS_PER_FILE
    expected = {
        "fifo.yaml": "named pipe", "loop.yaml": "loops", "dangling.yaml": "does not exist",
        "secret.yaml": "outside the linted directory",
        "big.yaml": "--max-file-size", "/dev/zero": "device",
    }
    for name, reason in expected.items():
        line = next((ln for ln in out.splitlines() if ln.startswith(f"{name}: ")), "")
        assert reason in line, (name, out)
    assert "directory.yaml" not in out  # a directory argument is walked, never read as a file


def test_filesystem_traps_while_walking(tree):
    run, elapsed = run_mcred(["lint", "-v", "."], tree, files=8)
    out = assert_safe_output(run, SECRET)
    assert run.returncode == 2  # the FIFO, loop, dangling and escaping links are reported
    assert elapsed < SECONDS_PER_FILE * 2
    assert "design.yaml:2:16  MC006" in out and "inside.yaml:2:16  MC006" in out
    assert "skipped (no `mcred:` marker): big-unrelated.yaml" in out
    assert "big.yaml: the file is" in out


def test_follow_symlinks_is_an_explicit_opt_in(tree):
    run, _ = run_mcred(["lint", "--follow-symlinks", "secret.yaml"], tree)
    assert run.returncode == 1  # read and linted now: the user asked for it


def test_max_file_size_option(tree):
    run, _ = run_mcred(["lint", "--max-file-size", "10", "design.yaml"], tree)
    assert run.returncode == 2
    assert b"more than the limit of 10 " in run.stdout


ODD_NAMES: list[str | bytes] = [
    "[bold]x.yaml", "[red]y[not a tag].yaml", "\x1b[31mred\x1b]0;t\x07.yaml",
    "a\n::error::b.yaml", "::warning::x.yaml",
    "##[error]x.yaml", "tab\there.yaml", "\u202eevil.yaml", b"\xff\xfe-latin1.yaml",
]


@pytest.mark.parametrize("color", ["never", "always"])
def test_odd_file_names(tmp_path, color):
    for name in ODD_NAMES:
        raw = name if isinstance(name, bytes) else os.fsencode(name)
        with open(os.path.join(os.fsencode(tmp_path), raw), "wb") as handle:
            handle.write(DESIGN.encode())
    run, _ = run_mcred(["lint", "--color", color, "."], tmp_path, files=len(ODD_NAMES))
    assert run.returncode == 1
    if color == "never":
        out = assert_safe_output(run)
        assert out.count("MC006") == len(ODD_NAMES)
        assert "[bold]x.yaml:2:16" in out and "[red]y[not a tag].yaml:2:16" in out
        assert "a\\n::error::b.yaml" in out and "\\x1b[31mred" in out
        assert "\\::warning::x.yaml" in out and "\\udcff\\udcfe-latin1.yaml" in out
    else:
        text = run.stdout.decode("utf-8", "replace")
        assert "Traceback" not in text and "[bold]x.yaml" in re.sub(r"\x1b\[[0-9;]*m", "",
                                                                       text)
    latin1 = os.fsencode(tmp_path) + b"/\xff\xfe-latin1.yaml"
    explicit, _ = run_mcred(["lint", "--color", color, latin1], tmp_path)
    assert explicit.returncode == 1 and b"Traceback" not in explicit.stderr


def _nobody() -> list[str] | None:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


def test_permission_denied_is_reported_and_the_run_goes_on():
    user = _nobody()
    if user is None:
        pytest.skip("running as root without setpriv: cannot test as an unprivileged user")
    base = Path(tempfile.mkdtemp(prefix="mcred-perm-"))
    try:
        base.chmod(0o755)
        (base / "locked.yaml").write_text(DESIGN, encoding="utf-8")
        (base / "locked.yaml").chmod(0)
        (base / "open.yaml").write_text(DESIGN, encoding="utf-8")
        (base / "open.yaml").chmod(0o644)
        imports = "import mcred.cli, click, pydantic, ruamel.yaml, rich"
        probe = subprocess.run([*user, sys.executable, "-c", imports],
                               capture_output=True, check=False)
        if probe.returncode != 0:
            pytest.skip("the unprivileged user cannot import mcred's dependencies here")
        probe = subprocess.run([*user, sys.executable, "-c",
                                f"open({str(base / 'locked.yaml')!r}).read()"],
                               capture_output=True, check=False)
        if probe.returncode == 0:
            pytest.skip("the unprivileged user can still read a mode-000 file here")
        run, _ = run_mcred(["lint", "locked.yaml", "open.yaml"], base, user=user, files=2)
        out = assert_safe_output(run)
        assert run.returncode == 2
        assert "locked.yaml: cannot read the file (permission denied)" in out
        assert "open.yaml:2:16  MC006" in out
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_vanished_file_is_reported_and_others_are_linted(tmp_path, monkeypatch):
    from mcred import runner
    from mcred.settings import LintSettings

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(DESIGN, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(DESIGN, encoding="utf-8")
    real = runner.read_path

    def vanish(path, display, policy):
        if path.name == "a.yaml":
            path.unlink()  # removed between discovery and reading
        return real(path, display, policy)

    monkeypatch.setattr(runner, "read_path", vanish)
    result = runner.lint_paths([Path(".")], LintSettings())
    assert result.read_errors == ["a.yaml: no such file or directory (it may have been "
                                  "removed while mcred ran)"]
    assert [f.path for f in result.files] == ["b.yaml"]


def test_permission_denied_in_process(tmp_path, monkeypatch):
    """The same path without an unprivileged user: the open itself is refused."""
    from mcred import runner, sources
    from mcred.settings import LintSettings

    monkeypatch.chdir(tmp_path)
    (tmp_path / "locked.yaml").write_text(DESIGN, encoding="utf-8")
    (tmp_path / "open.yaml").write_text(DESIGN, encoding="utf-8")
    real_open = os.open

    def guarded(path, flags, *args):
        if str(path).endswith("locked.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(sources.os, "open", guarded)
    result = runner.lint_paths([Path("locked.yaml"), Path("open.yaml")], LintSettings())
    assert result.read_errors == ["locked.yaml: cannot read the file (permission denied)"]
    assert [f.path for f in result.files] == ["open.yaml"]
    assert result.exit_code(LintSettings().fail_on) == 2


def test_file_under_a_symlinked_directory_leading_outside_is_refused(tree, monkeypatch):
    from mcred import runner
    from mcred.settings import LintSettings

    outside = tree.parent / "outside"
    outside.mkdir()
    (outside / "leak.yaml").write_text(f"mcred: 1\ntitle: {SECRET}\n", encoding="utf-8")
    (tree / "linked").symlink_to(outside)
    monkeypatch.chdir(tree)
    result = runner.lint_paths([Path("linked/leak.yaml"), Path(".")], LintSettings())
    assert result.read_errors[0] == ("linked/leak.yaml: a symlinked directory on its path leads "
                                     "outside the linted directory; mcred does not follow it "
                                     "(pass --follow-symlinks to allow it)")
    assert all("leak" not in f.path for f in result.files)  # the walk skips the linked dir
