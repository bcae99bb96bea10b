"""One lint run over many paths: discover, read, load, check; collects results in order."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from mcred.discovery import WalkOptions, discover, display_name
from mcred.engine import FileResult, lint_document
from mcred.findings import Finding, Severity
from mcred.loader import has_marker, load_source
from mcred.parallel import Job, Reuse, lint_jobs
from mcred.settings import LintSettings, RuleSettings
from mcred.sources import FileTooLarge, ReadPolicy, Source, SourceError, decode, read_path

if TYPE_CHECKING:
    from mcred.cache import Cache
    from mcred.catalogue.outcome import CatalogueOutcome


@dataclass
class RunResult:
    """Everything a reporter needs; the exit code is derived from it, never stored."""

    files: list[FileResult] = field(default_factory=list)
    read_errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    def exit_code(self, fail_on: Severity | None) -> int:
        if self.read_errors:
            return 2
        if fail_on is not None and any(f.severity >= fail_on for f in self.findings):
            return 1
        return 0


def lint_source(source: Source, settings: LintSettings) -> FileResult:
    if source.name.lower().endswith((".jsonld", ".json")):  # published credentials
        from mcred.importers.published import lint_published

        result = lint_published(source, settings.rules)
        result.findings = cap_findings(result.findings, settings.max_findings_per_file)
        return result
    result = lint_document(load_source(source), settings.rules)
    result.findings = cap_findings(result.findings, settings.max_findings_per_file)
    return result


def lint_buffer(text: str, path: Path, settings: LintSettings,
                rules_for: Callable[[Path], RuleSettings] | None = None) -> FileResult | None:
    """One design held in memory (an editor's unsaved buffer) as ``lint_paths`` would lint
    the file at ``path``: its configuration, per-file ignores, suppressions and limits.

    ``None`` when the text is not a design (no ``mcred:`` marker), as for a walked file.
    The caller bounds the size (``settings.max_file_size``) and adds cross-file findings
    with :func:`cross_file_findings`.
    """
    if not has_marker(text):
        return None
    rules = rules_for(path) if rules_for else settings.rules
    return lint_source(Source(display_name(path), text), replace(settings, rules=rules))


def cap_findings(findings: list[Finding], cap: int) -> list[Finding]:
    """Keep the first ``cap`` findings and summarise the rest in one finding.

    A hostile file can produce thousands of findings that drown a CI log; the summary
    keeps the highest severity of what it hides, so the exit code does not change.
    """
    if cap <= 0 or len(findings) <= cap:
        return findings
    kept, rest = findings[:cap], findings[cap:]
    last = kept[-1]
    summary = Finding(
        path=last.path, line=last.line, column=last.column, code="MC009",
        name="resource-limit-exceeded", severity=max(f.severity for f in rest),
        message=f"{len(rest)} more finding{'s' * (len(rest) != 1)} in this file not shown "
                f"(at most {cap} per file)",
        fix="Fix the findings shown first; most of the rest usually follow from them",
    )
    return [*kept, summary]


STDIN = "-"
STDIN_NAME = "<stdin>"


def read_stdin(display: str, max_size: int) -> Source:
    """The design piped to ``mcred lint -``, bounded like a file and decoded the same way."""
    data = sys.stdin.buffer.read(max_size + 1)
    if len(data) > max_size:
        raise SourceError(f"{display}: the input is more than the limit of {max_size:,} bytes "
                          "(raise it with --max-file-size)")
    return decode(data, display)


def lint_paths(paths: Iterable[Path], settings: LintSettings, *,
               stdin_filename: str | None = None, require_marker: bool = False,
               rules_for: Callable[[Path], RuleSettings] | None = None,
               reuse: Reuse | None = None) -> RunResult:
    """``-`` is standard input, named ``stdin_filename``; ``require_marker`` makes named
    files need the ``mcred:`` marker as walked ones do (pre-commit passes every YAML file);
    ``rules_for`` gives each file's rule settings (config files, per-file ignores);
    ``reuse`` keeps per-file results between lints of one command."""
    result = RunResult()
    per_file: dict[str, RuleSettings] = {}
    paths = list(paths)
    walk = WalkOptions(settings.include, settings.exclude, settings.gitignore,
                       published=settings.include_published)
    real_dirs: dict[str, str] = {}  # perf: each directory's real path, resolved once
    cwd = os.getcwd()  # perf: once, not per file

    def jobs() -> Iterator[Job]:
        """perf: lazy, so workers lint the first files while the rest are still read."""
        for argument in paths:
            for path, explicit in discover([argument], walk, result.read_errors.append):
                is_stdin = path.as_posix() == STDIN
                name = (stdin_filename or STDIN_NAME) if is_stdin else display_name(path, cwd)
                root = None if explicit else argument  # a walked file stays inside it
                source = _read(path, name, root, is_stdin, settings, result, real_dirs)
                if source is None:
                    continue
                if ((require_marker or not explicit) and not source.issues
                        and not _is_design(name, source.text)):
                    result.skipped.append(name)
                    continue
                file_rules = (rules_for(Path(name) if is_stdin else path) if rules_for
                              else settings.rules)
                per_file[name] = file_rules
                yield Job(source, file_rules)

    # perf: cached results, then the rest serially or in worker processes (mcred.parallel).
    store = _store(settings, result.notes)
    result.files.extend(lint_jobs(jobs(), settings, store, reuse))
    # Cross-file rules (MC9xx): the run's designs as one catalogue.
    walked = any(p.is_dir() for p in paths)
    outcome = _catalogue(result, settings, walked, lambda: _check_catalogue(
        result, settings, walked), store)
    if store is not None:
        store.report()  # why the cache was not used, for --verbose
    result.notes.extend(outcome.notes)
    for file in result.files:
        if file.path in outcome.findings:
            extra = cross_file_findings(file, outcome.findings[file.path],
                                        per_file.get(file.path))
            file.findings = sorted(file.findings + extra, key=Finding.sort_key)
    return result


def _is_design(name: str, text: str) -> bool:
    """The `mcred:` marker, or (for *.json / *.jsonld) a JSON-LD context or type."""
    if name.lower().endswith((".jsonld", ".json")):
        from mcred.importers.published import looks_published

        return looks_published(text) or has_marker(text)
    return has_marker(text)


def _check_catalogue(result: RunResult, settings: LintSettings,
                     walked: bool) -> CatalogueOutcome:
    """perf: imported only on a catalogue cache miss (it needs the rules and the model)."""
    from mcred.catalogue.check import check_catalogue

    return check_catalogue(result.files, settings, walked=walked, unread=result.read_errors)


def _store(settings: LintSettings, notes: list[str]) -> Cache | None:
    """One results cache per run (``None`` with --no-cache); its problems go to ``notes``."""
    from mcred.cache import Cache

    return Cache(notes=notes) if settings.cache else None


def _catalogue(result: RunResult, settings: LintSettings, walked: bool,
               compute: Callable[[], CatalogueOutcome],
               store: Cache | None) -> CatalogueOutcome:
    """perf: the cross-file outcome is cached too, keyed on every file of the run."""
    from mcred.cache import cached_catalogue, catalogue_key

    if store is None or settings.catalogue_root is not None:
        return compute()
    key = catalogue_key(result.files, settings.fingerprint(), walked, result.read_errors)
    return cached_catalogue(store, key, compute)


def cross_file_findings(file: FileResult, found: list[Finding],
                        rules: RuleSettings | None) -> list[Finding]:
    """Cross-file findings under the file's own configuration and suppression comments."""
    from mcred.suppressions import silence

    if rules is not None:
        found = [replace(f, severity=rules.severities.get(f.code) or f.severity)
                 for f in found if rules.is_enabled(f.code)]
    return silence(file.document.text, found) if file.document else found


def _read(path: Path, name: str, root: Path | None, is_stdin: bool, settings: LintSettings,
          result: RunResult, real_dirs: dict[str, str] | None = None) -> Source | None:
    """The file's source, or ``None`` after recording why it was skipped or unreadable."""
    try:
        if is_stdin:
            return read_stdin(name, settings.max_file_size)
        policy = ReadPolicy(settings.max_file_size, root, settings.follow_symlinks, real_dirs)
        return read_path(path, name, policy)
    except FileTooLarge as exc:
        if root is None or has_marker(exc.head.decode("utf-8", "replace")):
            result.read_errors.append(str(exc))
        else:
            result.skipped.append(name)  # a big YAML file that is not a design
    except SourceError as exc:
        result.read_errors.append(str(exc))
    return None
