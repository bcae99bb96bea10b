"""Gitignore-style globs matched in linear time: pathspec parses them, RE2 matches them.

Patterns come from the repository (`.gitignore`, `include`, `exclude`, `per-file-ignores`,
`overrides`), so anyone can write one. pathspec translates each into a regular expression;
Python's backtracking engine needs exponential time for `*a*a*a*a*a*a*a*b` against a long
name, RE2 (pathspec's `re2` backend) needs linear time for any pattern. Each list is
compiled once. When RE2 cannot take a list (not installed, or a list too large for its
memory budget) the backtracking engine is used, but only for patterns with few wildcards,
whose cost stays polynomial and small.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

#: Longest pattern accepted (git's own paths stop at 4096 bytes).
MAX_PATTERN = 4096
#: Wildcard runs (`*`, `**`) a pattern may have when the backtracking engine matches it.
MAX_BACKTRACKING_STARS = 3
_STARS = re.compile(r"\*+")


class GlobError(ValueError):
    """A pattern that cannot be used; ``pattern`` is the text the user wrote."""

    def __init__(self, pattern: str, reason: str) -> None:
        super().__init__(reason)
        self.pattern = pattern
        self.reason = reason


class Globs:
    """A compiled pattern list; paths are relative, with `/` separators."""

    def __init__(self, spec: GitIgnoreSpec) -> None:
        self._spec = spec

    def check(self, path: str) -> bool | None:
        """The last matching pattern's verdict: True (matched), False (negated), None."""
        result: bool | None = self._spec.check_file(_matchable(path)).include
        return result

    def match(self, path: str) -> bool:
        return self.check(path) is True


def _matchable(path: str) -> str:
    """A file name that is not UTF-8 carries surrogates, which RE2 cannot take; each
    undecodable byte becomes U+FFFD, so `*.yaml` still matches such a name."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return path


@cache
def _re2_available() -> bool:
    from importlib.util import find_spec

    return find_spec("re2") is not None


def _problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be compiled at all, or ``None``."""
    if len(pattern) > MAX_PATTERN:
        return _too_long(pattern)
    try:
        _simple_spec([pattern])
    except Exception as exc:  # pathspec's and re's own errors: a pattern that cannot work
        reason = getattr(exc, "msg", None) or str(exc).split(":")[0]
        return f"not a valid gitignore pattern ({reason})"
    return None


def _backtracking_problem(pattern: str) -> str | None:
    if len(_STARS.findall(pattern)) > MAX_BACKTRACKING_STARS:
        return (f"the pattern has more than {MAX_BACKTRACKING_STARS} wildcards; "
                "simplify it or split it into several patterns")
    return None


def compile_globs(lines: Sequence[str]) -> Globs:
    """Compile a list from a config file; the first unusable pattern raises GlobError."""
    for line in lines:
        if len(line) > MAX_PATTERN:
            raise GlobError(line, _too_long(line))
    spec = _compile(lines)
    if spec is None:  # a pattern pathspec rejects: name it
        bad = next(line for line in lines if _problem(line) is not None)
        raise GlobError(bad, _problem(bad) or "")
    if isinstance(spec, _Backtracking):
        for line in lines:
            problem = _backtracking_problem(line)
            if problem is not None:
                raise GlobError(line, problem)
        return Globs(spec.build())
    return Globs(spec)


def compile_gitignore(lines: Iterable[str]) -> Globs:
    """Compile a `.gitignore`; unusable lines are dropped, as git drops them."""
    kept = [line for line in lines if len(line) <= MAX_PATTERN]
    spec = _compile(kept)
    if spec is None:  # rare: find the lines pathspec rejects, one by one
        kept = [line for line in kept if _problem(line) is None]
        spec = _compile(kept)
    if spec is None or isinstance(spec, _Backtracking):
        usable = [line for line in kept if _backtracking_problem(line) is None]
        return Globs(_simple_spec(usable))
    return Globs(spec)


class _Backtracking:
    """RE2 could not take the list: the caller decides which patterns are safe enough."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines

    def build(self) -> GitIgnoreSpec:
        return _simple_spec(self.lines)


def _compile(lines: Sequence[str]) -> GitIgnoreSpec | _Backtracking | None:
    """RE2 when it can; ``None`` when a pattern is invalid."""
    from pathspec import GitIgnoreSpec

    if not _re2_available():
        try:
            _simple_spec(lines)
        except (ValueError, re.error):
            return None
        return _Backtracking(lines)
    try:
        return GitIgnoreSpec.from_lines(lines, backend="re2")
    except (ValueError, re.error):  # pathspec's own error (a ValueError), or re's
        return None
    except Exception:  # re2.error: the list is too large for RE2's memory budget
        return _Backtracking(lines)


def _too_long(pattern: str) -> str:
    return f"the pattern is {len(pattern):,} characters long (at most {MAX_PATTERN:,})"


def _simple_spec(lines: Sequence[str]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines, backend="simple")
