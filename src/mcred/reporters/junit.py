"""JUnit XML: every finding a failing test case, every clean file a passing one.

CI systems (GitLab's test report, Jenkins, Azure) show JUnit where they show tests. GitLab
keeps one test case per name within a suite, so names are unique: rule code, name, key
path and, when one file has several findings of a rule at one key, their occurrence
number. Two flavours, because the schemas disagree: ``gitlab`` (the default) puts
``file`` and ``line`` on each test case, as GitLab shows them; ``jenkins`` follows the
Jenkins xunit-plugin JUnit schema, which allows neither there (the file goes on the test
suite and the line into the failure text). A file that cannot be read is a test case with
an ``<error>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from mcred.findings import Finding
from mcred.reporters.base import Reporter
from mcred.reporters.paths import ProjectPaths
from mcred.reporters.safe import clean

if TYPE_CHECKING:
    from mcred.engine import FileResult
    from mcred.runner import RunResult

FLAVOURS = ("gitlab", "jenkins")
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """ElementTree escapes markup; characters XML forbids are shown as escapes instead."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def attr(text: str) -> str:
    """An attribute value: one clean line (no bidi, C1, NEL, U+2028 or command form)."""
    return xml_text(clean(text, 2000))


def case_names(findings: list[Finding]) -> list[str]:
    """Unique test-case names: code, rule name, key path, then `#2`, `#3` for repeats.

    No line numbers: a name stays the same when lines above the finding move, so CI
    services keep one history per problem.
    """
    seen: Counter[tuple[str, str]] = Counter()
    names = []
    for f in findings:
        key = (f.code, f.pointer)
        seen[key] += 1
        name = f"{f.code} {f.name} at {f.pointer or '/'}"
        names.append(f"{name} #{seen[key]}" if seen[key] > 1 else name)
    return names


class _Writer:
    """Builds the tree for one flavour."""

    def __init__(self, flavour: str, project: ProjectPaths) -> None:
        self.jenkins = flavour == "jenkins"
        self.project = project

    def case(self, suite: ET.Element, path: str, name: str, line: int | None = None) -> ET.Element:
        shown = attr(self.project.shown(path))
        case = ET.SubElement(suite, "testcase", classname=shown, name=attr(name), time="0")
        if not self.jenkins:
            case.set("file", shown)
            if line is not None:
                case.set("line", str(line))
        return case

    def finding(self, suite: ET.Element, f: Finding, name: str) -> None:
        case = self.case(suite, f.path, name, f.line)
        failure = ET.SubElement(case, "failure", message=attr(f.message), type=f.severity.label)
        where = f"{self.project.shown(f.path)}:{f.line}:{f.column}"
        details = [f"{where}: {f.severity.label} {f.code} {f.message}"]
        if f.fix:
            details.append(f"help: {f.fix}")
        if f.pointer:
            details.append(f"key: {f.pointer}")
        # One escaped line per detail: a value's own line break must not start a CI command.
        failure.text = xml_text("\n".join(clean(line, 2000) for line in details))

    def file_suite(self, root: ET.Element, file: FileResult) -> None:
        failures = len(file.findings)
        shown = attr(self.project.shown(file.path))
        suite = ET.SubElement(root, "testsuite", name=shown, tests=str(max(failures, 1)),
                              failures=str(failures), errors="0", skipped="0", time="0")
        if self.jenkins:
            suite.set("file", shown)
        if not file.findings:
            self.case(suite, file.path, "mcred")
        for f, name in zip(file.findings, case_names(file.findings), strict=True):
            self.finding(suite, f, name)

    def read_errors(self, root: ET.Element, errors: list[str]) -> None:
        suite = ET.SubElement(root, "testsuite", name="unreadable files",
                              tests=str(len(errors)), failures="0", errors=str(len(errors)),
                              skipped="0", time="0")
        names: Counter[str] = Counter()
        for message in errors:
            name = message.split(": ", 1)[0]
            names[name] += 1
            if names[name] > 1:
                name = f"{name} ({names[name]})"
            case = ET.SubElement(suite, "testcase", classname="mcred", name=attr(name),
                                 time="0")
            ET.SubElement(case, "error", message=attr(message), type="read-error")


def junit_tree(result: RunResult, flavour: str = "gitlab",
               project: ProjectPaths | None = None) -> ET.Element:
    writer = _Writer(flavour, project or ProjectPaths())
    root = ET.Element("testsuites", name="mcred")
    for file in result.files:
        writer.file_suite(root, file)
    if result.read_errors:
        writer.read_errors(root, result.read_errors)
    suites = root.findall("testsuite")
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    return root


class JunitReporter(Reporter):
    """An XML document with one ``<testsuite>`` per file."""

    def render(self, result: RunResult, out: TextIO) -> None:
        root = junit_tree(result, self.options.junit_flavour, self.project_paths())
        ET.indent(root)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(root, encoding="unicode"))
        out.write("\n")
