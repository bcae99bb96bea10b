"""``mcred lint``: options → settings → run → report → exit code."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mcred.cli.output import use_color
from mcred.findings import Severity
from mcred.reporters import REPORTERS, get_reporter
from mcred.reporters.base import ReportOptions
from mcred.settings import LintSettings

FAIL_ON = ["error", "warning", "info", "never"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(sorted(REPORTERS)),
              default="text", show_default=True, help="Report format.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("-q", "--quiet", is_flag=True, help="Findings only; nothing on clean files.")
@click.option("-v", "--verbose", is_flag=True, help="Also list files skipped while walking.")
@click.option("--no-source", is_flag=True, help="Do not show the code frame of each finding.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text report.")
def lint(paths: tuple[Path, ...], output_format: str, fail_on: str, exit_zero: bool,
         quiet: bool, verbose: bool, no_source: bool, color: str) -> None:
    """Check design files and directories of designs.

    Directories are walked for *.yaml / *.yml files that start with the `mcred:` marker;
    files named explicitly are always checked. Exit status: 0 clean, 1 findings at or
    above --fail-on, 2 usage error or unreadable input, 3 internal error.
    """
    from mcred.runner import lint_paths

    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    settings = LintSettings(fail_on=threshold)
    result = lint_paths(paths, settings)
    out = sys.stdout
    options = ReportOptions(color=use_color(color, out), quiet=quiet, verbose=verbose,
                            show_source=not no_source)
    get_reporter(output_format)(options).render(result, out)
    code = result.exit_code(settings.fail_on)
    sys.exit(0 if exit_zero and code == 1 else code)
