"""Link fields: only web links (and e-mail for `contact`) are links; nothing else is
published, on a page or in an export; `www.…` is fixed to `https://www.…`."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, lint_text
from mcred.cli import cli
from mcred.links import check_link, is_link, published, web_link

EXEMPLARY = (EXAMPLES / "green-public-procurement.yaml").read_text("utf-8")
HOSTILE_LINKS = ["javascript:alert(document.domain)", "JaVaScRiPt:alert(1)",
                 " javascript:alert(1)", "data:text/html,<script>x</script>",
                 "vbscript:msgbox", "file:///etc/passwd"]
FIELDS = {  # where each field is in the exemplary design, and its value there
    "url": "    url: https://www.example.es\n",
    "legal_id": "    legal_id: https://ror.org/02f40zc51\n",
    "further_information": "further_information: https://www.example.es/micro/gpp\n",
    "contact": "contact: microcredentials@example.es\n",
}


def with_value(field: str, value: str) -> str:
    line = FIELDS[field]
    indent = line[: len(line) - len(line.lstrip())]
    return EXEMPLARY.replace(line, f"{indent}{field}: {json.dumps(value)}\n", 1)


@pytest.mark.parametrize("value", ["https://www.example.edu", "http://example.org/a?b=c#d",
                                   "https://[::1]:8080/x", "https://übung.example/kurs"])
def test_web_links_pass(value: str) -> None:
    assert web_link(value) == value and check_link(value) is None


@pytest.mark.parametrize("value", [*HOSTILE_LINKS, "https://", "https://exa mple.org",
                                   "http:///path", "https://-bad-.example", "course page"])
def test_everything_else_is_not_a_link(value: str) -> None:
    assert web_link(value) is None and check_link(value) is not None and published(value) is None


def test_www_without_scheme_has_a_certain_fix() -> None:
    problem = check_link("www.example.es")
    assert problem is not None and problem.fixed == "https://www.example.es"
    assert not problem.dangerous and published("www.example.es") == "https://www.example.es"


def test_contact_may_be_an_email_and_legal_id_a_registry_number() -> None:
    assert check_link("info@example.edu", mailto=True) is None
    assert check_link("mailto:info@example.edu", mailto=True) is None
    assert not is_link("CIF Q2818014I") and not is_link("ES:Q2818014I")
    assert is_link("javascript:alert(1)") and is_link("www.example.es")


@pytest.mark.parametrize("field", sorted(FIELDS))
@pytest.mark.parametrize("value", HOSTILE_LINKS[:3])
def test_javascript_in_every_link_field_is_an_error(field: str, value: str) -> None:
    found = [f for f in lint_text(with_value(field, value)) if f.code == "MC809"]
    assert len(found) == 1 and found[0].severity.label == "error"
    assert found[0].key_path[-1] == field


def test_esco_javascript_is_reported_by_mc808() -> None:
    text = EXEMPLARY.replace("esco: [", "esco: [\"javascript:alert(1)\", ", 1)
    assert text != EXEMPLARY
    codes = [f.code for f in lint_text(text)]
    assert "MC808" in codes and "MC809" not in codes


def test_further_information_www_gets_a_warning_with_a_fix() -> None:
    [found] = [f for f in lint_text(with_value("further_information", "www.example.es"))
               if f.code == "MC809"]
    assert found.severity.label == "warning" and "https://www.example.es" in found.fix


def _everywhere(value: str) -> str:
    text = EXEMPLARY
    for field in FIELDS:
        line = FIELDS[field]
        indent = line[: len(line) - len(line.lstrip())]
        text = text.replace(line, f"{indent}{field}: {json.dumps(value)}\n", 1)
    return text.replace("esco: [", f"esco: [{json.dumps(value)}, ", 1)


@pytest.mark.parametrize("value", HOSTILE_LINKS)
def test_no_export_or_page_carries_a_non_web_link(tmp_path, value: str) -> None:
    design = tmp_path / "d.yaml"
    design.write_text(_everywhere(value), encoding="utf-8")
    runner = CliRunner()
    for args in (["export", "--to", "ob3", "--force"], ["export", "--to", "ob3", "--force",
                 "--credential"], ["export", "--to", "elm", "--force"],
                 ["render", "--force", "--html", str(tmp_path / "p.html")]):
        done = runner.invoke(cli, [*args, str(design)])
        assert done.exit_code == 0, (args, done.output)
        text = done.stdout if "render" not in args else (tmp_path / "p.html").read_text()
        scheme = value.strip().split(":")[0]
        assert not re.search(rf"{scheme}:", text, re.IGNORECASE), (args, value)


def test_www_further_information_is_exported_not_dropped(tmp_path) -> None:
    design = tmp_path / "d.yaml"
    design.write_text(with_value("further_information", "www.example.es"), encoding="utf-8")
    ob3 = json.loads(CliRunner().invoke(cli, ["export", "--to", "ob3", str(design)]).stdout)
    assert ob3["criteria"]["id"] == "https://www.example.es"
    elm = json.loads(CliRunner().invoke(cli, ["export", "--to", "elm", str(design)]).stdout)
    assert elm["homepage"][0]["contentURL"] == "https://www.example.es"


def test_fix_adds_the_scheme(tmp_path) -> None:
    design = tmp_path / "d.yaml"
    design.write_text(with_value("further_information", "www.example.es"), encoding="utf-8")
    CliRunner().invoke(cli, ["lint", "--fix", str(design)])
    assert 'further_information: "https://www.example.es"' in design.read_text() or \
        "further_information: https://www.example.es\n" in design.read_text()
