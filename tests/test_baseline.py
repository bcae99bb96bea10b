"""Baselines through the CLI: create, survive edits elsewhere, report fixes, shrink."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from config_helpers import codes, design, invoke, lint_json, write
from mcred.baseline import Baseline, Key, fingerprint
from mcred.engine import FileResult
from mcred.findings import Finding, Severity
from mcred.loader import Document


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"designs/a.yaml": design(60), "designs/b.yaml": design(level=False),
                     "designs/clean.yaml": design()})
    return tmp_path


def entries(path: Path) -> list[dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    return list(data["entries"])


def test_create_records_findings_by_path_code_pointer_and_value_hash(repo: Path) -> None:
    result = invoke("baseline", "create", "designs")
    assert result.exit_code == 0, result.output
    assert "wrote .mcred-baseline.json: 2 finding(s) in 3 file(s)" in result.stdout
    recorded = entries(repo / ".mcred-baseline.json")
    assert [(e["path"], e["code"], e["pointer"]) for e in recorded] == [
        ("designs/a.yaml", "MC303", "/workload/hours_total"),
        ("designs/b.yaml", "MC701", "/level/eqf"),
    ]
    assert all(len(str(e["hash"])) == 16 and e["count"] == 1 for e in recorded)
    assert "line" not in recorded[0]


def test_the_file_is_stable_and_create_does_not_overwrite(repo: Path) -> None:
    invoke("baseline", "create", "designs", "-o", "one.json")
    invoke("baseline", "create", "designs", "-o", "two.json")
    assert (repo / "one.json").read_bytes() == (repo / "two.json").read_bytes()
    again = invoke("baseline", "create", "designs", "-o", "one.json")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert invoke("baseline", "create", "designs", "-o", "one.json", "--force").exit_code == 0


def test_baseline_lifecycle_edit_above_then_fix(repo: Path) -> None:
    invoke("baseline", "create", "designs")
    clean = invoke("lint", "designs", "--baseline", ".mcred-baseline.json")
    assert clean.exit_code == 0
    assert "2 known finding(s) in the baseline" in clean.stderr

    # an edit above the finding moves it down the file: still baselined
    moved = "# reviewed 2026-11 by the curriculum committee\n\n" + design(60).replace(
        "title: Green Public Procurement in Practice",
        "title: Green Public Procurement in Practice, second edition")
    write(repo, {"designs/a.yaml": moved})
    before = next(f for f in entries(repo / ".mcred-baseline.json") if f["code"] == "MC303")
    moved_line = [f["line"] for f in lint_json("designs")[1] if f["code"] == "MC303"]
    assert before["pointer"] == "/workload/hours_total" and moved_line == [41]  # was line 39
    code, findings = lint_json("designs", "--baseline", ".mcred-baseline.json")
    assert code == 0 and findings == []

    # a different offending value is a new problem, reported despite the baseline
    write(repo, {"designs/a.yaml": design(70)})
    code, findings = lint_json("designs", "--baseline", ".mcred-baseline.json")
    assert code == 1 and codes(findings) == {"MC303"}

    # fixed: nothing reported, and the entry is listed as no longer occurring
    write(repo, {"designs/a.yaml": design(135)})
    fixed = invoke("lint", "designs", "--baseline", ".mcred-baseline.json")
    assert fixed.exit_code == 0
    assert "1 baseline entry no longer occurs" in fixed.stderr
    assert "fixed: designs/a.yaml MC303 /workload/hours_total" in fixed.stderr

    updated = invoke("baseline", "update", "designs")
    assert updated.exit_code == 0 and "removed 1 entry" in updated.stdout
    assert [e["path"] for e in entries(repo / ".mcred-baseline.json")] == ["designs/b.yaml"]


def test_without_the_baseline_findings_are_reported(repo: Path) -> None:
    invoke("baseline", "create", "designs")
    code, findings = lint_json("designs")
    assert code == 1 and codes(findings) == {"MC303", "MC701"}


def test_update_never_adds_and_keeps_entries_of_files_not_linted(repo: Path) -> None:
    invoke("baseline", "create", "designs")
    write(repo, {"designs/clean.yaml": design(60)})
    result = invoke("baseline", "update", "designs/clean.yaml")
    assert "removed 0 entries" in result.stdout
    assert len(entries(repo / ".mcred-baseline.json")) == 2


def test_a_deleted_file_counts_as_fixed(repo: Path) -> None:
    invoke("baseline", "create", "designs")
    (repo / "designs" / "b.yaml").unlink()
    result = invoke("lint", "designs", "--baseline", ".mcred-baseline.json")
    assert "fixed: designs/b.yaml MC701 /level/eqf" in result.stderr


def test_paths_are_relative_to_the_baseline_file(repo: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    invoke("baseline", "create", "designs")
    monkeypatch.chdir(repo / "designs")
    code, findings = lint_json(".", "--baseline", "../.mcred-baseline.json")
    assert code == 0 and findings == []


def test_repeated_identical_findings_are_counted(repo: Path) -> None:
    base = Baseline(repo)
    finding = Finding("designs/a.yaml", 3, 1, "MC303", "x", Severity.WARNING, "m",
                      key_path=("workload", "hours_total"))
    data = {"workload": {"hours_total": 60}}
    key = base.key(finding, data)
    base.counts[key] = 1

    file = FileResult("designs/a.yaml", [finding, finding],
                      document=Document("designs/a.yaml", "", data))
    outcome = base.apply([file])
    assert outcome.known == 1 and file.findings == [finding]


def test_fingerprint_depends_on_the_value_not_the_position() -> None:
    def make(line: int) -> Finding:
        return Finding("a.yaml", line, 3, "MC303", "x", Severity.WARNING, "m",
                       key_path=("workload", "hours_total"))

    data = {"workload": {"hours_total": 60}}
    assert fingerprint(make(3), data) == fingerprint(make(30), data)
    assert fingerprint(make(3), data) != fingerprint(make(3), {"workload": {"hours_total": 61}})
    assert fingerprint(make(3), {}) == fingerprint(make(9), {"workload": {}})  # missing


@pytest.mark.parametrize("text", ["{", '{"version": 2, "entries": []}',
                                  '{"version": 1, "entries": [{"path": "a"}]}'])
def test_a_bad_baseline_file_exits_2(repo: Path, text: str) -> None:
    (repo / "b.json").write_text(text, encoding="utf-8")
    result = invoke("lint", "designs", "--baseline", "b.json")
    assert result.exit_code == 2 and "b.json" in result.stderr


def test_a_missing_baseline_file_exits_2(repo: Path) -> None:
    result = invoke("lint", "designs", "--baseline", "nope.json")
    assert result.exit_code == 2 and "mcred baseline create" in result.stderr
    assert invoke("baseline", "update", "--baseline", "nope.json").exit_code == 2


def test_key_order_is_path_code_pointer_hash() -> None:
    assert sorted([Key("b", "MC1", "", "0"), Key("a", "MC9", "", "0")])[0].path == "a"
