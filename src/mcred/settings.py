"""The plain settings object every command builds from options (and, later, config files)."""

from __future__ import annotations

import enum
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from mcred.findings import Severity

if TYPE_CHECKING:
    from mcred.options import RuleOptions


@dataclass(frozen=True)
class RuleSettings:
    """Which rules run, at what severity, with which options.

    ``enabled`` of ``None`` means every registered rule; ``options`` holds validated
    option models keyed by rule code (missing codes use the rule's defaults).
    """

    enabled: frozenset[str] | None = None
    severities: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, RuleOptions] = field(default_factory=dict)
    profile: str | None = None

    def is_enabled(self, code: str) -> bool:
        return self.enabled is None or code in self.enabled

    def fingerprint(self) -> str:
        return fingerprint(self)


@dataclass(frozen=True)
class LintSettings:
    """Everything ``mcred lint`` needs besides the paths."""

    rules: RuleSettings = field(default_factory=RuleSettings)
    fail_on: Severity | None = Severity.WARNING
    max_file_size: int = 512 * 1024
    max_findings_per_file: int = 50  # 0: no cap; the rest are summarised in one finding
    follow_symlinks: bool = False  # follow symlinks that leave the linted directory
    # Walking and the catalogue (config keys `include`, `exclude`, `catalogue`): globs in
    # gitignore syntax relative to each walked directory; `catalogue_root` is the directory
    # whose designs single-file runs check cross-file references against.
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    gitignore: bool = True
    catalogue_root: Path | None = None
    # Speed only, never results (not part of the fingerprint): the results cache (see
    # mcred.cache; the CLI turns it on) and worker processes (None: one per CPU for large
    # runs; the CLI's default).
    cache: bool = field(default=False, metadata={"fingerprint": False})
    jobs: int | None = field(default=1, metadata={"fingerprint": False})

    def fingerprint(self) -> str:
        return fingerprint(self)


def fingerprint(settings: object) -> str:
    """A stable hash of everything in ``settings`` that can change findings (cache keys).

    Derived from the fields themselves, so a field added later is covered automatically;
    fields marked ``metadata={"fingerprint": False}`` are left out.
    """
    import hashlib  # perf: only runs that use the cache need fingerprints
    import json

    text = json.dumps(_canonical(settings), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _canonical(value: Any) -> Any:
    """JSON-ready, order-independent form of settings values (dataclasses, models, sets)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {"__type__": type(value).__qualname__,
                **{f.name: _canonical(getattr(value, f.name)) for f in fields(value)
                   if f.metadata.get("fingerprint", True)}}
    pydantic = sys.modules.get("pydantic")  # perf: no model can exist before pydantic
    if pydantic is not None and isinstance(value, pydantic.BaseModel):
        return {"__type__": type(value).__qualname__, **value.model_dump(mode="json")}
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, enum.Enum):
        return f"{type(value).__qualname__}.{value.name}"
    if isinstance(value, PurePath):
        return value.as_posix()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return repr(value)
