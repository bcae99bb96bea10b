"""The generated validator (mcred.plain) and pydantic agree: same errors, same designs.

The lint path validates with code generated from the pydantic model; these tests hold it
to pydantic itself over every fixture, example and hostile file, the benchmark's corpus
and random designs, both at the level of pydantic's error records and of the findings.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import mcred.validate as validate_module
from conftest import ROOT
from mcred.engine import lint_document
from mcred.loader import load_source
from mcred.model import Design as Model
from mcred.plain.classes import ROOT as SPEC_ROOT
from mcred.plain.classes import SPEC
from mcred.plain.validate import NeedsPydantic, validate
from mcred.settings import RuleSettings
from mcred.sources import decode

FILES = sorted(p for d in ("tests/fixtures", "tests/hostile", "examples")
               for p in (ROOT / d).rglob("*.yaml"))


def _pydantic(data: Any) -> tuple[Any, list[dict[str, Any]]]:
    try:
        return Model.model_validate(data), []
    except ValidationError as exc:
        return None, [dict(e) for e in exc.errors(include_url=False)]


def _agree(data: Any) -> bool:
    """Same errors in the same order, and the same design; ``False`` when handed over."""
    model, expected = _pydantic(data)
    try:
        design, errors = validate(data)
    except NeedsPydantic:
        return False
    assert errors == expected
    assert (design is None) == (model is None)
    if design is not None:
        assert design.to_data() == model.model_dump()
        assert design.to_data(exclude_unset=True) == model.model_dump(exclude_unset=True)
    return True


def _data(text: bytes) -> Any:
    doc = load_source(decode(text, "x.yaml"))
    return None if doc.data is None else validate_module._strip_extensions(doc.data)


def _lint(text: bytes) -> list[dict[str, Any]]:
    doc = load_source(decode(text, "x.yaml"))
    return [f.to_dict() for f in lint_document(doc, RuleSettings()).findings]


def _bench_designs(count: int) -> list[bytes]:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [module.design(424_000 + i).encode() for i in range(count)]


def test_every_file_validates_the_same_on_both_paths():
    checked = 0
    for path in FILES:
        data = _data(path.read_bytes())
        if data is not None:
            checked += _agree(data)
    assert checked > 200


@pytest.mark.parametrize("source", ["files", "bench"])
def test_findings_are_identical_with_pydantic_forced(monkeypatch, source):
    texts = ([p.read_bytes() for p in FILES] if source == "files" else _bench_designs(60))
    fast = [_lint(t) for t in texts]
    monkeypatch.setattr(validate_module, "_attempt", validate_module._pydantic)
    assert [_lint(t) for t in texts] == fast


def test_constructs_it_does_not_reproduce_go_to_pydantic():
    with pytest.raises(NeedsPydantic):
        validate({"mcred": 1, "schedule": {"start": 20240101}})
    design, errors = validate_module.validate({"mcred": 1, "schedule": {"start": "20240101"}})
    assert design is not None and [e.code for e in errors] == ["MC006"]


# Random designs: every spec node gets good values, near misses and wrong types.
ODD = st.sampled_from([None, True, 0, -1, 7, 2.5, float("nan"), float("inf"), 10**20, "",
                       "x", "0413", "2024-01-01", "2024-02-30", "Abc", "\ud800", "hybrid",
                       [], [1], {}, {"x-a": 1}, {"zzz": 1}, dt.date(2024, 1, 1),
                       dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 1, 3)])


def _strategy(node: tuple[Any, ...], depth: int = 0) -> st.SearchStrategy[Any]:
    kind = node[0]
    if kind == "nullable":
        return st.one_of(st.none(), _strategy(node[1], depth))
    if kind == "model" and depth < 4:
        fields = {f: _strategy(n, depth + 1) for f, n, *_ in SPEC[node[1]]}
        return st.one_of(st.fixed_dictionaries({}, optional=fields), ODD)
    if kind == "list" and depth < 5:
        return st.one_of(st.lists(_strategy(node[1], depth + 1), max_size=3), ODD)
    if kind in ("union", "tagged"):
        return st.one_of(*(_strategy(n, depth) for _, n in node[1]))
    if kind == "dict":
        return st.one_of(st.dictionaries(st.sampled_from(["en", "es", "xx-!", ""]),
                                          _strategy(node[2], depth + 1), max_size=3), ODD)
    if kind == "literal":
        return st.one_of(st.sampled_from(node[1]), ODD)
    if kind == "str":
        return st.one_of(st.text(max_size=8), ODD)
    if kind in ("int", "float"):
        return st.one_of(st.integers(-5, 300), st.floats(allow_nan=True), ODD)
    return ODD


@settings(max_examples=int(os.environ.get("MCRED_FUZZ_EXAMPLES") or 300), deadline=None,
          derandomize=not os.environ.get("MCRED_FUZZ_EXAMPLES"),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_strategy(SPEC_ROOT))
def test_random_designs_validate_the_same_on_both_paths(data):
    if isinstance(data, dict):
        data = {"mcred": 1, **data} if len(data) % 3 else data
    _agree(data)


def test_cached_designs_come_back_equal(tmp_path: Path):
    text = (ROOT / "examples" / "green-public-procurement.yaml").read_bytes()
    design, _ = validate(_data(text))
    assert design is not None
    import json

    again, errors = validate(json.loads(json.dumps(design.to_data(exclude_unset=True),
                                                   default=str)))
    assert errors == [] and again == design
