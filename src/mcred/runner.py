"""One lint run over many paths: discover, read, load, check; collects results in order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from mcred.discovery import discover, display_name
from mcred.engine import FileResult, lint_document
from mcred.findings import Finding, Severity
from mcred.loader import has_marker, load_text
from mcred.settings import LintSettings, RuleSettings
from mcred.sources import Source, SourceError, read_path


@dataclass
class RunResult:
    """Everything a reporter needs; the exit code is derived from it, never stored."""

    files: list[FileResult] = field(default_factory=list)
    read_errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

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


def lint_paths(paths: Iterable[Path], settings: LintSettings,
               rules_for: Callable[[Path], RuleSettings] | None = None) -> RunResult:
    """Lint every discovered file; ``rules_for`` gives per-file rule settings (config files)."""
    result = RunResult()
    for path, explicit in discover(paths):
        name = display_name(path)
        try:
            source = read_path(path, name, settings.max_file_size)
        except SourceError as exc:
            result.read_errors.append(str(exc))
            continue
        if not explicit and not has_marker(source.text):
            result.skipped.append(name)
            continue
        file_settings = replace(settings, rules=rules_for(path)) if rules_for else settings
        result.files.append(lint_source(source, file_settings))
    return result
