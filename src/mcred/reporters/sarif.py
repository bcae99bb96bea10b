"""SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers).

Every registered rule is described in ``tool.driver.rules`` (summary, rationale, the full
documentation as help, a link to docs/rules.md and the default level), so an alert can be
understood without mcred installed. Locations are relative to ``%SRCROOT%`` (the working
directory of the run, normally the repository root) and ``partialFingerprints`` ignore line
numbers, so an edit above a finding does not make code scanning open a new alert.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from mcred import __version__
from mcred.findings import Finding, Severity
from mcred.reporters.base import Reporter
from mcred.reporters.fingerprints import fingerprints

if TYPE_CHECKING:
    from mcred.registry import Rule
    from mcred.runner import RunResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/mcred-dev/mcred"
RULES_DOC_URI = f"{INFORMATION_URI}/blob/main/docs/rules.md"
FINGERPRINT_KEY = "mcredFindingHash/v1"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def help_uri(rule: Rule) -> str:
    """The anchor GitHub renders for the rule's heading in docs/rules.md."""
    return f"{RULES_DOC_URI}#{rule.code.lower()}-{rule.name}"


def artifact_uri(path: str) -> tuple[str, str | None]:
    """A URI reference for ``path`` and its base id: relative paths hang off ``%SRCROOT%``."""
    posix = Path(path)
    if posix.is_absolute():
        return posix.as_uri(), None
    return quote(posix.as_posix(), safe="/"), SRCROOT


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    from mcred.docgen import rule_markdown

    markdown = rule_markdown(rule, heading="##")
    why = rule.sections.get("Why is this bad?", "") or rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(why.split())},
        "help": {"text": f"{rule.summary}. Fix: {rule.fix}", "markdown": markdown},
        "helpUri": help_uri(rule),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["micro-credential", rule.code[:3].lower() + "xx"],
                       "source": rule.source},
    }


def region(f: Finding) -> dict[str, int]:
    end_line = max(f.end_line or f.line, f.line)
    end_column = f.end_column or f.column
    if end_line == f.line:
        end_column = max(end_column, f.column)
    return {"startLine": f.line, "startColumn": f.column,
            "endLine": end_line, "endColumn": end_column}


def result_object(f: Finding, fingerprint: str, rule_index: int) -> dict[str, Any]:
    uri, base = artifact_uri(f.path)
    location: dict[str, Any] = {"uri": uri}
    if base:
        location["uriBaseId"] = base
    physical = {"artifactLocation": location, "region": region(f)}
    entry: dict[str, Any] = {"physicalLocation": physical}
    if f.pointer:
        entry["logicalLocations"] = [{"fullyQualifiedName": f.pointer, "kind": "member"}]
    text = f"{f.message}. Fix: {f.fix}" if f.fix else f.message
    sarif_result = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": text},
        "locations": [entry],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"name": f.name, "pointer": f.pointer, "fixable": f.fixable},
    }
    if f.fixable and f.replacement is not None:
        sarif_result["fixes"] = [fix_object(f, location)]
    return sarif_result


def fix_object(f: Finding, location: dict[str, Any]) -> dict[str, Any]:
    """A SARIF fix: the value's region replaced by the text `mcred lint --fix` writes."""
    how = "mcred lint --fix" + (" --unsafe-fixes" if f.fixable == "unsafe" else "")
    return {
        "description": {"text": f"{how} writes {f.replacement}"},
        "artifactChanges": [{
            "artifactLocation": location,
            "replacements": [{"deletedRegion": region(f),
                              "insertedContent": {"text": f.replacement}}],
        }],
    }


def sarif_log(result: RunResult) -> dict[str, Any]:
    from mcred.registry import all_rules

    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    results = [result_object(f, fp, index[f.code]) for f, fp in fingerprints(result.findings)]
    notifications = [{"level": "error", "message": {"text": e}} for e in result.read_errors]
    invocation: dict[str, Any] = {"executionSuccessful": not result.read_errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    root = Path.cwd().as_uri().rstrip("/") + "/"
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mcred", "version": __version__, "semanticVersion": __version__,
                "informationUri": INFORMATION_URI, "rules": [rule_descriptor(r) for r in rules],
            }},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": root}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


class SarifReporter(Reporter):
    """One SARIF log with one run; written as UTF-8-safe ASCII JSON."""

    def render(self, result: RunResult, out: TextIO) -> None:
        json.dump(sarif_log(result), out, indent=2, ensure_ascii=True)
        out.write("\n")
