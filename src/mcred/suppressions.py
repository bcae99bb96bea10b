"""Inline suppressions: `# mcred: ignore[MC303] reason` comments, read from YAML comments.

`ignore[...]` silences the named rules on its own line (the line a finding is reported
on); `ignore-file[...]` anywhere silences them in the whole file. Codes and names both
work. A suppression that silences nothing is reported as MC013, one that names no rule or
an unknown rule as MC014 (like ruff's RUF100), so stale ones do not pile up.

Only real comments count: they come from the comment tokens of ruamel's round-trip
scanner, so `# mcred: …` inside a block scalar (`summary: |`) or a quoted value is text,
not a directive. A file the scanner cannot read (it will also get MC001) falls back to a
small scan for `#` outside quoted scalars, so suppressions still work while it is broken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from mcred.findings import Finding, Issue
from mcred.settings import RuleSettings

_DIRECTIVE = re.compile(r"^mcred:\s*(?P<kind>[A-Za-z][\w-]*)?\s*(?P<bracket>\[(?P<codes>[^\]]*)"
                        r"\]?)?\s*(?P<reason>.*)$")
_ANY = re.compile(r"#[ \t]*mcred:")
_KINDS = ("ignore", "ignore-file")


@dataclass
class Suppression:
    """One suppression comment: where it is, what it silences, and what it did silence."""

    line: int
    column: int
    end_column: int
    file_wide: bool
    codes: dict[str, str] = field(default_factory=dict)  # as written → code
    unknown: list[str] = field(default_factory=list)
    problem: str = ""
    used: set[str] = field(default_factory=set)


def comment_start(line: str) -> int | None:
    """Index of the `#` that starts a YAML comment, ignoring `#` inside quoted scalars."""
    quote: str | None = None
    skip = False
    for i, ch in enumerate(line):
        if skip:  # the character after a `\` in "…", or the second `'` of `''` in '…'
            skip = False
        elif quote is not None:
            doubled = ch == quote == "'" and line[i + 1:i + 2] == "'"
            if doubled or (ch == "\\" and quote == '"'):
                skip = True
            elif ch == quote:
                quote = None
        elif ch in "'\"" and (i == 0 or line[i - 1] in " \t[{,:-?"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
    return None


def comments(text: str, lines: list[str]) -> Iterator[tuple[int, int]]:
    """(line number, index of `#`) of every YAML comment, from ruamel's comment tokens."""
    from ruamel.yaml import YAML
    from ruamel.yaml.tokens import CommentToken

    def walk(item: object) -> Iterator[CommentToken]:
        if isinstance(item, CommentToken):
            yield item
        elif isinstance(item, list):
            for part in item:
                yield from walk(part)

    for token in YAML(typ="rt").scan(text):
        for comment in (token, getattr(token, "_comment", None)):
            for found in walk(comment):
                yield from _located(found.value, found.start_mark.line,
                                    found.start_mark.column, lines)


def _located(value: str, line: int, column: int,
             lines: list[str]) -> Iterator[tuple[int, int]]:
    """One token holds a comment and the full-line comments after it; its mark is where
    the first one starts, so each later one is the next line that holds exactly it."""
    cursor = line
    for part in value.split("\n"):
        text = part.strip()
        if not text.startswith("#"):
            continue
        if cursor == line and cursor < len(lines) and lines[cursor][column:].strip() == text:
            yield cursor + 1, column
            cursor += 1
            continue
        while cursor < len(lines) and lines[cursor].strip() != text:
            cursor += 1
        if cursor < len(lines):
            yield cursor + 1, lines[cursor].index("#")
            cursor += 1


def _scanned(text: str, lines: list[str]) -> Iterator[tuple[int, int]]:
    """The fallback for files the scanner rejects: `#` outside quotes, line by line."""
    for number, line in enumerate(lines, start=1):
        start = comment_start(line)
        if start is not None:
            yield number, start


