"""``mcred lint``: options → settings → run → report → exit code."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mcred.config.options import CliOptions, config_options
from mcred.reporters import REPORTERS
from mcred.reporters.base import ReportOptions

FAIL_ON = ["error", "warning", "info", "never"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
# -- where reports go, and stdin (see mcred.cli.formats) --
@click.option("--format", "formats", type=click.Choice(sorted(REPORTERS)), multiple=True,
              help="Report format; repeatable. Default: text (github in GitHub Actions).")
@click.option("-o", "--output", "outputs", multiple=True, metavar="[FORMAT=]FILE",
              help="Write the report to FILE; FORMAT=FILE (repeatable) adds a report in a "
              "file, e.g. -o sarif=mcred.sarif.")
@click.option("--stdin-filename", metavar="NAME",
              help="Name shown in reports for the design read from `-` (standard input).")
@click.option("--require-marker", is_flag=True,
              help="Skip named files without the `mcred:` marker too (for pre-commit).")
# -- end of report options --
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
def lint(paths: tuple[Path, ...], formats: tuple[str, ...], outputs: tuple[str, ...],
         stdin_filename: str | None, require_marker: bool, fail_on: str | None,
         exit_zero: bool, quiet: bool, verbose: bool, no_source: bool, color: str,
         config: CliOptions, statistics: bool, baseline: Path | None) -> None:
    """Check design files and directories of designs.

    Directories are walked for *.yaml / *.yml files that start with the `mcred:` marker;
    files named explicitly are always checked; `-` reads one design from standard input.
    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable
    input, 3 internal error.
    """
    from dataclasses import replace

    from mcred.cli.formats import emit, parse_targets
    from mcred.config.options import Run

    targets = parse_targets(formats, outputs)
    run = Run.prepare(replace(config, fail_on=fail_on))
    settings = run.settings
    result = run.lint(paths, stdin_filename=stdin_filename, require_marker=require_marker)
    run.apply_baseline(result, baseline)
    options = ReportOptions(quiet=quiet, verbose=verbose, show_source=not no_source)
    emit(targets, result, options, color)
    on_stdout = {t.format for t in targets if t.path is None}
    run.finish(result, statistics, sys.stdout, machine=bool(on_stdout - {"text"}))
    code = result.exit_code(settings.fail_on)
    sys.exit(0 if exit_zero and code == 1 else code)
