"""Language maps: the accessors, the model's two forms, positions of map entries, the schema."""

from __future__ import annotations

import json
import typing

import pytest

from conftest import ROOT, lint_text
from mcred.langtext import declared_language, has_text, pick, tags, text_path, variants
from mcred.loader import load_text
from mcred.model import Design
from mcred.model.recognition import Prerequisites
from mcred.model.text import LangMap
from mcred.plain.texts import learner_texts

BILINGUAL = """\
mcred: 1
language: es
languages: [es, en]
title:
  es: Compra pública verde
  en: Green public procurement
learning_outcomes:
  - id: lo1
    text:
      es: Analizar una licitación pública.
      en: Analyse a public tender.
"""


def test_variants_keep_file_order_and_tag_plain_text_with_none():
    assert variants("Analyse") == [(None, "Analyse")]
    assert variants({"es": "Analizar", "en": "Analyse"}) == [("es", "Analizar"),
                                                            ("en", "Analyse")]
    assert variants(None) == [] and tags({"pt-PT": "x", "en": "y"}) == ["pt-PT", "en"]


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Analyse"), ("EN", "Analyse"), ("pt", "Analisar (pt-PT)"),
    ("pt-BR", "Analisar (pt-PT)"), ("de", "Analizar"), (None, "Analizar"),
])
def test_pick_exact_then_primary_subtag_then_first(lang, expected):
    value = {"es": "Analizar", "en": "Analyse", "pt-PT": "Analisar (pt-PT)"}
    assert pick(value, lang) == expected


def test_pick_passes_over_blank_entries_and_returns_plain_text_as_is():
    assert pick({"es": "  ", "en": "Analyse"}, "es") == "Analyse"
    assert pick({"es": " "}, "es") is None and pick({}, None) is None and pick(None, "es") is None
    assert pick(" Analyse ", "de") == " Analyse "
    assert has_text({"es": "x"}) and not has_text("  ") and not has_text({"es": ""})


def test_text_path_appends_the_tag_of_a_map_entry_only():
    base = ("learning_outcomes", 0, "text")
    assert text_path(base, "es") == (*base, "es") and text_path(base, None) == base


def test_declared_language_prefers_language_then_first_of_languages():
    assert declared_language("pt-PT", ["en"]) == "pt-PT"
    assert declared_language(None, [" ", "de"]) == "de"
    assert declared_language(" ", []) is None


def test_model_accepts_both_forms():
    design = Design.model_validate({"mcred": 1, "title": {"es": "Título", "en": "Title"},
                                    "summary": "Plain", "language": "es"})
    assert design.title == {"es": "Título", "en": "Title"} and design.summary == "Plain"
    assert design.language == "es"


@pytest.mark.parametrize(("value", "kind"), [
    ("none", str), ({"es": "Ninguno", "en": "None"}, dict),
    ({"description": "Basic skills"}, Prerequisites),
    ({"description": {"es": "Nociones", "en": "Basics"}, "requires": ["a"]}, Prerequisites),
])
def test_prerequisites_tell_a_language_map_from_the_structured_form(value, kind):
    assert isinstance(Design.model_validate({"mcred": 1, "prerequisites": value}).prerequisites,
                      kind)


def test_a_misspelled_prerequisites_key_is_an_unknown_key_not_a_language():
    findings = lint_text("mcred: 1\nprerequisites:\n  descripton: Basic skills\n")
    assert [(f.code, f.line) for f in findings if f.code.startswith("MC0")] == [("MC005", 3)]
    assert "did you mean `description`" in next(f.message for f in findings if f.code == "MC005")


def test_a_wrong_value_in_a_map_is_one_finding_at_the_entry():
    findings = lint_text("mcred: 1\ntitle:\n  es: [a, b]\n  en: Title\n")
    shape = [f for f in findings if f.code == "MC006"]
    assert [(f.line, f.column, f.key_path) for f in shape] == [(3, 3, ("title", "es"))]
    assert "language map" in shape[0].message and "input should" not in shape[0].message


def test_an_unquoted_number_in_a_map_is_kept_as_text():
    findings = lint_text("mcred: 1\ntitle:\n  es: 2024\n")
    assert [(f.code, f.key_path) for f in findings if f.code.startswith("MC0")] == [
        ("MC012", ("title", "es"))]


