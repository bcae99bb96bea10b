"""The shape of ESCO skill references: a skill URI with a UUID, or a skill-group code."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

SKILL_PREFIX = "http://data.europa.eu/esco/skill/"
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# Skill groups of the ESCO skills pillar: S (skills), T (transversal), L (language), with
# dotted sub-levels such as S1.2.3 or T4.1.
_GROUP = r"[STL]\d+(?:\.\d+)*"
_VALID = re.compile(rf"(?:{re.escape(SKILL_PREFIX)})?(?:{_GROUP})|{re.escape(SKILL_PREFIX)}{_UUID}")


def is_esco_skill(reference: str) -> bool:
    """True for ``http://data.europa.eu/esco/skill/<uuid>`` or a skill-group code (``S1.2``)."""
    return _VALID.fullmatch(reference) is not None


def suggest_esco(reference: str) -> str | None:
    """The canonical URI hidden in a near miss: portal links, https, capitals, a trailing /."""
    text = reference.strip()
    query = parse_qs(urlsplit(text).query).get("uri")
    if query:
        text = query[0]
    candidate = re.sub(r"^https?://", "http://", text).rstrip("/")
    tail = candidate.removeprefix(SKILL_PREFIX)
    if candidate.startswith(SKILL_PREFIX) and re.fullmatch(_UUID, tail.lower()):
        candidate = SKILL_PREFIX + tail.lower()
    elif re.fullmatch(_UUID, text.lower()):
        candidate = SKILL_PREFIX + text.lower()
    return candidate if candidate != reference and is_esco_skill(candidate) else None
