"""Config files through the CLI: discovery, precedence, per-file ignores, overrides, options."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from config_helpers import codes, design, invoke, lint_json, severity_of, write
from mcred.cli import cli

HOURS_OPTIONS = """
[tool.mcred.rules.hours-per-ects-out-of-band]
low = 20
high = 25
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_without_config_the_ects_band_is_25_to_30(repo: Path) -> None:
    write(repo, {"irish.yaml": design(100)})
    code, findings = lint_json("irish.yaml")
    assert code == 1 and codes(findings) == {"MC303"}


def test_national_hours_per_credit_setting_silences_mc303_for_20_h_per_ects(repo: Path) -> None:
    write(repo, {"pyproject.toml": "[project]\nname = 'x'\n" + HOURS_OPTIONS,
                 "irish.yaml": design(100), "dutch.yaml": design(140)})
    _, findings = lint_json("irish.yaml", "dutch.yaml")
    assert "MC303" not in codes(findings, "irish.yaml")
    # the band moved rather than the rule being switched off: 28 h per credit is now too many
    (finding,) = [f for f in findings if f["path"] == "dutch.yaml"]
    assert finding["code"] == "MC303" and "expected 20\u201325" in str(finding["message"])


def test_option_keys_may_be_written_in_kebab_case(repo: Path) -> None:
    write(repo, {"mcred.toml": "[rules.MC303]\nconvention-high = 35\n",
                 "d.yaml": design(160, hours_suffix="\n  hours_per_ects: 32")})
    _, findings = lint_json("d.yaml")
    assert "MC303" not in codes(findings)


def test_closest_config_wins_in_nested_folders(repo: Path) -> None:
    write(repo, {
        "mcred.toml": 'ignore = ["MC303"]\n',
        "a.yaml": design(60),
        "dept/mcred.toml": 'select = ["MC3"]\n',
        "dept/b.yaml": design(60, level=False),
        "dept/sub/pyproject.toml": "[tool.black]\nline-length = 88\n",  # no [tool.mcred]
        "dept/sub/c.yaml": design(60, level=False),
    })
    _, findings = lint_json(".")
    assert codes(findings, "a.yaml") == set()
    assert codes(findings, "dept/b.yaml") == {"MC303"}  # MC701 is not in MC3
    assert codes(findings, "dept/sub/c.yaml") == {"MC303"}


def test_in_one_folder_dot_mcred_toml_beats_mcred_toml_beats_pyproject(repo: Path) -> None:
    write(repo, {"pyproject.toml": '[tool.mcred]\nselect = ["MC701"]\n',
                 "mcred.toml": 'select = ["MC303"]\n', "d.yaml": design(60, level=False)})
    assert codes(lint_json("d.yaml")[1]) == {"MC303"}
    write(repo, {".mcred.toml": 'select = ["missing-level"]\n'})
    assert codes(lint_json("d.yaml")[1]) == {"MC701"}


