"""CSV and XLSX catalogues: one design per row; bad cells are findings, not lost rows."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from mcred.cli import cli
from mcred.importers import import_file
from mcred.loader import load_text

HEADER = ["title", "workload.ects", "level.eqf", "learning_outcomes", "awarding_bodies.name",
          "awarding_bodies.country", "assessment.type", "assessment.weight", "languages"]
ROWS = [
    ["Data Basics", "5", "4", "Interpret a bar chart.\nClean a small data set.",
     "Example University", "ES", "project\nquiz", "70\n30", "es, en"],
    ["Green Procurement", "3", "6", "Draft a green tender.", "Example University", "ES",
     "oral-exam", "100", "en"],
    ["Welding Safety", "2", "3", "Apply the safety checklist.", "Example College", "IE",
     "practical", "100", "en"],
]


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([header, *rows])
    return path


def _xlsx(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in [header, *rows]:
        sheet.append([float(c) if c.isdigit() else c for c in row])
    book.save(path)
    return path


def _check_three(result) -> None:
    assert len(result.drafts) == 3 and not result.issues
    first = result.drafts[0].data
    assert first["workload"]["ects"] == 5 and first["level"]["eqf"] == 4
    assert [lo["text"] for lo in first["learning_outcomes"]] == [
        "Interpret a bar chart.", "Clean a small data set."]
    assert first["assessment"] == [{"type": "project", "weight": 70},
                                   {"type": "quiz", "weight": 30}]
    assert first["awarding_bodies"] == [{"name": "Example University", "country": "ES"}]
    assert first["languages"] == ["es", "en"]


def test_csv_catalogue_gives_one_design_per_row(tmp_path):
    _check_three(import_file(_csv(tmp_path / "c.csv", HEADER, ROWS), "c.csv"))


def test_xlsx_catalogue_gives_one_design_per_row(tmp_path):
    _check_three(import_file(_xlsx(tmp_path / "c.xlsx", HEADER, ROWS), "c.xlsx"))


def test_column_mapping_file(tmp_path):
    header = ["Course", "ECTS", "EQF", "Outcomes", "Provider", "Country", "Assessment",
              "Weight", "Language"]
    path = _csv(tmp_path / "existing.csv", header, ROWS)
    mapping = tmp_path / "map.toml"
    mapping.write_text("[columns]\n" + "\n".join(
        f'"{h}" = "{k}"' for h, k in zip(header, HEADER, strict=True)), encoding="utf-8")
    out = tmp_path / "designs"
    run = CliRunner().invoke(cli, ["import", str(path), "--columns", str(mapping),
                                   "--output-dir", str(out)])
    assert run.exit_code == 0, run.output
    files = sorted(p.name for p in out.iterdir())
    assert files == ["data-basics.yaml", "green-procurement.yaml", "welding-safety.yaml"]
    for file in out.iterdir():
        text = file.read_text(encoding="utf-8")
        assert text.startswith("# Imported by mcred") and "existing.csv (row " in text
        assert load_text(text, file.name).data is not None


def test_bad_value_names_row_and_column_and_other_rows_still_import(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][1] = "five"
    for path in (_csv(tmp_path / "bad.csv", HEADER, rows),
                 _xlsx(tmp_path / "bad.xlsx", HEADER, rows)):
        result = import_file(path, path.name)
        assert len(result.drafts) == 3
        assert len(result.issues) == 1
        issue = result.issues[0]
        assert "row 3, column B (workload.ects)" in issue.message and "'five'" in issue.message
        assert "workload" not in result.drafts[1].data
        assert result.drafts[1].data["title"] == "Green Procurement"
        assert result.drafts[2].data["workload"]["ects"] == 2
    out = tmp_path / "out"
    run = CliRunner().invoke(cli, ["import", str(tmp_path / "bad.csv"), "--output-dir", str(out)])
    assert run.exit_code == 1 and "row 3, column B" in run.output
    assert len(list(out.iterdir())) == 3


def test_several_designs_need_an_output_dir_and_nothing_is_overwritten(tmp_path):
    path = _csv(tmp_path / "c.csv", HEADER, ROWS)
    run = CliRunner().invoke(cli, ["import", str(path)])
    assert run.exit_code == 2 and "--output-dir" in run.output
    out = tmp_path / "out"
    out.mkdir()
    (out / "data-basics.yaml").write_text("keep me", encoding="utf-8")
    run = CliRunner().invoke(cli, ["import", str(path), "--output-dir", str(out)])
    assert run.exit_code == 2 and "--force" in run.output
    assert (out / "data-basics.yaml").read_text(encoding="utf-8") == "keep me"
    run = CliRunner().invoke(cli, ["import", str(path), "--output-dir", str(out), "--force"])
    assert run.exit_code == 0 and "keep me" not in (out / "data-basics.yaml").read_text()


def test_damaged_xlsx_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    run = CliRunner().invoke(cli, ["import", str(path)])
    assert run.exit_code == 2 and "not a readable XLSX workbook" in run.output


def test_xlsx_that_unpacks_to_gigabytes_is_refused_before_inflating(tmp_path):
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with (zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
          archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as member):
        block = b"A" * (1 << 20)
        for _ in range(80):
            member.write(block)
    assert path.stat().st_size < 1_000_000
    run = CliRunner().invoke(cli, ["import", str(path)])
    assert run.exit_code == 2 and "unpacks to" in run.output


def test_formats_are_detected_from_content_not_names(tmp_path):
    workbook = _xlsx(tmp_path / "c.xlsx", HEADER, ROWS)
    renamed = tmp_path / "catalogue.dat"
    renamed.write_bytes(workbook.read_bytes())
    assert import_file(renamed, renamed.name).format == "xlsx"
    table = tmp_path / "export.txt"
    _csv(table, HEADER, ROWS)
    assert len(import_file(table, table.name).drafts) == 3  # header line names `title`


def test_output_never_goes_through_a_symlink(tmp_path):
    path = _csv(tmp_path / "c.csv", HEADER, ROWS[:1])
    secret = tmp_path / "secret.txt"
    secret.write_text("keep", encoding="utf-8")
    link = tmp_path / "out.yaml"
    link.symlink_to(secret)
    run = CliRunner().invoke(cli, ["import", str(path), "-o", str(link), "--force"])
    assert run.exit_code == 2 and secret.read_text(encoding="utf-8") == "keep"
