"""Rule options: frozen dataclasses declared with :func:`option`, free of pydantic.

A lint run reads options on every rule call, but only a configuration file ever sets
them; so options are plain dataclasses, and pydantic checks them (in
:mod:`mcred.config.rule_options`) only when a config file or profile gives values.
"""

from __future__ import annotations

import dataclasses
from typing import Any, dataclass_transform

LIMITS = ("ge", "gt", "le", "lt")


def option(default: Any, *, description: str = "", ge: float | None = None,
           gt: float | None = None, le: float | None = None, lt: float | None = None) -> Any:
    """One option: its default, its documentation and the bounds a configured value keeps."""
    bounds = {k: v for k, v in zip(LIMITS, (ge, gt, le, lt), strict=True) if v is not None}
    return dataclasses.field(default=default,
                             metadata={"description": description, "bounds": bounds})


@dataclass_transform(frozen_default=True, field_specifiers=(option,))
class RuleOptions:
    """Base of every rule's options: a typo in a configured option is an error, not ignored."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(frozen=True)(cls)

    @classmethod
    def option_fields(cls) -> dict[str, dataclasses.Field[Any]]:
        return {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.option_fields()}


class NoOptions(RuleOptions):
    """Options of a rule that has none."""
