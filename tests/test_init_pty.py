"""`mcred init` in a real terminal: the README's designer walkthrough, through a pty.

The installed command runs with a pseudo-terminal as its standard streams (so it really
asks); the test answers each prompt as it appears, then lints the written design.
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_BLOCK = re.compile(r"<!-- init walkthrough[^\n]*-->\n```text\n\$ mcred init (\S+)\n(.*?)\nwrote ",
                    re.DOTALL)


def walkthrough() -> tuple[str, list[tuple[str, str]]]:
    """(file name, [(question stem, answer)]) from the README's transcript."""
    match = _BLOCK.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert match, "README: the init walkthrough block is missing"
    steps = []
    for line in match.group(2).splitlines():
        if not line.startswith("  ") or line.strip().startswith("→"):
            continue  # step headings, and the values mcred says it took
        text = line.strip()
        answer = "" if text.endswith(":") else text.rsplit(": ", 1)[1]
        steps.append((re.split(r" \(|:", text, maxsplit=1)[0], answer))
    return match.group(1), steps


def _command() -> list[str]:
    installed = Path(sys.executable).with_name("mcred")
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "mcred"]


def _converse(command: list[str], cwd: Path, steps: list[tuple[str, str]]) -> str:
    """Run ``command`` on a pty; answer each prompt (text ending in ': ') in turn."""
    leader, follower = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"}
    process = subprocess.Popen(command, cwd=cwd, stdin=follower, stdout=follower,
                               stderr=follower, env=env, close_fds=True)
    os.close(follower)
    seen, pending, deadline, asked = "", list(steps), time.monotonic() + 60, 0
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(leader, 65536).decode("utf-8", "replace")
                except OSError:  # the child closed the terminal
                    break
                seen += _ANSI.sub("", chunk).replace("\r", "")
            if pending and seen.rstrip(" ").endswith(":") and seen.endswith(" "):
                stem, answer = pending.pop(0)
                question = " ".join(seen[asked:].split())  # the terminal may wrap it
                assert stem in question, f"expected the question {stem!r}, got {question!r}"
                os.write(leader, (answer + "\n").encode("utf-8"))
                seen += "\n"
                asked = len(seen)
            elif process.poll() is not None and not ready:
                break
        assert not pending, f"mcred stopped asking before: {pending[0][0]!r}"
        assert process.wait(timeout=10) == 0, seen[-2000:]
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    return seen


def test_readme_walkthrough_through_a_terminal_lints_clean(tmp_path):
    name, steps = walkthrough()
    assert len(steps) > 50, "the walkthrough should answer every question"
    transcript = _converse([*_command(), "init", name], tmp_path, steps)
    assert "every question answered" in transcript
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert "TODO" not in text
    assert "participation: blended" in text and "country: PT" in text  # normalised
    assert "languages: [pt, en]" in text and "currency: EUR" in text
    linted = subprocess.run([*_command(), "lint", "--no-cache", name], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60, check=False)
    assert linted.returncode == 0, linted.stdout
    assert "All clear: 1 file checked, no findings." in linted.stdout


def test_skipped_questions_stay_todos_that_lint_reports(tmp_path):
    _, steps = walkthrough()
    skipped = [(stem, "" if stem in ("Title", "Contact for learners") else answer)
               for stem, answer in steps]
    _converse([*_command(), "init", "draft.yaml"], tmp_path, skipped)
    text = (tmp_path / "draft.yaml").read_text(encoding="utf-8")
    linted = subprocess.run([*_command(), "lint", "--no-cache", "--format", "concise",
                             "draft.yaml"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=60, check=False)
    assert linted.returncode == 1
    lines = text.splitlines()
    reported = [lines[int(row.split(":")[1]) - 1] for row in linted.stdout.splitlines()]
    assert [line.split(":")[0] for line in reported] == ["title", "contact"]
    assert "# TODO" not in text.split("awarding_bodies:")[0].split("title:")[1]
