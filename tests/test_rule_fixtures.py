"""Every rule has a fixture that triggers it and one that does not, and complete docs.

Design rules have `pass.yaml` / `fail.yaml`; catalogue rules (MC9xx), which look across
files, have `pass/` / `fail/` folders of designs linted together as one catalogue. Outcome
rules also have `pass-<lang>.yaml` / `fail-<lang>.yaml` for every language with an outcome
lexicon, held to the same checks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, expectations, lint_text
from mcred.registry import SECTION_TITLES, Rule, all_rules
from mcred.runner import lint_paths
from mcred.settings import LintSettings, RuleSettings

RULES = all_rules()
DIRS = FIXTURES / "rules"
#: Rules that analyse outcome text, and the languages besides English they analyse.
LANGUAGE_RULES = ("MC202", "MC203", "MC204", "MC205", "MC206", "MC209", "MC210", "MC211",
                  "MC213")
LANGUAGES = ("es", "de", "fr", "it", "pt", "nl")
LANGUAGE_FIXTURES = [
    (entry, path.stem) for entry in RULES
    for path in sorted((DIRS / entry.code).glob("*-*.yaml"))
    if path.stem.split("-", 1)[0] in ("pass", "fail")]
_OPTIONS = re.compile(r"^#\s*options:\s*(\{.*\})\s*$", re.MULTILINE)


def _settings(entry: Rule, text: str) -> RuleSettings:
    """Options a fixture sets for its rule with a `# options: {...}` (JSON) comment line."""
    match = _OPTIONS.search(text)
    if match is None:
        return RuleSettings()
    return RuleSettings(options={entry.code: entry.options(**json.loads(match.group(1)))})


def fixture(entry: Rule, kind: str) -> Path:
    folder = DIRS / entry.code
    published = folder / f"{kind}.jsonld"  # rules about published JSON-LD files
    if published.exists():
        return published
    return folder / kind if entry.scope == "catalogue" else folder / f"{kind}.yaml"


def found_and_expected(entry: Rule, kind: str) -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    """(file, line) pairs of ``entry``'s findings, and those the `# expect:` marks list."""
    path = fixture(entry, kind)
    texts = ({p: p.read_text(encoding="utf-8") for p in sorted(path.glob("**/*.y*ml"))}
             if path.is_dir() else {path: path.read_text(encoding="utf-8")})
    expected = {(_name(p, path), line) for p, text in texts.items()
                for line, code in expectations(text) if code == entry.code}
    if path.is_dir() or path.suffix == ".jsonld":
        findings = lint_paths([path], LintSettings()).findings
    else:
        findings = lint_text(texts[path], path.name, _settings(entry, texts[path]))
    found = {(_name(Path(f.path), path), f.line) for f in findings if f.code == entry.code}
    return found, expected


def _name(file: Path, fixture_path: Path) -> str:
    if not fixture_path.is_dir():
        return file.name
    return file.resolve().relative_to(fixture_path.resolve()).as_posix()


@pytest.mark.parametrize("entry", RULES, ids=lambda r: r.code)
def test_rule_has_fixtures_and_docs(entry):
    for kind in ("fail", "pass"):
        path = fixture(entry, kind)
        assert path.exists(), f"{entry.code}: add {path}"
    for title in SECTION_TITLES[:4]:
        assert entry.sections.get(title), f"{entry.code}: docstring lacks '{title}'"
    assert entry.fix and entry.source


@pytest.mark.parametrize("entry", RULES, ids=lambda r: r.code)
def test_fail_fixture_triggers_rule_at_expected_lines(entry):
    found, expected = found_and_expected(entry, "fail")
    assert expected, "the fail fixture must mark where the finding appears with # expect:"
    assert found == expected


@pytest.mark.parametrize("entry", RULES, ids=lambda r: r.code)
def test_pass_fixture_does_not_trigger_rule(entry):
    found, _ = found_and_expected(entry, "pass")
    assert found == set()


@pytest.mark.parametrize("code", LANGUAGE_RULES)
def test_outcome_rule_has_pass_and_fail_fixtures_in_every_language(code):
    for lang in LANGUAGES:
        for kind in ("fail", "pass"):
            path = DIRS / code / f"{kind}-{lang}.yaml"
            assert path.exists(), f"{code}: add {path}"


@pytest.mark.parametrize(("entry", "kind"), LANGUAGE_FIXTURES,
                         ids=[f"{e.code}-{k}" for e, k in LANGUAGE_FIXTURES])
def test_language_fixture_behaves_like_its_kind(entry, kind):
    found, expected = found_and_expected(entry, kind)
    if kind.startswith("fail"):
        assert expected, "the fail fixture must mark where the finding appears with # expect:"
    assert found == expected
