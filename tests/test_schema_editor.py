"""Editor support: every key of the published schema has a title, description and examples,
and every vocabulary of the model is an enum, so yaml-language-server can complete and explain.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterator
from typing import Any, Literal

import pytest
from pydantic import BaseModel

from conftest import ROOT
from mcred.model import Design
from mcred.model.design import SCHEMA_ID

SCHEMA = json.loads((ROOT / "schemas/mcred-design.schema.json").read_text("utf-8"))
DEFS: dict[str, Any] = SCHEMA["$defs"]


def _objects() -> Iterator[tuple[str, dict[str, Any]]]:
    yield "Design", SCHEMA
    yield from DEFS.items()


PROPERTIES = [(f"{name}.{key}", prop) for name, obj in _objects()
              for key, prop in obj["properties"].items()]


def test_schema_identifies_itself_for_modelines():
    assert SCHEMA["$id"] == SCHEMA_ID
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize(("name", "obj"), list(_objects()), ids=[n for n, _ in _objects()])
def test_every_object_has_a_title_and_description(name, obj):
    assert obj.get("title") and obj.get("description"), name


@pytest.mark.parametrize(("key", "prop"), PROPERTIES, ids=[k for k, _ in PROPERTIES])
def test_every_key_has_title_description_and_examples(key, prop):
    assert prop.get("title"), f"{key} has no title"
    assert prop.get("description"), f"{key} has no description"
    assert prop.get("examples"), f"{key} has no examples"


@pytest.mark.parametrize(("key", "prop"), PROPERTIES, ids=[k for k, _ in PROPERTIES])
def test_every_example_is_valid_for_its_key(key, prop):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(
        {**prop, "$defs": DEFS}, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for example in prop["examples"]:
        errors = [e.message for e in validator.iter_errors(example)]
        assert errors == [], f"{key} example {example!r}: {errors}"


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> Iterator[type[BaseModel]]:
    if model in seen:
        return
    seen.add(model)
    yield model
    for field in model.model_fields.values():
        for arg in _flatten(field.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                yield from _models(arg, seen)


def _flatten(annotation: object) -> Iterator[object]:
    yield annotation
    for arg in typing.get_args(annotation):
        yield from _flatten(arg)


def _literal_values(annotation: object) -> list[str]:
    return [v for a in _flatten(annotation) if typing.get_origin(a) is Literal
            for v in typing.get_args(a)]


def _enums(prop: dict[str, Any]) -> list[list[str]]:
    found = [prop["enum"]] if "enum" in prop else []
    subs = [*prop.get("anyOf", []), *([prop["items"]] if "items" in prop else [])]
    for sub in subs:
        found += _enums(sub)
    return found


VOCABULARY_FIELDS = [(model, key, values) for model in _models(Design, set())
                     for key, field in model.model_fields.items()
                     if (values := _literal_values(field.annotation))]


def test_the_model_has_vocabularies_to_check():
    assert len(VOCABULARY_FIELDS) >= 8


@pytest.mark.parametrize(("model", "key", "values"), VOCABULARY_FIELDS,
                         ids=[f"{m.__name__}.{k}" for m, k, _ in VOCABULARY_FIELDS])
def test_every_vocabulary_is_an_enum_in_the_schema(model, key, values):
    obj = SCHEMA if model is Design else DEFS[model.__name__]
    assert _enums(obj["properties"][key]) == [values]


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_no_null_branches_or_default_completions():
    """yaml-language-server offers `null` and "Default value" for these; neither helps."""
    for node in _walk(SCHEMA):
        assert node.get("type") != "null", node
        assert "default" not in node or not isinstance(node.get("default"), type(None))
    assert not any("default" in prop for _, prop in PROPERTIES)


@pytest.mark.parametrize(("key", "prop"), PROPERTIES, ids=[k for k, _ in PROPERTIES])
def test_hover_text_never_repeats_the_title(key, prop):
    text = prop["markdownDescription"]
    first = text.split("\n\n")[0].lower().rstrip(".")
    assert first != prop["title"].lower().rstrip("."), key
    assert "Example:" in text, key


def test_vocabularies_show_their_meanings():
    participation = SCHEMA["properties"]["participation"]
    assert "- `blended`: a mix of online and onsite" in participation["markdownDescription"]
    assert len(participation["enumDescriptions"]) == len(participation["enum"])
    for node in _walk(SCHEMA):
        if "enum" in node and node.get("type") == "string":
            assert all(node.get("enumDescriptions", [])), f"no meanings for {node['enum']}"
