"""Shape errors in the designer's words: a validator's error record → (message, fix hint).

Pure: it sees an error as the plain record every validator of the format produces (error
type, key path, the value written, the error's context) plus the field's JSON Schema
(title, examples, pattern, bounds), never a pydantic object, so the model's validation
and a generated validator give the same words. A message names the design's element and
the value written; a hint shows the right form. Neither ever shows a regular expression,
a programming-language type or the validator's own phrasing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from mcred.findings import KeyPath

Meta = Mapping[str, Any]
Explainer = Callable[[str, Any, Mapping[str, Any], Meta], tuple[str, str]]

_DAY_FIRST = re.compile(r"^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{4})\s*$")
_DECIMAL_COMMA = re.compile(r"^\s*-?\d+,\d+\s*$")
_NUMBER_AND_UNIT = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*\S+")
# What a pattern of the format asks for, in words (the pattern itself is never shown).
PATTERN_WORDS = {
    r"^\d{2,4}$": "the 2–4 digit ISCED-F 2013 code in quotes",
    r"^[a-z0-9][a-z0-9._-]*$": "lowercase letters, digits, `.`, `_` and `-`, starting with "
                               "a letter or digit",
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$": "letters, digits, `.`, `_` and `-`, starting with a "
                                     "letter or digit",
}


def element(path: KeyPath) -> str:
    """``("credential", "formats", 0)`` → ``credential.formats[1]``, as a designer reads it."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "the design"


def shown(value: Any) -> str:
    """The value as written, short, in backticks (no quotes added, no language syntax)."""
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    # Control and invisible characters are shown escaped, as the designer cannot see them.
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text.replace("\n", " "))
    return f"`{text[:60]}{'…' if len(text) > 60 else ''}`"


def example(meta: Meta) -> str:
    """The field's first documented example, written as YAML would show it."""
    examples = meta.get("examples") or []
    if not examples:
        return ""
    first = examples[0]
    if isinstance(first, list):
        return "[" + ", ".join(str(v) for v in first) + "]"
    if isinstance(first, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in first.items()) + "}"
    if isinstance(first, str) and meta.get("pattern") and first.isdigit():
        return json.dumps(first)
    return str(first)


def _eg(meta: Meta) -> str:
    sample = example(meta)
    return f", e.g. {sample}" if sample else ""


