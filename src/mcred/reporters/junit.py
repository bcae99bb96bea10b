"""JUnit XML: every finding a failing test case, every clean file a passing one.

CI systems (GitLab's test report, Jenkins, Azure) show JUnit where they show tests. Test
case names carry ``line:col``, because GitLab merges cases with equal names; a file that
cannot be read is a test case with an ``<error>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, TextIO

from mcred.findings import Finding
from mcred.reporters.base import Reporter
from mcred.reporters.safe import clean

if TYPE_CHECKING:
    from mcred.engine import FileResult
    from mcred.runner import RunResult

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """ElementTree escapes markup; characters XML forbids are shown as escapes instead."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def _case(suite: ET.Element, path: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname=xml_text(path), name=xml_text(name),
                         file=xml_text(path), time="0")


def _finding_case(suite: ET.Element, f: Finding) -> None:
    case = _case(suite, f.path, f"{f.line}:{f.column} {f.code} {f.name}")
    case.set("line", str(f.line))
    failure = ET.SubElement(case, "failure", message=xml_text(f.message),
                            type=f.severity.label)
    details = [f"{f.path}:{f.line}:{f.column}: {f.severity.label} {f.code} {f.message}"]
    if f.fix:
        details.append(f"help: {f.fix}")
    if f.pointer:
        details.append(f"key: {f.pointer}")
    # One escaped line per detail: a value's own line break must not start a CI command.
    failure.text = xml_text("\n".join(clean(line, 2000) for line in details))


def _file_suite(root: ET.Element, file: FileResult) -> None:
    failures = len(file.findings)
    suite = ET.SubElement(root, "testsuite", name=xml_text(file.path),
                          tests=str(max(failures, 1)), failures=str(failures), errors="0",
                          skipped="0", time="0")
    if not file.findings:
        _case(suite, file.path, "mcred")
    for f in file.findings:
        _finding_case(suite, f)


def junit_tree(result: RunResult) -> ET.Element:
    root = ET.Element("testsuites", name="mcred")
    for file in result.files:
        _file_suite(root, file)
    if result.read_errors:
        suite = ET.SubElement(root, "testsuite", name="unreadable files",
                              tests=str(len(result.read_errors)), failures="0",
                              errors=str(len(result.read_errors)), skipped="0", time="0")
        for message in result.read_errors:
            case = _case(suite, "mcred", message.split(": ", 1)[0])
            ET.SubElement(case, "error", message=xml_text(message), type="read-error")
    suites = root.findall("testsuite")
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    return root


class JunitReporter(Reporter):
    """An XML document with one ``<testsuite>`` per file."""

    def render(self, result: RunResult, out: TextIO) -> None:
        root = junit_tree(result)
        ET.indent(root)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(root, encoding="unicode"))
        out.write("\n")
