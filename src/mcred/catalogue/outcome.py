"""The result of the cross-file pass, apart from the pass itself (a cache hit needs only this)."""

from __future__ import annotations

from dataclasses import dataclass, field

from mcred.findings import Finding


@dataclass
class CatalogueOutcome:
    """Findings keyed by the display path of the file they belong to, and verbose notes."""

    findings: dict[str, list[Finding]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
