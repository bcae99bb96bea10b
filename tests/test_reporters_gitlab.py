"""GitLab Code Quality: the documented fields, severity mapping, unique stable fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT
from mcred.findings import Severity
from mcred.runner import lint_paths
from mcred.settings import LintSettings
from reporter_cases import finding, render, run


def test_exact_shape_of_one_issue():
    f = finding(path="designs/a:b,50%.yaml", line=23, message='60 h\nfor "5" ECTS',
                fix="Change the hours")
    [issue] = json.loads(render("gitlab", run(("x", [f]))))
    fingerprint = issue.pop("fingerprint")
    assert len(fingerprint) == 64 and int(fingerprint, 16) >= 0
    assert issue == {
        "type": "issue",
        "description": 'MC303 60 h\nfor "5" ECTS',
        "check_name": "MC303",
        "severity": "major",
        "content": {"body": "Change the hours"},
        "location": {"path": "designs/a:b,50%.yaml", "lines": {"begin": 23, "end": 23}},
    }


def test_severity_mapping():
    found = [finding(line=n, severity=s, key_path=(str(n),))
             for n, s in enumerate(Severity, start=1)]
    issues = json.loads(render("gitlab", run(("a", found))))
    assert [i["severity"] for i in issues] == ["info", "major", "critical"]


def test_fingerprints_are_unique_even_for_the_same_rule_and_key():
    twice = [finding(line=1, key_path=()), finding(line=7, key_path=())]
    prints = [i["fingerprint"] for i in json.loads(render("gitlab", run(("a", twice))))]
    assert len(set(prints)) == 2


def test_fingerprints_ignore_lines_but_not_path_code_or_key():
    base = json.loads(render("gitlab", run(("a", [finding(line=3)]))))[0]["fingerprint"]
    moved = json.loads(render("gitlab", run(("a", [finding(line=40)]))))[0]["fingerprint"]
    assert base == moved
    for other in (finding(path="other.yaml"), finding(code="MC304"),
                  finding(key_path=("workload", "ects"))):
        assert json.loads(render("gitlab", run(("a", [other]))))[0]["fingerprint"] != base


def test_all_examples_give_unique_fingerprints_and_1_based_lines(monkeypatch):
    monkeypatch.chdir(ROOT)
    issues = json.loads(render("gitlab", lint_paths([Path("examples")], LintSettings())))
    assert len(issues) >= 10
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert all(i["location"]["lines"]["begin"] >= 1 for i in issues)
    assert all(i["location"]["path"].startswith("examples/") for i in issues)


def test_clean_run_is_an_empty_array():
    assert json.loads(render("gitlab", run(("a.yaml", [])))) == []