def test_config_is_found_from_the_working_directory_for_files_outside(
        repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    write(elsewhere, {"d.yaml": design(60)})
    write(repo, {"mcred.toml": 'ignore = ["MC303"]\n'})
    assert codes(lint_json(str(elsewhere / "d.yaml"))[1]) == set()


def test_stdin_filename_picks_the_per_file_settings(repo: Path) -> None:
    write(repo, {"mcred.toml": '[per-file-ignores]\n"legacy/**" = ["MC303"]\n'})
    runner = CliRunner()
    args = ["lint", "-", "--format", "json", "--stdin-filename"]
    legacy = runner.invoke(cli, [*args, "legacy/old.yaml"], input=design(60))
    new = runner.invoke(cli, [*args, "new.yaml"], input=design(60))
    assert json.loads(legacy.stdout)["findings"] == []
    assert codes(json.loads(new.stdout)["findings"]) == {"MC303"}


def test_command_line_overrides_the_file(repo: Path) -> None:
    write(repo, {"mcred.toml": 'select = ["MC303"]\nfail-on = "error"\n',
                 "d.yaml": design(60, level=False)})
    code, findings = lint_json("d.yaml")
    assert codes(findings) == {"MC303"} and code == 0  # a warning is below fail-on = error
    code, findings = lint_json("d.yaml", "--select", "MC701", "--fail-on", "warning")
    assert codes(findings) == {"MC701"} and code == 1
    _, findings = lint_json("d.yaml", "--extend-select", "missing-level")
    assert codes(findings) == {"MC303", "MC701"}
    _, findings = lint_json("d.yaml", "--ignore", "MC3")
    assert codes(findings) == set()


def test_select_and_ignore_accept_comma_separated_codes_prefixes_and_names(repo: Path) -> None:
    write(repo, {"d.yaml": design(60, level=False)})
    _, findings = lint_json("d.yaml", "--select", "MC30,missing-level")
    assert codes(findings) == {"MC303", "MC701"}


def test_longest_match_wins(repo: Path) -> None:
    write(repo, {"mcred.toml": 'ignore = ["MC3"]\nextend-select = ["MC303"]\n',
                 "d.yaml": design(60)})
    result = invoke("config", "d.yaml", "--format", "json")
    data = json.loads(result.stdout)
    disabled = {d["code"]: d["why"] for d in data["disabled"]}
    assert "MC303" not in disabled
    assert disabled["MC301"] == "ignored by `MC3` (mcred.toml:1)"
    assert codes(lint_json("d.yaml")[1]) == {"MC303"}


def test_per_file_ignores(repo: Path) -> None:
    write(repo, {
        "mcred.toml": '[per-file-ignores]\n"legacy/**" = ["MC303"]\n"*.draft.yaml" = '
                      '["missing-level", "MC303"]\n',
        "legacy/old.yaml": design(60, level=False),
        "new.yaml": design(60, level=False),
        "drafts/x.draft.yaml": design(60, level=False),
    })
    _, findings = lint_json(".")
    assert codes(findings, "legacy/old.yaml") == {"MC701"}
    assert codes(findings, "new.yaml") == {"MC303", "MC701"}
    assert codes(findings, "drafts/x.draft.yaml") == set()


def test_overrides_apply_their_own_selection_severity_options_and_profile(repo: Path) -> None:
    write(repo, {
        "mcred.toml": """
[rules.MC303]
severity = "error"

[[overrides]]
files = ["vocational/**"]
profile = "vocational"
ignore = ["MC303"]

[[overrides]]
files = ["ireland/*.yaml"]
rules.MC303 = { low = 20, high = 25, severity = "warning" }
""",
        "uni.yaml": design(60, level=False),
        "vocational/welding.yaml": design(60, level=False),
        "ireland/dcu.yaml": design(60),
        "ireland/ok.yaml": design(100),
    })
    _, findings = lint_json(".")
    assert severity_of(findings, "MC303", "uni.yaml") == "error"
    assert severity_of(findings, "MC701", "uni.yaml") == "warning"
    assert codes(findings, "vocational/welding.yaml") == {"MC701"}
    assert severity_of(findings, "MC701", "vocational/welding.yaml") == "info"
    assert severity_of(findings, "MC303", "ireland/dcu.yaml") == "warning"
    assert codes(findings, "ireland/ok.yaml") == set()


def test_severity_off_switches_a_rule_off_and_the_command_line_can_select_it_again(
        repo: Path) -> None:
    write(repo, {"mcred.toml": '[rules.missing-level]\nseverity = "off"\n',
                 "d.yaml": design(135, level=False)})
    assert codes(lint_json("d.yaml")[1]) == set()
    assert codes(lint_json("d.yaml", "--select", "MC701")[1]) == {"MC701"}


@pytest.mark.parametrize(("profile", "severity"), [
    ("higher-education", "error"), ("cmf", "error"), ("vocational", "info"),
])
def test_profiles_set_the_severity_of_a_missing_level(repo: Path, profile: str,
                                                      severity: str) -> None:
    write(repo, {"d.yaml": design(level=False)})
    _, findings = lint_json("d.yaml", "--profile", profile)
    assert severity_of(findings, "MC701", "d.yaml") == severity
    write(repo, {"mcred.toml": f'profile = "{profile}"\n'})
    _, findings = lint_json("d.yaml")
    assert severity_of(findings, "MC701", "d.yaml") == severity


def test_config_overrides_what_a_profile_sets(repo: Path) -> None:
    write(repo, {"mcred.toml": 'profile = "higher-education"\n[rules.MC701]\nrequired = false\n'
                               'severity = "info"\n', "d.yaml": design(level=False)})
    assert severity_of(lint_json("d.yaml")[1], "MC701", "d.yaml") == "info"


def test_explicit_config_and_isolated(repo: Path) -> None:
    write(repo, {"mcred.toml": 'ignore = ["MC303"]\n', "team.toml": 'select = ["MC701"]\n',
                 "d.yaml": design(60, level=False)})
    assert codes(lint_json("d.yaml")[1]) == {"MC701"}
    assert codes(lint_json("d.yaml", "--config", "team.toml")[1]) == {"MC701"}
    assert codes(lint_json("d.yaml", "--isolated")[1]) == {"MC303", "MC701"}
    result = invoke("lint", "d.yaml", "--isolated", "--config", "team.toml")
    assert result.exit_code == 2 and "cannot be used together" in result.stderr


def test_exit_zero_and_fail_on_never(repo: Path) -> None:
    write(repo, {"d.yaml": design(60)})
    assert invoke("lint", "d.yaml").exit_code == 1
    assert invoke("lint", "d.yaml", "--exit-zero").exit_code == 0
    write(repo, {"mcred.toml": 'fail-on = "never"\n'})
    assert invoke("lint", "d.yaml").exit_code == 0
    assert invoke("lint", "d.yaml", "--fail-on", "info").exit_code == 1


def test_statistics_count_findings_per_rule(repo: Path) -> None:
    write(repo, {"a.yaml": design(60, level=False), "b.yaml": design(60)})
    result = invoke("lint", ".", "--statistics", "--no-source", "--format", "text")
    lines = result.stdout.splitlines()
    assert "2  MC303  warning  hours-per-ects-out-of-band" in lines
    assert "1  MC701  warning  missing-level" in lines
    json_run = invoke("lint", ".", "--statistics", "--format", "json")
    assert json.loads(json_run.stdout)["summary"]["findings"] == 3  # stdout stays pure JSON
    assert "2  MC303" in json_run.stderr


@pytest.mark.parametrize(("text", "expected"), [
    ('selct = ["MC3"]\n', "mcred.toml:1: unknown config key `selct` (did you mean `select`?)"),
    ('select = ["MC3"]\n\n[rules.MC999]\nseverity = "error"\n',
     "mcred.toml:3: unknown rule `MC999` in [rules]"),
    ('ignore = [\n  "MC3",\n  "MC99x",\n]\n',
     "mcred.toml:3: unknown rule code, prefix or name `MC99x`"),
    ('[rules.hours-per-ects-out-of-band]\nlow = 20\nhigh = "lots"\n',
     "mcred.toml:3: option `high` of MC303 hours-per-ects-out-of-band: input should be"),
    ('[rules.MC303]\nlw = 20\n', "mcred.toml:2: unknown option `lw` of MC303"),
    ('[rules.MC303]\nseverity = "fatal"\n', "mcred.toml:2: `rules.MC303.severity`: input"),
    ('profile = "university"\n', "mcred.toml:1: unknown profile `university`"),
    ('select = ["MC3"\n', "mcred.toml:1: invalid TOML"),
    ('[[overrides]]\nfiles = ["a/**"]\n\n[[overrides]]\nfiles = ["b/**"]\nignore = ["MC0x"]\n',
     "mcred.toml:6: unknown rule code, prefix or name `MC0x`"),
    ('[per-file-ignores]\n"legacy/**" = ["MC30x"]\n',
     "mcred.toml:2: unknown rule code, prefix or name `MC30x`"),
])
def test_a_bad_config_is_a_clear_error_with_file_and_line(repo: Path, text: str,
                                                          expected: str) -> None:
    write(repo, {"mcred.toml": text, "d.yaml": design()})
    result = invoke("lint", "d.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"mcred: {expected}"), result.stderr
    assert "Traceback" not in result.output


def test_errors_in_pyproject_point_into_the_tool_mcred_table(repo: Path) -> None:
    write(repo, {"pyproject.toml": '[tool.ruff]\nselect = ["E"]\n\n[tool.mcred]\nselect = '
                                   '["MC3"]\nextend-selct = ["MC701"]\n', "d.yaml": design()})
    result = invoke("lint", "d.yaml")
    assert result.exit_code == 2
    assert "pyproject.toml:6: unknown config key `extend-selct`" in result.stderr


def test_a_broken_nested_config_stops_the_run_with_exit_2(repo: Path) -> None:
    write(repo, {"a.yaml": design(), "sub/mcred.toml": 'ignore = ["nonsense"]\n',
                 "sub/b.yaml": design()})
    result = invoke("lint", ".")
    assert result.exit_code == 2 and "sub/mcred.toml:1: unknown rule" in result.stderr


def test_unknown_codes_and_profiles_on_the_command_line(repo: Path) -> None:
    write(repo, {"d.yaml": design()})
    result = invoke("lint", "d.yaml", "--ignore", "MC9999")
    assert result.exit_code == 2 and "--ignore: unknown rule code" in result.stderr
    result = invoke("lint", "d.yaml", "--profile", "cfm")
    assert result.exit_code == 2 and "did you mean `cmf`?" in result.stderr


def test_mcred_config_shows_each_setting_with_its_origin(repo: Path) -> None:
    write(repo, {
        "mcred.toml": 'profile = "higher-education"\nfail-on = "error"\nignore = ["MC30"]\n'
                      '\n[rules.hours-per-ects-out-of-band]\nlow = 20\n',
        "d.yaml": design(),
    })
    result = invoke("config", "d.yaml", "--extend-select", "MC304")
    assert result.exit_code == 0
    out = result.stdout
    assert "config file: mcred.toml" in out
    assert "profile: higher-education (mcred.toml:1)" in out
    assert "fail-on: error (mcred.toml:2)" in out
    assert "off  MC301 missing-workload: ignored by `MC30` (mcred.toml:3)" in out
    assert "MC304" not in out  # selected again on the command line
    assert "MC303 hours-per-ects-out-of-band: low = 20 (mcred.toml:6)" in out
    assert "MC701 missing-level: error (default warning; profile higher-education)" in out
    isolated = invoke("config", "--isolated").stdout
    assert "config file: none (built-in defaults)" in isolated and "profile: none" in isolated


def test_installed_entry_point_reads_the_config(repo: Path) -> None:
    write(repo, {"pyproject.toml": HOURS_OPTIONS, "irish.yaml": design(100)})
    exe = Path(sys.executable).with_name("mcred")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "mcred"]
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([*command, "lint", "irish.yaml"], capture_output=True, text=True,
                          env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    shown = subprocess.run([*command, "config", "irish.yaml"], capture_output=True, text=True,
                           env=env, check=False)
    assert "low = 20 (pyproject.toml:3)" in shown.stdout
