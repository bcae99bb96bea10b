"""The plain settings object every command builds from options (and, later, config files)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from mcred.findings import Severity


@dataclass(frozen=True)
class RuleSettings:
    """Which rules run, at what severity, with which options.

    ``enabled`` of ``None`` means every registered rule; ``options`` holds validated
    option models keyed by rule code (missing codes use the rule's defaults).
    """

    enabled: frozenset[str] | None = None
    severities: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, BaseModel] = field(default_factory=dict)
    profile: str | None = None

    def is_enabled(self, code: str) -> bool:
        return self.enabled is None or code in self.enabled


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
