"""The reporter contract: given a finished run, write it to a stream."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from mcred.reporters.paths import ProjectPaths
    from mcred.runner import RunResult


@dataclass(frozen=True)
class ReportOptions:
    """Presentation choices, decided once by the CLI."""

    color: bool = False
    quiet: bool = False
    verbose: bool = False
    show_source: bool = True
    # Machine reports: paths relative to this directory (None: the working directory).
    project_root: str | None = None
    max_results: int = 25_000  # SARIF results per run (GitHub rejects more)
    automation_id: str | None = None  # SARIF runAutomationDetails.id
    junit_flavour: str = "gitlab"  # gitlab | jenkins


class Reporter:
    """Writes a whole run at once, so formats that need totals (JSON, SARIF) stay simple.

    Subclasses implement :meth:`render`; everything printed from user data goes through
    :func:`mcred.reporters.safe.clean` first.
    """

    #: False when the format has no place for files that could not be read; the CLI then
    #: prints those errors on stderr so they are not lost.
    carries_read_errors = True

    def __init__(self, options: ReportOptions) -> None:
        self.options = options

    def render(self, result: RunResult, out: TextIO) -> None:
        raise NotImplementedError

    def project_paths(self) -> ProjectPaths:
        from mcred.reporters.paths import ProjectPaths

        return ProjectPaths(self.options.project_root)
