"""Plain data → :class:`Design`; shape errors become MC005–MC008 issues at their key paths.

Invalid values are reported and then dropped, so that one typo does not hide every quality
finding in the rest of the file.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterator
from typing import Any

from mcred.findings import Issue, KeyPath
from mcred.model.vocab import SYNONYMS
from mcred.plain import Design
from mcred.plain.classes import SPEC
from mcred.plain.validate import Error, NeedsPydantic
from mcred.plain.validate import validate as plain_validate

_MAX_PASSES = 5
_QUOTED = re.compile(r"'([^']*)'")


def validate(data: dict[str, Any]) -> tuple[Design | None, list[Issue]]:
    """Validate, dropping bad values until the rest validates (bounded passes)."""
    data = _strip_extensions(data)
    issues: list[Issue] = []
    for _ in range(_MAX_PASSES):
        design, errors = _attempt(data)
        if design is None:
            new = list(_issues(errors, data))
            issues.extend(new)
            if not new or "mcred" not in data:
                return None, issues
            for issue in sorted(new, key=_path_order, reverse=True):
                _drop(data, issue.key_path)
            continue
        issues.extend(_reference_issues(design))
        return design, issues
    return None, issues


def _attempt(data: dict[str, Any]) -> tuple[Design | None, list[Error]]:
    """perf: the generated validator; pydantic only for what it does not reproduce."""
    try:
        return plain_validate(data)
    except NeedsPydantic:
        return _pydantic(data)


def _pydantic(data: dict[str, Any]) -> tuple[Design | None, list[Error]]:
    from pydantic import ValidationError

    from mcred.model import Design as Model

    try:
        model = Model.model_validate(data)
    except ValidationError as exc:
        return None, [dict(e) for e in exc.errors(include_url=False)]
    try:
        design, _ = plain_validate(model.model_dump())
    except NeedsPydantic:
        design = model  # type: ignore[assignment]  # the same fields, read the same way
    return design, []


def _path_order(issue: Issue) -> list[tuple[int, str]]:
    """Deepest and highest list index first, so dropping never shifts a later path."""
    return [(p, "") if isinstance(p, int) else (-1, p) for p in issue.key_path]


def _strip_extensions(value: Any) -> Any:
    """Copy without ``x-`` keys (copying, because aliases may share sub-trees)."""
    if isinstance(value, dict):
        return {k: _strip_extensions(v) for k, v in value.items() if not k.startswith("x-")}
    if isinstance(value, list):
        return [_strip_extensions(v) for v in value]
    return value


def _data_path(data: Any, loc: tuple[int | str, ...]) -> tuple[KeyPath, bool]:
    """Translate a pydantic ``loc`` to a path in the data (skipping union-branch tags)."""
    path: list[str | int] = []
    node = data
    skipped = False
    for part in loc:
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
        else:
            skipped = True
            continue
        path.append(part)
    return tuple(path), skipped


def _issues(found: list[Error], data: dict[str, Any]) -> Iterator[Issue]:
    errors = [(err, *_data_path(data, tuple(err["loc"]))) for err in found]
    # A union whose mapping branch got as far as one entry (`title: {es: [..]}`) reports
    # that entry; the branch-level "wrong type" for the whole value would be a second
    # finding for the same mistake.
    deeper = {path[:n] for _, path, _ in errors for n in range(len(path))}
    seen: set[KeyPath] = set()
    for err, path, skipped in errors:
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden":
            yield _unknown_key(path, loc)
            continue
        if path in seen or (skipped and path in deeper):
            continue  # a union reports one problem once per branch
        seen.add(path)
        yield _invalid_value(path, err, union=skipped)


def _unknown_key(path: KeyPath, loc: tuple[int | str, ...]) -> Issue:
    key = str(loc[-1])
    known = sorted(_known_keys(loc[:-1]))
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"did you mean `{close[0]}`? " if close else ""
    return Issue(
        "MC005", f"unknown key `{key}`" + (f" ({hint.strip()})" if hint else ""), path,
        (f"Rename it to `{close[0]}`" if close else f"Use one of: {', '.join(known)}")
        + "; prefix private keys with `x-`",
    )


def _invalid_value(path: KeyPath, err: Any, *, union: bool) -> Issue:
    value = err.get("input")
    shown = _show(value)
    kind = err["type"]
    if kind == "missing":
        return Issue("MC006", f"`{path[-1] if path else err['loc'][-1]}` is required", path,
                     "Add the key")
    if kind == "literal_error":
        allowed = _QUOTED.findall(str(err.get("ctx", {}).get("expected", "")))
        synonym = SYNONYMS.get(str(value).strip().lower())
        close = [synonym] if synonym in allowed else difflib.get_close_matches(
            str(value), allowed, n=1, cutoff=0.5)
        mean = f" (did you mean `{close[0]}`?)" if close else ""
        return Issue("MC006", f"{shown} is not an allowed value{mean}", path,
                     f"Use one of: {', '.join(allowed)}")
    if union and _language_map_entry(path):
        return Issue("MC006", f"{shown} is not text: a language map holds one text per language",
                     path, "Write the text in this language as a plain string")
    if union:
        return Issue("MC006", f"{shown} has the wrong type: expected text or a mapping", path,
                     "Write a text, or a mapping with the keys the format documents")
    message = err["msg"][0].lower() + err["msg"][1:]
    return Issue("MC006", f"{shown} is invalid: {message}", path, _type_hint(kind, value))


def _language_map_entry(path: KeyPath) -> bool:
    """True at `title.es`-like paths: an entry of a language map, where only text goes."""
    from mcred.ambiguous import spec_at

    return bool(path) and isinstance(path[-1], str) and spec_at(path) == (("str", None),) \
        and any(leaf[0] == "dict" for leaf in spec_at(path[:-1]))


def _type_hint(kind: str, value: Any) -> str:
    if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        return "Quote the value so YAML keeps it as text (e.g. \"0613\" keeps its leading zero)"
    if isinstance(value, float) and not math.isfinite(value):
        return "Write a finite number"
    if kind in ("int_type", "float_type") and isinstance(value, str):
        return "Write the number without quotes or units"
    if kind.startswith(("less_than", "greater_than")):
        return "Use a value inside the allowed range"
    if kind == "string_pattern_mismatch":
        return "Use lowercase letters, digits, `.`, `_` and `-` only" if "a-z" in str(
            value) else "Write the value in the documented form"
    return "Correct the value to the type the format documents"


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    return f"`{text[:60]}{'…' if len(text) > 60 else ''}`"


def _known_keys(loc: tuple[int | str, ...]) -> set[str]:
    model: str | None = "Design"
    for part in loc:
        if model is None:
            return set()
        if isinstance(part, int):
            continue
        node = next((n for f, n, *_ in SPEC[model] if f == part), None)
        if node is None and part in _BRANCH_TAGS:
            continue  # the union branch the validator tried (`prerequisites.model.…`)
        model = _model_of(node) if node else None
    return {f for f, *_ in SPEC[model]} if model else set()


_BRANCH_TAGS = frozenset({"text", "map", "model"})


def _model_of(node: tuple[Any, ...]) -> str | None:
    """The first model a spec node can hold (through lists, unions and ``None``)."""
    if node[0] == "model":
        return str(node[1])
    if node[0] in ("nullable", "list"):
        return _model_of(node[1])
    if node[0] in ("union", "tagged"):
        return next((m for _, n in node[1] if (m := _model_of(n))), None)
    return None


def _drop(data: Any, path: KeyPath) -> None:
    if not path:
        return
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if isinstance(parent, dict):
        parent.pop(last, None)
    elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        del parent[last]


def _reference_issues(design: Design) -> Iterator[Issue]:
    """MC007 and MC008: ids that must be unique and references that must resolve."""
    outcome_ids = {o.id for o in design.learning_outcomes if o.id is not None}
    for group, ids in (("learning_outcomes", [o.id for o in design.learning_outcomes]),
                       ("assessment", [a.id for a in design.assessment])):
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident is None:
                continue
            if ident in seen:
                yield Issue("MC007", f"the id `{ident}` is used twice in {group}",
                            (group, i, "id"), "Give each entry its own id")
            seen.add(ident)
    for i, task in enumerate(design.assessment):
        for j, ref in enumerate(task.covers):
            if ref not in outcome_ids:
                close = difflib.get_close_matches(ref, sorted(outcome_ids), n=1)
                mean = f" (did you mean `{close[0]}`?)" if close else ""
                yield Issue("MC008", f"`{ref}` is not the id of a learning outcome{mean}",
                            ("assessment", i, "covers", j),
                            "Use the id of an outcome listed under learning_outcomes")