def test_positions_of_map_entries():
    doc = load_text(BILINGUAL, "b.yaml")
    span, found = doc.index.locate(("learning_outcomes", 0, "text", "es"))
    assert found == ("learning_outcomes", 0, "text", "es")
    assert (span.line, span.column) == (10, 11)
    span, _ = doc.index.locate(("title", "en"))
    assert (span.line, span.column) == (6, 7)


def test_a_finding_about_one_language_lands_on_that_entry():
    text = BILINGUAL.replace("      en: Analyse", "      English: Analyse")
    found = [f for f in lint_text(text) if f.code == "MC802"]
    assert [(f.line, f.column, f.key_path) for f in found] == [
        (11, 16, ("learning_outcomes", 0, "text", "English"))]


def _lang_text_fields(model: type, base: tuple = ()) -> set[tuple]:
    """Paths (with 0 for list items) of every field whose type includes a language map."""
    found = set()
    for name, field in model.model_fields.items():
        path = (*base, name)
        text = repr(field.annotation)
        if repr(LangMap) in text or "dict[str, str]" in text:
            found.add(path)
        for leaf in _models(field.annotation):
            found |= _lang_text_fields(leaf, (*path, 0) if "list[" in text else path)
    return found


def _models(annotation: object) -> list[type]:
    from pydantic import BaseModel

    out = []
    for arg in typing.get_args(annotation) or (annotation,):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            out.append(arg)
        elif typing.get_args(arg):
            out.extend(_models(arg))
    return out


def _full(model: type) -> dict:
    """A value for every field: text fields get a language map, models recurse."""
    data = {}
    for name, field in model.model_fields.items():
        text = repr(field.annotation)
        sub = [m for m in _models(field.annotation) if m is not model]
        if sub and name != "prerequisites":
            item = _full(sub[0])
            data[name] = [item] if "list[" in text else item
        elif "dict[str, str]" in text or repr(LangMap) in text:
            data[name] = {"es": "texto", "en": "text"}
    return data


def test_every_text_field_of_the_model_is_walked_by_learner_texts():
    data = _full(Design)
    data.update({"mcred": 1, "prerequisites": {"description": {"es": "x", "en": "y"}}})
    design = Design.model_validate(data)
    walked = {tuple(0 if isinstance(p, int) else p for p in path)
              for path, _ in learner_texts(design)}
    assert walked == _lang_text_fields(Design) - {("prerequisites",)} | {
        ("prerequisites", "description")}
    assert len(walked) >= 13


def test_schema_validates_both_forms_as_an_editor_would():
    jsonschema = pytest.importorskip("jsonschema")
    from ruamel.yaml import YAML

    schema = json.loads((ROOT / "schemas/mcred-design.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    data = YAML(typ="safe", pure=True).load(BILINGUAL)
    assert list(validator.iter_errors(data)) == []
    assert list(validator.iter_errors({**data, "title": "Compra pública verde"})) == []
    bad = {**data, "title": {"es": "Título", "English language": "Title"}}
    assert [list(e.absolute_path) for e in validator.iter_errors(bad)] == [["title"]]
    assert list(validator.iter_errors({**data, "title": {"es": 3}}))
    assert list(validator.iter_errors({**data, "language": 5}))


def test_the_bilingual_example_validates_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    from ruamel.yaml import YAML

    schema = json.loads((ROOT / "schemas/mcred-design.schema.json").read_text("utf-8"))
    text = (ROOT / "examples/bilingual-circular-economy.yaml").read_text("utf-8")
    data = json.loads(json.dumps(YAML(typ="safe", pure=True).load(text), default=str))
    assert isinstance(data["title"], dict) and isinstance(data["grading"]["scale"], str)
    jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_offers_both_forms_with_help_for_completion():
    schema = json.loads((ROOT / "schemas/mcred-design.schema.json").read_text("utf-8"))
    title = schema["properties"]["title"]
    branches = title["anyOf"]
    assert {"type": "string"} in branches
    mapping = next(b for b in branches if b.get("type") == "object")
    assert mapping["propertyNames"]["pattern"] and mapping["additionalProperties"] == {
        "type": "string"}
    assert mapping["title"] and mapping["description"] and mapping["examples"]
    assert title["title"] == "Title" and any(isinstance(x, dict) for x in title["examples"])
    assert "oneOf" not in json.dumps(schema)
