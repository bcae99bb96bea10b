"""One lint run over many paths: discover, read, load, check; collects results in order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mcred.discovery import discover, display_name
from mcred.engine import FileResult, lint_document
from mcred.findings import Finding, Severity
from mcred.loader import has_marker, load_source
from mcred.settings import LintSettings
from mcred.sources import FileTooLarge, ReadPolicy, Source, SourceError, read_path


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
    result = lint_document(load_source(source), settings.rules)
    result.findings = cap_findings(result.findings, settings.max_findings_per_file)
    return result


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


def lint_paths(paths: Iterable[Path], settings: LintSettings) -> RunResult:
    result = RunResult()
    for argument in paths:
        for path, explicit in discover([argument]):
            _lint_one(path, explicit, None if explicit else argument, settings, result)
    return result


def _lint_one(path: Path, explicit: bool, root: Path | None, settings: LintSettings,
              result: RunResult) -> None:
    name = display_name(path)
    policy = ReadPolicy(settings.max_file_size, root, settings.follow_symlinks)
    try:
        source = read_path(path, name, policy)
    except FileTooLarge as exc:
        if explicit or has_marker(exc.head.decode("utf-8", "replace")):
            result.read_errors.append(str(exc))
        else:
            result.skipped.append(name)
        return
    except SourceError as exc:
        result.read_errors.append(str(exc))
        return
    if not explicit and not source.issues and not has_marker(source.text):
        result.skipped.append(name)
        return
    result.files.append(lint_source(source, settings))
