"""The page in the design's language: complete catalogues, translated wording and labels."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, FIXTURES, ROOT
from mcred.cli import cli
from mcred.export.common import load_design
from mcred.render.charts import CHAR_WIDTH, CHART_WIDTH, bar_chart, label_lines
from mcred.render.html import Entry, catalogue, page
from mcred.render.i18n import SUPPORTED, catalogue_path, wording
from mcred.render.labels import LABELS
from test_render import parse

BILINGUAL = EXAMPLES / "bilingual-circular-economy.yaml"
GERMAN = FIXTURES / "render" / "projektmanagement-de.yaml"
EXEMPLARY = EXAMPLES / "green-public-procurement.yaml"
_FORMAT = re.compile(r"%\(\w+\)s")


def _script():
    spec = importlib.util.spec_from_file_location("update_catalogues",
                                                  ROOT / "scripts" / "update_catalogues.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(lang: str):
    from babel.messages.pofile import read_po

    with catalogue_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def _ids(catalog) -> set:
    return {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}


@pytest.mark.parametrize("lang", [x for x in SUPPORTED if x != "en"])
def test_catalogue_holds_every_message_of_the_page_translated(lang):
    """A message added to the code without a translation (or left over) fails here: run
    `python scripts/update_catalogues.py` and translate."""
    expected = _ids(_script().template())
    catalog = _read(lang)
    assert _ids(catalog) == expected
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        assert all(s.strip() for s in strings), f"{lang}: {message.id!r} is not translated"
        assert "fuzzy" not in message.flags
        wanted = set(_FORMAT.findall(ids[-1]))
        for text in strings:
            assert set(_FORMAT.findall(text)) <= wanted, (lang, message.id, text)
        assert set(_FORMAT.findall(strings[-1])) == wanted, (lang, message.id)


def test_every_vocabulary_value_has_a_label():
    from mcred.model import vocab

    for name in ("Participation", "Pace", "AssessmentType", "Supervision", "GradingScheme",
                 "QaType", "FeedbackSource", "Stackability", "PathwayType",
                 "CredentialFormat", "QfEheaCycle"):
        for value in vocab.values(getattr(vocab, name)):
            assert value in LABELS, f"{name}: {value} has no label"


def _visible(path, *args: str) -> tuple[str, str]:
    design = load_design(path).design
    assert design is not None
    html = page(Entry(design, path.name), *args)
    return html, " ".join(" ".join(parse(html).text).split())


def test_spanish_page_of_the_bilingual_example():
    html, text = _visible(BILINGUAL)
    assert '<html lang="es">' in html
    for words in ("Resultados de aprendizaje", "Evaluación", "Garantía de calidad",
                  "Al finalizar, los estudiantes serán capaces de:", "4 créditos ECTS",
                  "Analizar los flujos de materiales", "Economía circular para pymes",
                  "Español y inglés", "España", "Semipresencial (en línea y presencial)",
                  "Supervisada, con verificación de identidad en línea",
                  "Externa institucional", "Credencial Digital Europass",
                  "del 1 de marzo de 2027 al 25 de abril de 2027"):
        assert words in text, words
    assert "Analyse the material flows" not in text


def test_lang_chooses_the_other_side_of_the_maps():
    html, text = _visible(BILINGUAL, "en")
    assert '<html lang="en">' in html
    assert "Circular Economy for SMEs" in text and "Analyse the material flows" in text
    assert "On completion, learners are able to:" in text and "4 ECTS credits" in text
    assert "Spanish and English" in text and "Europass Digital Credential" in text


def test_german_page_with_singular_units_and_no_raw_codes():
    html, text = _visible(GERMAN)
    assert '<html lang="de">' in html
    for words in ("Lernergebnisse", "Prüfung", "Qualitätssicherung", "1 ECTS-Punkt,",
                  "30 Lernstunden", "über 1 Woche", "Jeden Monat überprüft",
                  "Beaufsichtigt, Identität online geprüft", "Deutschland", "Deutsch",
                  "Bestanden oder nicht bestanden", "Externe Programmakkreditierung"):
        assert words in text, words
    for code in ("supervised-online-id", "external-programme", "europass-edc", "pass-fail",
                 "credit-transfer", "stand-alone", " cohort", "ECTS credits"):
        assert code not in text, code


@pytest.mark.parametrize(("n", "expected"), [(1, "1 ECTS credit"), (5, "5 ECTS credits"),
                                             (7.5, "7.5 ECTS credits")])
def test_plurals_follow_the_number(n, expected):
    words = wording("en")
    assert words.ngettext("%(n)s ECTS credit", "%(n)s ECTS credits", n) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "1 crédit ECTS"), ("it", "1 credito ECTS"), ("pt-PT", "1 crédito ECTS"),
    ("nl", "1 ECTS-studiepunt"), ("es", "2,5 créditos ECTS"), ("fi", "1 ECTS credit"),
])
def test_every_language_has_its_wording(lang, expected):
    words = wording(lang)
    n = 2.5 if lang == "es" else 1
    assert words.ngettext("%(n)s ECTS credit", "%(n)s ECTS credits", n) == expected


def test_footer_is_optional_and_the_enrol_link_comes_from_further_information(tmp_path):
    out = tmp_path / "p.html"
    result = CliRunner().invoke(cli, ["render", str(EXEMPLARY), "--html", str(out),
                                      "--no-footer"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<footer>" not in html and "Generated by mcred" not in html
    tags = parse(html).tags
    cta = [a for t, a in tags if t == "a" and a.get("href") == "https://www.example.es/micro/gpp"]
    assert cta and 'class="cta"' in html and "Enrol or find out more" in html
    assert "<footer>" in page(Entry(load_design(EXEMPLARY).design, "x.yaml"))


def test_cli_render_uses_the_design_language_and_lang(tmp_path):
    out = tmp_path / "p.html"
    for args, marker in (([], '<html lang="es">'), (["--lang", "en"], '<html lang="en">'),
                         (["--lang", "pt-PT"], '<html lang="pt-PT">')):
        result = CliRunner().invoke(cli, ["render", str(BILINGUAL), "--html", str(out), *args])
        assert result.exit_code == 0, result.output
        assert marker in out.read_text(encoding="utf-8")
    assert "Resultados de aprendizagem" in out.read_text(encoding="utf-8")


def test_chart_labels_wrap_to_the_chart_width_instead_of_being_cut():
    long = "Sustainable procurement and life-cycle costing for regional public buyers " * 2
    lines = label_lines(long)
    assert 1 < len(lines) <= 2
    assert all(len(line) * CHAR_WIDTH <= CHART_WIDTH for line in lines)
    svg = bar_chart("ECTS", "d", [(long, 5.0), ("Short", 2.0)], " ECTS")
    assert f"<title>{long}: 5 ECTS</title>" in svg  # the full label stays readable
    assert 'x="0"' in svg and "text-anchor" not in svg  # labels start at the left edge


def test_catalogue_wording_follows_the_designs_language(tmp_path):
    design = load_design(BILINGUAL).design
    assert design is not None
    html = catalogue([Entry(design, "b.yaml")], "Oferta")
    assert "1 microcredencial" in html and "De un vistazo" in html
    assert "Micro-credential" not in html


def test_installed_command_renders_in_the_chosen_language():
    installed = Path(sys.executable).with_name("mcred")
    command = [str(installed)] if installed.exists() else [sys.executable, "-m", "mcred"]
    out = subprocess.run([*command, "render", str(BILINGUAL), "--lang", "de", "--html", "-"],
                         capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 0, out.stderr
    assert '<html lang="de">' in out.stdout and "Lernergebnisse" in out.stdout
    assert "4 ECTS-Punkte" in out.stdout and "Economía circular para pymes" in out.stdout


@settings(max_examples=40, deadline=None)
@given(texts=st.dictionaries(st.text(min_size=1, max_size=12), st.text(min_size=1, max_size=30),
                             min_size=1, max_size=3))
def test_language_map_keys_and_texts_never_become_markup(texts):
    from test_render import ALLOWED_TAGS

    design = load_design(EXEMPLARY).design
    assert design is not None
    lo = design.learning_outcomes[0].model_copy(update={"text": texts})
    hostile = design.model_copy(update={"title": texts, "learning_outcomes": [lo],
                                        "language": "en"})
    parsed = parse(page(Entry(hostile, "x.yaml"), "de"))
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    assert all(set(attrs) <= {"lang", "href", "class", "id", "scope", "data-label", "name",
                              "content", "charset", "aria-labelledby", "role"}
               for _, attrs in parsed.tags)


def test_a_text_in_another_language_than_the_page_is_marked_with_its_own():
    html, _ = _visible(BILINGUAL, "fr")
    assert '<html lang="fr">' in html and "Acquis d&#x27;apprentissage" in html
    assert '<h1><span lang="es">Economía circular para pymes</span></h1>' in html
    assert '<li><span lang="en">Analyse the material flows' in html  # the first one there is
