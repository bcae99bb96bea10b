"""MC015: placeholder values are errors, in every language of the format, at the value."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, lint_text
from mcred.cli import cli
from mcred.placeholders import placeholder_in

EXEMPLARY = (EXAMPLES / "green-public-procurement.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "found"), [
    ("TODO the title", "TODO"), ("TBD", "TBD"), ("Dates TBC", "TBC"), ("FIXME", "FIXME"),
    ("XXX", "XXX"), ("Lorem ipsum dolor", "Lorem ipsum"), ("<course title>", "<course title>"),
    ("to be defined", "to be defined"), ("Por definir", "Por definir"),
    ("a definir", "a definir"), ("À définir", "À définir"), ("da definire", "da definire"),
    ("noch offen", "noch offen"), ("nog te bepalen", "nog te bepalen"), ("n.t.b.", "n.t.b."),
])
def test_placeholders_in_seven_languages_are_found(text, found):
    assert placeholder_in(text) == found


@pytest.mark.parametrize("text", [
    "Todo el personal de compras", "Evaluate XXXL data sets", "x < y and y > z",
    "<https://example.org>", "<info@example.org>", "<b>bold</b>", "Annual review",
    "Tudo a confirmar pela direção?",  # "a confirmar" is a placeholder: checked below
])
def test_finished_texts_are_not_placeholders(text):
    if "a confirmar" in text:
        assert placeholder_in(text) == "a confirmar"
    else:
        assert placeholder_in(text) is None


def test_a_placeholder_is_one_finding_at_the_value_not_also_missing_or_invalid():
    text = EXEMPLARY.replace("  eqf: 6\n", "  eqf: TODO EQF level 1-8\n").replace(
        "title: Green Public Procurement in Practice", "title: TBD")
    found = [(f.line, f.code) for f in lint_text(text) if f.severity.label == "error"]
    lines = text.splitlines()
    assert sorted(found) == sorted([
        (lines.index("title: TBD") + 1, "MC015"),
        (lines.index("  eqf: TODO EQF level 1-8") + 1, "MC015")])


def test_a_placeholder_in_a_language_map_points_at_that_language():
    text = EXEMPLARY.replace("title: Green Public Procurement in Practice",
                             "title:\n  en: Green Public Procurement in Practice\n"
                             "  es: Por definir")
    found = [f for f in lint_text(text) if f.code == "MC015"]
    assert [(f.key_path, f.column) for f in found] == [(("title", "es"), 7)]


def test_no_input_skeleton_has_a_finding_on_every_todo_value_line(tmp_path):
    """Every line of `mcred init --no-input` whose value holds a TODO is reported."""
    target = tmp_path / "course.yaml"
    assert CliRunner().invoke(cli, ["init", "--no-input", str(target)]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    reported = {f.line for f in lint_text(text, target.name)}
    todo_lines = {n for n, line in enumerate(text.splitlines(), 1)
                  if "TODO" in line.split(" #")[0] and not line.lstrip().startswith("#")}
    assert todo_lines and todo_lines <= reported, sorted(todo_lines - reported)


@pytest.mark.parametrize("command", [["export", "--to", "ob3"], ["export", "--to", "elm"],
                                     ["render", "--html", "-"]])
def test_export_and_render_refuse_placeholders_unless_forced(tmp_path, command):
    design = tmp_path / "draft.yaml"
    design.write_text(EXEMPLARY.replace("  validity: unlimited", "  validity: TODO"),
                      encoding="utf-8")
    refused = CliRunner().invoke(cli, [*command, str(design)])
    assert refused.exit_code == 1
    assert "MC015" in refused.stderr and "--force" in refused.stderr
    forced = CliRunner().invoke(cli, [*command, "--force", str(design)])
    assert forced.exit_code == 0, forced.output
    assert "TODO" not in forced.stdout


def test_json_report_names_the_placeholder(tmp_path):
    design = tmp_path / "d.yaml"
    design.write_text(EXEMPLARY.replace("contact: microcredentials@example.es",
                                        "contact: <e-mail address>"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--format", "json", str(design)])
    finding = next(f for f in json.loads(result.stdout)["findings"] if f["code"] == "MC015")
    assert finding["message"] == "`contact` still holds the placeholder `<e-mail address>`"
    assert finding["pointer"] == "/contact"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_placeholder_search_is_total_on_any_text(text):
    """Hostile text never raises and a hit is always a piece of the text."""
    found = placeholder_in(text)
    assert found is None or found in text


def test_placeholder_search_is_fast_on_a_long_angle_bracket_run():
    import time

    started = time.monotonic()
    assert placeholder_in("<" * 50_000 + "a" * 50_000) is None
    assert time.monotonic() - started < 10
