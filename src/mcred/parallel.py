"""Lints a run's files: cached results first, the rest serially or in worker processes.

Results come back in the order of the input, whatever the number of workers, so reports
are deterministic. Workers get chunks of at least :data:`MIN_CHUNK` files: on a fast
parser the pool's own overhead is visible on smaller batches.
"""

from __future__ import annotations

import copy
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from itertools import islice
from typing import TYPE_CHECKING

from mcred.cache import (
    Bundle,
    Cache,
    Entry,
    LightDocument,
    LightResult,
    file_key,
    pack,
    run_key,
    unpack,
)
from mcred.engine import FileResult
from mcred.settings import LintSettings, RuleSettings
from mcred.sources import Source
from mcred.workers import cpus, die_with_parent

if TYPE_CHECKING:
    from concurrent.futures import Future

    from mcred.findings import Finding

MIN_CHUNK = 16
STREAM_CHUNK = 2 * MIN_CHUNK  # perf: small enough that no worker idles long at the end


@dataclass(frozen=True)
class Job:
    """One file to lint: its text and the rule settings that apply to it."""

    source: Source
    rules: RuleSettings


def auto_jobs(files: int) -> int:
    """Workers worth starting: one per CPU, but only with ≥ ``MIN_CHUNK`` files each."""
    return max(1, min(cpus(), files // MIN_CHUNK))


class Reuse:
    """Per-file results kept between the lints of one command: ``--fix`` lints again after
    rewriting a few files, and every other file would give the same findings again.

    A file is reused when its name, text and rule settings are those it was linted with;
    its findings are the file's own (cross-file findings are added after each lint).
    """

    def __init__(self) -> None:
        self._done: dict[str, tuple[str, RuleSettings, FileResult, list[Finding]]] = {}

    def lint(self, jobs: list[Job],
             lint: Callable[[list[Job]], list[FileResult]]) -> list[FileResult]:
        kept = [self._kept(job) for job in jobs]
        fresh = iter(lint([job for job, result in zip(jobs, kept, strict=True)
                           if result is None]))
        results = [result if result is not None else next(fresh) for result in kept]
        for job, result in zip(jobs, results, strict=True):
            self._done[job.source.name] = (job.source.text, job.rules, result,
                                           list(result.findings))
        return results

    def _kept(self, job: Job) -> FileResult | None:
        done = self._done.get(job.source.name)
        if done is None:
            return None
        text, rules, result, findings = done
        if text != job.source.text or not (rules is job.rules or rules == job.rules):
            return None
        again = copy.copy(result)  # the earlier run's object had cross-file findings added
        again.findings = list(findings)
        return again


def lint_jobs(jobs: Iterable[Job], settings: LintSettings,
              store: Cache | None = None, reuse: Reuse | None = None) -> list[FileResult]:
    """Lint every job, using and filling the cache unless ``settings.cache`` is off.

    Without the cache, ``jobs`` is consumed lazily: workers start on the first chunks
    while the caller is still discovering and reading the rest.
    """
    if reuse is not None:
        return reuse.lint(list(jobs), lambda todo: lint_jobs(todo, settings, store))
    if not settings.cache:
        return _lint_stream(iter(jobs), settings)
    jobs = list(jobs)
    store = store or Cache()
    keys = _keys(jobs, settings)
    pack_key = run_key(keys)
    warm = _read_pack(store, pack_key, jobs, keys, settings)
    if warm is not None:
        return warm
    results = _lint_all(jobs, settings, store, list(keys))
    store.put_json(pack_key, pack(results))
    return results


def _keys(jobs: Sequence[Job], settings: LintSettings) -> list[str]:
    """Each file's key: its source and the fingerprint of its effective settings."""
    fingerprints: dict[tuple[object, ...], str] = {}
    by_object: dict[int, str] = {}  # perf: the resolver hands out one object per config
    keys = []
    for job in jobs:
        fp = by_object.get(id(job.rules))
        if fp is None:
            identity = _identity(job.rules)
            fp = fingerprints.get(identity)
            if fp is None:
                fp = fingerprints[identity] = replace(settings, rules=job.rules).fingerprint()
            by_object[id(job.rules)] = fp
        keys.append(file_key(job.source, fp))
    return keys


def _read_pack(store: Cache, pack_key: str, jobs: Sequence[Job], keys: list[str],
               settings: LintSettings) -> list[FileResult] | None:
    """A warm run: every file's findings in one read; designs load only if asked for."""
    try:
        unpacked = unpack(store.get_json(pack_key), len(jobs))
        if unpacked is None:
            return None
        return [LightResult.from_pack(job.source.name, job.source.text, findings, language,
                                      key, _entry_loader(store, key, job, settings))
                for job, key, (_, findings, language) in zip(jobs, keys, unpacked,
                                                             strict=True)]
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def _entry_loader(store: Cache, key: str, job: Job,
                  settings: LintSettings) -> Callable[[], Entry]:
    """The file's full entry on first use; linted again if it has gone from the cache."""
    def load() -> Entry:
        entry = store.get(key)
        if entry is None:
            entry = Entry.of(_lint_one(job, settings)) or Entry([], None, None)
        return entry

    return load


def _lint_all(jobs: Sequence[Job], settings: LintSettings, store: Cache | None,
              keys: list[str | None]) -> list[FileResult]:
    """Per-file entries where cached; the rest serially or in worker processes."""
    results: list[FileResult | None] = []
    for job, key in zip(jobs, keys, strict=True):
        entry = store.get(key) if store is not None and key is not None else None
        if entry is None or store is None or key is None:
            results.append(None)
            continue
        results.append(LightResult.from_entry(job.source.name, job.source.text, entry, key,
                                              _entry_loader(store, key, job, settings)))
    todo = [i for i, r in enumerate(results) if r is None]
    workers = settings.jobs if settings.jobs is not None else auto_jobs(len(todo))
    if workers > 1 and len(todo) > 1:
        done = _lint_parallel([jobs[i] for i in todo], settings, workers)
        for i, (entry, bundle) in zip(todo, done, strict=True):
            source, key = jobs[i].source, keys[i]
            if store is not None and key is not None:
                store.put(key, entry)
            results[i] = LightResult.from_bundle(entry, source.name, bundle, key)
    else:
        for i in todo:
            source, key = jobs[i].source, keys[i]
            result = _lint_one(jobs[i], settings)
            entry = Entry.of(result)
            if store is not None and key is not None and entry is not None:
                store.put(key, entry)
            results[i] = _light(result, source.text, entry, key if entry is not None else None)
    return [r for r in results if r is not None]


def _identity(rules: RuleSettings) -> tuple[object, ...]:
    """Cheap memo key for a fingerprint: per-file settings are fresh objects built from the
    same parts, and hashing 2,000 of them field by field costs more than linting from cache.

    Hashable field values compare by value, others (dicts of option models) by the
    identity of their items; every settings object stays alive in ``jobs`` meanwhile, so
    no id is reused within one call.
    """
    key: list[object] = []
    for item in fields(rules):
        value = getattr(rules, item.name)
        if isinstance(value, Mapping):
            key.append(tuple((k, id(v)) for k, v in value.items()))
        else:
            try:
                hash(value)
                key.append(value)
            except TypeError:
                key.append(id(value))
    return tuple(key)


def _light(result: FileResult, text: str, entry: Entry | None,
           key: str | None) -> LightResult:
    """Keep findings, design and data as JSON; drop the position index (rebuilt if needed)."""
    if entry is None:
        entry = Entry.of(result)
    if entry is None:  # findings with extra data: keep the objects themselves
        data = result.document.data if result.document is not None else None
        return LightResult(result.path, result.findings, result.design,
                           LightDocument(result.path, text, data), key=key,
                           language=result.outcome_language())
    return LightResult(result.path, result.findings, None,
                       LightDocument(result.path, text, data_json=entry.data_json),
                       design_json=entry.design_json, key=key, language=entry.language,
                       ready=entry.ready, catalogue_json=entry.catalogue_json)


def _lint_one(job: Job, settings: LintSettings) -> FileResult:
    """Exactly what a run without cache or workers does with one file."""
    from mcred.runner import lint_source

    return lint_source(job.source, replace(settings, rules=job.rules))


def _lint_stream(jobs: Iterator[Job], settings: LintSettings) -> list[FileResult]:
    """No cache: the first files decide the number of workers, the rest stream to them.

    perf: discovery and reading overlap with linting, and chunks of ``STREAM_CHUNK``
    files keep both workers busy to the end (``-j1`` vs ``-j2`` on 2,000 files).
    """
    wanted = settings.jobs if settings.jobs is not None else cpus()
    head = list(islice(jobs, max(wanted, 1) * MIN_CHUNK))
    if len(head) < max(wanted, 1) * MIN_CHUNK:  # every file is known: decide as before
        workers = wanted if settings.jobs is not None else auto_jobs(len(head))
        workers = min(workers, -(-len(head) // MIN_CHUNK))
    else:
        workers = wanted
    if workers <= 1 or len(head) <= 1:
        return [_light(result, job.source.text, None, None)
                for job in (*head, *jobs) for result in (_lint_one(job, settings),)]
    return _stream_parallel(_chunks(head, jobs), settings, workers)


def _chunks(head: list[Job], rest: Iterator[Job]) -> Iterator[list[Job]]:
    for i in range(0, len(head), STREAM_CHUNK):
        yield head[i:i + STREAM_CHUNK]
    while chunk := list(islice(rest, STREAM_CHUNK)):
        yield chunk


def _stream_parallel(chunks: Iterator[list[Job]], settings: LintSettings,
                     workers: int) -> list[FileResult]:
    """Submit chunks as they are read; collect in submission order (deterministic)."""
    from concurrent.futures import ProcessPoolExecutor

    _prepare_fork()
    # perf (memory): only names are kept here; each chunk's texts go with its work item
    # and come back compressed, and each future is let go once converted
    submitted: deque[tuple[list[str], Future[list[tuple[Entry, Bundle]]]]] = deque()
    results: list[FileResult] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        for chunk in chunks:
            submitted.append(([job.source.name for job in chunk],
                              pool.submit(_lint_chunk, chunk, settings, False)))
        while submitted:  # earlier chunks convert while later ones run
            names, future = submitted.popleft()
            for name, (entry, bundle) in zip(names, future.result(), strict=True):
                results.append(LightResult.from_bundle(entry, name, bundle, None))
    return results


def _prepare_fork() -> None:
    """Forked workers inherit the loaded rules and validator instead of loading them again."""
    from mcred.registry import load_all
    from mcred.validate import validate

    load_all()
    validate({"mcred": 1})


#: Files per chunk at most: each chunk's results (JSON for the cache) wait in this process
#: until their turn, so big runs are cut finer (perf: peak memory with 20,000 designs).
MAX_CHUNK = 256


def _lint_parallel(jobs: Sequence[Job], settings: LintSettings,
                   workers: int) -> Iterator[tuple[Entry, Bundle]]:
    """Chunks of ≥ ``MIN_CHUNK`` files over ``workers`` processes; input order kept, each
    result handed on as soon as its turn comes (the caller lets it go)."""
    from concurrent.futures import ProcessPoolExecutor

    _prepare_fork()
    size = min(max(MIN_CHUNK, -(-len(jobs) // (workers * 4))), MAX_CHUNK)
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    workers = min(workers, len(chunks))
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        for chunk in pool.map(_lint_chunk, chunks, [settings] * len(chunks),
                              [True] * len(chunks)):
            yield from chunk


def _lint_chunk(jobs: Sequence[Job], settings: LintSettings,
                with_json: bool) -> list[tuple[Entry, Bundle]]:
    """In a worker: lint a chunk. Each file comes back as its entry (plain values, cheap to
    send; its JSON only ``with_json``, for the cache) and its text and JSON compressed."""
    out = []
    for job in jobs:
        entry = Entry.of(_lint_one(job, settings))
        if entry is None:  # cannot happen today: findings carry no extra data
            raise RuntimeError(f"{job.source.name}: a finding carries data a worker cannot send")
        bundle = Bundle.of(job.source.text, entry.design_json, entry.data_json)
        out.append((entry if with_json else replace(entry, design_json=None, data_json=None),
                    bundle))
    return out
