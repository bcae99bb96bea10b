"""A draft → YAML text through ruamel: the format's key order, a comment naming the source."""

from __future__ import annotations

import io
import re
from typing import Any

from mcred.importers.draft import Draft

_ORDER = ("mcred", "id", "language", "title", "summary", "awarding_bodies", "target_group",
          "needs_analysis", "level", "field_of_education", "languages", "learning_outcomes",
          "workload", "participation", "schedule", "assessment", "grading",
          "quality_assurance", "prerequisites", "recognition", "credential", "fee", "contact",
          "further_information")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def ordered(data: dict[str, Any]) -> dict[str, Any]:
    """Top-level keys in the order of the format's documentation; ``x-`` keys last."""
    rank = {key: i for i, key in enumerate(_ORDER)}
    return dict(sorted(data.items(), key=lambda kv: (kv[0].startswith("x-"),
                                                      rank.get(kv[0], len(rank)))))


def to_yaml(draft: Draft, version: str) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100
    document = CommentedMap(_plain(ordered(draft.data)))
    where = f" ({draft.label})" if draft.label else ""
    source = _CONTROLS.sub("", draft.source)
    document.yaml_set_start_comment(
        f"Imported by mcred {version} from {source}{where}, {draft.format.upper()} format.\n"
        "Check it, then lint it with `mcred lint`. Keys starting with x- hold what the "
        "design format\ncannot; `mcred import --report` lists what was dropped.")
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _plain(value: Any) -> Any:
    """Plain dicts and lists (ruamel represents them); strings without control characters."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return _CONTROLS.sub("", value)
    return value
