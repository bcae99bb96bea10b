"""`--fix` and the baseline on language maps, on the bilingual example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, lint_text
from mcred.cli import cli
from mcred.fix.roundtrip import rewrite

BILINGUAL = (EXAMPLES / "bilingual-circular-economy.yaml").read_text(encoding="utf-8")
TITLE_EN = "  en: Circular Economy for SMEs\n"
VALIDITY_EN = "    en: unlimited\n"


def flawed() -> str:
    assert TITLE_EN in BILINGUAL and VALIDITY_EN in BILINGUAL
    return (BILINGUAL.replace(TITLE_EN, "  English: Circular Economy for SMEs  # proofread\n")
            .replace(VALIDITY_EN, "    en: 10\n"))


def test_the_flaws_are_found_at_their_map_entries():
    found = {(f.code, f.key_path) for f in lint_text(flawed(), "b.yaml")}
    assert found == {("MC802", ("title", "English")), ("MC012", ("credential", "validity", "en"))}


def test_fix_renames_the_key_and_quotes_the_entry_keeping_comments_and_order():
    from mcred.loader import load_text

    text = flawed()
    result = rewrite(text.encode("utf-8"), False, load_text(text).quotable).result.decode()
    assert "  en: Circular Economy for SMEs  # proofread\n" in result
    assert '    en: "10"\n' in result
    assert result.index("  es: Economía circular") < result.index("  en: Circular Economy")
    assert result.replace('"10"', "unlimited") == BILINGUAL.replace(
        TITLE_EN, "  en: Circular Economy for SMEs  # proofread\n")
    assert lint_text(result, "b.yaml") == []


def test_cli_fix_on_a_bilingual_file(tmp_path: Path):
    path = tmp_path / "b.yaml"
    path.write_text(flawed(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--fix", "--no-cache", str(path)])
    assert result.exit_code == 1, result.output  # files were changed, as for every fix
    assert "(2 edits)" in result.output and "no findings" in result.output
    assert "  en: Circular Economy for SMEs  # proofread" in path.read_text("utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.yaml").write_text(flawed(), encoding="utf-8")
    return tmp_path


def _lint(*args: str):
    return CliRunner().invoke(cli, ["lint", "--no-cache", "--format", "json", *args])


def test_baseline_keys_a_map_entry_by_its_own_pointer_and_value(repo: Path):
    created = CliRunner().invoke(cli, ["baseline", "create", "b.yaml"])
    assert created.exit_code == 0, created.output
    entries = json.loads((repo / ".mcred-baseline.json").read_text("utf-8"))["entries"]
    assert {(e["code"], e["pointer"]) for e in entries} == {
        ("MC802", "/title/English"), ("MC012", "/credential/validity/en")}
    # editing the Spanish side of the same map leaves the English entry's finding baselined
    path = repo / "b.yaml"
    path.write_text(path.read_text("utf-8").replace("  es: Economía circular para pymes",
                                                    "  es: Economía circular en la pyme"),
                    encoding="utf-8")
    assert _lint("b.yaml", "--baseline", ".mcred-baseline.json").exit_code == 0
    # changing the English text itself makes it a new finding
    path.write_text(path.read_text("utf-8").replace("English: Circular Economy for SMEs",
                                                    "English: Circular Economy for SMEs!"),
                    encoding="utf-8")
    report = _lint("b.yaml", "--baseline", ".mcred-baseline.json")
    assert report.exit_code == 1
    assert [f["code"] for f in json.loads(report.stdout)["findings"]] == ["MC802"]
