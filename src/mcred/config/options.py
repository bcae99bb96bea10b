"""The configuration options shared by `lint`, `config` and `baseline`, and their glue.

Commands stay thin: a decorator adds the options and hands the command one
:class:`CliOptions`; :class:`Run` turns it into settings, runs, applies a baseline and
prints the extras (statistics, baseline summary). Bad configuration exits 2 here.
"""

from __future__ import annotations

import functools
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

import click

from mcred.config.errors import ConfigError

if TYPE_CHECKING:
    from mcred.config.resolve import Resolver
    from mcred.findings import Finding
    from mcred.runner import RunResult
    from mcred.settings import LintSettings

F = TypeVar("F", bound=Callable[..., Any])
_FIXED_SHOWN = 100  # fixed baseline entries listed one by one; the rest are counted
_KEYS = ("config_path", "isolated", "select", "extend_select", "ignore", "profile")


@dataclass(frozen=True)
class CliOptions:
    """The configuration-related options of a command, as given (``None``: not given)."""

    config: Path | None = None
    isolated: bool = False
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str | None = None
    fail_on: str | None = None


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select MC3,MC201 --select MC101` → ("MC3", "MC201", "MC101")."""
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


def config_options(func: F) -> F:
    """Add --config/--isolated/--select/--extend-select/--ignore/--profile as ``config``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        given = {key: kwargs.pop(key) for key in _KEYS}
        kwargs["config"] = CliOptions(
            config=given["config_path"], isolated=given["isolated"],
            select=_codes(given["select"]) if given["select"] else None,
            extend_select=_codes(given["extend_select"]), ignore=_codes(given["ignore"]),
            profile=given["profile"])
        return func(*args, **kwargs)

    options = [
        click.option("--config", "config_path", type=click.Path(path_type=Path,
                     dir_okay=False), help="Use this config file for every design "
                     "(no discovery)."),
        click.option("--isolated", is_flag=True, help="Ignore all config files."),
        click.option("--select", multiple=True, help="Only these rules: codes, prefixes "
                     "(MC3) or names, comma-separated; replaces the config's select."),
        click.option("--extend-select", multiple=True, help="Add rules to the selection."),
        click.option("--ignore", multiple=True, help="Switch rules off (codes, prefixes, "
                     "names)."),
        click.option("--profile", help="Apply a profile: higher-education, vocational, cmf."),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


def fail(message: str) -> NoReturn:
    """Configuration and baseline problems: one line on stderr, exit 2."""
    click.echo(f"mcred: {message}", err=True)
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
        for note in self.notes:
            click.echo(note, err=True)


def render_statistics(findings: Iterable[Finding]) -> str:
    """Count per rule, most frequent first: what to tackle (or configure) next."""
    counts = Counter((f.code, f.name, f.severity.label) for f in findings)
    if not counts:
        return "no findings\n"
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max(len(str(n)) for n in counts.values())
    return "".join(f"{n:>{width}}  {code}  {severity:<7}  {name}\n"
                   for (code, name, severity), n in rows)
