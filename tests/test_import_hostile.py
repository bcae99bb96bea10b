"""Hostile published JSON: bounded, no traceback, no network; each problem one finding."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from mcred.cli import cli
from mcred.importers.jsonpos import JsonError, JsonLimits, Skipped, parse
from mcred.importers.reading import read_json
from mcred.runner import lint_paths
from mcred.settings import LintSettings

ELM = '["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"]'


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("mcred tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def _lint(tmp_path: Path, name: str, data: bytes, *args: str):
    path = tmp_path / name
    path.write_bytes(data)
    started = time.monotonic()
    run = CliRunner().invoke(cli, ["lint", "--no-cache", "--format", "json", *args, str(path)])
    assert time.monotonic() - started < 10
    assert run.exception is None or isinstance(run.exception, SystemExit), run.output
    assert "Traceback" not in run.output
    return run


def test_depth_bomb_is_one_finding(tmp_path):
    run = _lint(tmp_path, "deep.jsonld", b"[" * 200_000 + b"]" * 200_000)
    assert run.exit_code == 1 and '"MC009"' in run.output and "nested deeper" in run.output


def test_100_mb_string_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.jsonld"
    with path.open("wb") as out:
        out.write(b'{"@context": ' + ELM.encode() + b', "type": "Qualification", "title": "')
        chunk = b"A" * (1 << 20)
        for _ in range(100):
            out.write(chunk)
        out.write(b'"}')
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["lint", "--no-cache", str(path)])
    assert time.monotonic() - started < 10
    assert result.exit_code == 2 and "more than the limit" in result.output
    # allowed in: the string is skipped undecoded, the rest still linted, in bounded time
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["lint", "--no-cache", "--max-file-size", "200000000",
                                      "--format", "json", str(path)])
    assert time.monotonic() - started < 20
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_huge_base64_image_is_skipped_without_decoding():
    image = "iVBORw0KGgo" + "A" * (20 * 1024 * 1024)
    text = ('{"@context": ' + ELM + ', "type": "Qualification", "title": {"en": "T"}, '
            '"logo": {"type": "MediaObject", "content": "' + image + '"}}')
    started = time.monotonic()
    parsed = parse(text)
    assert time.monotonic() - started < 5
    assert parsed.data["logo"]["content"] == Skipped(len(image))
    assert ("logo", "content") in parsed.skipped


def test_invalid_utf8_is_an_encoding_finding(tmp_path):
    run = _lint(tmp_path, "bad.jsonld", b'{"title": "caf\xe9"}')
    assert run.exit_code == 1 and '"MC011"' in run.output


def test_remote_context_is_a_finding_not_a_fetch(tmp_path):
    data = (b'{"@context": ["https://evil.example/ctx.jsonld"], "type": "Qualification", '
            b'"title": {"en": "T"}}')
    run = _lint(tmp_path, "remote.jsonld", data)
    assert '"MC016"' in run.output and "evil.example" in run.output


def test_duplicate_keys_are_reported_and_the_first_value_kept(tmp_path):
    data = ('{"@context": ' + ELM + ',\n "type": "Qualification",\n "title": {"en": "First"},\n'
            ' "title": {"en": "Second"}}').encode()
    imported = read_json(data.decode(), "dup.jsonld")
    assert imported.drafts[0].data["title"] == "First"
    run = _lint(tmp_path, "dup.jsonld", data)
    assert '"MC002"' in run.output and '"line": 4' in run.output


def test_node_limit():
    with pytest.raises(JsonError, match="more than 1,000 values"):
        parse("[" + "0," * 2000 + "0]", JsonLimits(max_nodes=1000))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_findings_never_an_exception(text):
    imported = read_json(text, "fuzz.jsonld")
    assert imported.drafts or imported.issues


@settings(max_examples=100, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda c: st.lists(c, max_size=4)
                    | st.dictionaries(st.text(max_size=8), c, max_size=4), max_leaves=30))
def test_parser_agrees_with_the_standard_library(value):
    import json

    text = json.dumps(value)
    assert parse(text).data == json.loads(text)


def test_published_lint_never_needs_more_than_the_file(tmp_path):
    # a walked repository: JSON that is not a credential is skipped, never read as one
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {}}', encoding="utf-8")
    result = lint_paths([tmp_path], LintSettings(include_published=True))
    assert not result.files and not result.read_errors


_KEYS = ["title", "description", "learningOutcome", "eqfLevel", "nqfLevel", "thematicArea",
         "creditPoint", "point", "framework", "volumeOfLearning", "maximumDuration", "mode",
         "language", "entryRequirement", "noteLiteral", "provenBy", "dcType", "accreditation",
         "accreditingAgent", "dateIssued", "awardingOpportunity", "awardingBody", "legalName",
         "location", "address", "countryCode", "homepage", "contentURL", "additionalNote",
         "isPartOf", "id", "type", "credentialSubject", "hasClaim", "specifiedBy",
         "relatedESCOSkill", "temporal", "startDate", "priceDetail", "amount", "name",
         "criteria", "narrative", "alignment", "targetUrl", "targetCode", "creditsAvailable",
         "inLanguage", "creator", "resultDescription", "resultType", "allowedValue",
         "achievement", "ceterms:name", "ceterms:creditValue", "ceterms:ownedBy", "@graph",
         "ceterms:estimatedDuration", "ceterms:learningDeliveryType", "ceterms:teaches"]
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.sampled_from(
        ["PT60H", "P70D", "http://data.europa.eu/snb/eqf/6", "Qualification", "en", "5",
         "LearningAchievement", "Achievement", "2025-01-01", "urn:x:1", "ceterms:Course"])
    | st.text(max_size=10),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.sampled_from(_KEYS), c, max_size=5),
    max_leaves=25)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["elm", "ob3", "ctdl"]),
       st.sampled_from(["Qualification", "EuropeanDigitalCredential", "LearningOpportunity",
                        "Achievement", "OpenBadgeCredential", "ceterms:Certificate"]),
       st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=8))
def test_any_shape_of_known_properties_imports_or_reports(fmt, kind, body):
    import json

    document = {"type": kind, "@type": kind, **body}
    imported = read_json(json.dumps(document), "fuzz.jsonld", fmt)
    for draft in imported.drafts:
        from mcred.validate import validate

        validate(draft.data)  # the design the lint would see: never an exception
