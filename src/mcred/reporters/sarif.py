"""SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers).

Every registered rule is described in ``tool.driver.rules`` (summary, rationale, the full
documentation as help, a link to docs/rules.md and the default level), so an alert can be
understood without mcred installed. Locations are relative to ``%SRCROOT%``, the project
root (see :mod:`mcred.reporters.paths`); files outside it keep absolute ``file://`` URIs.
``partialFingerprints`` ignore line numbers, so an edit above a finding does not make code
scanning open a new alert.

GitHub's documented limits for an upload are respected: at most 25,000 results per run
(``--max-results``; the most severe are kept and a run-level notification says how many
were left out), 25,000 rules, 20 runs, 1,000 locations per result, 20 tags per rule, and
rule descriptions of at most 1,024 characters.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from mcred import __version__
from mcred.findings import Finding, Severity
from mcred.reporters.base import Reporter
from mcred.reporters.fingerprints import fingerprints
from mcred.reporters.paths import ProjectPaths, file_uri, uri_path
from mcred.reporters.safe import defuse_json, visible

if TYPE_CHECKING:
    from mcred.registry import Rule
    from mcred.runner import RunResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/mcred-dev/mcred"
RULES_DOC_URI = f"{INFORMATION_URI}/blob/main/docs/rules.md"
FINGERPRINT_KEY = "mcredFindingHash/v1"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
MAX_RESULTS = 25_000  # GitHub rejects a run with more
DESCRIPTION_LIMIT = 1024  # characters of shortDescription / fullDescription / message
DEFAULT_AUTOMATION_ID = "mcred/"


def help_uri(rule: Rule) -> str:
    """The anchor GitHub renders for the rule's heading in docs/rules.md."""
    return f"{RULES_DOC_URI}#{rule.code.lower()}-{rule.name}"


def artifact_uri(path: str, project: ProjectPaths | None = None) -> tuple[str, str | None]:
    """A URI reference for ``path`` and its base id: paths below the project root hang off
    ``%SRCROOT%``, others are absolute ``file://`` URIs. Surrogate-safe (see uri_path)."""
    project = project or ProjectPaths()
    relative = project.relative(path)
    if relative is None:
        return file_uri(project.absolute(path)), None
    return uri_path(relative), SRCROOT


def _short(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """Within GitHub's length limit; controls and lone surrogates shown as escapes."""
    text = visible(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    from mcred.docgen import rule_markdown

    markdown = rule_markdown(rule, heading="##")
    why = rule.sections.get("Why is this bad?", "") or rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _short(rule.summary)},
        "fullDescription": {"text": _short(" ".join(why.split()))},
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


def result_object(f: Finding, fingerprint: str, rule_index: int,
                  project: ProjectPaths | None = None) -> dict[str, Any]:
    uri, base = artifact_uri(f.path, project)
    location: dict[str, Any] = {"uri": uri}
    if base:
        location["uriBaseId"] = base
    physical = {"artifactLocation": location, "region": region(f)}
    entry: dict[str, Any] = {"physicalLocation": physical}
    if f.pointer:
        entry["logicalLocations"] = [{"fullyQualifiedName": f.pointer, "kind": "member"}]
    text = f"{f.message}. Fix: {f.fix}" if f.fix else f.message
    return {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": _short(text)},
        "locations": [entry],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"name": f.name, "pointer": f.pointer},
    }


def capped(result: RunResult, limit: int) -> tuple[list[tuple[Finding, str]], int]:
    """The findings with fingerprints, at most ``limit`` (0: all): the most severe are
    kept (then the first in report order), and they stay in report order."""
    pairs = list(fingerprints(result.findings))
    if limit <= 0 or len(pairs) <= limit:
        return pairs, 0
    ranked = sorted(range(len(pairs)), key=lambda i: (-pairs[i][0].severity, i))
    kept = sorted(ranked[:limit])
    return [pairs[i] for i in kept], len(pairs) - limit


def _left_out(count: int, limit: int) -> dict[str, Any]:
    return {"level": "warning", "descriptor": {"id": "mcred/results-capped"},
            "message": {"text": f"{count:,} more results not included: a SARIF run holds at "
                                f"most {limit:,} (GitHub code scanning rejects more); the "
                                "most severe were kept. Raise the limit with --max-results, "
                                "or see every finding with --format json"}}


def sarif_log(result: RunResult, *, project: ProjectPaths | None = None,
              max_results: int = MAX_RESULTS,
              automation_id: str | None = None) -> dict[str, Any]:
    from mcred.registry import all_rules

    project = project or ProjectPaths()
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    kept, dropped = capped(result, max_results)
    results = [result_object(f, fp, index[f.code], project) for f, fp in kept]
    notifications = [{"level": "error", "message": {"text": _short(e)}}
                     for e in result.read_errors]
    if dropped:
        notifications.append(_left_out(dropped, max_results))
    invocation: dict[str, Any] = {"executionSuccessful": not result.read_errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mcred", "version": __version__, "semanticVersion": __version__,
                "informationUri": INFORMATION_URI, "rules": [rule_descriptor(r) for r in rules],
            }},
            "invocations": [invocation],
            "automationDetails": {"id": automation_id or DEFAULT_AUTOMATION_ID},
            "originalUriBaseIds": {SRCROOT: {"uri": project.root_uri()}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


class SarifReporter(Reporter):
    """One SARIF log with one run; ASCII JSON in which no runner command can hide."""

    def render(self, result: RunResult, out: TextIO) -> None:
        log = sarif_log(result, project=self.project_paths(),
                        max_results=self.options.max_results,
                        automation_id=self.options.automation_id)
        out.write(defuse_json(json.dumps(log, indent=2, ensure_ascii=True)))
        out.write("\n")
