"""Findings as LSP diagnostics, and new text as the smallest edits that produce it."""

from __future__ import annotations

import difflib
from collections.abc import Callable

from lsprotocol import types

from mcred.findings import Finding, Severity

SOURCE = "mcred"
SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error,
              Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}
# Positions arrive in the server's units (code points); the codec maps them to the client's.
ToClient = Callable[[types.Range], types.Range]


def finding_range(finding: Finding) -> types.Range:
    """0-based, end exclusive: the lint report's 1-based span minus one."""
    start = types.Position(finding.line - 1, finding.column - 1)
    end_line = finding.end_line if finding.end_line is not None else finding.line
    end_column = finding.end_column if finding.end_column is not None else finding.column
    return types.Range(start, types.Position(end_line - 1, end_column - 1))


def diagnostic(finding: Finding, to_client: ToClient) -> types.Diagnostic:
    from mcred.registry import load_all
    from mcred.reporters.sarif import help_uri

    rule = load_all().get(finding.code)
    message = finding.message + (f"\n{finding.fix}" if finding.fix else "")
    return types.Diagnostic(
        range=to_client(finding_range(finding)), message=message,
        severity=SEVERITIES[finding.severity], code=finding.code, source=SOURCE,
        code_description=types.CodeDescription(help_uri(rule)) if rule else None,
        data={"name": finding.name, "pointer": finding.pointer, "fix": finding.fix},
    )


def text_edits(old: str, new: str) -> list[types.TextEdit]:
    """Line-wise differences, each trimmed to the characters that changed (code points)."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    edits = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            edits.append(_trimmed(a, i1, "".join(a[i1:i2]), "".join(b[j1:j2])))
    return edits


def _trimmed(lines: list[str], first: int, old: str, new: str) -> types.TextEdit:
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while (suffix < min(len(old), len(new)) - prefix
           and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]):
        suffix += 1
    # Whole words read better in an editor's preview than `hybri` → `blende`.
    while prefix and old[prefix - 1].isalnum() and old[prefix:prefix + 1].isalnum():
        prefix -= 1
    while suffix and old[len(old) - suffix].isalnum() and old[len(old) - suffix - 1].isalnum():
        suffix -= 1
    start = _position(lines, first, old[:prefix])
    end = _position(lines, first, old[:len(old) - suffix])
    return types.TextEdit(types.Range(start, end), new[prefix:len(new) - suffix])


def _position(lines: list[str], first: int, before: str) -> types.Position:
    """Position after ``before``, a text that starts at the beginning of line ``first``."""
    rows = before.split("\n")
    return types.Position(first + len(rows) - 1, len(rows[-1]))
