"""Profiles: named sets of severity and option overlays on existing rules.

A profile never adds code paths of its own; it only sets what a user could set by hand
in `[rules.*]`, so everything it does shows up in `mcred config` and can be overridden.
Entries may name rules or options that this build does not have (rules land in separate
changes): such entries are inactive, listed by `mcred config`, and checked by the tests
against every rule that *is* registered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Overlay:
    """What a profile sets on one rule: a severity (or "off") and option values."""

    severity: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Profile:
    name: str
    summary: str
    rules: Mapping[str, Overlay]


PROFILES: dict[str, Profile] = {p.name: p for p in (
    Profile("higher-education",
            "degree-awarding higher education: EQF level required, EQF 5 or above", {
                "MC701": Overlay("error", {"required": True}),
                "MC703": Overlay("warning", {"higher_education": True, "min_eqf": 5}),
            }),
    Profile("vocational",
            "vocational education and training: EQF level and ECTS optional, hours accepted", {
                "MC701": Overlay("info"),
                "MC302": Overlay("info"),
                "MC703": Overlay("off"),
            }),
    Profile("cmf",
            "Common Microcredential Framework: 100 to 150 h, EQF 6 to 7 (or 4 to 5), "
            "summative "
            "assessment, identity verification", {
                "MC701": Overlay("error", {"required": True}),
                "MC703": Overlay("warning", {"higher_education": True, "min_eqf": 4,
                                             "max_eqf": 7}),
                "MC307": Overlay("error", {"min_hours": 100}),
                "MC308": Overlay("error", {"max_hours": 150}),
                "MC401": Overlay("error"),
                "MC402": Overlay("error"),
                "MC406": Overlay("error", {"require_identity_verification": True}),
                "MC106": Overlay("warning"),
            }),
)}


def get_profile(name: str) -> Profile | None:
    return PROFILES.get(name.strip().lower())


def unknown_profile_message(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(PROFILES), n=1)
    hint = f"did you mean `{close[0]}`? " if close else ""
    return f"unknown profile `{name}` ({hint}profiles: {', '.join(sorted(PROFILES))})"
