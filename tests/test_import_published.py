"""The official ELM samples import and lint; `mcred lint` places findings on the JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from mcred.cli import cli
from mcred.importers import import_file
from mcred.importers.jsonpos import parse
from mcred.loader import load_text
from mcred.runner import lint_paths
from mcred.settings import LintSettings

SAMPLES = ("standards/elm3/Sample-MC-Annex1-unsigned.jsonld",
           "standards/ebsi-elm-json/example-microcredential.json")
FIXTURE = Path(__file__).parent / "fixtures" / "published" / "qualification.jsonld"


def test_official_samples_import_into_designs_that_load_and_lint(shared, tmp_path):
    for name in SAMPLES:
        result = import_file(shared / "data" / name, name)
        assert result.format == "elm" and len(result.drafts) == 1
        data = result.drafts[0].data
        assert data["title"] and data["awarding_bodies"][0]["name"]
        assert len(data["learning_outcomes"]) >= 2 and data["workload"]["ects"] > 0
        out = tmp_path / (Path(name).stem + ".yaml")
        run = CliRunner().invoke(cli, ["import", str(shared / "data" / name), "-o", str(out)])
        assert run.exit_code == 0, run.output
        assert out.read_text(encoding="utf-8").startswith("# Imported by mcred")
        doc = load_text(out.read_text(encoding="utf-8"), out.name)
        assert doc.data is not None and not doc.issues
        lint = CliRunner().invoke(cli, ["lint", "--no-cache", str(out)])
        assert lint.exit_code in (0, 1), lint.output


def test_lint_on_samples_positions_findings_inside_them(shared):
    for name in SAMPLES:
        path = shared / "data" / name
        text = path.read_text(encoding="utf-8")
        parsed = parse(text)
        findings = lint_paths([path], LintSettings()).findings
        assert findings, name
        lines = text.splitlines()
        for f in findings:
            assert 1 <= f.line <= len(lines) and 1 <= f.column <= len(lines[f.line - 1]) + 1
            keys = tuple(int(p) if p.isdigit() else p for p in f.pointer.split("/")[1:])
            assert keys in parsed.values or keys == (), f.pointer  # a real JSON element


def test_finding_lands_on_the_json_property_it_came_from():
    text = FIXTURE.read_text(encoding="utf-8")
    findings = lint_paths([FIXTURE], LintSettings()).findings
    hours = next(f for f in findings if f.code == "MC303")  # 60 h for 5 ECTS
    assert hours.pointer in ("/volumeOfLearning", "/creditPoint/point")
    line = text.splitlines()[hours.line - 1]
    assert "volumeOfLearning" in line or '"point"' in line
    missing = next(f for f in findings if f.code == "MC705")  # no target group at all
    assert missing.pointer == "" and (missing.line, missing.column) == (1, 1)


def test_every_output_format_works_on_published_findings(tmp_path):
    for fmt in ("text", "json", "sarif", "github", "junit", "concise"):
        run = CliRunner().invoke(cli, ["lint", "--no-cache", "--format", fmt, str(FIXTURE)])
        assert run.exit_code == 1, (fmt, run.output)
        assert "qualification.jsonld" in run.output
    report = json.loads(CliRunner().invoke(
        cli, ["lint", "--no-cache", "--format", "json", str(FIXTURE)]).output)
    assert {f["pointer"] for f in report["findings"]} & {"/volumeOfLearning",
                                                         "/creditPoint/point"}


def test_walks_pick_up_published_files_only_when_asked(tmp_path):
    (tmp_path / "q.jsonld").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "x"}', encoding="utf-8")
    plain = lint_paths([tmp_path], LintSettings())
    assert not plain.files
    asked = lint_paths([tmp_path], LintSettings(include_published=True))
    assert [Path(f.path).name for f in asked.files] == ["q.jsonld"]
    assert "package.json" in " ".join(asked.skipped)


def test_installed_mcred_lints_and_imports_published_json(tmp_path):
    exe = Path(sys.executable).parent / "mcred"
    lint = subprocess.run([str(exe), "lint", "--no-cache", "--format", "json", str(FIXTURE)],
                          capture_output=True, text=True, timeout=60)
    assert lint.returncode == 1 and json.loads(lint.stdout)["findings"]
    out = tmp_path / "q.yaml"
    imported = subprocess.run([str(exe), "import", str(FIXTURE), "-o", str(out), "--report"],
                              capture_output=True, text=True, timeout=60)
    assert imported.returncode == 0, imported.stderr
    assert "mapped:" in imported.stderr and "title" in out.read_text(encoding="utf-8")
    again = subprocess.run([str(exe), "import", str(FIXTURE), "-o", str(out)],
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 2 and "--force" in again.stderr
    helped = subprocess.run([str(exe), "import", "--help"], capture_output=True, text=True,
                            timeout=60)
    assert all(name in helped.stdout for name in ("elm", "ob3", "ctdl", "csv", "xlsx"))


def test_fix_never_rewrites_a_published_file(tmp_path):
    path = tmp_path / "q.jsonld"
    original = FIXTURE.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    run = CliRunner().invoke(cli, ["lint", "--no-cache", "--diff", str(path)])
    assert run.exit_code == 1 and "published JSON is never rewritten" in run.output
    run = CliRunner().invoke(cli, ["lint", "--no-cache", "--fix", str(path)])
    assert run.exit_code == 1 and "Traceback" not in run.output
    assert path.read_text(encoding="utf-8") == original


def test_config_switch_includes_published_files_in_walks(tmp_path, monkeypatch):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "q.jsonld").write_text(FIXTURE.read_text(encoding="utf-8"),
                                                encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(cli, ["lint", "--no-cache", "--format", "json", "site"])
    assert json.loads(run.stdout)["summary"]["files"] == 0
    assert run.exit_code == 2 and "no design found" in run.stderr
    (tmp_path / "mcred.toml").write_text("include-published = true\n", encoding="utf-8")
    run = CliRunner().invoke(cli, ["lint", "--no-cache", "--format", "json", "site"])
    assert json.loads(run.output)["summary"]["files"] == 1


def test_cross_file_findings_on_cached_published_files_keep_json_positions():
    from mcred.cache import LightDocument

    text = FIXTURE.read_text(encoding="utf-8")
    doc = LightDocument("q.jsonld", text)
    span, _ = doc.index.locate(("workload", "hours_total"))
    assert "volumeOfLearning" in text.splitlines()[span.line - 1]
