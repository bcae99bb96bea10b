"""Property tests: whatever the bytes, linting returns findings (or a clean error), never an
exception, within the time budget; `--fix` either rewrites verifiably or refuses.

Short and derandomised for CI; `MCRED_FUZZ_EXAMPLES=5000` makes a long random run, and
`tests/fuzz/atheris_lint.py` is the coverage-guided one (see README "Fuzzing").
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mcred.engine import lint_document
from mcred.fix import FixRefused
from mcred.fix.roundtrip import rewrite
from mcred.loader import load_source
from mcred.model import Design
from mcred.settings import RuleSettings
from mcred.sources import decode

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "green-public-procurement.yaml").read_bytes()
BUDGET = 5.0 + 3.0  # the per-file time budget plus slack for a noisy machine
LONG = int(os.environ.get("MCRED_FUZZ_EXAMPLES", "0"))  # e.g. 5000 for a release run
CI = settings(max_examples=LONG or 60, deadline=None, derandomize=not LONG,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TOKENS = ["mcred: 1\n", "- ", "? ", ": ", ", ", "[", "]", "{", "}", "&a ", "*a", "&b ", "*b",
          "!!str ", "!!int ", "!tag ", "!!python/object:os.system ", "<<: ", "---\n", "...\n",
          "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "|\n", ">-\n", "'", '"', "\\", "#", " # c\n",
          "\n", "  ", "\t", "title", "workload", "ects", "1.10", "0413", ".nan", "~", "yes",
          "2024-02-30", "9" * 50, "\x1b[31m", "::error::", "[/]", "\ufeff", "\u2028", "é"]


def lint_bytes(data: bytes) -> list[str]:
    """The whole pipeline after the file is read; asserts the time budget."""
    start = time.monotonic()
    result = lint_document(load_source(decode(data, "fuzz.yaml")), RuleSettings())
    assert time.monotonic() - start < BUDGET
    for finding in result.findings:
        assert finding.line >= 1 and finding.column >= 1
        assert finding.code.startswith("MC")
    return [f.code for f in result.findings]


@CI
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    lint_bytes(data)


@CI
@given(st.lists(st.sampled_from(TOKENS), max_size=120).map("".join))
def test_yaml_token_soup(text):
    lint_bytes(text.encode("utf-8", "surrogatepass"))


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(SEED)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["delete", "insert", "duplicate", "byte"]))
        if kind == "delete":
            del data[at: at + draw(st.integers(1, 40))]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS)).encode("utf-8")
        elif kind == "duplicate":
            data[at:at] = data[at: at + draw(st.integers(1, 200))]
        elif at < len(data):
            data[at] = draw(st.integers(0, 255))
    return bytes(data)


@CI
@given(mutated())
def test_mutated_designs(data):
    lint_bytes(data)


@CI
@given(mutated())
def test_fix_on_mutated_designs_rewrites_verifiably_or_refuses(data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    if load_source(decode(data, "f.yaml")).issues:
        return  # the CLI never rewrites files the loader rejects
    try:
        result = rewrite(text.encode("utf-8"), unsafe=True)
    except FixRefused:
        return
    assert result.original == data
    if result.changed:
        assert lint_bytes(result.result) is not None


KEYS = [*sorted(Design.model_fields), "x-extra", "unknown"]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from([*KEYS, "ects", "type", "id", "covers"]), inner,
                    max_size=5)), max_leaves=30)


@CI
@given(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=12))
def test_random_designs_as_json(design):
    design.setdefault("mcred", 1)
    lint_bytes(json.dumps(design, allow_nan=True).encode("utf-8"))
