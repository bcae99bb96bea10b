"""Which format a published file is in, from its content: ``@context``, ``type``, header."""

from __future__ import annotations

from typing import Any

from mcred.importers.jsonld import CTDL_CONTEXTS, ELM_CONTEXTS, OB3_PREFIX, Node, contexts

FORMATS = {
    "elm": "European Learning Model 3 (Europass) JSON-LD: credentials, qualifications, "
           "learning achievement specifications, learning opportunities",
    "ob3": "Open Badges 3.0: Achievement, AchievementCredential / OpenBadgeCredential",
    "ctdl": "CTDL (Credential Engine) JSON-LD: credentials and learning opportunities",
    "csv": "CSV catalogue: one design per row, columns named by key paths",
    "xlsx": "XLSX catalogue (first sheet): one design per row, like CSV",
}
JSON_FORMATS = ("elm", "ob3", "ctdl")
ELM_TYPES = {"EuropeanDigitalCredential", "Qualification", "LearningAchievementSpecification",
             "LearningOpportunity"}
OB3_TYPES = {"Achievement", "AchievementCredential", "OpenBadgeCredential"}


def json_format(data: Any) -> str | None:
    """``elm``, ``ob3`` or ``ctdl`` for a JSON document; ``None`` when it is none of them."""
    if not isinstance(data, dict):
        return None
    urls = [c for c in contexts(data) if isinstance(c, str)]
    if any(c in ELM_CONTEXTS for c in urls):
        return "elm"
    if any(c.startswith(OB3_PREFIX) for c in urls):
        return "ob3"
    if any(c in CTDL_CONTEXTS for c in urls) or "@graph" in data:
        return "ctdl"
    raw = data.get("@type", data.get("type"))
    if isinstance(raw, str) and raw.startswith("ceterms:"):
        return "ctdl"
    types = Node(data, ()).types
    if types & ELM_TYPES:
        return "elm"
    if types & OB3_TYPES:
        return "ob3"
    return None


def file_format(name: str, head: bytes) -> str | None:
    """The format of a file from its first bytes (and, for tables, its name)."""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "json"
    lower = name.lower()
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    first = stripped.split(b"\n", 1)[0].lower()
    if b"title" in first and (b"," in first or b";" in first or b"\t" in first):
        return "csv"
    return None
