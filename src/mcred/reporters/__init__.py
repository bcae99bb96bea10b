"""Reporters turn a run's findings into output; a name → class table, imported lazily."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mcred.reporters.base import Reporter

REPORTERS: dict[str, str] = {
    "text": "mcred.reporters.text:TextReporter",
    "json": "mcred.reporters.json:JsonReporter",
    "concise": "mcred.reporters.concise:ConciseReporter",
    "sarif": "mcred.reporters.sarif:SarifReporter",
    "github": "mcred.reporters.github:GithubReporter",
    "gitlab": "mcred.reporters.gitlab:GitlabReporter",
    "junit": "mcred.reporters.junit:JunitReporter",
}


def get_reporter(name: str) -> type[Reporter]:
    """Import only the reporter asked for: rich costs ~50 ms that JSON output never needs."""
    module, _, cls = REPORTERS[name].partition(":")
    reporter: type[Reporter] = getattr(importlib.import_module(module), cls)
    return reporter
