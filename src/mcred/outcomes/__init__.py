"""Learning-outcome text analysis shared by the MC2xx rules and MC407."""

from __future__ import annotations

from mcred.outcomes.analysis import OutcomeAnalysis, VerbUse, analyse
from mcred.outcomes.lexicon import Tier, lexicon

__all__ = ["OutcomeAnalysis", "Tier", "VerbUse", "analyse", "lexicon"]
