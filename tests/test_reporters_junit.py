"""JUnit XML: a failing case per finding (unique names), a passing case per clean file."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from mcred.findings import Severity
from reporter_cases import finding, render, run


def test_exact_shape():
    out = render("junit", run(
        ("designs/a.yaml", [finding(line=23, column=16, fix="Change the hours")]),
        ("designs/clean.yaml", []),
    ))
    assert out == """\
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="mcred" tests="2" failures="1" errors="0">
  <testsuite name="designs/a.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">
    <testcase classname="designs/a.yaml" \
name="MC303 hours-per-ects-out-of-band at /workload/hours_total" time="0" file="designs/a.yaml" \
line="23">
      <failure message="60 h for 5 ECTS" type="warning">designs/a.yaml:23:16: warning MC303 \
60 h for 5 ECTS
help: Change the hours
key: /workload/hours_total</failure>
    </testcase>
  </testsuite>
  <testsuite name="designs/clean.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">
    <testcase classname="designs/clean.yaml" name="mcred" time="0" file="designs/clean.yaml" />
  </testsuite>
</testsuites>
"""


def test_same_rule_twice_gives_distinct_case_names():
    root = ET.fromstring(render("junit", run(("a.yaml", [finding(line=3), finding(line=9)]))))
    names = [case.get("name") for case in root.iter("testcase")]
    assert names == ["MC303 hours-per-ects-out-of-band at /workload/hours_total",
                     "MC303 hours-per-ects-out-of-band at /workload/hours_total #2"]


def test_markup_quotes_newlines_and_control_characters_survive_as_well_formed_xml():
    nasty = 'a <b> & "c"\nd\x00e\x1b[31m'
    f = finding(path='x&"<y>.yaml', message=nasty, severity=Severity.ERROR, code="MC101")
    out = render("junit", run(("x", [f])))
    root = ET.fromstring(out)  # well-formed, or this raises
    case = root.find("testsuite/testcase")
    assert case is not None
    assert case.get("classname") == 'x&"<y>.yaml'
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == 'a <b> & "c"\\nd\\x00e\\x1b[31m'
    assert failure.get("type") == "error"
    assert "\x00" not in out and "\x1b" not in out


def test_unreadable_files_are_errored_cases():
    root = ET.fromstring(render("junit", run(read_errors=["gone.yaml: no such file"])))
    assert root.get("errors") == "1"
    error = root.find("testsuite/testcase/error")
    assert error is not None and error.get("message") == "gone.yaml: no such file"
