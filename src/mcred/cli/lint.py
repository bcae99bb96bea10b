"""``mcred lint``: options → settings → run → report → exit code."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mcred.findings import Severity
from mcred.reporters import REPORTERS
from mcred.reporters.base import ReportOptions
from mcred.settings import LintSettings

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
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("-q", "--quiet", is_flag=True, help="Findings only; nothing on clean files.")
@click.option("-v", "--verbose", is_flag=True, help="Also list files skipped while walking.")
@click.option("--no-source", is_flag=True, help="Do not show the code frame of each finding.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text report.")
# -- untrusted input and fixing (see mcred.fix, mcred.sources) --
@click.option("--fix", is_flag=True, help="Rewrite files where the fix is unambiguous; "
              "exit 1 when a file changed.")
@click.option("--diff", is_flag=True, help="Show the fixes as a diff; write nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that derive values "
              "(e.g. hours_total from its parts).")
@click.option("--follow-symlinks", is_flag=True,
              help="Follow symlinks that point outside the linted directory.")
@click.option("--max-file-size", type=click.IntRange(min=1), default=512 * 1024,
              show_default=True, help="Largest file read, in bytes.")
# -- end of untrusted-input options --
def lint(paths: tuple[Path, ...], formats: tuple[str, ...], outputs: tuple[str, ...],
         stdin_filename: str | None, require_marker: bool, fail_on: str, exit_zero: bool,
         quiet: bool, verbose: bool, no_source: bool, color: str, fix: bool, diff: bool,
         unsafe_fixes: bool, follow_symlinks: bool, max_file_size: int) -> None:
    """Check design files and directories of designs.

    Directories are walked for *.yaml / *.yml files that start with the `mcred:` marker;
    files named explicitly are always checked; `-` reads one design from standard input.
    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable
    input, 3 internal error.
    """
    from mcred.cli.formats import emit, parse_targets
    from mcred.runner import lint_paths

    targets = parse_targets(formats, outputs)
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    settings = LintSettings(fail_on=threshold, max_file_size=max_file_size,
                            follow_symlinks=follow_symlinks)
    _safe_streams()
    fixed = (_run_fixes(paths, settings, fix, diff, unsafe_fixes, require_marker)
             if fix or diff else 0)
    if diff:
        sys.exit(fixed)
    result = lint_paths(paths, settings, stdin_filename=stdin_filename,
                        require_marker=require_marker)
    options = ReportOptions(quiet=quiet, verbose=verbose, show_source=not no_source)
    emit(targets, result, options, color)
    code = result.exit_code(settings.fail_on)
    code = 0 if exit_zero and code == 1 else code
    sys.exit(max(code, fixed))


def _safe_streams() -> None:
    """A terminal or log that cannot show a character gets an escape, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _run_fixes(paths: tuple[Path, ...], settings: LintSettings, fix: bool, diff: bool,
               unsafe: bool, require_marker: bool) -> int:
    """Apply (or with --diff, show) fixes; 1 when a file changed or could not be fixed."""
    from mcred.fix import fix_paths
    from mcred.reporters.safe import clean

    outcomes = fix_paths([p for p in paths if p.as_posix() != "-"], settings.max_file_size,
                         unsafe=unsafe, write=fix and not diff,
                         follow_symlinks=settings.follow_symlinks,
                         require_marker=require_marker)
    for outcome in outcomes:
        name = clean(outcome.name, 200)
        if outcome.refused:
            click.echo(f"mcred: {name}: not fixed: {clean(outcome.refused)}", err=True)
        elif outcome.changed and diff:
            click.echo("\n".join(clean(line, 10_000) for line in outcome.diff().splitlines()))
        elif outcome.changed and outcome.rewrite:
            count = len(outcome.rewrite.edits)
            click.echo(f"mcred: fixed {name} ({count} edit{'s' * (count != 1)})", err=True)
    return 1 if any(o.changed or o.refused for o in outcomes) else 0
