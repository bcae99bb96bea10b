"""One lint run over many paths: discover, read, load, check; collects results in order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mcred.discovery import WalkOptions, discover, display_name
from mcred.engine import FileResult, lint_document
from mcred.findings import Finding, Severity
from mcred.loader import has_marker, load_text
from mcred.settings import LintSettings
from mcred.sources import Source, SourceError, read_path


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
    return lint_document(load_text(source.text, source.name), settings.rules)


def lint_paths(paths: Iterable[Path], settings: LintSettings) -> RunResult:
    result = RunResult()
    paths = list(paths)
    walk = WalkOptions(settings.include, settings.exclude, settings.gitignore)
    for path, explicit in discover(paths, walk, result.read_errors.append):
        name = display_name(path)
        try:
            source = read_path(path, name, settings.max_file_size)
        except SourceError as exc:
            result.read_errors.append(str(exc))
            continue
        if not explicit and not has_marker(source.text):
            result.skipped.append(name)
            continue
        result.files.append(lint_source(source, settings))
    # Cross-file rules (MC9xx): the run's designs as one catalogue.
    from mcred.catalogue.check import check_catalogue

    outcome = check_catalogue(result.files, settings, walked=any(p.is_dir() for p in paths),
                              unread=result.read_errors)
    result.notes.extend(outcome.notes)
    for file in result.files:
        if file.path in outcome.findings:
            file.findings = sorted(file.findings + outcome.findings[file.path],
                                   key=Finding.sort_key)
    return result
