"""Worker processes that end with the run: a killed parent must not leave them behind."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def cpus() -> int:
    """The CPUs this process may run on (its affinity), not the machine's count."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_in_workers(function: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """``[function(x) for x in items]`` over ``workers`` processes, in input order.

    ``function`` must be a module-level function and items and results picklable; a
    killed run takes its workers with it.
    """
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, -(-len(items) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        return list(pool.map(function, items, chunksize=chunk))


def die_with_parent(parent: int) -> None:
    """In a worker: end when the main process ends, even when it is killed (SIGKILL).

    A killed parent cannot shut its pool down, and its workers would wait for work
    forever. Linux delivers a signal to the worker when its parent dies
    (``PR_SET_PDEATHSIG``); elsewhere a daemon thread watches the parent's pid.
    """
    import signal
    import sys

    if sys.platform.startswith("linux") and _set_death_signal(signal.SIGKILL):
        if os.getppid() != parent:  # the parent died before the signal was armed
            os._exit(1)
        return
    import threading

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="mcred-parent-watch", daemon=True).start()


def _set_death_signal(signum: int) -> bool:
    """``prctl(PR_SET_PDEATHSIG, signum)`` through the C library; False when unavailable."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(1, signum, 0, 0, 0)) == 0  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return False
