"""GitHub Actions workflow commands: findings become annotations on the pull request diff.

GitHub shows at most 10 error and 10 warning annotations per step (and 10 notices), so the
most severe findings go first; the rest are listed as plain log lines and one notice says
how many were left out. When ``$GITHUB_STEP_SUMMARY`` is set, a Markdown table of every
finding is appended to the job summary.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from mcred.findings import Finding, Severity, count_by_severity
from mcred.reporters.base import Reporter
from mcred.reporters.paths import ProjectPaths
from mcred.reporters.safe import clean, defuse, visible

if TYPE_CHECKING:
    from mcred.runner import RunResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
ANNOTATION_LIMIT = 10
SUMMARY_ROWS = 1000


def escape_data(text: str) -> str:
    """The runner's escaping of a command's message (actions/toolkit ``escapeData``), after
    the shared escaping: controls, bidi, NEL and U+2028 visible, `##[` defused."""
    text = defuse(visible(text, keep_breaks=True))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Property values additionally escape the separators ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}"
                     for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def annotation(f: Finding, project: ProjectPaths | None = None) -> str:
    """``file=`` is relative to the project root: GitHub resolves it in the repository."""
    return command(COMMANDS[f.severity], f"{f.message}. Fix: {f.fix}" if f.fix else f.message,
                   file=(project or ProjectPaths()).shown(f.path), line=f.line, col=f.column,
                   endLine=f.end_line,
                   endColumn=f.end_column if f.end_line == f.line else None,
                   title=f"{f.code} {f.name}")


def plain(f: Finding) -> str:
    return f"{clean(f.path)}:{f.line}:{f.column}: {f.severity.label} {f.code} {clean(f.message)}"


class GithubReporter(Reporter):
    """Annotations (most severe first, within GitHub's limits), then the job summary."""

    def render(self, result: RunResult, out: TextIO) -> None:
        project = self.project_paths()
        shown: Counter[Severity] = Counter(Severity.ERROR for _ in result.read_errors)
        for error in result.read_errors:
            out.write(command("error", error, title="mcred: unreadable file") + "\n")
        ordered = sorted(result.findings, key=lambda f: (-f.severity, f.sort_key()))
        left_out: list[Finding] = []
        for f in ordered:
            limit = ANNOTATION_LIMIT - (f.severity is Severity.INFO)  # room for our notice
            if shown[f.severity] < limit:
                shown[f.severity] += 1
                out.write(annotation(f, project) + "\n")
            else:
                left_out.append(f)
        if left_out:
            out.writelines(plain(f) + "\n" for f in left_out)
            out.write(command("notice", f"{len(left_out)} more mcred findings are not shown as "
                              "annotations (GitHub shows 10 per severity); see the log",
                              title="mcred") + "\n")
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with Path(summary).open("a", encoding="utf-8") as handle:
                handle.write(step_summary(result))


def _cell(text: str) -> str:
    return clean(text, 200).replace("|", "\\|").replace("`", "'")


def step_summary(result: RunResult) -> str:
    """Markdown for the job summary: a headline, the counts, and one row per finding."""
    findings = sorted(result.findings, key=lambda f: (-f.severity, f.sort_key()))
    files = len(result.files)
    lines = ["## mcred", ""]
    if not findings and not result.read_errors:
        return "\n".join([*lines, f"All clear: {files} file(s) checked, no findings.", "", ""])
    counts = ", ".join(f"{n} {label}" for label, n in count_by_severity(findings).items())
    lines += [f"{len(findings)} finding(s) in {files} file(s): {counts}.", ""]
    lines += [f"- unreadable: {_cell(e)}" for e in result.read_errors]
    lines += ["| severity | location | rule | message |", "|---|---|---|---|"]
    for f in findings[:SUMMARY_ROWS]:
        lines.append(f"| {f.severity.label} | `{_cell(f.path)}:{f.line}:{f.column}` | "
                     f"{f.code} `{f.name}` | {_cell(f.message)} |")
    if len(findings) > SUMMARY_ROWS:
        lines.append(f"\n…and {len(findings) - SUMMARY_ROWS} more (see the log).")
    return "\n".join(lines) + "\n\n"
