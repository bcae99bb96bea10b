"""Cross-file rules over temporary repositories: cycles, references, ids, stacking."""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from helpers_corpus import design_text, write_corpus
from mcred.catalogue.graph import cycles, strongly_connected
from mcred.catalogue.model import Catalogue, Entry
from mcred.cli import cli
from mcred.findings import Finding
from mcred.model import Design
from mcred.registry import RuleContext, all_rules
from mcred.runner import lint_paths
from mcred.settings import LintSettings, RuleSettings


def repo(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def cross(paths: list[Path], settings: LintSettings | None = None) -> list[Finding]:
    findings = lint_paths(paths, settings or LintSettings()).findings
    return [f for f in findings if f.code.startswith("MC9")]


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.rstrip() == needle)


def test_cycle_of_three_designs_is_one_finding_naming_all_three(tmp_path):
    repo(tmp_path, {
        "year1/a.yaml": design_text("a", requires=["b"]),
        "year2/b.yaml": design_text("b", requires=["c"]),
        "year3/c.yaml": design_text("c", requires=["a"]),
    })
    [finding] = cross([tmp_path])
    assert finding.code == "MC903"
    assert finding.message == "prerequisites form a cycle: `a` → `b` → `c` → `a`"
    assert Path(finding.path).name == "a.yaml"
    assert finding.line == line_of(tmp_path / "year1/a.yaml", "    - b")
    assert finding.key_path == ("prerequisites", "requires", 0)


def test_self_requirement_and_two_separate_cycles(tmp_path):
    repo(tmp_path, {
        "x.yaml": design_text("x", requires=["x"]),
        "p.yaml": design_text("p", requires=["q"]),
        "q.yaml": design_text("q", requires=["p", "x"]),
    })
    messages = sorted(f.message for f in cross([tmp_path]))
    assert messages == ["prerequisites form a cycle: `p` → `q` → `p`",
                        "prerequisites form a cycle: `x` → `x`"]


def test_reference_to_a_missing_id(tmp_path):
    repo(tmp_path, {
        "analysis.yaml": design_text("analysis", requires=["statistic-basics"],
                                     towards=[("data-master", None)]),
        "statistics-basics.yaml": design_text(None),
    })
    found = sorted(cross([tmp_path]), key=lambda f: f.line)
    path = tmp_path / "analysis.yaml"
    assert [(f.code, f.line) for f in found] == [
        ("MC902", line_of(path, "    - statistic-basics")),
        ("MC902", line_of(path, "    - id: data-master")),
    ]
    assert found[0].message == ("no design in the catalogue has the id `statistic-basics` "
                                "(did you mean `statistics-basics`?)")
    assert found[1].key_path == ("recognition", "towards", 0, "id")


def test_duplicate_id_in_two_folders_is_reported_in_both_files(tmp_path):
    repo(tmp_path, {
        "bachelor/intro.yaml": design_text("intro"),
        "master/intro.yaml": design_text(None),  # id from the file stem
        "master/other.yaml": design_text("other"),
    })
    found = sorted(cross([tmp_path]), key=lambda f: f.path)
    assert [(f.code, Path(f.path).parent.name) for f in found] == [
        ("MC901", "bachelor"), ("MC901", "master")]
    assert found[0].message.endswith("is also used by " + found[1].path)
    assert found[0].line == 2  # the `id:` line
    assert "(taken from the file name)" in found[1].message


def test_stack_level_mismatch(tmp_path):
    repo(tmp_path, {
        "advanced.yaml": design_text("advanced", eqf=7, towards=[("certificate", None)]),
        "certificate.yaml": design_text("certificate", eqf=5, ects=30),
        "basic.yaml": design_text("basic", eqf=5, towards=[("certificate", None)]),
    })
    [finding] = cross([tmp_path])
    assert (finding.code, Path(finding.path).name) == ("MC904", "advanced.yaml")
    assert finding.message == "stacks towards `certificate` at EQF 5, below this design's EQF 7"
    assert finding.line == line_of(tmp_path / "advanced.yaml", "    - id: certificate")


