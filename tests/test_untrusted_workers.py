"""Worker processes end with the main process, even when it is killed with SIGKILL.

A killed parent cannot shut its pool down; without this, `-j 2` workers stayed alive
(for half an hour and more) waiting for work that never comes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES

MCRED = Path(sys.executable).parent / "mcred"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads the process table from /proc")


def _state(pid: int) -> tuple[int, str] | None:
    """(parent pid, state letter) of a live process, or None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()
    return int(fields[1]), fields[0]


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            state = _state(int(entry))
            if state is not None and state[0] == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    state = _state(pid)
    return state is not None and state[1] not in ("Z", "X")  # a zombie has ended


def test_workers_die_when_the_main_process_is_killed(tmp_path):
    design = (EXAMPLES / "green-public-procurement.yaml").read_text(encoding="utf-8")
    for i in range(1500):
        (tmp_path / f"d{i:04}.yaml").write_text(design, encoding="utf-8")
    main = subprocess.Popen([str(MCRED), "lint", "-j", "2", "--no-cache", "--format", "json",
                             str(tmp_path)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, cwd=tmp_path)
    try:
        workers: list[int] = []
        deadline = time.monotonic() + 30
        while len(workers) < 2 and main.poll() is None and time.monotonic() < deadline:
            workers = _children(main.pid)
            time.sleep(0.02)
        if len(workers) < 2:
            pytest.skip("the run ended before both workers were seen")
        os.kill(main.pid, signal.SIGKILL)
        main.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [w for w in workers if _alive(w)], "workers outlived the killed parent"
    finally:
        if main.poll() is None:
            main.kill()
        for pid in _children(main.pid):
            os.kill(pid, signal.SIGKILL)  # only our own run's leftovers, by pid


def test_a_worker_whose_parent_is_already_gone_exits(tmp_path):
    """The race: the parent dies before the worker armed its death signal."""
    script = ("import os, sys\n"
              "from mcred.workers import die_with_parent\n"
              "die_with_parent(os.getppid() + 10**6)\n"  # a pid that is not our parent
              "print('still running')\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=30)
    assert out.returncode == 1 and "still running" not in out.stdout
