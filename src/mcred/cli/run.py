"""Running a command with its configuration: settings, the lint run, baseline, extras.

:class:`Run` turns the command's :class:`~mcred.config.options.CliOptions` into settings,
runs, applies a baseline and prints the extras (statistics, baseline summary). Bad
configuration exits 2 here. It lives in the CLI, not in ``mcred.config``, so that the
configuration layer never depends on the runner.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import click

from mcred.config.errors import ConfigError
from mcred.config.options import CliOptions

_FIXED_SHOWN = 100  # fixed baseline entries listed one by one; the rest are counted

if TYPE_CHECKING:
    from mcred.config.resolve import Resolver
    from mcred.findings import Finding
    from mcred.runner import RunResult
    from mcred.settings import LintSettings


def fail(message: str) -> NoReturn:
    """Configuration and baseline problems: one line on stderr, exit 2.

    The message quotes keys, selectors and paths from the repository's files: escaped, so
    a key cannot carry a terminal escape or start a CI workflow command.
    """
    from mcred.reporters.safe import clean

    click.echo(f"mcred: {clean(message, 1000)}", err=True)
    sys.exit(2)


@dataclass
class Run:
    """One command's resolved configuration and what it needs after the run."""

    resolver: Resolver
    settings: LintSettings
    notes: list[str] = field(default_factory=list)

    @classmethod
    def prepare(cls, options: CliOptions) -> Run:
        from mcred.config.resolve import Resolver

        try:
            resolver = Resolver(options)
            return cls(resolver, resolver.lint_settings())
        except ConfigError as exc:
            fail(str(exc))

    def lint(self, paths: Iterable[Path], **options: Any) -> RunResult:
        """``runner.lint_paths`` with per-file settings; a bad nested config exits 2."""
        from mcred.runner import lint_paths

        try:
            return lint_paths(paths, self.settings, rules_for=self.resolver.rules_for_file,
                              **options)
        except ConfigError as exc:
            fail(str(exc))

    def apply_baseline(self, result: RunResult, path: Path | None) -> None:
        """Hide findings recorded in the baseline; note known counts and fixed entries."""
        if path is None:
            return
        from mcred.baseline import Baseline, BaselineError

        try:
            outcome = Baseline.load(path).apply(result.files)
        except BaselineError as exc:
            fail(str(exc))
        from mcred.reporters.safe import clean  # baseline values come from the repository

        shown = clean(path)
        self.notes.append(f"{outcome.known} known finding(s) in the baseline {shown} "
                          "not shown")
        if outcome.fixed:
            gone = sum(n for _, n in outcome.fixed)
            entries = "1 baseline entry no longer occurs" if gone == 1 else \
                f"{gone} baseline entries no longer occur"
            self.notes.append(f"{entries}; shrink the baseline with `mcred baseline update "
                              f"--baseline {shown}`:")
            self.notes.extend(f"  fixed: {clean(k.path)} {clean(k.code)} "
                              f"{clean(k.pointer or '/')}" + (f" ({n} times)" if n > 1 else "")
                              for k, n in outcome.fixed[:_FIXED_SHOWN])
            if len(outcome.fixed) > _FIXED_SHOWN:
                self.notes.append(f"  … and {len(outcome.fixed) - _FIXED_SHOWN:,} more")

    def finish(self, result: RunResult, statistics: bool, out: TextIO, machine: bool) -> None:
        """Statistics after the report (stderr when the report is for machines), then notes."""
        if statistics:
            click.echo(render_statistics(result.findings), file=sys.stderr if machine else out,
                       nl=False)
        from mcred.reporters.safe import clean

        for note in self.notes:  # notes quote baseline entries: escaped, one line each
            click.echo(clean(note, 2000), err=True)


def render_statistics(findings: Iterable[Finding]) -> str:
    """Count per rule, most frequent first: what to tackle (or configure) next."""
    counts = Counter((f.code, f.name, f.severity.label) for f in findings)
    if not counts:
        return "no findings\n"
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max(len(str(n)) for n in counts.values())
    return "".join(f"{n:>{width}}  {code}  {severity:<7}  {name}\n"
                   for (code, name, severity), n in rows)
