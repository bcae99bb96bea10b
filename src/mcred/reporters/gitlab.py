"""GitLab Code Quality JSON: findings in the merge request widget and the diff.

GitLab's severities are info, minor, major, critical and blocker. mcred's ``info`` maps to
``info``; ``warning`` (a weakness a reviewer should look at) to ``major``; ``error`` (an
Annex I element missing or a file that cannot be read as a design) to ``critical``.
``blocker`` is left unused: GitLab reads it as "stop the release", which is a decision for
the pipeline's ``--fail-on`` threshold, not for the severity of one finding. Fingerprints
hash path + code + key path + occurrence index, so they are unique within a report and do
not change when lines move. ``location.path`` is relative to the project root, as GitLab
resolves it (see :mod:`mcred.reporters.paths`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from mcred.findings import Finding, Severity
from mcred.reporters.base import Reporter
from mcred.reporters.fingerprints import fingerprints
from mcred.reporters.paths import ProjectPaths
from mcred.reporters.safe import defuse_json

if TYPE_CHECKING:
    from mcred.runner import RunResult

SEVERITIES = {Severity.INFO: "info", Severity.WARNING: "major", Severity.ERROR: "critical"}


def issue(f: Finding, fingerprint: str, project: ProjectPaths | None = None) -> dict[str, Any]:
    description = f"{f.code} {f.message}"
    return {
        "type": "issue",
        "description": description,
        "check_name": f.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[f.severity],
        "content": {"body": f.fix} if f.fix else {"body": f.name},
        "location": {"path": (project or ProjectPaths()).shown(f.path),
                     "lines": {"begin": f.line, "end": f.end_line or f.line}},
    }


class GitlabReporter(Reporter):
    """A JSON array of Code Quality issues (``artifacts: reports: codequality``)."""

    carries_read_errors = False

    def render(self, result: RunResult, out: TextIO) -> None:
        project = self.project_paths()
        report = [issue(f, fp, project) for f, fp in fingerprints(result.findings)]
        out.write(defuse_json(json.dumps(report, indent=2, ensure_ascii=True)))
        out.write("\n")