def _text(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    if isinstance(value, int | float) and not isinstance(value, bool):
        sample = _eg(meta) or ', e.g. "0613"'
        return (f"`{name}` must be text, but {shown(value)} reads as a number",
                f"Write it in quotes so it stays text{sample}")
    return f"`{name}` must be text, not {shown(value)}", f"Write it as text{_eg(meta)}"


def _number(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta,
            whole: bool = False) -> tuple[str, str]:
    kind = "a whole number" if whole else "a number"
    if isinstance(value, str) and _DECIMAL_COMMA.match(value):
        dotted = value.strip().replace(",", ".")
        return (f"`{name}` is written with a decimal comma: {shown(value)}",
                f"Write a decimal point: {dotted} (`mcred lint --fix` does it)")
    if isinstance(value, str) and _NUMBER_AND_UNIT.match(value):
        return (f"`{name}` must be {kind} alone, not the text {shown(value)}",
                f"Write the number without quotes or units{_eg(meta)}")
    if isinstance(value, str):
        return (f"`{name}` must be {kind}, not the text {shown(value)}",
                f"Write {kind} without quotes{_eg(meta)}")
    if isinstance(value, float) and whole:
        return (f"`{name}` must be a whole number, not {shown(value)}",
                f"Write a whole number{_eg(meta)}")
    return f"`{name}` must be {kind}, not {shown(value)}", f"Write {kind}{_eg(meta)}"


def _whole(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    return _number(name, value, ctx, meta, whole=True)


def _yes_no(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    return f"`{name}` must be true or false, not {shown(value)}", "Write true or false"


def _listing(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    if isinstance(value, str) and "," in value:
        parts = ", ".join(p.strip() for p in value.split(",") if p.strip())
        return (f"`{name}` is one text, {shown(value)}, where a list is expected",
                f"Write the items in brackets: [{parts}] (`mcred lint --fix` does it)")
    return (f"`{name}` must be a list, not {shown(value)}",
            f"Write the items in brackets{_eg(meta) or ', e.g. [first, second]'}")


def _mapping(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    return (f"`{name}` must be a group of keys, not {shown(value)}",
            f"Write its keys on indented lines below `{name.rsplit('.', 1)[-1]}:`"
            f"{_eg(meta)}")


def _either(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    if meta.get("texts") and "properties" not in meta:
        return (f"`{name}` must be a text, or one text per language, not {shown(value)}",
                "Write a text, or one line per language tag below the key, e.g. "
                "{es: Texto en español., en: Text in English.}")
    return (f"`{name}` must be a text or a group of keys, not {shown(value)}",
            f"Write a text, or the keys the format documents{_eg(meta)}")


def _pattern(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    words = PATTERN_WORDS.get(str(ctx.get("pattern") or meta.get("pattern") or ""))
    title = str(meta.get("title") or "value").lower()
    if words is None:
        return (f"{shown(value)} is not in the form `{name}` takes",
                f"Write the {title} like the example{_eg(meta)}")
    return f"{shown(value)} is not a valid {title} for `{name}`", f"Write {words}{_eg(meta)}"


def _bounds(meta: Meta) -> tuple[Any, Any]:
    low = meta.get("minimum", meta.get("exclusiveMinimum"))
    high = meta.get("maximum", meta.get("exclusiveMaximum"))
    return low, high


def _range(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    low, high = _bounds(meta)
    if low is not None and high is not None:
        above = "exclusiveMinimum" in meta and low == 0
        span = f"above 0 and at most {high:g}" if above else f"from {low:g} to {high:g}"
        return (f"`{name}` is {shown(value)}, outside the range {span}",
                f"Use a value {span}{_eg(meta)}")
    limit = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
    side = "at least" if "ge" in ctx else "above" if "gt" in ctx else "at most" if "le" in ctx \
        else "below"
    return f"`{name}` is {shown(value)}; it must be {side} {limit}", f"Use a value {side} {limit}"


def _finite(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    return f"`{name}` must be a number, not {shown(value)}", f"Write a finite number{_eg(meta)}"


def day_first(value: str) -> tuple[str, bool] | None:
    """``01/09/2025`` → (``2025-09-01``, unambiguous?): day first unless that is impossible."""
    match = _DAY_FIRST.match(value)
    if match is None:
        return None
    first, second, year = int(match.group(1)), int(match.group(3)), match.group(4)
    if first > 12 >= second:
        return f"{year}-{second:02d}-{first:02d}", True
    if second > 12 >= first:
        return f"{year}-{first:02d}-{second:02d}", True
    if first > 12 or not (first and second):
        return None
    return f"{year}-{second:02d}-{first:02d}", first == second


def _date(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    hint = "Write dates as YYYY-MM-DD, e.g. 2025-09-01"
    guess = day_first(value) if isinstance(value, str) else None
    if guess is not None and guess[1]:
        hint += f"; {shown(value)} is {guess[0]} (`mcred lint --fix` does it)"
    elif guess is not None:
        hint += (f"; if {shown(value)} gives the day first, write {guess[0]} (`mcred lint "
                 "--fix --unsafe-fixes` assumes the day comes first)")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"`{name}` is the number {shown(value)}, not a date", hint
    return f"`{name}` is not a date: {shown(value)}", hint


def _address(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    text = str(value).strip() if isinstance(value, str) else ""
    if text.lower().startswith("www."):
        return (f"`{name}` lacks the start of a web address: {shown(value)}",
                f"Write the full address: https://{text}")
    return (f"`{name}` is not a web address: {shown(value)}",
            f"Write the full address, starting with https://{_eg(meta)}")


def _required(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    return f"`{name}` is required", f"Add `{name.rsplit('.', 1)[-1]}`{_eg(meta)}"


def _literal(name: str, value: Any, ctx: Mapping[str, Any], meta: Meta) -> tuple[str, str]:
    allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", ""))) or [
        str(v) for v in meta.get("enum", [])]
    return (f"{shown(value)} is not an allowed value for `{name}`",
            f"Use one of: {', '.join(allowed)}")


EXPLAINERS: dict[str, Explainer] = {
    "missing": _required,
    "string_type": _text,
    "string_too_short": _text,
    "int_type": _whole, "int_parsing": _whole, "int_from_float": _whole,
    "float_type": _number, "float_parsing": _number,
    "finite_number": _finite,
    "bool_type": _yes_no, "bool_parsing": _yes_no,
    "list_type": _listing,
    "model_type": _mapping, "model_attributes_type": _mapping, "dict_type": _mapping,
    "literal_error": _literal, "enum": _literal,
    "string_pattern_mismatch": _pattern,
    "greater_than": _range, "greater_than_equal": _range,
    "less_than": _range, "less_than_equal": _range,
    "date_type": _date, "date_parsing": _date, "date_from_datetime_parsing": _date,
    "date_from_datetime_inexact": _date, "datetime_type": _date, "datetime_parsing": _date,
    "url_type": _address, "url_parsing": _address, "url_scheme": _address,
    "url_syntax_violation": _address, "url_too_long": _address,
}


def explain(kind: str, path: KeyPath, value: Any, ctx: Mapping[str, Any] | None,
            meta: Meta) -> tuple[str, str]:
    """(message, fix hint) for one error record; ``meta`` is the field's schema (merged)."""
    name = element(path)
    if meta.get("union") and kind not in ("literal_error", "string_pattern_mismatch"):
        return _either(name, value, ctx or {}, meta)
    explainer = EXPLAINERS.get(kind)
    if explainer is None:
        return (f"{shown(value)} is not a valid value for `{name}`",
                f"Write it in the form the format documents{_eg(meta)}")
    return explainer(name, value, ctx or {}, meta)


def field_meta(schema: Mapping[str, Any], path: KeyPath) -> dict[str, Any]:
    """The JSON Schema of the field at ``path`` (optional and union branches merged).

    List items inherit their list's title and examples, so an item's message still names
    the element the designer sees.
    """
    node: dict[str, Any] = _merged(schema, schema)
    for part in path:
        if isinstance(part, int):
            items = _merged(schema, node.get("items") or {})
            node = {"title": node.get("title"), **items}
            continue
        props = node.get("properties") or {}
        if part not in props:
            return {}
        node = _merged(schema, props[part])
    return node


def _merged(root: Mapping[str, Any], node: Mapping[str, Any]) -> dict[str, Any]:
    """Resolve ``$ref`` and a single non-null ``anyOf`` branch; mark real unions."""
    out = dict(node)
    ref = out.pop("$ref", None)
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        out = {**dict(root.get("$defs", {}).get(ref.rsplit("/", 1)[-1], {})), **out}
    branches = [b for b in out.pop("anyOf", []) if b.get("type") != "null"]
    if len(branches) == 1:
        out = {**_merged(root, branches[0]), **out}
    elif branches:
        out["union"] = True
        for branch in (_merged(root, b) for b in branches):
            if "properties" in branch:
                out.setdefault("properties", branch["properties"])
            elif branch.get("type") == "object" and "additionalProperties" in branch:
                out["texts"] = True  # a language map: one text per language
    return out
