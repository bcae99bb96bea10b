"""`mcred catalogue`: the overview of a repository, as text and as documented JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from conftest import EXAMPLES
from helpers_corpus import design_text
from mcred.cli import cli


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["catalogue", *args])
    return result.exit_code, result.output


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_examples_overview_in_text():
    code, out = run(str(EXAMPLES), "--color", "never")
    assert code == 0
    data = json.loads(run(str(EXAMPLES), "--format", "json")[1])
    assert f"Catalogue: {data['designs']} designs in {data['files']['linted']} files" in out
    for heading in ("Annex I elements", "ECTS", "EQF level", "Participation",
                    "Outcomes per design", "Stacking", "Most findings"):
        assert heading in out
    assert "Master in Public Management (Universidad de Ejemplo) (external)" in out


def test_examples_overview_in_json_is_the_documented_shape():
    code, out = run(str(EXAMPLES), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"version", "designs", "files", "ects", "eqf", "participation",
                         "outcomes_per_design", "annex_i", "stacking", "findings"}
    assert any(p.endswith("copied-twice.yaml") for p in data["files"]["not_loaded"])
    assert data["annex_i"]["title"] == {"designs": data["designs"], "share": 1.0}
    assert sum(data["ects"]["distribution"].values()) + data["ects"]["missing"] == \
        data["designs"]
    worst = data["findings"]["worst_offenders"]
    assert [w["findings"] for w in worst] == sorted((w["findings"] for w in worst),
                                                    reverse=True)


def test_statistics_of_a_stacking_repository(tmp_path):
    write(tmp_path, {
        "master.yaml": design_text("master", eqf=7, ects=30, participation="onsite"),
        "cert.yaml": design_text("cert", eqf=7, ects=10, towards=[("master", None)]),
        "u1.yaml": design_text("u1", ects=5, participation="online", towards=[("cert", None)]),
        "u2.yaml": design_text("u2", ects=5, participation="online",
                               towards=[("cert", 4), ("master", None)]),
        "sub/notes.yaml": "people: [ana]\n",
    })
    code, out = run(str(tmp_path), "--format", "json", "--top", "1")
    assert code == 0
    data = json.loads(out)
    assert data["designs"] == 4 and data["files"]["skipped"] == 1
    assert data["ects"]["distribution"] == {"5": 2, "10": 1, "30": 1}
    assert data["ects"]["total"] == 50
    assert data["eqf"]["distribution"] == {"6": 2, "7": 2}
    assert data["participation"]["distribution"] == {"blended": 1, "online": 2, "onsite": 1}
    assert data["outcomes_per_design"]["distribution"] == {"2": 4}
    cert, master = data["stacking"]
    assert (cert["target"], cert["stacked_ects"], cert["ects"]) == ("cert", 9, 10)
    assert [s["id"] for s in master["sources"]] == ["cert", "u2"]
    assert master["stacked_ects"] == 15
    assert data["findings"]["total"] == 0 and data["findings"]["worst_offenders"] == []
    code, text = run(str(tmp_path), "--color", "never")
    tree = text[text.index("Stacking"):]
    assert "master 15 of 30 ECTS stacked" in tree
    assert tree.index("cert (10 ECTS)") < tree.index("u1 (5 ECTS)") < tree.index("u2 (5 ECTS)")


def test_worst_offenders_are_ranked(tmp_path):
    write(tmp_path, {
        "ok.yaml": design_text("ok"),
        "bad.yaml": "mcred: 1\nid: bad\n",
        "meh.yaml": design_text("meh").replace("participation: blended\n", ""),
    })
    _, out = run(str(tmp_path), "--format", "json", "--top", "1")
    data = json.loads(out)
    [worst] = data["findings"]["worst_offenders"]
    assert Path(worst["path"]).name == "bad.yaml" and worst["findings"] > 1
    assert data["annex_i"]["participation"] == {"designs": 1, "share": round(1 / 3, 4)}


def test_unreadable_file_gives_exit_2(tmp_path):
    write(tmp_path, {"a.yaml": design_text("a")})
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    code, out = run(str(tmp_path), "--format", "json")
    assert code == 2
    assert json.loads(out)["files"]["read_errors"][0].endswith(
        "gone.yaml: the symlink points to a file that does not exist")


def test_missing_path_is_a_usage_error(tmp_path):
    code, out = run(str(tmp_path / "nope"))
    assert code == 2 and "no such file or directory" in out


def test_empty_directory_has_an_empty_overview(tmp_path):
    code, out = run(str(tmp_path), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["designs"] == 0
    assert data["annex_i"]["title"] == {"designs": 0, "share": 0.0}
    assert run(str(tmp_path))[0] == 0


def test_installed_command_prints_json():
    done = subprocess.run([sys.executable, "-m", "mcred", "catalogue", str(EXAMPLES),
                           "--format", "json"], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["designs"] >= 4


def test_example_pathway_is_clean_and_shown_as_a_tree():
    pathway = EXAMPLES / "catalogue"
    lint = CliRunner().invoke(cli, ["lint", str(pathway)])
    assert lint.exit_code == 0, lint.output
    code, out = run(str(pathway), "--color", "never")
    assert code == 0
    tree = out[out.index("Stacking"):]
    assert "data-certificate 10 of 10 ECTS stacked" in tree
    assert "├── data-cleaning (5 ECTS)" in tree and "└── data-visualisation (5 ECTS)" in tree
