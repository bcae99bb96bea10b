"""Learning-outcome text analysis shared by the MC2xx rules and MC407.

perf: the analysis loads on first use, so a run that only needs ``outcomes.language``
(a warm run's report) does not import it. The lexicon names are bound at once: the
function ``lexicon`` shares its name with its module, which an import would put here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from mcred.outcomes.lexicon import TIER_NAMES, Tier, lexicon

if TYPE_CHECKING:
    from mcred.outcomes.analysis import OutcomeAnalysis, VerbUse, analyse

__all__ = ["TIER_NAMES", "OutcomeAnalysis", "Tier", "VerbUse", "analyse", "lexicon"]

_HOME = {"OutcomeAnalysis": "analysis", "VerbUse": "analysis", "analyse": "analysis"}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"mcred.outcomes.{home}"), name)
