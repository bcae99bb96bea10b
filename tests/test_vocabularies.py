"""Code lists: real ISO/BCP 47/ISCED-F/ESCO values pass, near misses get a suggestion."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import ROOT
from mcred.vocabularies import countries, currencies, esco, isced, languages

UUID = "4c1bd0a0-5e5f-4b6c-8c3f-2a0a3c6e1b2d"


@pytest.mark.parametrize(("code", "valid"), [
    ("ES", True), ("GR", True), ("GB", True), ("EL", False), ("UK", False), ("es", False),
    ("ESP", False), ("XX", False), ("", False), ("É1", False)])
def test_country_codes(code, valid):
    assert countries.is_country_code(code) is valid


@pytest.mark.parametrize(("text", "meant"), [
    ("EL", "GR"), ("UK", "GB"), ("de", "DE"), ("ESP", "ES"), ("Spain", "ES"),
    ("Atlantis", None)])
def test_country_suggestions(text, meant):
    assert countries.suggest_country(text) == meant


@pytest.mark.parametrize(("tag", "valid"), [
    ("en", True), ("pt-PT", True), ("sr-Latn-RS", True), ("de-AT", True),
    ("en_GB", False), ("English", False), ("xx", False), ("", False), ("ñ", False)])
def test_language_tags(tag, valid):
    assert languages.is_language_tag(tag) is valid


@pytest.mark.parametrize(("tag", "meant"), [
    ("en_GB", "en-GB"), ("English", "en"), ("German", "de"), ("Greek", "el"),
    ("swahili", "sw"), ("Klingonish", None)])
def test_language_suggestions(tag, meant):
    assert languages.suggest_language(tag) == meant


@pytest.mark.parametrize(("code", "valid"), [
    ("EUR", True), ("PLN", True), ("SEK", True), ("eur", False), ("€", False), ("EU", False),
    ("ZZZ", False)])
def test_currency_codes(code, valid):
    assert currencies.is_currency_code(code) is valid


@pytest.mark.parametrize(("text", "meant"), [
    ("€", "EUR"), ("eur", "EUR"), ("Euro", "EUR"), ("£", "GBP"), ("Zloty", "PLN"),
    ("Doubloon", None)])
def test_currency_suggestions(text, meant):
    assert currencies.suggest_currency(text) == meant


@pytest.mark.parametrize(("code", "valid"), [
    ("04", True), ("041", True), ("0413", True), ("0499", True), ("0611", True),
    ("0418", False), ("345", False), ("4", False), ("04130", False)])
def test_isced_codes(code, valid):
    assert isced.is_isced_code(code) is valid


def test_isced_labels_come_with_the_codes():
    assert isced.isced_fields()["0413"] == "Management and administration"
    assert len(isced.isced_fields()) > 200


def test_packaged_isced_list_matches_the_elm_code_list(shared):
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts/build_isced_f.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    rows = build.entries(shared / "data/standards/elm3/cv/isced-f.xsd")
    assert dict(rows) == isced.isced_fields()


@pytest.mark.parametrize(("reference", "valid"), [
    (f"http://data.europa.eu/esco/skill/{UUID}", True),
    ("S1.2", True), ("T4.1", True), ("L1", True), ("http://data.europa.eu/esco/skill/S4.8.1", True),
    (f"https://data.europa.eu/esco/skill/{UUID}", False),
    (f"http://data.europa.eu/esco/skill/{UUID.upper()}", False),
    (f"http://data.europa.eu/esco/occupation/{UUID}", False),
    ("http://data.europa.eu/esco/skill/1234", False), ("data analysis", False), ("S", False)])
def test_esco_shapes(reference, valid):
    assert esco.is_esco_skill(reference) is valid


@pytest.mark.parametrize("near_miss", [
    f"https://esco.ec.europa.eu/en/classification/skill?uri=http://data.europa.eu/esco/skill/{UUID}",
    f"https://data.europa.eu/esco/skill/{UUID}/",
    f"http://data.europa.eu/esco/skill/{UUID.upper()}",
    UUID])
def test_esco_suggestions_recover_the_canonical_uri(near_miss):
    assert esco.suggest_esco(near_miss) == f"http://data.europa.eu/esco/skill/{UUID}"


def test_esco_no_suggestion_for_an_occupation():
    assert esco.suggest_esco(f"http://data.europa.eu/esco/occupation/{UUID}") is None


def test_importing_the_rules_does_not_import_the_code_list_libraries():
    code = ("import sys; from mcred.registry import load_all; load_all(); "
            "print(sorted(m for m in ('pycountry', 'langcodes') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert out.strip() == "[]"


def test_simple_tag_fast_path_agrees_with_langcodes():
    """The packaged subtag list is a cache of langcodes' own judgement, never a rival list."""
    langcodes = pytest.importorskip("langcodes")
    import itertools
    import string

    probes = ["".join(p) for n in (2, 3) for p in itertools.product(string.ascii_lowercase,
                                                                    repeat=n)]
    probes += [f"{lang}-{region}" for lang in ("en", "pt", "sr", "gsw", "zz")
               for region in ("PT", "pt", "GB", "UK", "EL", "XX", "ZZ", "419", "000", "999")]
    probes += ["EN", "En-Gb", "eng-US", "en-GB-oxendict", "zh-Hans-CN", "x-private", "i-klingon"]
    disagree = [t for t in probes if languages.is_language_tag(t) != langcodes.tag_is_valid(t)]
    assert disagree == []


def test_simple_tags_do_not_import_langcodes():
    code = ("import sys; from mcred.vocabularies.languages import is_language_tag; "
            "print(is_language_tag('pt-PT'), is_language_tag('xx'), 'langcodes' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert out.split() == ["True", "False", "False"]


def test_packaged_iso_codes_are_pycountrys():
    """The lint path's code lists (no pycountry import) are pycountry's own; regenerate with
    scripts/build_iso_codes.py after upgrading pycountry."""
    import pycountry

    from mcred.vocabularies.iso_codes import codes

    assert codes("countries") == {c.alpha_2 for c in pycountry.countries}
    assert codes("currencies") == {c.alpha_3 for c in pycountry.currencies}
