"""Each source format maps its elements onto the design, with positions on the source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from mcred.cli import cli
from mcred.importers import import_file
from mcred.importers.reading import read_json
from mcred.runner import lint_paths
from mcred.settings import LintSettings

PUBLISHED = Path(__file__).parent / "fixtures" / "published"


def _one(name: str) -> dict:
    result = import_file(PUBLISHED / name, name)
    assert not result.issues and len(result.drafts) == 1
    return result.drafts[0].data


def test_elm_learning_opportunity_gives_dates_price_and_its_specification():
    data = _one("learning-opportunity.jsonld")
    assert data["id"] == "green-procurement"
    assert data["schedule"] == {"start": dt.date(2027, 2, 1), "end": dt.date(2027, 4, 11)}
    assert data["fee"] == {"amount": 450, "currency": "EUR"}
    assert data["participation"] == "online"
    assert data["workload"] == {"ects": 5, "hours_total": 135, "duration_weeks": 10}


def test_language_maps_stay_language_maps():
    data = _one("learning-opportunity.jsonld")
    assert data["language"] == "en"
    assert data["title"] == {"en": "Green Public Procurement", "es": "Compra pública verde"}
    assert set(data["learning_outcomes"][0]["text"]) == {"en", "es"}


def test_ob3_credential_gives_outcomes_tasks_grading_and_issuer():
    data = _one("open-badge-credential.json")
    assert [lo["text"] for lo in data["learning_outcomes"]] == [
        "Apply the safety checklist before welding.", "Explain the risks of fumes."]
    assert data["learning_outcomes"][0]["esco"] == ["http://data.europa.eu/esco/skill/0001"]
    assert data["assessment"] == [{"type": "practical", "weight": 100,
                                   "criteria": "observed on site"}]
    assert data["grading"] == {"scheme": "pass-fail"}
    assert data["level"] == {"eqf": 3} and data["workload"] == {"ects": 2}
    assert data["awarding_bodies"][0]["country"] == "IE"
    assert data["x-ob3"] == {"achievementType": "Certificate"}


def test_ctdl_registry_graph_with_its_organisation():
    data = _one("ctdl-microcredential.json")
    assert data["title"] == "Data Literacy Essentials"
    assert data["awarding_bodies"] == [{"name": "Example University"}]
    assert data["workload"] == {"hours_total": 50, "ects": 2}
    assert data["participation"] == "online" and data["languages"] == ["en"]
    assert data["learning_outcomes"] == [{"text": "Interpret a bar chart",
                                          "esco": ["http://data.europa.eu/esco/skill/0002"]}]


def test_unknown_context_is_positioned_on_its_url():
    text = ('{\n  "@context": [\n    "https://www.w3.org/2018/credentials/v1",\n'
            '    "https://example.org/ctx.jsonld"\n  ],\n  "type": "Qualification",\n'
            '  "title": {"en": "T"}\n}')
    issue = next(i for i in read_json(text, "x.jsonld").issues if i.code == "MC016")
    assert issue.span[:2] == (4, 5) and "example.org" in issue.message


def test_json_syntax_error_is_one_positioned_finding(tmp_path):
    path = tmp_path / "broken.jsonld"
    path.write_text('{\n  "title": "x",\n  "type" "Qualification"\n}', encoding="utf-8")
    findings = lint_paths([path], LintSettings()).findings
    assert [(f.code, f.line, f.column) for f in findings] == [("MC001", 3, 10)]
    assert "expected ':'" in findings[0].message


def test_a_design_written_as_json_is_linted_as_a_design(tmp_path):
    path = tmp_path / "design.json"
    path.write_text('{"mcred": 1, "title": "Data Basics"}', encoding="utf-8")
    codes = {f.code for f in lint_paths([path], LintSettings()).findings}
    assert "MC016" not in codes and "MC102" in codes  # missing outcomes, as for YAML


def test_from_forces_the_format():
    text = '{"type": "Something", "name": "Welding Safety", "creditsAvailable": 2}'
    assert read_json(text, "x.json").format is None
    assert read_json(text, "x.json", "ob3").drafts == []  # no Achievement in it
    forced = read_json('{"type": "Thing", "title": {"en": "T"}}', "x.json", "elm")
    assert forced.format == "elm"


def test_report_lists_mapped_kept_and_dropped(shared):
    sample = shared / "data" / "standards" / "elm3" / "Sample-MC-Annex1-unsigned.jsonld"
    run = CliRunner().invoke(cli, ["import", str(sample), "--report"])
    assert run.exit_code == 0
    assert "mapped: title" in run.output or "mapped:" in run.output
    assert "kept under x-: thematicArea, maximumDuration" in run.output
    assert "dropped:" in run.output and "displayParameter" in run.output
    assert "x-elm:" in run.output and "learning_outcomes[]" in run.output


def test_texts_keep_their_language_tags():
    from mcred.importers.draft import text_value

    assert text_value({"und": "Plain"}, "en") == "Plain"
    assert text_value({"en": "Data"}, "en") == "Data"
    assert text_value({"es": "Datos"}, "en") == {"es": "Datos"}  # not in the design's language
    assert text_value({"en": "Data", "es": "Datos"}, "en") == {"en": "Data", "es": "Datos"}
    assert text_value({"en": " "}, "en") is None


def test_durations_and_numbers_as_published():
    from mcred.importers import vocab

    assert vocab.duration_hours("PT67H30M") == 67.5 and vocab.duration_hours("P1M") is None
    assert vocab.duration_weeks("P70D") == 10 and vocab.duration_weeks("P10W") == 10
    assert vocab.duration_weeks("P1M") is None and vocab.duration_hours({"x": 1}) is None
    assert vocab.number("2,5") == 2.5 and vocab.number("1e400") is None
    assert vocab.number(True) is None
    assert vocab.language_tag("http://publications.europa.eu/resource/authority/language/SPA") \
        == "es"
    assert vocab.country_code("http://publications.europa.eu/resource/authority/country/IRL") \
        == "IE"


def test_shipped_vocabulary_uris_are_in_the_eu_lists_and_values_in_the_format(shared):
    import json as _json
    from importlib import resources

    from mcred.model.vocab import AssessmentType, Participation, QaType, values

    data = _json.loads((resources.files("mcred.importers") / "data" / "vocabularies.json")
                       .read_text("utf-8"))
    cv = shared / "data" / "standards" / "elm3" / "cv"
    sources = {"participation": "europass-modes.xsd",
               "assessment": "europass-learning-assessment-types.xsd",
               "accreditation": "europass-accreditation-types.xsd",
               "credit_systems": "credit-points.xsd"}
    allowed = {"participation": values(Participation), "assessment": values(AssessmentType),
               "accreditation": values(QaType)}
    for table, xsd in sources.items():
        text = (cv / xsd).read_text(encoding="utf-8")
        for uri, value in data[table].items():
            assert f'value="{uri}"' in text, (table, uri)
            assert table not in allowed or value in allowed[table], (table, value)
    assert set(data["ob3_assessment"].values()) <= set(values(AssessmentType))


def test_ob3_assessment_extension_gives_tasks():
    text = ('{"@context": ["https://www.w3.org/ns/credentials/v2", '
            '"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"], '
            '"type": ["Achievement"], "name": "Welding", "criteria": {"narrative": "Weld."}, '
            '"resultDescription": [{"type": ["ResultDescription", '
            '"AssessmentResultDescription"], "assessmentType": "Performance", '
            '"description": "Welding observed on site", "name": "R", "resultType": "Status"}]}')
    data = read_json(text, "x.json").drafts[0].data
    assert data["assessment"] == [{"type": "practical", "criteria": "Welding observed on site"}]


def test_elm_graph_reads_each_specification_once_with_its_opportunity():
    import json

    opportunity = json.loads((PUBLISHED / "learning-opportunity.jsonld").read_text("utf-8"))
    spec = opportunity.pop("hasPart")[0]
    graph = {"@context": opportunity.pop("@context"), "@graph": [spec, opportunity]}
    imported = read_json(json.dumps(graph), "graph.jsonld")
    assert len(imported.drafts) == 1
    data = imported.drafts[0].data
    assert data["fee"]["amount"] == 450 and data["workload"]["ects"] == 5


def test_import_vocabulary_inverts_the_exporters():
    from mcred.export import elm
    from mcred.importers import vocab

    for value, (code, _label) in elm.MODES.items():
        assert vocab.lookup("participation", f"{elm.SNB}learning-assessment/{code}") == value
    for value, (code, _label) in elm.ASSESSMENT_TYPES.items():
        assert vocab.lookup("assessment", f"{elm.SNB}assessment/{code}") == value
    for value, (code, _label) in elm.ACCREDITATION_TYPES.items():
        assert vocab.lookup("accreditation", f"{elm.SNB}accreditation/{code}") == value
    assert vocab.lookup("credit_systems", elm.ECTS[0]) == "ECTS"


def test_shipped_code_table_matches_pycountry():
    import importlib.util
    import json as _json
    from importlib import resources

    path = Path(__file__).resolve().parent.parent / "scripts" / "build_import_codes.py"
    spec = importlib.util.spec_from_file_location("build_import_codes", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = _json.loads((resources.files("mcred.importers") / "data" / "codes.json")
                          .read_text("utf-8"))
    fresh = module.table()
    assert shipped["languages"] == fresh["languages"]
    assert shipped["countries"] == fresh["countries"]
