"""The design format (version 1) as pydantic models, one module per Annex I area.

perf: loaded lazily, so that importing a pydantic-free part (``mcred.model.vocab``) does not
build the model; the lint path reads the generated :mod:`mcred.plain` classes instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mcred.model.design import Design, json_schema

__all__ = ["Design", "json_schema"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from mcred.model import design

        return getattr(design, name)
    raise AttributeError(f"module 'mcred.model' has no attribute {name!r}")
