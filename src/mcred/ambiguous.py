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
import types
import typing
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
def expected_kind(path: KeyPath) -> Expected:
    """What the format expects at ``path``: text, a number, or something else / unknown."""
    annotation = annotation_at(path)
    return None if annotation is None else _classify(annotation)


@cache
def annotation_at(path: KeyPath) -> Any:
    """The model's type annotation for the value at ``path`` (``None`` when not in the format)."""
    from mcred.model import Design

    annotation: Any = Design
    for part in path:
        if isinstance(part, int):
            annotation = _item_type(annotation)
        else:
            model = _model_of(annotation)
            field = model.model_fields.get(part) if model else None
            # A language map's entry (`title: {es: …}`) is text like the plain form.
            annotation = _value_type(annotation) if field is None else field.annotation
        if annotation is None:
            return None
    return annotation


def leaves(annotation: Any) -> Iterator[Any]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from leaves(arg)
    elif origin is typing.Annotated:
        yield from leaves(typing.get_args(annotation)[0])
    elif annotation is not type(None):
        yield annotation


def _classify(annotation: Any) -> Expected:
    found = list(leaves(annotation))
    if any(leaf is str or typing.get_origin(leaf) is Literal for leaf in found):
        return "text"
    if any(leaf in (int, float) for leaf in found):
        return "number"
    return None


def _item_type(annotation: Any) -> Any:
    for leaf in leaves(annotation):
        if typing.get_origin(leaf) is list:
            return typing.get_args(leaf)[0]
    return None


def _value_type(annotation: Any) -> Any:
    for leaf in leaves(annotation):
        if typing.get_origin(leaf) is dict:
            return typing.get_args(leaf)[1]
    return None


def _model_of(annotation: Any) -> Any:
    from pydantic import BaseModel

    for leaf in leaves(annotation):
        if isinstance(leaf, type) and issubclass(leaf, BaseModel):
            return leaf
    return None
