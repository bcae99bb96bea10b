"""Hand-built runs for reporter tests: exact values, so expected output can be written out."""

from __future__ import annotations

import io
from collections.abc import Sequence

from mcred.engine import FileResult
from mcred.findings import Finding, Severity
from mcred.reporters import get_reporter
from mcred.reporters.base import ReportOptions
from mcred.runner import RunResult


def finding(path: str = "designs/a.yaml", line: int = 3, column: int = 5, code: str = "MC303",
            severity: Severity = Severity.WARNING, message: str = "60 h for 5 ECTS",
            key_path: tuple[str | int, ...] = ("workload", "hours_total"),
            name: str = "hours-per-ects-out-of-band", fix: str = "Change the hours",
            end_line: int | None = None, end_column: int | None = None) -> Finding:
    return Finding(path=path, line=line, column=column, code=code, name=name,
                   severity=severity, message=message, fix=fix, key_path=key_path,
                   end_line=end_line if end_line is not None else line,
                   end_column=end_column if end_column is not None else column + 2)


def run(*files: tuple[str, Sequence[Finding]], read_errors: Sequence[str] = ()) -> RunResult:
    return RunResult(files=[FileResult(path, list(found)) for path, found in files],
                     read_errors=list(read_errors))


def render(fmt: str, result: RunResult) -> str:
    out = io.StringIO()
    get_reporter(fmt)(ReportOptions()).render(result, out)
    return out.getvalue()
