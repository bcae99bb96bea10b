"""Tabs in indentation: YAML forbids them; replace them where the intent is unambiguous.

Unambiguous means every indented line of the file indents with tabs only, so one tab is
one level; a file that mixes tabs and spaces in indentation depends on a tab width nobody
wrote down, and is left to the designer.
"""

from __future__ import annotations

import re

_INDENT = re.compile(r"^[ \t]*")
SPACES_PER_TAB = 2


def is_tab_problem(message: str) -> bool:
    """True for a parser's error about a tab character (it shows the tab as ``'\\t'``)."""
    return "'\\t'" in message


def fixed(text: str) -> str | None:
    """The untabbed text when it then parses, else ``None`` (so the fix is never a guess)."""
    from mcred.loader import load_text

    new = untab(text)
    if new is None or any(i.code == "MC001" for i in load_text(new).issues):
        return None
    return new


def untab(text: str) -> str | None:
    """``text`` with each indenting tab as two spaces, or ``None`` when that is a guess."""
    lines = text.split("\n")
    indents = [_INDENT.match(line).group(0) for line in lines if line.strip()]  # type: ignore[union-attr]
    if not any("\t" in i for i in indents):
        return None
    if any(" " in i for i in indents if i):
        return None  # spaces somewhere: the width of a tab would be a guess
    out = []
    for line in lines:
        indent = _INDENT.match(line).group(0)  # type: ignore[union-attr]
        out.append(" " * (SPACES_PER_TAB * len(indent)) + line[len(indent):])
    return "\n".join(out)
