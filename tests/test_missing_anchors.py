"""A missing element is reported where it would be written; the text report groups the
missing Annex I elements into one checklist block."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import EXAMPLES, lint_text
from mcred.cli import cli

EXEMPLARY = (EXAMPLES / "green-public-procurement.yaml").read_text(encoding="utf-8")


def _line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_a_missing_top_level_key_points_after_its_preceding_sibling():
    text = EXEMPLARY.replace("participation: blended\n", "")
    found = next(f for f in lint_text(text) if f.code == "MC704")
    # `participation` comes after `workload` in the format: the last line of workload
    assert (found.line, found.column) == (_line_of(text, "schedule:") - 1, 1)


def test_a_missing_nested_key_points_after_its_sibling_at_its_indentation():
    text = EXEMPLARY.replace("  eqf: 6\n", "")
    found = next(f for f in lint_text(text) if f.code in ("MC504", "MC701"))
    assert found.code == "MC504"  # the credit claim reports the level (see one_cause)
    nested = EXEMPLARY.replace("    supervision: supervised-online-id\n", "", 1)
    supervised = [f for f in lint_text(nested) if f.key_path[-1:] == ("supervision",)]
    for f in supervised:
        assert f.line == _line_of(nested, "    criteria: Rubric") and f.column == 5


def test_nothing_points_at_the_marker_line_of_a_sparse_draft():
    text = "mcred: 1\ntitle: Data literacy\nworkload:\n  ects: 5\n"
    found = lint_text(text)
    assert found and all(f.line > 1 for f in found)


def test_text_report_shows_missing_annex_i_elements_as_one_checklist(tmp_path):
    design = tmp_path / "draft.yaml"
    design.write_text("mcred: 1\ntitle: Data literacy\nworkload:\n  ects: 5\n"
                      "  hours_total: 135\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--no-source", str(design)])
    lines = result.stdout.splitlines()
    assert lines[0].endswith("Annex I elements: 2 of 10 present")
    assert lines[1] == "  present  title, workload"
    assert lines[2].startswith("  missing  awarding body (MC102, line ")
    assert "level (MC701, line 2)" in lines[2] and "MC101" not in result.stdout
    later = "\n".join(lines[4:])
    assert "MC102" not in later and "MC803" in later  # other findings follow, once


def test_machine_formats_keep_one_finding_per_missing_element(tmp_path):
    design = tmp_path / "draft.yaml"
    design.write_text("mcred: 1\ntitle: Data literacy\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--format", "json", str(design)])
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert {"MC102", "MC201", "MC301", "MC401", "MC601", "MC704"} <= set(codes)


def test_a_placeholder_in_an_annex_i_element_is_listed_as_missing_and_shown(tmp_path):
    design = tmp_path / "draft.yaml"
    design.write_text("mcred: 1\ntitle: TODO the title\nworkload:\n  ects: 5\n",
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--no-source", str(design)])
    lines = result.stdout.splitlines()
    assert lines[1] == "  present  workload"
    assert lines[2].startswith("  missing  title (MC015, line 2), awarding body (MC102")
    assert any(line.endswith("[placeholder-value]") for line in lines[4:])
