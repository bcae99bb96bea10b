"""Spreadsheet columns named by key paths → typed design values, from the model's fields."""

from __future__ import annotations

import datetime as dt
import types
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

# The field a one-per-line column of a list of mappings fills (`learning_outcomes` → text).
MAIN_FIELD = {"learning_outcomes": "text", "awarding_bodies": "name", "assessment": "type",
              "towards": "name", "pathways": "description"}
TRUE = {"true", "yes", "y", "1", "x"}
FALSE = {"false", "no", "n", "0", ""}


class CellError(ValueError):
    """A cell's text is not a value of its column's kind; the message shows the right form."""


def _unwrap(annotation: Any) -> list[Any]:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return [a for arg in get_args(annotation) for a in _unwrap(arg) if a is not type(None)]
    return [annotation]


def _model_of(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """(the mapping model a field holds, whether it holds a list of them)."""
    for arg in _unwrap(annotation):
        if get_origin(arg) is list:
            inner = get_args(arg)[0]
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner, True
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg, False
    return None, False


def annotation_at(parts: list[str]) -> tuple[Any, list[int]]:
    """The annotation of the field a key path names, and which segments are list items.

    ``None`` for a path the format does not know (its text is kept; lint reports it).
    """
    from mcred.model import Design

    model: type[BaseModel] | None = Design
    lists: list[int] = []
    annotation: Any = None
    for i, part in enumerate(parts):
        if model is None or part not in model.model_fields:
            return None, lists
        annotation = model.model_fields[part].annotation
        model, is_list = _model_of(annotation)
        if is_list:
            lists.append(i)
    return annotation, lists


def convert(text: str, annotation: Any) -> Any:
    """A cell's text as the value the field takes; :class:`CellError` when it cannot be."""
    kinds = _unwrap(annotation)
    text = text.strip()
    if any(get_origin(k) is list for k in kinds):
        inner = next(get_args(k)[0] for k in kinds if get_origin(k) is list)
        items = [i.strip() for i in text.replace(";", "\n").replace(",", "\n").splitlines()]
        return [convert(i, inner) for i in items if i]
    if str in kinds and not any(get_origin(k) is Literal for k in kinds):
        return text
    for kind in kinds:
        if get_origin(kind) is Literal:
            allowed = [str(a) for a in get_args(kind)]
            if text in allowed:
                return text
            raise CellError(f"{text!r} is not one of {', '.join(allowed)}")
    if bool in kinds:
        if text.lower() in TRUE | FALSE:
            return text.lower() in TRUE
        raise CellError(f"{text!r} is not yes or no")
    if int in kinds or float in kinds:
        return _number(text, int in kinds and float not in kinds)
    if dt.date in kinds:
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            raise CellError(f"{text!r} is not a date; write dates as YYYY-MM-DD, "
                            "e.g. 2025-09-01") from None
    return text


def _number(text: str, whole: bool) -> int | float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        kind = "a whole number" if whole else "a number"
        raise CellError(f"{text!r} is not {kind}; write digits only, e.g. 5") from None
    if whole and not value.is_integer():
        raise CellError(f"{text!r} is not a whole number")
    return int(value) if value.is_integer() else value
