"""Hover and completion text: the format's keys from the model, the rules' documentation."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from mcred.findings import Finding, KeyPath
from mcred.model.editor import allowed_values
from mcred.server.keys import Cursor, branch, node_at


def key_help(path: KeyPath) -> str | None:
    """Title once, then description, allowed values with meanings and an example."""
    node = node_at(path)
    if node is None or not path or isinstance(path[-1], int):
        return None
    title = node.get("title") or str(path[-1])
    body = node.get("markdownDescription") or node.get("description") or ""
    return f"**{title}** (`{path[-1]}`)\n\n{body}".rstrip()


def rule_help(finding: Finding) -> str:
    from mcred.registry import load_all
    from mcred.reporters.sarif import help_uri

    rule = load_all().get(finding.code)
    if rule is None:
        return f"**{finding.code}** {finding.message}"
    why = rule.sections.get("Why is this bad?", "")
    parts = [f"**{rule.code}** `{rule.name}`: {rule.summary}"]
    if why:
        parts.append(f"**Why is this bad?** {why}")
    if finding.fix:
        parts.append(f"**Fix**: {finding.fix}")
    parts.append(f"[Documentation]({help_uri(rule)})")
    return "\n\n".join(parts)


def key_items(cursor: Cursor, present: set[str]) -> list[types.CompletionItem]:
    """The keys the model allows in the mapping at the cursor, minus those already there."""
    node = node_at(cursor.parent)
    properties: dict[str, Any] = branch(node, "properties").get("properties", {}) \
        if node else {}
    items = []
    for key, prop in properties.items():
        if key in present and key != cursor.key:
            continue
        doc = key_help((*cursor.parent, key)) or ""
        items.append(types.CompletionItem(
            label=key, kind=types.CompletionItemKind.Property,
            detail=str(prop.get("title", "")), insert_text=f"{key}: ",
            documentation=types.MarkupContent(types.MarkupKind.Markdown, doc)))
    return items


def value_items(path: KeyPath, outcome_ids: list[str],
                design_ids: list[tuple[str, str]]) -> list[types.CompletionItem]:
    """Vocabulary values with their meaning; outcome and design ids where they are named."""
    names = [p for p in path if isinstance(p, str)]
    last = names[-1] if names else ""
    if last == "covers":
        return [types.CompletionItem(label=i, kind=types.CompletionItemKind.Reference,
                                     detail="learning outcome") for i in outcome_ids]
    if last == "requires" or names[-2:] == ["towards", "id"]:
        return [types.CompletionItem(label=i, kind=types.CompletionItemKind.Reference,
                                     detail=title or "design") for i, title in design_ids]
    node = node_at(path)
    if node is None:
        return []
    return [types.CompletionItem(label=value, kind=types.CompletionItemKind.EnumMember,
                                 detail=meaning or None,
                                 label_details=types.CompletionItemLabelDetails(
                                     description=meaning) if meaning else None)
            for value, meaning in allowed_values(node)]
