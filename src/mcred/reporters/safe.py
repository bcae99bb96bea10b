"""Make user data safe to print: no terminal escapes, no text a CI runner reads as a command.

Values, keys and file names come from files anyone can put in a pull request. Printed
raw, an ESC or OSC sequence rewrites the reader's terminal (or hides a line), a line break
followed by `::error::` or `::add-mask::` becomes a GitHub Actions workflow command, the
legacy `##[command]` form and Azure's `##vso[` are parsed *anywhere* in a line, and a bidi
override makes a line read differently than it is. This module is the one escaping path of
every channel (text, annotations, XML attributes, JSON reports):

- :func:`clean` — one printable line for logs and terminals;
- :func:`visible` — control and invisible characters shown as escapes, nothing else;
- :func:`defuse_json` — the same JSON value with the command forms spelled as ``\\u0023``.
"""

from __future__ import annotations

import re

# C0/C1 controls (tab excepted; C1 covers NEL U+0085 and CSI U+009B), DEL, line/paragraph
# separators, bidi controls and invisible formatting characters, lone surrogates (from
# undecodable file names).
_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
    "\ud800-\udfff]"
)
# The same without CR and LF, for channels that encode line breaks themselves.
_UNSAFE_INLINE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
    "\ud800-\udfff]"
)
# Lines a CI runner treats as commands when they start so: GitHub `::cmd::`, `##…`.
_COMMAND_START = re.compile(r"^(\s*)(::|##)")
# Forms runners find anywhere in a line: GitHub's legacy `##[cmd]`, Azure's `##vso[cmd]`.
# The first `#` of the pair is marked, so the pair no longer reads as `##[`.
_COMMAND_ANYWHERE = re.compile(r"#(?=#(?:\[|vso\[))", re.IGNORECASE)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\n":
        return "\\n"
    if char == "\r":
        return "\\r"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_breaks: bool = False) -> str:
    """Every control, separator, bidi or invisible character as a visible escape;
    ``keep_breaks`` leaves CR and LF for a channel that encodes them (GitHub's ``%0A``)."""
    return (_UNSAFE_INLINE if keep_breaks else _UNSAFE).sub(_escape, text)


def defuse(text: str) -> str:
    """Runner command forms made inert: `##[` anywhere and `::`/`##` at the line start."""
    if "#" in text:
        text = _COMMAND_ANYWHERE.sub("#\\\\", text)
    return _COMMAND_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def clean(text: object, limit: int = 300) -> str:
    """One printable line: controls shown as escapes, command forms defused, shortened."""
    value = text if isinstance(text, str) else str(text)
    if len(value) <= limit and _harmless(value):
        return value  # perf: most values are short printable ASCII with nothing to defuse
    if len(value) > limit * 4:
        value = value[: limit * 4]  # escaping can only lengthen; bound the work first
    value = defuse(visible(value))
    if len(value) > limit:
        value = value[: max(1, limit - 1)] + "…"
    return value


def _harmless(value: str) -> bool:
    """Printable ASCII (no control, no tab) holding no `#` and not starting with `::`."""
    return (value.isascii() and value.isprintable() and "#" not in value
            and not value.lstrip(" ").startswith("::"))


def defuse_json(text: str) -> str:
    """A JSON document whose strings cannot start a runner command in a log.

    JSON text has `#` only inside strings, where ``\\u0023`` means the same character, so
    the report decodes to exactly the same values; lines of indented JSON never start with
    `::`. perf: one substring test when there is nothing to do.
    """
    if "##" not in text:
        return text
    return _COMMAND_ANYWHERE.sub(r"\\u0023", text)
