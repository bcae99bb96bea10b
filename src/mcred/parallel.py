"""Lints a run's files: cached results first, the rest serially or in worker processes.

Results come back in the order of the input, whatever the number of workers, so reports
are deterministic. Workers get chunks of at least :data:`MIN_CHUNK` files: on a fast
parser the pool's own overhead is visible on smaller batches.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from mcred.cache import Cache, Entry, LightDocument, LightResult, file_key
from mcred.engine import FileResult, lint_document
from mcred.loader import load_text
from mcred.settings import LintSettings, RuleSettings
from mcred.sources import Source

MIN_CHUNK = 16


@dataclass(frozen=True)
class Job:
    """One file to lint: its text and the rule settings that apply to it."""

    source: Source
    rules: RuleSettings


def auto_jobs(files: int) -> int:
    """Workers worth starting: one per CPU, but only with ≥ ``MIN_CHUNK`` files each."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, files // MIN_CHUNK))


def lint_jobs(jobs: Sequence[Job], settings: LintSettings) -> list[FileResult]:
    """Lint every job, using and filling the cache unless ``settings.cache`` is off."""
    store = Cache() if settings.cache else None
    fingerprints: dict[int, str] = {}
    keys: list[str | None] = []
    results: list[FileResult | None] = []
    for job in jobs:
        key = None
        if store is not None:
            fp = fingerprints.get(id(job.rules))
            if fp is None:
                fp = fingerprints[id(job.rules)] = job.rules.fingerprint()
            key = file_key(job.source.name, job.source.text, fp)
            entry = store.get(key)
            if entry is not None:
                results.append(LightResult.from_entry(job.source.name, job.source.text, entry,
                                                      key))
                keys.append(key)
                continue
        results.append(None)
        keys.append(key)
    todo = [i for i, r in enumerate(results) if r is None]
    workers = settings.jobs if settings.jobs is not None else auto_jobs(len(todo))
    if workers > 1 and len(todo) > 1:
        entries = _lint_parallel([jobs[i] for i in todo], workers)
        for i, entry in zip(todo, entries, strict=True):
            source, key = jobs[i].source, keys[i]
            if store is not None and key is not None:
                store.put(key, entry)
            results[i] = LightResult.from_entry(source.name, source.text, entry, key)
    else:
        for i in todo:
            source, key = jobs[i].source, keys[i]
            result = lint_document(load_text(source.text, source.name), jobs[i].rules)
            entry = Entry.of(result) if store is not None and key is not None else None
            if store is not None and key is not None and entry is not None:
                store.put(key, entry)
            results[i] = _light(result, source.text, key if entry is not None else None)
    return [r for r in results if r is not None]


def _light(result: FileResult, text: str, key: str | None) -> LightResult:
    """Keep findings and design; drop the position index (rebuilt if ever needed)."""
    data = result.document.data if result.document is not None else None
    return LightResult(result.path, result.findings, result.design,
                       LightDocument(result.path, text, data), key=key)


def _lint_parallel(jobs: Sequence[Job], workers: int) -> list[Entry]:
    """Chunks of ≥ ``MIN_CHUNK`` files over ``workers`` processes; input order kept."""
    from concurrent.futures import ProcessPoolExecutor

    from mcred.model import Design
    from mcred.registry import load_all

    load_all()  # forked workers inherit the rules and the built model instead of rebuilding
    Design.model_validate({"mcred": 1})
    size = max(MIN_CHUNK, -(-len(jobs) // (workers * 4)))
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    workers = min(workers, len(chunks))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [e for chunk in pool.map(_lint_chunk, chunks) for e in chunk]


def _lint_chunk(jobs: Sequence[Job]) -> list[Entry]:
    """In a worker: lint a chunk; plain entries travel back cheaply."""
    out = []
    for job in jobs:
        result = lint_document(load_text(job.source.text, job.source.name), job.rules)
        entry = Entry.of(result)
        if entry is None:  # cannot happen today: findings carry no extra data
            raise RuntimeError(f"{job.source.name}: a finding carries data a worker cannot send")
        out.append(entry)
    return out
