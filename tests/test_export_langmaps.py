"""Exports of a bilingual design: ELM keeps every language, OB3 takes the design's own."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import EXAMPLES
from mcred.cli import cli
from mcred.export import elm, ob3
from mcred.export.common import load_design

BILINGUAL = EXAMPLES / "bilingual-circular-economy.yaml"


def bilingual():
    design = load_design(BILINGUAL).design
    assert design is not None
    return design


def test_elm_emits_every_language_of_a_map_and_conforms():
    q = elm.qualification(bilingual(), str(BILINGUAL))
    assert q["title"] == {"es": "Economía circular para pymes", "en": "Circular Economy for SMEs"}
    assert set(q["description"]) == {"es", "en"}
    for outcome in q["learningOutcome"]:
        assert set(outcome["title"]) == {"es", "en"}
    assert q["learningOutcome"][0]["title"]["es"].startswith("Analizar los flujos")
    assert set(q["entryRequirement"]["noteLiteral"]) == {"es", "en"}
    assert all(set(spec["description"]) == {"es", "en"} for spec in q["provenBy"])
    notes = [n["noteLiteral"] for n in q["additionalNote"]]
    assert any(set(n) == {"es", "en"} and "Reconocido como 4 ECTS" in n["es"] for n in notes)
    # a plain text (the body's legal name) is in the design's language
    body = q["awardingOpportunity"][0]["awardingBody"][0]
    assert body["legalName"] == {"es": "Universidad de Ejemplo"}
    report = elm.validate(q)
    assert report.violations == [] and report.types["LearningOutcome"] == 4


def test_elm_lang_option_tags_plain_texts_only():
    q = elm.qualification(bilingual(), str(BILINGUAL), lang="en")
    body = q["awardingOpportunity"][0]["awardingBody"][0]
    assert body["legalName"] == {"en": "Universidad de Ejemplo"}
    assert set(q["title"]) == {"es", "en"}


def test_ob3_takes_the_design_language(shared):
    achievement = ob3.achievement(bilingual(), str(BILINGUAL))
    assert achievement["inLanguage"] == "es"
    assert achievement["name"] == "Economía circular para pymes"
    assert achievement["description"].startswith("Un curso breve")
    narrative = achievement["criteria"]["narrative"]
    assert "Analizar los flujos" in narrative and "Analyse the material" not in narrative
    assert "Rúbrica publicada" in narrative
    # the narrative's own wording is in the same language, with labels, not codes
    assert "Quienes obtienen esta microcredencial son capaces de:" in narrative
    assert "- Proyecto (70 %): Rúbrica publicada" in narrative and "project" not in narrative
    assert "4 créditos ECTS, 108 horas de aprendizaje" in narrative
    assert ob3.validate(achievement, shared / "data" / "standards", bare=True) == []


def test_ob3_lang_chooses_the_other_side(shared):
    credential = ob3.credential(bilingual(), str(BILINGUAL), lang="en")
    inner = credential["credentialSubject"]["achievement"]
    assert inner["inLanguage"] == "en" and inner["name"] == "Circular Economy for SMEs"
    assert credential["name"] == "Circular Economy for SMEs"
    assert credential["description"].startswith("A short, assessed course")
    assert ob3.validate(credential, shared / "data" / "standards", bare=False) == []


def test_ob3_in_language_is_the_design_language_not_the_first_teaching_language():
    design = bilingual().model_copy(update={"language": "en", "languages": ["pt", "en"]})
    achievement = ob3.achievement(design, "x.yaml")
    assert achievement["inLanguage"] == "en" and achievement["name"] == "Circular Economy for SMEs"


def test_cli_export_lang(tmp_path):
    out = tmp_path / "a.json"
    result = CliRunner().invoke(cli, ["export", "--to", "ob3", str(BILINGUAL), "-o", str(out),
                                      "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text("utf-8"))["inLanguage"] == "en"
    bad = CliRunner().invoke(cli, ["export", "--to", "elm", str(BILINGUAL), "--lang", "e n"])
    assert bad.exit_code == 2 and "language tag" in bad.output
