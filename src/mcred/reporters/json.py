"""The machine-readable report: exactly one JSON object, documented in the README."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from mcred.findings import count_by_severity
from mcred.reporters.base import Reporter

if TYPE_CHECKING:
    from mcred.runner import RunResult

FORMAT_VERSION = 1


def report_dict(result: RunResult) -> dict[str, Any]:
    findings = result.findings
    return {
        "version": FORMAT_VERSION,
        "findings": [f.to_dict() for f in findings],
        "summary": {
            "files": len(result.files),
            "findings": len(findings),
            **count_by_severity(findings),
            "read_errors": list(result.read_errors),
        },
    }


class JsonReporter(Reporter):
    """JSON is escaped by construction, so no extra cleaning is needed."""

    def render(self, result: RunResult, out: TextIO) -> None:
        json.dump(report_dict(result), out, indent=2, ensure_ascii=True)
        out.write("\n")
