"""Find placeholder values (TODO, "por definir", `<title>` …) in a design's plain data.

Pure Python on the loaded data, before the model sees it: a placeholder is reported once,
as MC015 at the value, and the value is then treated as absent, so it does not also read
as an invalid value or a missing element.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from mcred.findings import Issue, KeyPath
from mcred.messages import element

CODE = "MC015"
# `<the title>` and `<…>` are placeholders; `<https://…>`, `<name@example.org>` and markup
# such as `<b>`, `</p>` or `<a href=…>` are not (markup is escaped where it is shown).
_MARKUP = "a|b|i|u|p|br|em|strong|span|div|img|script|style|iframe|sub|sup|ul|ol|li|code"
_ANGLE = rf"<(?![^<>]*(?:://|@|=))(?!/)(?!(?:{_MARKUP})\s*/?>)[^<>\s](?:[^<>\n]{{0,78}}[^<>\s])?>"


@cache
def _pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(case-sensitive words and `<…>`, case-insensitive phrases) from the data file."""
    text = resources.files("mcred.vocabularies").joinpath("placeholders.toml").read_text(
        encoding="utf-8")
    data = tomllib.loads(text)
    words = "|".join(re.escape(w) for w in data["words"])
    phrases = sorted({p for group in data["phrases"].values() for p in group},
                     key=len, reverse=True)
    joined = "|".join(re.escape(p) for p in phrases)
    return (re.compile(rf"(?<![\w.])(?:{words})(?![\w])|{_ANGLE}"),
            re.compile(rf"(?<!\w)(?:{joined})(?!\w)", re.IGNORECASE))


def placeholder_in(text: str) -> str | None:
    """The placeholder as written in ``text``, or ``None`` for a finished value."""
    if not text:
        return None
    marks, phrases = _pattern()
    match = marks.search(text) or phrases.search(text)
    return match.group(0) if match else None


def find(data: Any) -> Iterator[tuple[KeyPath, str]]:
    """(key path, placeholder) of every string value holding one, in file order."""
    stack: list[tuple[KeyPath, Any]] = [((), data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            stack.extend(((*path, k), v) for k, v in reversed(node.items())
                         if not (isinstance(k, str) and k.startswith("x-")))
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(node))))
        elif isinstance(node, str) and path:
            found = placeholder_in(node)
            if found is not None:
                yield path, found


def issues(data: Any) -> list[Issue]:
    """One MC015 issue per value that still holds a placeholder."""
    return [Issue(CODE, f"`{element(path)}` still holds the placeholder `{found}`", path,
                  "Replace the placeholder with the real value, or remove the line until "
                  "it is known")
            for path, found in find(data)]


def without(data: dict[str, Any], paths: list[KeyPath]) -> dict[str, Any]:
    """A copy of ``data`` without the values at ``paths`` (list items deepest-last first)."""
    copy: dict[str, Any] = _copy(data)
    for path in sorted(paths, key=lambda p: [(x, "") if isinstance(x, int) else (-1, x)
                                             for x in p], reverse=True):
        parent: Any = copy
        for part in path[:-1]:
            parent = parent[part]
        if isinstance(parent, dict):
            parent.pop(path[-1], None)
        elif isinstance(parent, list) and isinstance(path[-1], int):
            del parent[path[-1]]
    return copy


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
