"""OB 3.0 export: every loadable example validates against the strict 1EdTech schema copy."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from mcred.cli import cli
from mcred.export import ob3
from mcred.export.common import load_design

EXEMPLARY = EXAMPLES / "green-public-procurement.yaml"
LOADABLE = [p for p in sorted(EXAMPLES.rglob("*.yaml")) if load_design(p).design is not None]


def standards(shared: Path) -> Path:
    return shared / "data" / "standards"


@pytest.mark.parametrize("path", LOADABLE, ids=lambda p: p.name)
def test_every_example_exports_a_valid_achievement_and_credential(path, shared):
    design = load_design(path).design
    assert design is not None
    achievement = ob3.achievement(design, str(path))
    assert ob3.validate(achievement, standards(shared), bare=True) == []
    credential = ob3.credential(design, str(path))
    assert ob3.validate(credential, standards(shared), bare=False) == []
    assert credential["credentialSubject"]["achievement"]["achievementType"] == "MicroCredential"


def test_achievement_carries_the_design_elements():
    design = load_design(EXEMPLARY).design
    assert design is not None and design.level is not None and design.workload is not None
    data = ob3.achievement(design, str(EXEMPLARY))
    assert data["name"] == design.title
    assert data["creditsAvailable"] == design.workload.ects
    assert data["inLanguage"] == design.language == "en"  # not the first teaching language
    assert data["creator"]["name"] == design.awarding_bodies[0].name
    urls = {a["targetUrl"] for a in data["alignment"]}
    assert f"http://data.europa.eu/snb/eqf/{design.level.eqf}" in urls
    assert f"http://data.europa.eu/snb/isced-f/{design.field_of_education}" in urls
    assert {u for lo in design.learning_outcomes for u in lo.esco} <= urls
    for lo in design.learning_outcomes:
        assert lo.text in data["criteria"]["narrative"]


@pytest.mark.parametrize("damage", [
    lambda d: d.pop("name"),
    lambda d: d.pop("criteria"),
    lambda d: d.update(type="Achievement"),  # the strict copy wants an array
    lambda d: d.update(inLanguage="english"),
    lambda d: d.update(achievementType="Micro Credential"),
])
def test_a_broken_achievement_is_caught(damage, shared):
    design = load_design(EXEMPLARY).design
    assert design is not None
    data = copy.deepcopy(ob3.achievement(design, str(EXEMPLARY)))
    damage(data)
    assert ob3.validate(data, standards(shared), bare=True)


def test_a_credential_without_issuer_is_caught(shared):
    design = load_design(EXEMPLARY).design
    assert design is not None
    data = ob3.credential(design, str(EXEMPLARY))
    del data["issuer"]
    problems = ob3.validate(data, standards(shared), bare=False)
    assert any("issuer" in p for p in problems)


def test_cli_exports_and_validates(shared, tmp_path):
    out = tmp_path / "badge.json"
    result = CliRunner().invoke(cli, ["export", "--to", "ob3", "--credential", "--validate",
                                      "--schema-dir", str(standards(shared)), "-o", str(out),
                                      str(EXEMPLARY)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "OpenBadgeCredential" in data["type"]


def test_cli_prints_to_stdout_without_output_option():
    result = CliRunner().invoke(cli, ["export", "--to", "ob3", str(EXEMPLARY)])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["type"] == ["Achievement"]


def test_cli_validate_without_schema_dir_is_a_usage_error():
    result = CliRunner().invoke(cli, ["export", "--to", "ob3", "--validate", str(EXEMPLARY)])
    assert result.exit_code == 2
    assert "--schema-dir" in result.output


def test_cli_refuses_a_design_with_errors_unless_forced():
    draft = EXAMPLES / "blended-sustainability-draft.yaml"
    refused = CliRunner().invoke(cli, ["export", "--to", "ob3", str(draft)])
    assert refused.exit_code == 1
    assert "MC006" in refused.stderr and "--force" in refused.stderr
    assert refused.stdout == ""
    forced = CliRunner().invoke(cli, ["export", "--to", "ob3", "--force", str(draft)])
    assert forced.exit_code == 0
    assert json.loads(forced.stdout)["achievementType"] == "MicroCredential"


def test_cli_unreadable_file_exits_2(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--to", "ob3", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_installed_command_exports(shared):
    installed = Path(sys.executable).with_name("mcred")
    command = [str(installed)] if installed.exists() else [sys.executable, "-m", "mcred"]
    result = subprocess.run(
        [*command, "export", "--to", "ob3", "--validate",
         "--schema-dir", str(standards(shared)), str(EXEMPLARY)],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["achievementType"] == "MicroCredential"
    assert "valid" in result.stderr
