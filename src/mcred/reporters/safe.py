"""Make user data safe to print: no terminal escapes, no line breaks that start CI commands.

Values, keys and file names come from files anyone can put in a pull request. Printed
raw, an ESC or OSC sequence rewrites the reader's terminal (or hides a line), a newline
followed by `::error::` or `::add-mask::` becomes a GitHub Actions workflow command, and a
bidi override makes a line read differently than it is. Every reporter passes user data
through :func:`clean`; the result is a single printable line.
"""

from __future__ import annotations

import re

# C0/C1 controls (tab excepted), DEL, line/paragraph separators, bidi controls and
# invisible formatting characters, lone surrogates (from undecodable file names).
_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
    "\ud800-\udfff]"
)
# Lines a CI runner treats as commands: GitHub `::cmd::`, legacy `##[cmd]`, Azure `##vso[`.
_COMMAND_START = re.compile(r"^(\s*)(::|##)")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\n":
        return "\\n"
    if char == "\r":
        return "\\r"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: object, limit: int = 300) -> str:
    """One printable line: controls shown as escapes, command prefixes defused, shortened."""
    value = text if isinstance(text, str) else str(text)
    if len(value) > limit * 4:
        value = value[: limit * 4]  # escaping can only lengthen; bound the work first
    value = _UNSAFE.sub(_escape, value)
    value = _COMMAND_START.sub(lambda m: m.group(1) + "\\" + m.group(2), value)
    if len(value) > limit:
        value = value[: max(1, limit - 1)] + "…"
    return value

