"""The human report: findings grouped by file, fix hints, a code frame, one summary line.

Lines are built as (text, style) segments; rich renders them only when colour is on, so
plain output (pipes, pre-commit, NO_COLOR) never pays for importing rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from mcred.findings import Finding, Severity, count_by_severity
from mcred.outcomes.language import language_notes
from mcred.reporters.base import Reporter
from mcred.reporters.safe import clean

if TYPE_CHECKING:
    from mcred.loader import Document
    from mcred.runner import RunResult

Segment = tuple[str, str]
Line = list[Segment]

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
LABELS = {severity: severity.label for severity in Severity}  # perf: no enum lookups


def cells(text: str) -> int:
    """Terminal columns ``text`` takes: CJK and emoji take two, combining marks none.

    perf: ASCII (almost every line) is one cell a character; rich's table only otherwise.
    """
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


class TextReporter(Reporter):
    """Like ruff's full output: location, code, severity, message, then help and context."""

    def render(self, result: RunResult, out: TextIO) -> None:
        self._shown: dict[tuple[int, int], str] = {}  # perf: each source line cleaned once
        lines: list[Line] = []
        for error in result.read_errors:
            lines.append([(clean(error), "bold red")])
        for file in result.files:
            for finding in file.findings:
                lines.extend(self._finding(finding, file.document))
        if self.options.verbose:
            lines.extend([(f"skipped (no `mcred:` marker): {clean(s)}", "dim")]
                         for s in result.skipped)
            lines.extend([(clean(note), "dim")] for note in result.notes)
            lines.extend([(clean(note), "dim")] for note in language_notes(result.files))
        if not self.options.quiet:
            lines.append(self._summary(result))
        self._write(lines, out)

    def _finding(self, f: Finding, document: Document | None) -> list[Line]:
        head: Line = [
            (f"{clean(f.path)}:{f.line}:{f.column}", "bold"), ("  ", ""),
            (f.code, STYLES[f.severity]), ("  ", ""), (LABELS[f.severity], STYLES[f.severity]),
            ("  ", ""), (clean(f.message, 500), ""), (f"  [{f.name}]", "dim"),
        ]
        if self.options.quiet:
            return [head]
        lines = [head]
        if self.options.show_source:
            lines.extend(self._frame(f, document))
        if f.fix:
            lines.append([("  = help: ", "cyan"), (clean(f.fix, 500), "")])
        lines.append([])
        return lines

    def _frame(self, f: Finding, document: Document | None) -> list[Line]:
        if document is None:
            return []
        text_lines = document.lines
        if not 1 <= f.line <= len(text_lines):
            return []
        first = max(1, f.line - 1)
        width = len(str(f.line + 1))
        frame: list[Line] = []
        for n in range(first, min(len(text_lines), f.line + 1) + 1):
            shown = self._shown.get((id(document), n))
            if shown is None:
                shown = self._shown[id(document), n] = clean(text_lines[n - 1], 160)
            frame.append([(f"  {n:>{width}} │ ", "blue"), (shown, "")])
            if n == f.line:
                before = clean(text_lines[n - 1][: max(0, f.column - 1)], 160)
                pad = " " * (width + 5 + min(cells(before), cells(shown)))
                frame.append([(pad + "^", STYLES[f.severity])])
        return frame

    def _summary(self, result: RunResult) -> Line:
        findings = result.findings
        files = len(result.files)
        noun = "file" if files == 1 else "files"
        if not findings and not result.read_errors:
            return [(f"All clear: {files} {noun} checked, no findings.", "bold green")]
        counts = count_by_severity(findings)
        parts = ", ".join(f"{n} {label}{'s' * (n != 1 and label != 'info')}"
                          for label, n in counts.items())
        plural = "s" * (len(findings) != 1)
        text = f"Found {len(findings)} finding{plural} in {files} {noun} ({parts})"
        if result.read_errors:
            text += f"; {len(result.read_errors)} file(s) could not be read"
        return [(text + ".", "bold")]

    def _write(self, lines: list[Line], out: TextIO) -> None:
        if not self.options.color:
            out.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
            return
        from rich.console import Console
        from rich.text import Text

        console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True)
        for line in lines:
            console.print(Text.assemble(*line))
