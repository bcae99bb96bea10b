"""Which findings `--fix` can fix: the same fixers (mcred.fix.fixers), asked about the value.

perf: only findings of the codes whose values a fixer can repair are looked at, and the
fixers are imported only when a design has such a finding.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from mcred.findings import Finding, KeyPath

# Codes reported at a value one of the fixers in mcred.fix.fixers may rewrite.
FIXABLE_CODES = frozenset({"MC001", "MC006", "MC012", "MC104", "MC802", "MC805", "MC809"})


def mark(findings: list[Finding], data: Any, quotable: Mapping[KeyPath, str],
         text: str = "") -> list[Finding]:
    """The findings, each with ``fixable`` (and its replacement text) where a fix exists."""
    if not any(f.code in FIXABLE_CODES for f in findings):
        return findings
    if data is None:
        return [_tab(f, text) for f in findings]
    from mcred.fix.fixers import edit_for

    marked = []
    for finding in findings:
        edit = None
        path = finding.key_path
        if finding.code in FIXABLE_CODES and path in quotable:
            finding = replace(finding, fixable="safe",
                              replacement=json.dumps(quotable[path], ensure_ascii=False))
        elif finding.code in FIXABLE_CODES and path:
            found, value = _value_at(data, path)
            edit = edit_for(path, value) if found else None
        if edit is not None:
            finding = replace(finding, fixable="safe" if edit.safe else "unsafe",
                              replacement=yaml_text(edit.new))
        marked.append(finding)
    return marked


def _tab(finding: Finding, text: str) -> Finding:
    """A tab in indentation is fixable when every indented line uses tabs (mcred.tabs)."""
    from mcred.tabs import SPACES_PER_TAB, fixed

    if finding.code != "MC001" or "not tabs" not in finding.message or fixed(text) is None:
        return finding
    return replace(finding, fixable="safe", replacement=" " * SPACES_PER_TAB)


def _value_at(data: Any, path: KeyPath) -> tuple[bool, Any]:
    node = data
    for part in path:
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_list or (isinstance(node, dict) and part in node)):
            return False, None
        node = node[part]
    return True, node


def yaml_text(value: Any) -> str:
    """How the fixed value is written in the file (flow style for a list)."""
    if isinstance(value, list):
        return "[" + ", ".join(yaml_text(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | int | float):
        return value.isoformat() if isinstance(value, dt.date) else repr(value)
    text = str(value)
    quoted = type(value).__name__ == "DoubleQuotedScalarString"
    return json.dumps(text, ensure_ascii=False) if quoted else text
