"""Validate plain data against the generated spec, with pydantic's error records.

Each error is the dictionary pydantic's ``ValidationError.errors()`` would give (``type``,
``loc``, ``msg``, ``input``, and ``ctx`` where pydantic has one), in the same order, so the
messages built from them are the same on both paths; ``tests/test_plain.py`` holds the two
paths to that over every fixture, example, hostile file and fuzzed design. Where matching
pydantic exactly would mean re-implementing its parsers (lax dates from numbers, ambiguous
unions), :class:`NeedsPydantic` hands the whole file to pydantic instead.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import re
from collections.abc import Callable
from typing import Any

from mcred.langtext import looks_like_language_map
from mcred.plain.classes import CLASSES, ROOT, SPEC, Design

Error = dict[str, Any]
Loc = tuple[int | str, ...]
_FAIL = object()
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PATTERNS: dict[str, re.Pattern[str]] = {}
_LIMITS: dict[str, tuple[str, str, Callable[[Any, Any], bool]]] = {
    "ge": ("greater_than_equal", "greater than or equal to", operator.ge),
    "gt": ("greater_than", "greater than", operator.gt),
    "le": ("less_than_equal", "less than or equal to", operator.le),
    "lt": ("less_than", "less than", operator.lt)}
_TYPES = {"str": ("string_type", "Input should be a valid string"),
          "int": ("int_type", "Input should be a valid integer"),
          "float": ("float_type", "Input should be a valid number"),
          "bool": ("bool_type", "Input should be a valid boolean"),
          "list": ("list_type", "Input should be a valid list"),
          "dict": ("dict_type", "Input should be a valid dictionary"),
          "date": ("date_type", "Input should be a valid date")}


class NeedsPydantic(Exception):
    """The input reaches a construct whose exact pydantic behaviour is not reproduced."""


def validate(data: Any) -> tuple[Design | None, list[Error]]:
    """The design, or ``None`` and the errors pydantic would report, in its order."""
    errors: list[Error] = []
    value = _check(ROOT, data, (), errors)
    if errors or value is _FAIL:
        return None, errors
    assert isinstance(value, Design)
    return value, []


def _error(errors: list[Error], kind: str, loc: Loc, msg: str, value: Any,
           ctx: dict[str, Any] | None = None) -> object:
    err: Error = {"type": kind, "loc": loc, "msg": msg, "input": value}
    if ctx is not None:
        err["ctx"] = ctx
    errors.append(err)
    return _FAIL


def _check(node: tuple[Any, ...], value: Any, loc: Loc, errors: list[Error]) -> Any:
    kind = node[0]
    if kind == "nullable":
        return None if value is None else _check(node[1], value, loc, errors)
    if kind == "model":
        return _model(node[1], value, loc, errors)
    if kind == "str":
        return _str(node[1], value, loc, errors)
    if kind in ("int", "float"):
        return _number(kind, node[1], value, loc, errors)
    if kind == "literal":
        return _literal(node[1], value, loc, errors)
    if kind == "list":
        return _list(node[1], value, loc, errors)
    if kind == "dict":
        return _dict(node[1], node[2], value, loc, errors)
    if kind == "union":
        return _union(node[1], value, loc, errors)
    if kind == "tagged":
        tag = _branch(node[2], value)
        return _check(dict(node[1])[tag], value, (*loc, tag), errors)
    if kind == "bool":
        return value if type(value) is bool else _error(errors, "bool_type", loc,
                                                         _TYPES["bool"][1], value)
    if kind == "date":
        return _date(value, loc, errors)
    raise NeedsPydantic(kind)


def _model(name: str, value: Any, loc: Loc, errors: list[Error]) -> Any:
    if not isinstance(value, dict):
        return _error(errors, "model_type", loc,
                      f"Input should be a valid dictionary or instance of {name}", value,
                      {"class_name": name})
    before = len(errors)
    obj = object.__new__(CLASSES[name])
    given: list[str] = []
    fields = SPEC[name]
    for field, node, default_kind, default in fields:
        if field in value:
            result = _check(node, value[field], (*loc, field), errors)
            given.append(field)
        elif default_kind == "required":
            result = _error(errors, "missing", (*loc, field), "Field required", value)
        else:
            result = [] if default == "list" else {} if default == "dict" else default
        object.__setattr__(obj, field, result)
    if len(value) > len(given):
        known = {f for f, *_ in fields}
        for key, item in value.items():
            if not isinstance(key, str):
                _error(errors, "invalid_key", (*loc, key), "Keys should be strings", key)
            elif not key.isascii() and not _unicode(key, loc, []):
                raise NeedsPydantic("key that is no text")
            elif key not in known:
                _error(errors, "extra_forbidden", (*loc, key), "Extra inputs are not permitted",
                       item)
    if len(errors) > before:
        return _FAIL
    object.__setattr__(obj, "_set", frozenset(given))
    return obj


def _unicode(value: str, loc: Loc, errors: list[Error]) -> bool:
    """A lone surrogate (from a ``\\ud800`` escape) is no text to pydantic."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        _error(errors, "string_unicode", loc, "Input should be a valid string, unable to "
               "parse raw data as a unicode string", value)
        return False
    return True


