"""YAML's implicit typing pitfalls: unquoted values the author almost surely meant as text.

`field_of_education: 0413` loads as the number 413, `scale: 1.10` as 1.1, and under a
`%YAML 1.1` directive `country: no` as false. Where the format expects text, the loader
keeps what the author typed and warns (MC012) with a "quote it" hint; where it expects a
finite number, `.inf` and `.nan` are dropped with a warning instead of poisoning arithmetic.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, Literal

from mcred.findings import Issue, KeyPath
from mcred.tree import PlainScalar

Expected = Literal["text", "number"] | None
_OCTAL_11 = re.compile(r"^[-+]?0[0-7_]+$")


def repair(data: dict[str, Any], plain: Iterable[PlainScalar],
           yaml11: bool) -> tuple[list[Issue], dict[KeyPath, str]]:
    """Fix ``data`` in place where the format's type makes the intent clear; report each.

    Also returns the values kept as text (path → text as written), which `--fix` quotes.
    """
    issues = []
    kept: dict[KeyPath, str] = {}
    for scalar in plain:
        expected = expected_kind(scalar.path)
        issue = _judge(scalar, expected, yaml11)
        if issue is None:
            continue
        issues.append(issue)
        if expected == "text":
            _set(data, scalar.path, scalar.text)
            kept[scalar.path] = scalar.text
        elif expected == "number" and _not_finite(scalar.value):
            _set(data, scalar.path, None)
    return issues, kept


def _judge(scalar: PlainScalar, expected: Expected, yaml11: bool) -> Issue | None:
    value, text = scalar.value, scalar.text
    span = (scalar.span.line, scalar.span.column, scalar.span.end_line, scalar.span.end_column)
    if expected == "text":
        return Issue("MC012", f"`{_short(text)}` is read by YAML as {_describe(value)}, "
                     "not as text", scalar.path, f'Quote it: "{_short(text)}"', span)
    if expected == "number" and _not_finite(value):
        return Issue("MC012", f"`{_short(text)}` is read by YAML as {_describe(value)}, "
                     "not a finite number", scalar.path,
                     "Write a finite number, or remove the key", span)
    if expected == "number" and yaml11 and isinstance(value, int) and _OCTAL_11.match(text):
        return Issue("MC012", f"`{text}` is an octal number under `%YAML 1.1` but {value} "
                     "in YAML 1.2", scalar.path,
                     "Remove the leading zero (and the `%YAML 1.1` line)", span)
    return None


def _not_finite(value: Any) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, float) and math.isnan(value):
        return "not-a-number"
    if isinstance(value, float) and math.isinf(value):
        return "infinity"
    if isinstance(value, int | float):
        return f"the number {value:g}" if isinstance(value, float) else f"the number {value}"
    if isinstance(value, dt.date):
        return "a date"
    return f"a {type(value).__name__}"


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _set(data: Any, path: KeyPath, value: Any) -> None:
    """Replace the value at ``path``; ``None`` removes the key (as if it were not written)."""
    parent = data
    for part in path[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return
    last = path[-1] if path else None
    if isinstance(parent, dict) and last in parent:
        if value is None:
            del parent[last]
        else:
            parent[last] = value
    elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        parent[last] = value


@cache
def spec_at(path: KeyPath) -> tuple[tuple[Any, ...], ...]:
    """The generated spec's leaf nodes for the value at ``path`` (none: not in the format).

    perf: read from the generated spec (:mod:`mcred.plain`), so loading, validating and
    fixing a design never need pydantic.
    """
    from mcred.plain.classes import ROOT, SPEC

    nodes: list[tuple[Any, ...]] = [ROOT]
    for part in path:
        nodes = [n for node in nodes for n in _spec_step(node, part, SPEC)]
        if not nodes:
            return ()
    return tuple(leaf for node in nodes for leaf in _spec_leaves(node))


def expected_kind(path: KeyPath) -> Expected:
    """What the format expects at ``path``: text, a number, or something else / unknown."""
    kinds = {leaf[0] for leaf in spec_at(path)}
    if kinds & {"str", "literal"}:
        return "text"
    if kinds & {"int", "float"}:
        return "number"
    return None


def _spec_leaves(node: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
    if node[0] == "nullable":
        yield from _spec_leaves(node[1])
    elif node[0] in ("union", "tagged"):
        for _, choice in node[1]:
            yield from _spec_leaves(choice)
    else:
        yield node


def _spec_step(node: tuple[Any, ...], part: str | int,
               spec: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    """The spec nodes one key or index below ``node``."""
    for leaf in _spec_leaves(node):
        if isinstance(part, int) and leaf[0] == "list":
            yield leaf[1]
        elif isinstance(part, str) and leaf[0] == "dict":
            yield leaf[2]
        elif isinstance(part, str) and leaf[0] == "model":
            yield from (n for f, n, *_ in spec[leaf[1]] if f == part)
