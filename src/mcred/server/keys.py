"""Where the cursor is in a design: the key path above it, read from indentation.

Text-based on purpose: while a designer types, the YAML is often broken, and completion
must still know that the empty line under `workload:` belongs to the workload.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from mcred.findings import KeyPath

_LINE = re.compile(r"^(?P<indent>[ ]*)(?P<dash>-(?:[ ]+|$))?(?P<key>[A-Za-z_][\w-]*)?[ ]*"
                   r"(?P<colon>:(?:[ ]|$))?(?P<value>.*)$")


@dataclass(frozen=True)
class Cursor:
    """``parent`` holds the cursor's mapping; ``key`` is the key written on its line (if
    any), ``on_value`` whether the cursor is after that key's colon."""

    parent: KeyPath
    key: str | None
    on_value: bool
    prefix: str  # what is typed before the cursor in the current word


@dataclass(frozen=True)
class _Line:
    indent: int
    dash: int | None  # column of a `- ` item marker
    key: str | None
    key_col: int
    has_value: bool


def _parse(text: str) -> _Line | None:
    stripped = text.split(" #")[0].rstrip()
    if not stripped.strip() or stripped.lstrip().startswith("#"):
        return None
    match = _LINE.match(stripped)
    assert match is not None  # every group is optional
    indent = len(match["indent"])
    dash = indent if match["dash"] else None
    key_col = indent + len(match["dash"] or "")
    key = match["key"] if match["colon"] else None
    return _Line(indent, dash, key, key_col, bool(match["value"].strip()) or key is None)


def cursor_at(lines: list[str], line: int, column: int) -> Cursor:
    """The context of a 0-based (line, column) position in ``lines``."""
    text = lines[line] if line < len(lines) else ""
    before = text[:column].ljust(column)  # editors may place the cursor past the end
    word = re.search(r"[\w-]*$", before)
    prefix = word.group(0) if word else ""
    own = _parse(text)
    key = own.key if own else None
    on_value = key is not None and own is not None and column > own.key_col + len(key)
    if own is None or (own.key is None and not own.dash and not before.strip()):
        col, item = len(before) - len(before.lstrip(" ")), False
    else:
        col, item = own.key_col, own.dash is not None
    parent: list[str | int] = []
    if item:
        parent.insert(0, 0)
        col = own.dash if own and own.dash is not None else col
    allow_equal = item
    for previous in reversed(lines[:line]):
        found = _parse(previous)
        if found is None:
            continue
        if found.dash is not None and found.key_col == col and not allow_equal:
            parent.insert(0, 0)  # a sibling key of the same list item
            col, allow_equal = found.dash, True
            continue
        opens = found.key is not None and not found.has_value
        if found.key_col < col or (allow_equal and found.key_col == col and opens
                                   and found.dash is None):
            if found.key is None:
                continue
            parent.insert(0, found.key)
            if found.dash is not None:
                parent.insert(0, 0)
                col, allow_equal = found.dash, True
            else:
                col, allow_equal = found.key_col, False
        if col == 0 and not allow_equal:
            break
    return Cursor(tuple(parent), key, on_value, prefix)


@cache
def schema() -> dict[str, Any]:
    """The editor schema (see mcred.model.editor): one source for hover and completion."""
    from mcred.model import json_schema

    return json_schema()


def node_at(path: KeyPath) -> dict[str, Any] | None:
    """The schema of the value at ``path`` (list indices are any item)."""
    node: dict[str, Any] | None = _resolved(schema())
    for part in path:
        if node is None:
            return None
        if isinstance(part, int):
            node = _resolved(branch(node, "items").get("items"))
        else:
            node = _resolved(branch(node, "properties").get("properties", {}).get(part))
    return node


def _resolved(node: Any) -> dict[str, Any] | None:
    if not isinstance(node, dict):
        return None
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = schema()["$defs"].get(ref.rsplit("/", 1)[-1], {})
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def branch(node: dict[str, Any], wanted: str) -> dict[str, Any]:
    """The alternative of a `string | mapping` key that has ``wanted`` (items, properties)."""
    if wanted in node:
        return node
    for sub in node.get("anyOf", []):
        resolved = _resolved(sub)
        if resolved and wanted in resolved:
            return resolved
    return node
