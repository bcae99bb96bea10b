"""Code actions: each fix of ``mcred lint --fix`` / ``--unsafe-fixes`` on its finding, all
safe fixes at once, and a suppression comment; edits come from the fix machinery."""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types

from mcred.findings import Finding, KeyPath
from mcred.fix.fixers import Edit
from mcred.fix.roundtrip import FixRefused, rewrite
from mcred.server.convert import text_edits
from mcred.suppressions import comment_start

FIX_ALL = "Fix all safe fixes in this file"
FIX_ALL_KIND = "source.fixAll.mcred"
Change = Callable[[list[types.TextEdit]], types.WorkspaceEdit]


def owner(edit: Edit, findings: list[Finding]) -> Finding | None:
    """The finding an edit repairs: the one at its key, else at its nearest parent."""
    best: Finding | None = None
    for finding in findings:
        path = finding.key_path
        if path and edit.path[:len(path)] == path and (
                best is None or len(path) > len(best.key_path)):
            best = finding
    return best


def _fixed(text: str, quote: dict[KeyPath, str], unsafe: bool,
           only: Callable[[Edit], bool] | None = None) -> tuple[str, tuple[Edit, ...]] | None:
    try:
        result = rewrite(text.encode("utf-8"), unsafe, quote, only)
    except (FixRefused, UnicodeError):
        return None
    return result.result.decode("utf-8"), result.edits


def quick_fixes(text: str, quote: dict[KeyPath, str], findings: list[Finding],
                wanted: list[Finding], change: Change) -> list[types.CodeAction]:
    """One action per edit whose finding is among ``wanted`` (the diagnostics asked about)."""
    every = _fixed(text, quote, unsafe=True)
    if every is None:
        return []
    actions = []
    for edit in every[1]:
        finding = owner(edit, findings)
        if finding is None or finding not in wanted:
            continue
        one = _fixed(text, quote, True, _at(edit.path))
        if one is None or one[0] == text:
            continue
        label = "Fix" if edit.safe else "Unsafe fix"
        actions.append(types.CodeAction(
            title=f"{label}: {edit.reason} ({finding.code})",
            kind=types.CodeActionKind.QuickFix, is_preferred=edit.safe,
            edit=change(text_edits(text, one[0]))))
    return actions


def _at(path: KeyPath) -> Callable[[Edit], bool]:
    return lambda edit: edit.path == path


def fix_all(text: str, quote: dict[KeyPath, str], change: Change) -> types.CodeAction | None:
    fixed = _fixed(text, quote, unsafe=False)
    if fixed is None or fixed[0] == text:
        return None
    return types.CodeAction(title=FIX_ALL, kind=FIX_ALL_KIND,
                            edit=change(text_edits(text, fixed[0])))


REASON = "reason: say why this finding does not apply here"


def suppression(lines: list[str], finding: Finding, change: Change) -> types.CodeAction:
    """`# mcred: ignore[CODE] reason` on the finding's line, or the code added to one there."""
    row = finding.line - 1
    line = lines[row] if row < len(lines) else ""
    start = comment_start(line)
    comment = line[start:] if start is not None else ""
    if start is not None and comment.startswith("# mcred: ignore[") and "]" in comment:
        column, new = start + comment.index("]"), f", {finding.code}"
    elif start is not None:
        column, new = start, f"# mcred: ignore[{finding.code}] {REASON} "
    else:
        column, new = len(line), f"  # mcred: ignore[{finding.code}] {REASON}"
    at = types.Position(row, column)
    edit = types.TextEdit(types.Range(at, at), new)
    return types.CodeAction(title=f"Add `# mcred: ignore[{finding.code}]` with a reason",
                            kind=types.CodeActionKind.QuickFix, edit=change([edit]))
