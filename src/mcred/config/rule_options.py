"""Configured rule options checked by pydantic, built from the options' dataclass fields.

Only configured values pass through here (this is where user input enters), so the rest
of a lint run never imports pydantic for options.
"""

from __future__ import annotations

import typing
from typing import Any

from mcred.options import RuleOptions


def option_model(options: type[RuleOptions]) -> Any:
    """A pydantic model with the options' fields, defaults and bounds (extra keys forbidden)."""
    found = _MODELS.get(options)
    if found is None:
        found = _MODELS[options] = _model(options)
    return found


_MODELS: dict[type[RuleOptions], Any] = {}


def _model(options: type[RuleOptions]) -> Any:
    from pydantic import ConfigDict, Field, create_model

    hints = typing.get_type_hints(options)
    fields: dict[str, Any] = {
        name: (hints[name], Field(f.default, description=f.metadata.get("description", ""),
                                  **f.metadata.get("bounds", {})))
        for name, f in options.option_fields().items()}
    return create_model(options.__name__, __config__=ConfigDict(extra="forbid", frozen=True),
                        **fields)


def build_options(options: type[RuleOptions], values: dict[str, Any]) -> RuleOptions:
    """Validated options (raises pydantic's ``ValidationError`` on a bad value)."""
    checked = option_model(options).model_validate(values)
    return options(**{name: getattr(checked, name) for name in options.option_fields()})
