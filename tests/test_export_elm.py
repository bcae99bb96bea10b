"""ELM 3 export: every loadable example conforms to the EDC SHACL shapes, on a typed graph."""

from __future__ import annotations

import copy
import hashlib
import json
import urllib.request

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from mcred.cli import cli
from mcred.export import elm
from mcred.export.common import data_file, load_design

EXEMPLARY = EXAMPLES / "green-public-procurement.yaml"
LOADABLE = [p for p in sorted(EXAMPLES.rglob("*.yaml")) if load_design(p).design is not None]
NQF_URI = "http://data.europa.eu/snb/qdr/c_c392e7a2"


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Validation must never fetch a context or shape: any attempt fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args[:1]}")
    monkeypatch.setattr(urllib.request, "urlopen", refuse)


def exemplary():
    design = load_design(EXEMPLARY).design
    assert design is not None
    return design


@pytest.mark.parametrize("path", LOADABLE, ids=lambda p: p.name)
def test_every_example_conforms_to_the_shapes_on_a_typed_graph(path):
    design = load_design(path).design
    assert design is not None
    report = elm.validate(elm.qualification(design, str(path)))
    assert report.violations == []
    assert report.types["Qualification"] == 1
    assert report.types["LearningOutcome"] == sum(1 for lo in design.learning_outcomes
                                                  if lo.text)
    if design.workload and design.workload.ects is not None:
        assert report.types["CreditPoint"] == 1
    if design.assessment:
        assert report.types["LearningAssessmentSpecification"] == len(
            [a for a in design.assessment if a.type])


def test_validation_with_the_shared_standards_copy(shared):
    """The shipped copies and the team's standards directory give the same verdict."""
    report = elm.validate(elm.qualification(exemplary(), str(EXEMPLARY)),
                          shared / "data" / "standards")
    assert report.conforms and report.types["Qualification"] == 1


@pytest.mark.parametrize("name", [*elm.GENERIC_SHAPES, *elm.LOQ_SHAPES,
                                  *elm.CONTEXT_FILES.values()])
def test_shipped_standards_files_are_unchanged_copies(name, shared):
    shipped = data_file(name).read_bytes()
    original = (shared / "data" / "standards" / name).read_bytes()
    assert hashlib.sha256(shipped).hexdigest() == hashlib.sha256(original).hexdigest()


def test_qualification_uses_the_eu_vocabularies():
    design = exemplary()
    assert design.level is not None and design.workload is not None
    q = elm.qualification(design, str(EXEMPLARY))
    assert q["@context"] == elm.CONTEXT
    assert q["eqfLevel"]["id"] == f"http://data.europa.eu/snb/eqf/{design.level.eqf}"
    assert q["thematicArea"]["id"].endswith("/" + str(design.field_of_education))
    assert q["volumeOfLearning"] == f"PT{int(design.workload.hours_total or 0)}H"
    assert q["creditPoint"]["point"] == str(int(design.workload.ects or 0))
    languages = {c["id"].rsplit("/", 1)[1] for c in q["language"]}
    assert languages == {"SPA", "ENG"}
    assert q["mode"]["prefLabel"]["en"] == "Blended"
    assert q["entryRequirement"]["type"] == "Note"
    assert q["accreditation"][0]["accreditingAgent"]["legalName"]["en"] == "ANECA"


@pytest.mark.parametrize("damage, expected", [
    (lambda q: q.pop("title"), "title"),
    (lambda q: q.update(volumeOfLearning="135 hours"), "volumeOfLearning"),
    (lambda q: q["eqfLevel"].update(inScheme={"id": "http://example.org/levels",
                                              "type": "ConceptScheme"}), "EQF"),
    (lambda q: q["learningOutcome"][0].pop("title"), "title"),
])
def test_a_broken_export_is_caught(damage, expected):
    q = copy.deepcopy(elm.qualification(exemplary(), str(EXEMPLARY)))
    damage(q)
    report = elm.validate(q)
    assert not report.conforms
    assert any(expected in v for v in report.violations), report.violations


def test_an_untyped_graph_is_detected():
    """With edc-ap alone `type` is not an alias: SHACL passes vacuously, the type check not."""
    q = elm.qualification(exemplary(), str(EXEMPLARY))
    q["@context"] = [elm.CONTEXT[1]]
    report = elm.validate(q)
    assert "Qualification" not in report.types


def test_loq_profile_when_the_design_has_what_it_needs():
    design = exemplary()
    assert design.level is not None
    assert any("nqf" in m for m in elm.loq_ready(design))
    complete = design.model_copy(update={"level": design.level.model_copy(
        update={"nqf": NQF_URI})})
    assert elm.loq_ready(complete) == []
    report = elm.validate(elm.qualification(complete, str(EXEMPLARY)), profile="loq")
    assert report.violations == []
    assert report.types["Qualification"] == 1


