"""The catalogue overview as plain data (the `mcred catalogue --format json` document).

Pure functions of a finished run; the CLI renders the same dictionary as rich tables, so
the text and JSON forms can never disagree. One pass over the designs, plus sorting.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from mcred.catalogue.model import Catalogue, Entry, design_id
from mcred.findings import count_by_severity
from mcred.langtext import declared_language, has_text, pick
from mcred.plain import Design

if TYPE_CHECKING:
    from mcred.runner import RunResult

FORMAT_VERSION = 1


def _qa(d: Design) -> bool:
    qa = d.quality_assurance
    return qa is not None and bool(qa.type or qa.internal or qa.external)


def _workload(d: Design) -> bool:
    w = d.workload
    return w is not None and any(v is not None for v in (w.ects, w.hours_total, w.other_credits))


def _level(d: Design) -> bool:
    lv = d.level
    return lv is not None and any(v is not None for v in (lv.eqf, lv.qf_ehea_cycle, lv.nqf))


# The Annex I elements a design can show (issue date and learner identity belong to each
# issued credential, not the design).
ANNEX_I: dict[str, Callable[[Design], bool]] = {
    "title": lambda d: has_text(d.title),
    "awarding_body": lambda d: any((b.name or "").strip() for b in d.awarding_bodies),
    "country": lambda d: any(b.country for b in d.awarding_bodies),
    "learning_outcomes": lambda d: bool(d.learning_outcomes),
    "workload": _workload,
    "assessment": lambda d: bool(d.assessment),
    "quality_assurance": _qa,
    "level": _level,
    "participation": lambda d: d.participation is not None,
}


def overview(result: RunResult, top: int = 10) -> dict[str, Any]:
    """Everything `mcred catalogue` shows, JSON-ready (keys of distributions are strings)."""
    entries = [Entry(design_id(f.design, f.path), f.path, f.design, f.document)
               for f in result.files if f.design is not None]
    catalogue = Catalogue(entries)
    designs = [e.design for e in catalogue]
    return {
        "version": FORMAT_VERSION,
        "designs": len(designs),
        "files": {
            "linted": len(result.files),
            "not_loaded": [f.path for f in result.files if f.design is None],
            "skipped": len(result.skipped),
            "read_errors": list(result.read_errors),
        },
        "ects": _ects(catalogue),
        "eqf": _distribution(e.eqf() for e in catalogue),
        "participation": _distribution(d.participation for d in designs),
        "outcomes_per_design": _numbers([len(d.learning_outcomes) for d in designs]),
        "annex_i": _annex_i(designs),
        "stacking": stacking(catalogue),
        "findings": _findings(result, top),
    }


def _distribution(values: Iterable[object]) -> dict[str, Any]:
    counts = Counter(values)
    missing = counts.pop(None, 0)
    ordered = sorted(counts, key=lambda v: (isinstance(v, str), v))
    return {"distribution": {_key(v): counts[v] for v in ordered}, "missing": missing}


def _key(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _numbers(values: list[int]) -> dict[str, Any]:
    summary: dict[str, Any] = {"min": None, "median": None, "mean": None, "max": None}
    if values:
        summary = {"min": min(values), "median": statistics.median(values),
                   "mean": round(statistics.fmean(values), 2), "max": max(values)}
    return {**summary, **_distribution(values)}


def _ects(catalogue: Catalogue) -> dict[str, Any]:
    values = [e.ects() for e in catalogue]
    known = [v for v in values if v is not None]
    return {"total": sum(known), "min": min(known, default=None),
            "median": statistics.median(known) if known else None,
            "max": max(known, default=None), **_distribution(values)}


def _annex_i(designs: list[Design]) -> dict[str, dict[str, Any]]:
    shares = {}
    for element, present in ANNEX_I.items():
        count = sum(1 for d in designs if present(d))
        shares[element] = {"designs": count,
                           "share": round(count / len(designs), 4) if designs else 0.0}
    return shares


def stacking(catalogue: Catalogue) -> list[dict[str, Any]]:
    """Each stacking target with the designs that count towards it, targets sorted by id."""
    targets: dict[str, dict[str, Any]] = {}
    for entry in catalogue:
        recognition = entry.design.recognition
        for towards in recognition.towards if recognition else []:
            key = towards.id or f"{towards.name or '?'} ({towards.provider or '?'})"
            node = targets.get(key) or targets.setdefault(key, _target(catalogue, towards.id, key))
            ects = towards.ects if towards.ects is not None else entry.ects()
            node["sources"].append({"id": entry.id, "path": entry.path, "ects": ects})
    for node in targets.values():
        node["stacked_ects"] = sum(s["ects"] for s in node["sources"] if s["ects"] is not None)
    return [targets[k] for k in sorted(targets)]


def _target(catalogue: Catalogue, target_id: str | None, key: str) -> dict[str, Any]:
    found = catalogue.resolve(target_id)
    return {"target": key, "in_catalogue": found is not None,
            "external": target_id is None,
            "title": _title(found.design) if found else None,
            "ects": found.ects() if found else None, "sources": []}


def _title(design: Design) -> str | None:
    """The title in the design's own language (a report shows one text per design)."""
    return pick(design.title, declared_language(design.language, design.languages))


def _findings(result: RunResult, top: int) -> dict[str, Any]:
    by_code = Counter(f.code for f in result.findings)
    ranked = sorted((f for f in result.files if f.findings),
                    key=lambda f: (-len(f.findings), f.path))
    return {
        "total": sum(by_code.values()),
        **count_by_severity(result.findings),
        "by_code": dict(sorted(by_code.items())),
        "worst_offenders": [{"path": f.path, "findings": len(f.findings),
                             **count_by_severity(f.findings)} for f in ranked[:top]],
    }
