"""Machine reports as CI services read them: paths from the project root, GitHub's SARIF
limits, JUnit every CI keeps, and a failing reporter that costs no other report."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from mcred.cli import cli
from mcred.findings import Severity
from mcred.reporters.base import ReportOptions
from mcred.reporters.paths import ProjectPaths, find_root, git_root
from mcred.reporters.sarif import MAX_RESULTS, SarifReporter, sarif_log
from mcred.runner import lint_paths
from mcred.settings import LintSettings, RuleSettings
from reporter_cases import finding, render, run

FLAWED = EXAMPLES / "online-data-literacy.yaml"
XSD = Path(__file__).parent / "schemas" / "jenkins-xunit-junit.xsd"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository (a `.git` folder is all it takes) with designs and a `docs/` folder."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "examples").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "examples" / "flawed.yaml").write_bytes(FLAWED.read_bytes())
    monkeypatch.chdir(tmp_path / "docs")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def lint(*args: str) -> tuple[int, str]:
    done = CliRunner().invoke(cli, ["lint", "--exit-zero", *args])
    assert done.exception is None or isinstance(done.exception, SystemExit), done.output
    return done.exit_code, done.output


# -- item 1: paths relative to the project root, run from a subdirectory -----------------

def test_root_is_the_git_top_level_found_without_git(repo: Path) -> None:
    assert git_root(["../examples/flawed.yaml"]) == str(repo)
    assert find_root(["../examples/"]) == str(repo)
    (repo / ".git").rmdir()
    (repo / ".git").write_text("gitdir: /elsewhere\n")  # a worktree or submodule
    assert git_root(["../examples"]) == str(repo)


def test_sarif_from_a_subdirectory(repo: Path) -> None:
    _, out = lint("--format", "sarif", "../examples/")
    run_ = json.loads(out)["runs"][0]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.as_uri() + "/"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in run_["results"]}
    bases = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"]
             for r in run_["results"]}
    assert uris == {"examples/flawed.yaml"} and bases == {"%SRCROOT%"}


def test_gitlab_from_a_subdirectory(repo: Path) -> None:
    _, out = lint("--format", "gitlab", "../examples/")
    assert {issue["location"]["path"] for issue in json.loads(out)} == {"examples/flawed.yaml"}


def test_junit_from_a_subdirectory(repo: Path) -> None:
    _, out = lint("--format", "junit", "../examples/")
    cases = ET.fromstring(out).findall("testsuite/testcase")
    assert cases and {c.get("file") for c in cases} == {"examples/flawed.yaml"}


def test_github_from_a_subdirectory(repo: Path) -> None:
    _, out = lint("--format", "github", "../examples/")
    annotations = [line for line in out.splitlines() if line.startswith("::warning ")]
    assert annotations and all("file=examples/flawed.yaml," in a for a in annotations)


def test_text_keeps_the_path_as_typed(repo: Path) -> None:
    _, out = lint("--format", "concise", "../examples/")
    assert out.startswith("../examples/flawed.yaml:")


def test_files_outside_the_root_keep_absolute_file_uris(repo: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "d.yaml"
    outside.write_bytes(FLAWED.read_bytes())
    _, out = lint("--format", "sarif", "--project-root", "..", "../examples", str(outside))
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"]
                 for r in json.loads(out)["runs"][0]["results"]]
    assert {"uri": outside.as_uri()} in locations
    assert {"uri": "examples/flawed.yaml", "uriBaseId": "%SRCROOT%"} in locations


def test_project_root_option_and_config_key(repo: Path) -> None:
    _, out = lint("--format", "gitlab", "--project-root", "../examples", "../examples/")
    assert {i["location"]["path"] for i in json.loads(out)} == {"flawed.yaml"}
    (repo / "docs" / "mcred.toml").write_text('root = "../examples"\n')
    _, out = lint("--format", "gitlab", "../examples/")
    assert {i["location"]["path"] for i in json.loads(out)} == {"flawed.yaml"}


def test_subdirectory_through_the_installed_command(repo: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    done = subprocess.run([sys.executable, "-m", "mcred", "lint", "--format", "github",
                           "../examples/flawed.yaml"], cwd=repo / "docs", env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert "::warning file=examples/flawed.yaml,line=23," in done.stdout


def test_undecodable_file_name_gives_a_percent_encoded_uri(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.yaml")  # not UTF-8: a surrogate escape in Python
    log = sarif_log(run((name, [finding(path=name)])), project=ProjectPaths(cwd=str(tmp_path)))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "caf%E9.yaml"
    json.dumps(log, ensure_ascii=False).encode("utf-8")  # nothing unencodable left


# -- item 2: GitHub's SARIF limits -----------------------------------------------------

@pytest.fixture(scope="module")
def big_run(tmp_path_factory):
    """26 small designs, each with 1,000 bad suppression comments and one info finding:
    26,026 findings, in-process, two cheap rules."""
    folder = tmp_path_factory.mktemp("corpus")
    comments = "".join(f"# mcred: ignore[NO-SUCH-RULE-{i}]\n" for i in range(1000))
    for n in range(26):
        (folder / f"d{n}.yaml").write_text(
            f"mcred: 1\ntitle: Design {n}\nawarding_bodies:\n  - name: U\n{comments}")
    settings = LintSettings(rules=RuleSettings(enabled=frozenset({"MC014", "MC105"})),
                            max_findings_per_file=0)
    return lint_paths([folder], settings)


def test_sarif_caps_results_per_run_most_severe_first(big_run) -> None:
    assert len(big_run.findings) == 26_026 > MAX_RESULTS
    log = sarif_log(big_run)
    [run_] = log["runs"]
    assert len(run_["results"]) == MAX_RESULTS
    assert {r["level"] for r in run_["results"]} == {"warning"}  # the 26 notes went first
    [note] = run_["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"].startswith("1,026 more results not included")
    assert "--max-results" in note["message"]["text"]
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_sarif_within_githubs_other_limits(big_run) -> None:
    log = sarif_log(big_run)
    assert len(log["runs"]) <= 20
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert len(rules) <= 25_000
    assert all(len(r["properties"]["tags"]) <= 20 for r in rules)
    assert all(len(r["shortDescription"]["text"]) <= 1024 and
               len(r["fullDescription"]["text"]) <= 1024 for r in rules)
    assert all(r["helpUri"].startswith("https://") for r in rules)
    assert all(len(r["locations"]) <= 1000 and len(r["message"]["text"]) <= 1024
               for r in run_["results"])
    compressed = gzip.compress(json.dumps(log).encode())
    assert len(compressed) < 10 * 1024 * 1024  # the upload limit, gzip-compressed


def test_max_results_and_automation_id_options(big_run) -> None:
    import io

    out = io.StringIO()
    SarifReporter(ReportOptions(max_results=0, automation_id="mcred/nightly/")).render(
        big_run, out)
    run_ = json.loads(out.getvalue())["runs"][0]
    assert len(run_["results"]) == 26_026
    assert run_["automationDetails"] == {"id": "mcred/nightly/"}


def test_long_messages_are_shortened_for_github() -> None:
    log = sarif_log(run(("a.yaml", [finding(message="x" * 5000)])))
    text = log["runs"][0]["results"][0]["message"]["text"]
    assert len(text) == 1024 and text.endswith("…")
    assert log["runs"][0]["automationDetails"] == {"id": "mcred/"}


# -- item 3: JUnit every CI keeps --------------------------------------------------------

def _same_place_findings():
    return [finding(line=90, column=1, code="MC803", name="incomplete-offer", key_path=("fee",),
                    severity=Severity.INFO, message=m) for m in ("no fee", "no dates", "x")]


def test_junit_names_are_unique_even_for_findings_at_one_place() -> None:
    root = ET.fromstring(render("junit", run(("a.yaml", _same_place_findings()))))
    names = [c.get("name") for c in root.iter("testcase")]
    assert len(set(names)) == 3
    assert names[0] == "MC803 incomplete-offer at /fee"


def _junit(flavour: str, result) -> str:
    import io

    from mcred.reporters.junit import JunitReporter

    out = io.StringIO()
    JunitReporter(ReportOptions(junit_flavour=flavour)).render(result, out)
    return out.getvalue()


def test_jenkins_flavour_validates_against_the_xunit_schema() -> None:
    xmlschema = pytest.importorskip("xmlschema")
    schema = xmlschema.XMLSchema(str(XSD))
    result = lint_paths([EXAMPLES], LintSettings())
    assert result.findings
    result.read_errors.append("gone.yaml: no such file")
    jenkins = _junit("jenkins", result)
    schema.validate(jenkins)
    # GitLab's flavour carries file and line on each test case, which that schema refuses.
    assert not schema.is_valid(_junit("gitlab", result))
    suites = ET.fromstring(jenkins).findall("testsuite")
    assert any(s.get("file", "").startswith("examples/") for s in suites)


def test_junit_flavour_option() -> None:
    done = CliRunner().invoke(cli, ["lint", "--format", "junit", "--junit-flavour", "jenkins",
                                    str(FLAWED)])
    assert done.exit_code == 1
    assert " line=" not in done.output and "<testcase " in done.output


# -- one failing reporter costs no other report -----------------------------------------

def test_a_failing_reporter_leaves_the_others_written(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from mcred.reporters import gitlab

    def broken(self, result, out):
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "boom")

    monkeypatch.setattr(gitlab.GitlabReporter, "render", broken)
    sarif, gl = tmp_path / "a.sarif", tmp_path / "gl.json"
    done = CliRunner().invoke(cli, ["lint", "--format", "concise", "--output",
                                    f"gitlab={gl}", "--output", f"sarif={sarif}", str(FLAWED)])
    assert done.exit_code == 3
    assert json.loads(sarif.read_text())["runs"][0]["results"]
    assert not gl.exists()
    assert "MC303" in done.stdout
    errors = [line for line in done.stderr.splitlines() if "gitlab" in line]
    assert len(errors) == 1 and "internal error in the gitlab report" in errors[0]


def test_an_unwritable_report_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    sarif = tmp_path / "a.sarif"
    done = CliRunner().invoke(cli, ["lint", "--output", f"junit={tmp_path}/no/such/x.xml",
                                    "--output", f"sarif={sarif}", str(FLAWED)])
    assert done.exit_code == 2 and sarif.exists()
    assert len([x for x in done.stderr.splitlines() if "cannot write" in x]) == 1


# -- colour -------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "forced"), [("1", True), ("true", True), ("3", True),
                                              ("0", False), ("", False), ("false", False)])
def test_force_color_follows_the_convention(monkeypatch, value: str, forced: bool) -> None:
    import io

    from mcred.cli.output import use_color

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", value)
    assert use_color("auto", io.StringIO()) is forced


def test_caret_counts_terminal_cells_after_wide_text() -> None:
    from mcred.engine import lint_document
    from mcred.loader import load_text
    from mcred.reporters.text import TextReporter, cells
    from mcred.runner import RunResult

    text = "mcred: 1\nlanguages: [中文中文, qqq-1234567]\n"
    result = RunResult(files=[lint_document(load_text(text, "d.yaml"), RuleSettings())])
    import io

    out = io.StringIO()
    TextReporter(ReportOptions()).render(result, out)
    lines = out.getvalue().splitlines()
    head = lines.index(next(x for x in lines if "'qqq-1234567'" in x))
    source, caret = lines[head + 2], lines[head + 3]
    before = source[: source.index("qqq")]
    assert cells(caret.index("^") * " ") == cells(before)
    assert cells("中文") == 4 and cells("é") == 1


def test_readme_documents_the_new_options() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for text in ("--project-root", "--max-results", "--junit-flavour", "--automation-id",
                 "FORCE_COLOR=0"):
        assert text in readme, text