def _str(pattern: str | None, value: Any, loc: Loc, errors: list[Error]) -> Any:
    if not isinstance(value, str):
        return _error(errors, "string_type", loc, _TYPES["str"][1], value)
    if pattern is None:
        return value  # pydantic keeps any Python text as it is, lone surrogates included
    if not _unicode(value, loc, errors):
        return _FAIL
    if not _compiled(pattern).search(value):
        return _error(errors, "string_pattern_mismatch", loc,
                      f"String should match pattern '{pattern}'", value, {"pattern": pattern})
    return value


def _compiled(pattern: str) -> re.Pattern[str]:
    """pydantic's Rust regex: ``$`` is the end of the text, never before a final newline."""
    found = _PATTERNS.get(pattern)
    if found is None:
        rust = pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith(
            r"\$") else pattern
        found = _PATTERNS[pattern] = re.compile(rust)
    return found


def _number(kind: str, limits: tuple[tuple[str, Any], ...], value: Any, loc: Loc,
            errors: list[Error]) -> Any:
    ok = (type(value) is int) if kind == "int" else type(value) in (int, float)
    if not ok:
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise NeedsPydantic("number subclass")
        return _error(errors, _TYPES[kind][0], loc, _TYPES[kind][1], value)
    for bound_kind, bound in limits:
        err, words, holds = _LIMITS[bound_kind]
        if not holds(value, bound) or (kind == "float" and math.isnan(value)):
            shown = float(bound) if kind == "float" else bound
            return _error(errors, err, loc, f"Input should be {words} {bound}", value,
                          {bound_kind: shown})
    if kind == "float" and type(value) is int and abs(value) > 2**53:
        raise NeedsPydantic("big integer for a number")
    return float(value) if kind == "float" else value


def _literal(values: tuple[str, ...], value: Any, loc: Loc, errors: list[Error]) -> Any:
    if isinstance(value, str) and value in values:
        return value
    if isinstance(value, str) and not _unicode(value, loc, errors):
        return _FAIL
    quoted = [f"'{v}'" for v in values]
    expected = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return _error(errors, "literal_error", loc, f"Input should be {expected}", value,
                  {"expected": expected})


def _list(item: tuple[Any, ...], value: Any, loc: Loc, errors: list[Error]) -> Any:
    if not isinstance(value, list):
        return _error(errors, "list_type", loc, _TYPES["list"][1], value)
    before = len(errors)
    result = [_check(item, v, (*loc, i), errors) for i, v in enumerate(value)]
    return _FAIL if len(errors) > before else result


def _dict(keys: tuple[Any, ...], values: tuple[Any, ...], value: Any, loc: Loc,
          errors: list[Error]) -> Any:
    if not isinstance(value, dict):
        return _error(errors, "dict_type", loc, _TYPES["dict"][1], value)
    before = len(errors)
    result = {}
    for k, v in value.items():
        key = _check(keys, k, (*loc, k, "[key]"), errors)
        result[key] = _check(values, v, (*loc, k), errors)
    return _FAIL if len(errors) > before else result


def _union(choices: tuple[tuple[str, tuple[Any, ...]], ...], value: Any, loc: Loc,
           errors: list[Error]) -> Any:
    found: list[Any] = []
    failed: list[Error] = []
    for label, node in choices:
        attempt: list[Error] = []
        result = _check(node, value, (*loc, label), attempt)
        if attempt or result is _FAIL:
            failed.extend(attempt)
        else:
            found.append(result)
    if len(found) > 1:
        raise NeedsPydantic("several union branches match")
    if found:
        return found[0]
    errors.extend(failed)
    return _FAIL


def _branch(how: tuple[str, str], value: Any) -> str:
    """The branch a tagged union takes (see ``mcred.model.text.branch_by_keys``)."""
    if how[0] != "by_keys":
        raise NeedsPydantic(how[0])
    if isinstance(value, str):
        return "text"
    keys = frozenset(f for f, *_ in SPEC[how[1]])
    return "map" if looks_like_language_map(value, keys) else "model"


def _date(value: Any, loc: Loc, errors: list[Error]) -> Any:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time() or value.tzinfo is not None:
            raise NeedsPydantic("datetime")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, bool) or value is None or isinstance(value, list | dict):
        return _error(errors, "date_type", loc, _TYPES["date"][1], value)
    raise NeedsPydantic("lax date")