def test_loq_profile_catches_a_missing_isced_code():
    design = exemplary()
    assert design.level is not None
    complete = design.model_copy(update={"level": design.level.model_copy(
        update={"nqf": NQF_URI})})
    q = elm.qualification(complete, str(EXEMPLARY))
    del q["thematicArea"]
    assert any("ISCEDFCode" in v for v in elm.validate(q, profile="loq").violations)


def test_cli_exports_and_validates(tmp_path):
    out = tmp_path / "q.jsonld"
    result = CliRunner().invoke(cli, ["export", "--to", "elm", "--validate", "-o", str(out),
                                      str(EXEMPLARY)])
    assert result.exit_code == 0, result.output
    assert "valid: ELM SHACL shapes" in result.stderr
    assert "LOQ publishing profile not checked" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "Qualification"


def test_cli_checks_loq_when_possible(tmp_path):
    text = EXEMPLARY.read_text(encoding="utf-8").replace(
        "  qf_ehea_cycle: first\n", f"  qf_ehea_cycle: first\n  nqf: {NQF_URI}\n")
    path = tmp_path / "complete.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", "--to", "elm", "--validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "valid: ELM LOQ publishing profile" in result.stderr


def test_cli_rejects_credential_flag_for_elm():
    result = CliRunner().invoke(cli, ["export", "--to", "elm", "--credential", str(EXEMPLARY)])
    assert result.exit_code == 2


def test_exporting_does_not_import_the_validators():
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from mcred.export import elm; "
            "from mcred.export.common import load_design; "
            f"d = load_design(Path({str(EXEMPLARY)!r})).design; elm.qualification(d, 'x'); "
            "print('rdflib' in sys.modules, 'pyshacl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.split() == ["False", "False"]


def test_lint_path_imports_no_exporter():
    import subprocess
    import sys

    code = ("import sys; from click.testing import CliRunner; from mcred.cli import cli; "
            f"CliRunner().invoke(cli, ['lint', {str(EXEMPLARY)!r}]); "
            "print(sorted(m for m in sys.modules if m.startswith(('mcred.export', "
            "'mcred.render', 'mcred.init'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "[]"


WEIRD = """\
mcred: 1
title: Odd values
awarding_bodies:
  - name: Nowhere Org
    country: ZZ
  - name: Registry Org
    country: PT
    legal_id: "registry 1234"
languages: [pt-PT, xx-invalid]
learning_outcomes:
  - id: a
    text: Explain an idea to a colleague.
    esco: ["not a uri", "http://data.europa.eu/esco/skill/has space"]
workload: {ects: 2.5, hours_total: 67.5}
"""


def test_values_json_ld_would_drop_are_left_out_and_the_rest_conforms(tmp_path):
    path = tmp_path / "odd.yaml"
    path.write_text(WEIRD, encoding="utf-8")
    design = load_design(path).design
    assert design is not None
    q = elm.qualification(design, str(path))
    assert "relatedESCOSkill" not in q["learningOutcome"][0]
    bodies = q["awardingOpportunity"][0]["awardingBody"]
    assert [b["legalName"]["pt-PT"] for b in bodies] == ["Registry Org"]  # the design's language
    assert bodies[0]["identifier"]["notation"] == "registry 1234"
    assert q["volumeOfLearning"] == "PT67H30M"
    assert [c["prefLabel"]["en"] for c in q["language"]] == ["Portuguese"]
    report = elm.validate(q)
    assert report.violations == [] and report.types["Organisation"] == 1


def test_forced_export_of_an_empty_design_fails_validation_cleanly(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("mcred: 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", "--to", "elm", "--force", "--validate",
                                      str(path)])
    assert result.exit_code == 1
    assert "title" in result.stderr and result.stdout == ""


def test_missing_validation_extra_is_reported_not_a_traceback(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def without_pyshacl(name, *args, **kwargs):
        if name == "pyshacl":
            raise ImportError("No module named 'pyshacl'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_pyshacl)
    result = CliRunner().invoke(cli, ["export", "--to", "elm", "--validate", str(EXEMPLARY)])
    assert result.exit_code == 2
    assert "mcred[elm]" in result.stderr


def test_shipped_isced_labels_match_the_eu_vocabulary(shared):
    import xml.etree.ElementTree as ET

    xs = "{http://www.w3.org/2001/XMLSchema}"
    root = ET.parse(shared / "data" / "standards" / "elm3" / "cv" / "isced-f.xsd").getroot()
    expected = {}
    for enum in root.iter(xs + "enumeration"):
        doc = enum.find(f"{xs}annotation/{xs}documentation")
        expected[enum.get("value", "").rsplit("/", 1)[1]] = " ".join((doc.text or "").split())
    shipped = json.loads(data_file("elm3/isced-f-labels.json").read_text(encoding="utf-8"))
    assert shipped == expected and len(shipped) == 220


def test_thematic_area_carries_the_isced_label():
    q = elm.qualification(exemplary(), str(EXEMPLARY))
    assert q["thematicArea"]["prefLabel"]["en"] == "Management and administration"
