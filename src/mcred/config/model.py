"""The pydantic model of an mcred configuration, with the kebab-case keys users write.

It checks only the *shape* of the file (unknown keys, types); rule codes, names and
options are checked against the registry by ``resolve.py``, which knows the rules.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SeverityName = Literal["error", "warning", "info", "off"]
FailOn = Literal["error", "warning", "info", "never"]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=_kebab,
                              populate_by_name=True)


class RuleConfig(BaseModel):
    """``[rules.<code-or-name>]``: a severity and the rule's own options (checked later)."""

    model_config = ConfigDict(extra="allow", frozen=True)
    severity: SeverityName | None = None

    def option_values(self) -> dict[str, Any]:
        """The option keys as the rule's model spells them (``convention-low`` → ``_``)."""
        extra = self.model_extra or {}
        return {key.replace("-", "_"): value for key, value in extra.items()}


def _codes(value: object) -> object:
    """``select = "MC3"`` is accepted as a one-element list, as ruff users expect."""
    return [value] if isinstance(value, str) else value


class Selection(_Strict):
    """The keys that may appear both at the top level and in ``[[overrides]]``."""

    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list)
    profile: str | None = None
    rules: dict[str, RuleConfig] = Field(default_factory=dict)

    _as_list = field_validator("select", "ignore", "extend_select", mode="before")(_codes)


class Override(Selection):
    """``[[overrides]]``: settings for the files matching ``files`` (gitignore-style globs)."""

    files: list[str] = Field(min_length=1)

    _files_list = field_validator("files", mode="before")(_codes)


class ConfigModel(Selection):
    """A whole ``mcred.toml`` table (or ``[tool.mcred]`` of a pyproject.toml)."""

    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    fail_on: FailOn | None = None
    max_file_size: int | None = Field(None, gt=0)
    catalogue: str | None = None  # folder of all designs, for cross-file rules
    root: str | None = None  # project root that machine reports' paths are relative to
    gitignore: bool | None = None  # honour .gitignore files when walking (default true)
    include: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    overrides: list[Override] = Field(default_factory=list)

    @field_validator("per_file_ignores", mode="before")
    @classmethod
    def _ignore_lists(cls, value: object) -> object:
        if isinstance(value, dict):
            return {glob: _codes(codes) for glob, codes in value.items()}
        return value
