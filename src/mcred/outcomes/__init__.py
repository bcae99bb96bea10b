"""Learning-outcome text analysis shared by the MC2xx rules and MC407."""

from __future__ import annotations

from mcred.outcomes.analysis import OutcomeAnalysis, VerbUse, analyse
from mcred.outcomes.lexicon import TIER_NAMES, Tier, lexicon

__all__ = ["TIER_NAMES", "OutcomeAnalysis", "Tier", "VerbUse", "analyse", "lexicon"]