def test_over_full_stack_is_reported_once_at_the_reference_that_tips_it(tmp_path):
    repo(tmp_path, {
        "certificate.yaml": design_text("certificate", ects=10),
        "u1.yaml": design_text("u1", ects=4, towards=[("certificate", None)]),
        "u2.yaml": design_text("u2", ects=6, towards=[("certificate", 3)]),
        "u3.yaml": design_text("u3", ects=5, towards=[("certificate", None)]),
        "u4.yaml": design_text("u4", ects=5, towards=[("certificate", None)]),
    })
    [finding] = cross([tmp_path])
    assert (finding.code, Path(finding.path).name) == ("MC905", "u3.yaml")
    assert finding.message == ("the designs stacking towards `certificate` add up to 17 ECTS "
                               "(`u1` 4, `u2` 3, `u3` 5, `u4` 5), more than its own 10 ECTS")


def test_a_stack_that_fits_exactly_is_clean(tmp_path):
    repo(tmp_path, {
        "certificate.yaml": design_text("certificate", ects=0.3),
        "u1.yaml": design_text("u1", ects=0.1, towards=[("certificate", None)]),
        "u2.yaml": design_text("u2", ects=0.2, towards=[("certificate", None)]),
    })
    assert cross([tmp_path]) == []


def test_cross_file_rules_skip_when_a_design_does_not_load(tmp_path):
    repo(tmp_path, {
        "a.yaml": design_text("a", requires=["broken"]),
        "broken.yaml": "mcred: 1\ntitle: [unclosed\n",
    })
    result = lint_paths([tmp_path], LintSettings())
    assert not [f for f in result.findings if f.code.startswith("MC9")]
    assert any(f.code == "MC001" for f in result.findings)
    [note] = result.notes
    assert "skipped" in note and "broken.yaml" in note
    out = CliRunner().invoke(cli, ["lint", "-v", str(tmp_path)]).output
    assert "cross-file rules (MC9xx) skipped" in out


def test_an_id_rejected_by_validation_counts_as_not_loaded(tmp_path):
    repo(tmp_path, {
        "a.yaml": design_text("a", requires=["Bad_Id"]),
        "b.yaml": design_text("Bad_Id"),
    })
    result = lint_paths([tmp_path], LintSettings())
    assert not [f for f in result.findings if f.code.startswith("MC9")]
    assert result.notes and "b.yaml" in result.notes[0]


def test_single_file_skips_cross_file_rules_without_a_configured_catalogue(tmp_path):
    repo(tmp_path, {"a.yaml": design_text("a", requires=["missing"])})
    result = lint_paths([tmp_path / "a.yaml"], LintSettings())
    assert not [f for f in result.findings if f.code.startswith("MC9")]
    assert result.notes and "only single files" in result.notes[0]


def test_single_file_is_checked_against_the_configured_catalogue_root(tmp_path):
    root = repo(tmp_path / "curriculum", {
        "a.yaml": design_text("a", requires=["b", "missing"]),
        "b.yaml": design_text("b", requires=["c"]),
        "c.yaml": design_text("c", requires=["missing-too"]),
    })
    settings = LintSettings(catalogue_root=root)
    found = cross([root / "a.yaml"], settings)
    assert [(f.code, Path(f.path).name, f.message) for f in found] == [
        ("MC902", "a.yaml", "no design in the catalogue has the id `missing`")]


def test_cycle_is_reported_in_the_linted_file_when_checked_against_the_root(tmp_path):
    root = repo(tmp_path / "curriculum", {
        "a.yaml": design_text("a", requires=["b"]),
        "b.yaml": design_text("b", requires=["c"]),
        "c.yaml": design_text("c", requires=["a"]),
    })
    [finding] = cross([root / "c.yaml"], LintSettings(catalogue_root=root))
    assert Path(finding.path).name == "c.yaml"
    assert finding.message == "prerequisites form a cycle: `c` → `a` → `b` → `c`"


def test_configured_root_that_does_not_exist_skips_with_a_note(tmp_path):
    path = repo(tmp_path, {"a.yaml": design_text("a")}) / "a.yaml"
    result = lint_paths([path], LintSettings(catalogue_root=tmp_path / "nope"))
    assert result.notes and "not a directory" in result.notes[0]


def test_disabled_catalogue_rules_do_not_run(tmp_path):
    repo(tmp_path, {"a.yaml": design_text("a", requires=["missing"])})
    enabled = frozenset(r.code for r in all_rules() if r.code != "MC902")
    settings = LintSettings(rules=RuleSettings(enabled=enabled))
    assert cross([tmp_path], settings) == []


def test_generated_repository_is_clean_across_files(tmp_path):
    write_corpus(tmp_path, 60)
    result = lint_paths([tmp_path], LintSettings())
    assert len(result.files) == 60
    assert result.findings == [] and result.notes == []


