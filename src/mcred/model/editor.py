"""Editor text of the JSON Schema: what yaml-language-server and ``mcred server`` show.

Generic over the model: it walks whatever pydantic produced, so a field added or retyped
later gets the same treatment. It drops what editors render badly (the ``null`` branch of
every optional key, ``default: null`` offered as a "Default value" completion) and adds a
``markdownDescription`` per key (the description unless it only repeats the title, the
allowed values with their meanings, an example) and ``enumDescriptions`` for vocabularies.
"""

from __future__ import annotations

import json
from typing import Any

from mcred.model.meanings import meanings_of

Node = dict[str, Any]
_CHILD_MAPS = ("properties", "patternProperties", "$defs")
_CHILD_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")


def editor_schema(schema: Node) -> Node:
    """``schema`` with editor text on every key; the accepted documents do not change
    except that an explicit ``null`` is no longer offered for optional keys."""
    node = _node(schema, None)
    for name, definition in node.get("$defs", {}).items():
        node["$defs"][name] = _node(definition, None)
    return node


def _node(node: Node, key: str | None) -> Node:
    node = dict(node)
    node.pop("default", None)  # never a "Default value" completion
    branches = node.get("anyOf")
    if isinstance(branches, list):
        kept = [b for b in branches if b != {"type": "null"}]
        if len(kept) == 1:
            del node["anyOf"]
            node = {**kept[0], **node}
        else:
            node["anyOf"] = kept
    for field in _CHILD_MAPS[:2]:
        if isinstance(node.get(field), dict):
            node[field] = {k: _node(v, k) for k, v in node[field].items()}
    for field in _CHILD_LISTS:
        if isinstance(node.get(field), list):
            node[field] = [_node(v, None) for v in node[field]]
    for field in ("items", "additionalProperties"):
        if isinstance(node.get(field), dict):
            node[field] = _node(node[field], None)
    _describe_enum(node)
    if key is not None and (node.get("description") or node.get("title")):
        node["markdownDescription"] = markdown(node, key)
    return node


def _describe_enum(node: Node) -> None:
    enum = node.get("enum")
    if isinstance(enum, list):
        meanings = meanings_of(enum)
        if meanings:
            node["enumDescriptions"] = [meanings.get(str(v), "") for v in enum]
            node["markdownEnumDescriptions"] = node["enumDescriptions"]


def allowed_values(node: Node) -> list[tuple[str, str]]:
    """(value, meaning) of a key's vocabulary, also inside lists and alternatives."""
    if isinstance(node.get("enum"), list):
        meanings = meanings_of(node["enum"])
        return [(str(v), meanings.get(str(v), "")) for v in node["enum"]]
    for sub in [node.get("items"), *node.get("anyOf", [])]:
        if isinstance(sub, dict) and (found := allowed_values(sub)):
            return found
    return []


def _same(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(text.lower().rstrip(".").split())

    return norm(a) == norm(b)


def markdown(node: Node, key: str) -> str:
    """The text under the key's title: never the title again."""
    parts = []
    description = str(node.get("description", ""))
    if description and not _same(description, str(node.get("title", ""))):
        parts.append(description)
    values = allowed_values(node)
    if values:
        parts.append("Allowed values:\n\n" + "\n".join(
            f"- `{v}`" + (f": {m}" if m else "") for v, m in values))
    examples = node.get("examples")
    if isinstance(examples, list) and examples:
        parts.append(f"Example:\n\n```yaml\n{_yaml(key, examples[0])}\n```")
    return "\n\n".join(parts)


def _yaml(key: str, value: Any) -> str:
    """Block YAML for an example, as a designer would write it."""
    if isinstance(value, dict) and value:
        lines = [f"{key}:"]
        for k, v in value.items():
            lines += ["  " + line for line in _yaml(str(k), v).splitlines()]
        return "\n".join(lines)
    if isinstance(value, list) and value:
        lines = [f"{key}:"]
        for item in value:
            block = _yaml("_", item).splitlines()
            if isinstance(item, dict) and item and block[0] == "_:":
                inner = [line[2:] for line in block[1:]]
                lines += ["  - " + inner[0], *("    " + line for line in inner[1:])]
            else:
                lines.append("  - " + block[0].removeprefix("_: "))
        return "\n".join(lines)
    return f"{key}: {_scalar(value)}"


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        plain = value and value.strip() == value and not any(c in value for c in ":#{}[]'\"")
        reserved = ("yes", "no", "on", "off", "true", "false", "null", "~")
        return value if plain and value.lower() not in reserved else json.dumps(value)
    return json.dumps(value, ensure_ascii=False)
