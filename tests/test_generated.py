"""Generated artefacts (JSON Schema, docs/rules.md, docs/format.md) must be current."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from mcred.docgen import GENERATED


@pytest.mark.parametrize("rel", sorted(GENERATED))
def test_generated_file_is_current(rel):
    committed = (ROOT / rel).read_text(encoding="utf-8")
    assert committed == GENERATED[rel](), f"{rel} is stale: run `python -m mcred.docgen`"


def test_schema_accepts_the_exemplary_design_and_allows_extensions():
    jsonschema = pytest.importorskip("jsonschema")
    from ruamel.yaml import YAML

    schema = json.loads((ROOT / "schemas/mcred-design.schema.json").read_text(encoding="utf-8"))
    data = YAML(typ="safe", pure=True).load(
        (ROOT / "examples/green-public-procurement.yaml").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))
    jsonschema.Draft202012Validator(schema).validate(data)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors({**data, "titel": "x"}))
    assert any("titel" in e.message for e in errors)
