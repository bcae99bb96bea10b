"""The README's CI and editor snippets, run or checked so that copy-paste keeps working."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from conftest import EXAMPLES, ROOT
from mcred.cli import cli
from mcred.model.design import SCHEMA_ID

README = (ROOT / "README.md").read_text("utf-8")


def section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def blocks(title: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", section(title), re.DOTALL)


@pytest.fixture
def curriculum(tmp_path, monkeypatch) -> Path:
    """A repository with the examples under curriculum/, as the snippets assume."""
    shutil.copytree(EXAMPLES, tmp_path / "curriculum")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _mcred_args(command: str) -> list[str]:
    args = shlex.split(command)
    assert args[:2] == ["mcred", "lint"], command
    return args[1:]


def test_github_workflow_lints_annotates_and_uploads_the_sarif_it_wrote(curriculum,
                                                                          monkeypatch):
    """The README's workflow uses this repository's action; its lint step (run in bash by
    tests/test_release.py) comes down to this command, and its upload step uploads the
    SARIF file that command wrote."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    workflow = YAML(typ="safe").load(blocks("GitHub Actions", "yaml")[0])
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["lint"]["steps"]
    [ours] = [s for s in steps if str(s.get("uses", "")).startswith("mcred-dev/mcred@")]
    action = YAML(typ="safe").load((ROOT / "action.yml").read_text("utf-8"))
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    inputs.update(ours["with"])
    [upload] = [s for s in action["runs"]["steps"]
                if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif }}"
    args = ["lint", "--format", inputs["format"], "--output", f"sarif={inputs['sarif']}",
            *shlex.split(inputs["args"]), "--", *inputs["paths"].split()]
    result = CliRunner().invoke(cli, args, env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert result.output.startswith("::error file=curriculum/")
    sarif = json.loads((curriculum / inputs["sarif"]).read_text("utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]


def test_gitlab_job_writes_the_reports_its_artifacts_name(curriculum):
    job = YAML(typ="safe").load(blocks("GitLab CI", "yaml")[0])["mcred"]
    [lint] = [line for line in job["script"] if line.startswith("mcred lint")]
    result = CliRunner().invoke(cli, _mcred_args(lint), env={"GITHUB_ACTIONS": None})
    assert result.exit_code == 1
    assert re.search(r"^curriculum/\S+:\d+:\d+: (error|warning) MC\d{3} ", result.output,
                     re.MULTILINE)
    reports = job["artifacts"]["reports"]
    quality = json.loads((curriculum / reports["codequality"]).read_text("utf-8"))
    assert quality and {"description", "check_name", "fingerprint", "severity",
                        "location"} <= quality[0].keys()
    junit = ET.parse(curriculum / reports["junit"]).getroot()
    assert junit.tag == "testsuites" and int(junit.get("failures", "0")) == len(quality)


def test_output_formats_example_runs(curriculum):
    [command] = blocks("Output formats", "sh")
    result = CliRunner().invoke(cli, _mcred_args(command.strip()), env={"GITHUB_ACTIONS": None})
    assert result.exit_code == 1
    assert (curriculum / "mcred.sarif").is_file() and (curriculum / "mcred-junit.xml").is_file()


def test_output_formats_table_lists_every_format():
    from mcred.reporters import REPORTERS

    listed = set(re.findall(r"^\| `(\w+)` \|", section("Output formats"), re.MULTILINE))
    assert listed == set(REPORTERS)


def test_editor_settings_point_at_the_published_schema():
    [modeline] = blocks("Editors", "yaml")
    target = modeline.split("$schema=", 1)[1].strip()
    assert target.endswith("schemas/mcred-design.schema.json")
    settings = blocks("Editors", "json")[0]  # the language server's snippets follow
    mapping = json.loads(settings)["yaml.schemas"]
    assert all((ROOT / path).is_file() for path in mapping)
    assert SCHEMA_ID in README  # the hosted URL in "Writing a design" is the schema's $id
