"""``mcred baseline create|update``: record today's findings so a team can adopt mcred now."""

from __future__ import annotations

import os
from pathlib import Path

import click

from mcred.baseline import DEFAULT_NAME
from mcred.cli.run import Run, fail
from mcred.config.options import CliOptions, config_options
from mcred.reporters.safe import clean

_FILE = click.Path(path_type=Path, dir_okay=False)


@click.group()
def baseline() -> None:
    """Adopt mcred on an existing repository without fixing everything on day one.

    `create` records today's findings; `mcred lint --baseline FILE` then reports only new
    ones, and `update` drops entries that no longer occur, so the baseline only shrinks.
    """


@baseline.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option("-o", "--output", type=_FILE, default=Path(DEFAULT_NAME), show_default=True,
              help="Where to write the baseline.")
@click.option("--force", is_flag=True, help="Overwrite an existing baseline file.")
@config_options
def create(paths: tuple[Path, ...], output: Path, force: bool, config: CliOptions) -> None:
    """Write a baseline of every current finding in PATHS (default: the working directory)."""
    from mcred.baseline import Baseline, BaselineError

    shown = clean(output)
    if os.path.lexists(output) and not force:  # a dangling symlink exists too
        fail(f"{shown} already exists; use `mcred baseline update` to shrink it, or --force "
             "to record it again")
    run = Run.prepare(config)
    result = run.lint(paths or (Path("."),))
    if result.read_errors:
        fail("; ".join(clean(e) for e in result.read_errors[:5]))
    recorded = Baseline(Path(os.path.realpath(os.path.dirname(os.path.abspath(output)))))
    recorded.add_run(result.files)
    try:
        recorded.write(output)
    except BaselineError as exc:
        fail(str(exc))
    total = sum(recorded.counts.values())
    click.echo(f"wrote {shown}: {total} finding(s) in {len(result.files)} file(s)")


@baseline.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option("--baseline", "path", type=_FILE, default=Path(DEFAULT_NAME), show_default=True,
              help="The baseline file to shrink.")
@config_options
def update(paths: tuple[Path, ...], path: Path, config: CliOptions) -> None:
    """Remove entries that no longer occur; new findings are never added."""
    from mcred.baseline import Baseline, BaselineError

    try:
        old = Baseline.load(path)
    except BaselineError as exc:
        fail(str(exc))
    run = Run.prepare(config)
    result = run.lint(paths or (Path("."),))
    if result.read_errors:
        fail("; ".join(clean(e) for e in result.read_errors[:5]))
    new, removed = old.shrink(result.files)
    try:
        new.write(path)
    except BaselineError as exc:
        fail(str(exc))
    gone = "1 entry that no longer occurs" if removed == 1 else \
        f"{removed} entries that no longer occur"
    click.echo(f"updated {clean(path)}: removed {gone}; {sum(new.counts.values())} remain")