def test_tarjan_is_iterative_and_finds_components():
    chain = [f"n{i}" for i in range(20_000)]
    edges = {a: [b] for a, b in itertools.pairwise(chain)}
    assert cycles(chain, edges) == []
    edges[chain[-1]] = [chain[0]]
    [cycle] = cycles(chain, edges)
    assert len(cycle) == len(chain) and cycle[0] == "n0"
    components = strongly_connected(["a", "b", "c", "d"], {"a": ["b"], "b": ["a", "c"],
                                                           "c": ["d"], "d": ["c"]})
    assert sorted(map(sorted, components)) == [["a", "b"], ["c", "d"]]


def test_shortest_cycle_is_named_in_a_larger_group():
    edges = {"a": ["b", "c"], "b": ["c"], "c": ["a"]}
    assert cycles(["a", "b", "c"], edges) == [["a", "c"]]


def _entries(count: int) -> list[Entry]:
    """In-memory designs (no parsing): one long prerequisite chain, stacks of ten units."""
    entries = []
    for n in range(count):
        data = {"mcred": 1, "id": f"d{n}", "level": {"eqf": 6}, "workload": {"ects": 5},
                "prerequisites": {"requires": [f"d{n - 1}"] if n else []},
                "recognition": {"towards": [{"id": f"d{n - n % 10}"}] if n % 10 else []}}
        entries.append(Entry(f"d{n}", f"d{n}.yaml", Design.model_validate(data)))
    return entries


def _run_rules(catalogue: Catalogue) -> int:
    issues = 0
    for entry in all_rules():
        if entry.scope == "catalogue":
            issues += sum(1 for _ in entry.check(catalogue, RuleContext(entry.options())))
    return issues


def test_cross_file_analysis_is_linear():
    """Comparing 4,000 designs pairwise would be 16 million steps; linear takes milliseconds.

    The bound is generous (shared, noisy machines); a quadratic rule would still miss it.
    """
    catalogue = Catalogue(_entries(4_000))
    start = time.perf_counter()
    issues = _run_rules(catalogue)
    elapsed = time.perf_counter() - start
    assert issues == 400  # every tenth design is a target: 9 x 5 ECTS stacked on its own 5
    assert elapsed < 5


@pytest.mark.parametrize("code", ["MC901", "MC902", "MC903", "MC904", "MC905"])
def test_cross_file_rules_read_only_the_parts_workers_send(code, monkeypatch):
    """Lint results keep only CATALOGUE_PARTS of each design for the cross-file rules; over
    every catalogue fixture, the rules must find exactly what the whole designs give."""
    from mcred.cache import LightResult

    fixtures = ROOT / "tests" / "fixtures" / "rules" / code
    for kind in ("pass", "fail"):
        args = ["lint", "--no-cache", "-j", "1", "--format", "json", str(fixtures / kind)]
        sent = CliRunner().invoke(cli, args).output
        with monkeypatch.context() as patch:
            patch.setattr(LightResult, "catalogue_design", lambda self: self.design)
            whole = CliRunner().invoke(cli, args).output
        assert json.loads(sent) == json.loads(whole), (code, kind)
        if kind == "fail":
            assert code in {f["code"] for f in json.loads(whole)["findings"]}


def test_the_catalogue_part_of_a_design_validates_and_keeps_what_the_rules_read():
    from mcred.catalogue import catalogue_part
    from mcred.catalogue.model import Entry as CatalogueEntry
    from mcred.plain.validate import validate

    whole = {"mcred": 1, "id": "b", "title": "B", "workload": {"ects": 5, "hours_total": 135},
             "level": {"eqf": 6, "qf_ehea_cycle": "first"},
             "prerequisites": {"description": "Some experience", "requires": ["a"]},
             "recognition": {"stackability": "stackable", "rpl": "Interview",
                             "towards": [{"id": "m", "ects": 60}]}}
    part = catalogue_part(whole)
    assert part == {"mcred": 1, "id": "b", "workload": {"ects": 5}, "level": {"eqf": 6},
                    "prerequisites": {"requires": ["a"]},
                    "recognition": {"towards": [{"id": "m", "ects": 60}]}}
    design, errors = validate(part)
    assert design is not None and not errors
    entry = CatalogueEntry("b", "b.yaml", design)
    assert (entry.requires(), entry.ects(), entry.eqf()) == (["a"], 5, 6)
    for text in ("Some experience", {"es": "Experiencia", "en": "Experience"}):
        part = catalogue_part({**whole, "prerequisites": text})
        assert "prerequisites" not in part and validate(part)[0] is not None
