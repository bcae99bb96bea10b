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
    from mcred.engine import FileResult
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
        # perf: findings repeat their messages and hints (warm runs even share the objects)
        self._cleaned: dict[str, str] = {}
        lines: list[Line] = []
        for error in result.read_errors:
            lines.append([(clean(error), "bold red")])
        for file in result.files:
            block, rest = ([], file.findings) if self.options.quiet else checklist(file)
            lines.extend(block)
            shown = self._text(file.path, 300)
            for finding in rest:
                lines.extend(self._finding(finding, file.document,
                                           shown if finding.path == file.path else None))
        if self.options.verbose:
            lines.extend([(f"skipped (no `mcred:` marker): {clean(s)}", "dim")]
                         for s in result.skipped)
            lines.extend([(clean(note), "dim")] for note in result.notes)
            lines.extend([(clean(note), "dim")] for note in language_notes(result.files))
        if not self.options.quiet:
            lines.append(self._summary(result))
        self._write(lines, out)

    def _text(self, text: str, limit: int) -> str:
        """:func:`clean`, once per distinct text (every text here has one limit)."""
        shown = self._cleaned.get(text)
        if shown is None:
            shown = self._cleaned[text] = clean(text, limit)
        return shown

    def _finding(self, f: Finding, document: Document | None,
                 path: str | None = None) -> list[Line]:
        where = f"{path or clean(f.path)}:{f.line}:{f.column}"
        message, label = self._text(f.message, 500), LABELS[f.severity]
        if self.options.color:
            style = STYLES[f.severity]
            head: Line = [(where, "bold"), ("  ", ""), (f.code, style), ("  ", ""),
                          (label, style), ("  ", ""), *_fix_mark(f), (message, ""),
                          (f"  [{f.name}]", "dim")]
        else:  # perf: the same text as one segment, since plain output has no styles
            mark = FIX_MARKS.get(f.fixable or "", "")
            head = [(f"{where}  {f.code}  {label}  {mark}{message}  [{f.name}]", "")]
        if self.options.quiet:
            return [head]
        lines = [head]
        if self.options.show_source:
            lines.extend(self._frame(f, document))
        if f.fix:
            lines.append([("  = help: ", "cyan"), (self._text(f.fix, 500), "")])
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
        return [(text + "." + fixable_summary(findings), "bold")]

    def _write(self, lines: list[Line], out: TextIO) -> None:
        if not self.options.color:
            out.write("\n".join(["".join([text for text, _ in line]) for line in lines]))
            if lines:
                out.write("\n")
            return
        from rich.console import Console
        from rich.text import Text

        console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True)
        for line in lines:
            console.print(Text.assemble(*line))


# -- fixable marks: `[*]` a safe fix (`mcred lint --fix`), `[~]` one that needs
# `--unsafe-fixes` (it assumes something, e.g. that a date gives the day first).
FIX_MARKS = {"safe": "[*] ", "unsafe": "[~] "}


def _fix_mark(f: Finding) -> Line:
    mark = FIX_MARKS.get(f.fixable or "")
    return [(mark, "cyan")] if mark else []


def fixable_summary(findings: list[Finding]) -> str:
    """`` 4 fixable with `mcred lint --fix` [*] (1 more with `--unsafe-fixes` [~]).``"""
    safe = sum(1 for f in findings if f.fixable == "safe")
    unsafe = sum(1 for f in findings if f.fixable == "unsafe")
    if not safe and not unsafe:
        return ""
    more = f"{unsafe} more with `--unsafe-fixes` [~]" if unsafe else ""
    if not safe:
        return f" {unsafe} fixable with `mcred lint --fix --unsafe-fixes` [~]."
    return f" {safe} fixable with `mcred lint --fix` [*]" + (f" ({more})." if more else ".")


# -- the Annex I checklist: a design's missing mandatory elements in one block, before its
# other findings (machine formats keep one finding each).
ANNEX_I = (  # element, the codes that report it missing (the country needs a body first),
    # and the key a placeholder (MC015) in it sits under
    ("title", ("MC101",), "title"), ("awarding body", ("MC102",), "awarding_bodies"),
    ("issuer country", ("MC103", "MC102"), "country"),
    ("learning outcomes", ("MC201",), "learning_outcomes"), ("workload", ("MC301",), "workload"),
    ("assessment", ("MC401",), "assessment"), ("quality assurance", ("MC601",),
                                                "quality_assurance"),
    ("level", ("MC701",), "level"), ("participation", ("MC704",), "participation"),
    ("learner identification", ("MC106",), "learner_identification"),
)


_CHECKLIST_CODES = frozenset(code for _, group, _ in ANNEX_I for code in group)


def _open(first: dict[str, Finding], placeholders: dict[str | int, Finding],
          group: tuple[str, ...], key: str) -> Finding | None:
    """The finding that says the element is missing, or still a placeholder."""
    for code in group:
        if code in first:
            return first[code]
    return placeholders.get(key)


def checklist(file: FileResult) -> tuple[list[Line], list[Finding]]:
    """(the checklist block, the findings it does not already show); no block when the
    design lacks no element. Placeholders are listed as open, and still shown below."""
    codes = _CHECKLIST_CODES
    first: dict[str, Finding] = {}
    for f in file.findings:
        if f.code in codes:
            first.setdefault(f.code, f)
    if not first:  # perf: most files lack no element
        return [], file.findings
    placeholders: dict[str | int, Finding] = {}  # each key a placeholder sits under
    for f in file.findings:
        if f.code == "MC015":
            for part in f.key_path:
                placeholders.setdefault(part, f)
    states = [(name, _open(first, placeholders, group, key)) for name, group, key in ANNEX_I]
    absent = [(name, f) for name, f in states if f is not None]
    if not any(f.code in codes for _, f in absent):
        return [], file.findings
    present = [name for name, f in states if f is None]
    worst = max(f.severity for _, f in absent)
    block: list[Line] = [
        [(clean(file.path), "bold"), ("  Annex I elements: ", ""),
         (f"{len(present)} of {len(ANNEX_I)} present", STYLES[worst])],
        [("  present  ", "green"), (", ".join(present) or "none", "")],
        [("  missing  ", STYLES[worst]),
         (", ".join(f"{name} ({f.code}, line {f.line})" for name, f in absent), "")],
        [("  = help: ", "cyan"), ("`mcred explain CODE` says what to add for each element", "")],
        [],
    ]
    return block, [f for f in file.findings if f.code not in codes]
