"""export then import gives back what both formats hold, for every shipped example."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from mcred.export import elm, ob3
from mcred.export.common import country_code3, load_design
from mcred.importers.reading import read_json
from mcred.langtext import declared_language, has_text, pick
from mcred.model import Design

DESIGNS = sorted(EXAMPLES.glob("*.yaml"))


def _design(path: Path) -> Design:
    loaded = load_design(path)
    if loaded.design is None:  # e.g. a deliberately unsupported format version
        pytest.skip(f"{path.name} is not a loadable design, so it cannot be exported")
    return loaded.design


def _back(document: dict[str, Any], fmt: str) -> dict[str, Any]:
    imported = read_json(json.dumps(document, indent=2), f"x.{fmt}")
    assert imported.format == fmt
    assert [i for i in imported.issues if i.code != "MC002"] == []
    assert len(imported.drafts) == 1
    return imported.drafts[0].data


def _same(back: Any, original: Any, design: Design) -> bool:
    """ELM carries every language of a map and gives it back whole; OB3 carries the design's
    language, which comes back as that language's text (or as a one-entry map)."""
    if isinstance(back, dict) and isinstance(original, dict) and len(back) > 1:
        return back == original
    wanted = pick(original, declared_language(design.language, design.languages))
    shown = next(iter(back.values())) if isinstance(back, dict) else back
    return (shown.strip() if isinstance(shown, str) else shown) == (
        wanted.strip() if isinstance(wanted, str) else wanted)


def _common(design: Design, back: dict[str, Any]) -> None:
    assert _same(back.get("title"), design.title, design)
    ects = design.workload.ects if design.workload else None
    assert (back.get("workload") or {}).get("ects") == ects
    eqf = design.level.eqf if design.level else None
    assert (back.get("level") or {}).get("eqf") == eqf
    outcomes = [lo.text for lo in design.learning_outcomes if has_text(lo.text)]
    returned = [lo["text"] for lo in back.get("learning_outcomes", [])]
    assert len(returned) == len(outcomes)
    assert all(_same(b, o, design) for b, o in zip(returned, outcomes, strict=True))
    kinds = [a.type for a in design.assessment if a.type]
    assert [a.get("type") for a in back.get("assessment", [])] == kinds


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_elm_round_trip(path: Path) -> None:
    design = _design(path)
    back = _back(elm.qualification(design, path.name), "elm")
    _common(design, back)
    bodies = [(b.name, b.country) for b in design.awarding_bodies
              if b.name and country_code3(b.country or "")]
    assert [(b["name"], b.get("country")) for b in back.get("awarding_bodies", [])] == bodies
    assert back.get("field_of_education") == design.field_of_education
    assert back.get("participation") == (design.participation if design.participation
                                         in elm.MODES else None)


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_ob3_round_trip(path: Path) -> None:
    design = _design(path)
    back = _back(ob3.achievement(design, path.name), "ob3")
    _common(design, back)
    first = next((b for b in design.awarding_bodies if b.name), None)
    names = [b["name"] for b in back.get("awarding_bodies", [])]
    assert names == ([first.name] if first else [])
    weights = [a.weight for a in design.assessment if a.type]
    assert [a.get("weight") for a in back.get("assessment", [])] == weights


def test_round_trip_keeps_outcome_skills_and_body_details() -> None:
    path = EXAMPLES / "green-public-procurement.yaml"
    design = _design(path)
    for document, fmt in ((elm.qualification(design, path.name), "elm"),
                          (ob3.achievement(design, path.name), "ob3")):
        back = _back(document, fmt)
        assert back["id"] == "green-public-procurement"
        assert back["learning_outcomes"][0]["esco"] == design.learning_outcomes[0].esco
        assert back["awarding_bodies"][0]["legal_id"] == "https://ror.org/02f40zc51"
        assert back["workload"]["hours_total"] == 135
    elm_back = _back(elm.qualification(design, path.name), "elm")
    assert elm_back["quality_assurance"]["external"]["body"] == "ANECA"
    assert elm_back["recognition"]["rpl"] == design.recognition.rpl  # type: ignore[union-attr]