def comment_positions(text: str, lines: list[str]) -> list[tuple[int, int]]:
    from ruamel.yaml.error import YAMLError

    try:
        found = sorted(set(comments(text, lines)))
    except (YAMLError, ValueError, RecursionError):
        return list(_scanned(text, lines))
    return [(n, c) for n, c in found if n <= len(lines) and lines[n - 1][c:c + 1] == "#"]


def parse(text: str, names: dict[str, str]) -> list[Suppression]:
    """Every `# mcred: …` comment; ``names`` maps codes and names to codes."""
    lines = text.splitlines()
    found = []
    for number, start in comment_positions(text, lines):
        line = lines[number - 1]
        match = _DIRECTIVE.match(line[start + 1:].strip())
        if match is None:
            continue
        found.append(_suppression(number, start, len(line), match, names))
    return [s for s in found if s.codes or s.unknown or s.problem]


def _suppression(number: int, start: int, end: int, match: re.Match[str],
                 names: dict[str, str]) -> Suppression:
    kind = match["kind"] or ""
    item = Suppression(number, start + 1, end + 1, kind == "ignore-file")
    if kind not in _KINDS:
        if kind.startswith("ignore") or kind in ("noqa", "disable"):
            item.problem = f"unknown suppression directive `{kind}` (use `ignore[...]` or " \
                           "`ignore-file[...]`)"
        return item
    written = [c for c in re.split(r"[,\s]+", match["codes"] or "") if c]
    if not written:
        item.problem = "the suppression comment names no rule in `[...]`"
    for text in written:
        code = names.get(text.upper()) or names.get(text.lower())
        if code is None:
            item.unknown.append(text)
        else:
            item.codes[text] = code
    return item


def apply(text: str, findings: list[Finding],
          settings: RuleSettings) -> tuple[list[Finding], list[Issue]]:
    """Drop suppressed findings; return the rest and the MC013/MC014 issues to report."""
    from mcred.config.resolve import code_names, rule_refs

    if _ANY.search(text) is None:
        return findings, []  # the common case: no suppression comment at all
    rules = rule_refs()
    suppressions = parse(text, code_names(rules))
    if not suppressions:
        return findings, []
    kept = [f for f in findings if not _silenced(f, suppressions)]
    later = {code for code, r in rules.items() if r.scope == "catalogue"}
    issues = list(_problems(suppressions, settings, later))
    file_wide = [s for s in suppressions if s.file_wide]
    issues = [i for i in issues if not any(i.code in s.codes.values() for s in file_wide)]
    return kept, issues


def silence(text: str, findings: list[Finding]) -> list[Finding]:
    """Only drop suppressed findings: for cross-file findings, added after the file pass."""
    from mcred.config.resolve import code_names, rule_refs

    if not findings or _ANY.search(text) is None:
        return findings
    suppressions = parse(text, code_names(rule_refs()))
    return [f for f in findings if not _silenced(f, suppressions)]


def _silenced(finding: Finding, suppressions: list[Suppression]) -> bool:
    for item in suppressions:
        if (item.file_wide or item.line == finding.line) and finding.code in item.codes.values():
            item.used.add(finding.code)
            return True
    return False


def _problems(suppressions: list[Suppression], settings: RuleSettings,
              later: set[str]) -> Iterator[Issue]:
    """MC014 for what names no rule; MC013 for what silenced nothing.

    Cross-file rules (``later``) report after this pass, so their use cannot be known here
    and they are never called unused.
    """
    for item in suppressions:
        span = (item.line, item.column, item.line, item.end_column)
        if item.problem:
            yield Issue("MC014", item.problem, span=span)
        for text in item.unknown:
            yield Issue("MC014", f"unknown rule `{text}` in a suppression comment", span=span)
        where = "in this file" if item.file_wide else "on this line"
        for text, code in item.codes.items():
            if code not in item.used and code not in ("MC013", "MC014", *later) \
                    and settings.is_enabled(code):
                yield Issue("MC013", f"unused suppression of {text}: no such finding {where}",
                            span=span)
