"""``mcred lint``: options → settings → run → report → exit code."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mcred.cli.output import use_color
from mcred.config.options import CliOptions, config_options
from mcred.reporters import REPORTERS, get_reporter
from mcred.reporters.base import ReportOptions

FAIL_ON = ["error", "warning", "info", "never"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(sorted(REPORTERS)),
              default="text", show_default=True, help="Report format.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Lowest severity that makes the exit code 1 [default: `fail-on` of the "
                   "config file, else warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("-q", "--quiet", is_flag=True, help="Findings only; nothing on clean files.")
@click.option("-v", "--verbose", is_flag=True, help="Also list files skipped while walking.")
@click.option("--no-source", is_flag=True, help="Do not show the code frame of each finding.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text report.")
# -- configuration and adoption (issue 4); the logic lives in mcred.config.options --
@config_options
@click.option("--statistics", is_flag=True, help="Also print the number of findings per rule.")
@click.option("--baseline", "baseline", type=click.Path(path_type=Path, dir_okay=False),
              help="Report only findings not in this baseline (see `mcred baseline`).")
# -- end of configuration options --
def lint(paths: tuple[Path, ...], output_format: str, fail_on: str | None, exit_zero: bool,
         quiet: bool, verbose: bool, no_source: bool, color: str, config: CliOptions,
         statistics: bool, baseline: Path | None) -> None:
    """Check design files and directories of designs.

    Directories are walked for *.yaml / *.yml files that start with the `mcred:` marker;
    files named explicitly are always checked. Exit status: 0 clean, 1 findings at or
    above --fail-on, 2 usage error or unreadable input, 3 internal error.
    """
    from dataclasses import replace

    from mcred.config.options import Run

    run = Run.prepare(replace(config, fail_on=fail_on))
    settings = run.settings
    result = run.lint(paths)
    run.apply_baseline(result, baseline)
    out = sys.stdout
    options = ReportOptions(color=use_color(color, out), quiet=quiet, verbose=verbose,
                            show_source=not no_source)
    get_reporter(output_format)(options).render(result, out)
    run.finish(result, statistics, out, machine=output_format != "text")
    code = result.exit_code(settings.fail_on)
    sys.exit(0 if exit_zero and code == 1 else code)
