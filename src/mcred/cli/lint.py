"""``mcred lint``: options → settings → run → report → exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mcred.config.options import CliOptions, config_options
from mcred.reporters import REPORTERS
from mcred.reporters.base import ReportOptions

if TYPE_CHECKING:
    from mcred.runner import RunResult
    from mcred.settings import LintSettings

FAIL_ON = ["error", "warning", "info", "never"]


@click.command()
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(path_type=Path, readable=False))  # mcred reports it, then goes on
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
@click.option("--include-published", is_flag=True,
              help="Walks also lint published *.jsonld / *.json credentials (ELM, OB3, CTDL).")
@click.option("--project-root", type=click.Path(path_type=Path, file_okay=False),
              help="Directory that report paths are relative to [default: the `root` of "
              "the config, else the git top level of the linted files].")
@click.option("--max-results", type=click.IntRange(min=0), default=25_000, show_default=True,
              help="Most SARIF results per run, most severe first (0: no limit).")
@click.option("--automation-id", metavar="ID",
              help="SARIF automationDetails.id, e.g. mcred/nightly/ [default: mcred/].")
@click.option("--junit-flavour", type=click.Choice(["gitlab", "jenkins"]), default="gitlab",
              show_default=True, help="JUnit for GitLab (file and line per test case) or "
              "for the Jenkins xunit schema.")
# -- end of report options --
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Lowest severity that makes the exit code 1 [default: `fail-on` of the "
                   "config file, else warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("-q", "--quiet", is_flag=True, help="Findings only; nothing on clean files.")
@click.option("-v", "--verbose", is_flag=True,
              help="Also list files skipped while walking, and the language each file's "
                   "outcomes were read in.")
@click.option("--no-source", is_flag=True, help="Do not show the code frame of each finding.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text report.")
# -- configuration and adoption (issue 4); the logic lives in mcred.cli.run --
@config_options
@click.option("--statistics", is_flag=True, help="Also print the number of findings per rule.")
@click.option("--baseline", "baseline", type=click.Path(path_type=Path, dir_okay=False),
              help="Report only findings not in this baseline (see `mcred baseline`).")
# -- end of configuration options --
# -- untrusted input and fixing (issue 8; see mcred.fix, mcred.sources) --
@click.option("--fix", is_flag=True, help="Rewrite files where the fix is unambiguous; "
              "exit 1 when a file changed.")
@click.option("--diff", is_flag=True, help="Show the fixes as a diff; write nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that derive values "
              "(e.g. hours_total from its parts).")
@click.option("--follow-symlinks", is_flag=True,
              help="Follow symlinks that point outside the linted directory.")
@click.option("--max-file-size", type=click.IntRange(min=1), default=None,
              help="Largest file read, in bytes (default 524288, or the config's).")
# -- end of untrusted-input options --
# -- speed (issue 9; mcred.cache, mcred.parallel) --
@click.option("--no-cache", is_flag=True,
              help="Do not read or write the results cache (the user cache folder, or "
              "$MCRED_CACHE_DIR).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes [default: one per CPU for large runs, else 1].")
# -- end of speed options --
def lint(paths: tuple[Path, ...], formats: tuple[str, ...], outputs: tuple[str, ...],
         stdin_filename: str | None, require_marker: bool, include_published: bool,
         project_root: Path | None, max_results: int, automation_id: str | None,
         junit_flavour: str, fail_on: str | None,
         exit_zero: bool, quiet: bool, verbose: bool, no_source: bool, color: str,
         config: CliOptions, statistics: bool, baseline: Path | None, fix: bool, diff: bool,
         unsafe_fixes: bool, follow_symlinks: bool, max_file_size: int | None,
         no_cache: bool, jobs: int | None) -> None:
    """Check design files and directories of designs.

    Directories are walked for *.yaml / *.yml files that start with the `mcred:` marker;
    files named explicitly are always checked; `-` reads one design from standard input.
    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable
    input, 3 internal error.
    """
    from dataclasses import replace

    from mcred.cli.formats import emit, parse_targets, report_root
    from mcred.cli.run import Run
    from mcred.parallel import Reuse

    targets = parse_targets(formats, outputs)
    run = Run.prepare(replace(config, fail_on=fail_on))
    run.settings = settings = replace(
        run.settings, follow_symlinks=follow_symlinks,
        max_file_size=max_file_size or run.settings.max_file_size,
        cache=not no_cache, jobs=jobs,  # speed (issue 9)
        include_published=include_published or run.settings.include_published)
    root = report_root(paths, project_root, run.resolver.project())
    if require_marker and settings.catalogue_root is None:
        run.settings = settings = replace(settings, catalogue_root=precommit_catalogue(paths))
    _safe_streams()
    if diff:
        sys.exit(_run_fixes(paths, settings, fix, diff, unsafe_fixes, require_marker)[0])
    # perf: with --fix, the lint after the rewrites lints only the files that changed
    reuse = Reuse() if fix else None
    result = run.lint(paths, stdin_filename=stdin_filename, require_marker=require_marker,
                      reuse=reuse)
    if not result.files and not result.read_errors and not require_marker:
        machine = [t for t in targets if t.format != "text"]  # scripts still get a report
        if machine:
            emit(machine, result, ReportOptions(), color)
        _no_design(paths, result.skipped)
    fixed = 0
    if fix:  # perf: only the files the lint found something to fix in are rewritten
        candidates = _fix_candidates(result, unsafe_fixes)
        fixed, changed = _run_fixes(candidates, settings, fix, diff, unsafe_fixes,
                                    require_marker=False)
        if changed:
            result = run.lint(paths, stdin_filename=stdin_filename,
                              require_marker=require_marker, reuse=reuse)
    run.apply_baseline(result, baseline)
    options = ReportOptions(quiet=quiet, verbose=verbose, show_source=not no_source,
                            project_root=root, max_results=max_results,
                            automation_id=automation_id, junit_flavour=junit_flavour)
    failed = emit(targets, result, options, color)
    on_stdout = {t.format for t in targets if t.path is None}
    run.finish(result, statistics, sys.stdout, machine=bool(on_stdout - {"text"}))
    code = result.exit_code(settings.fail_on)
    code = 0 if exit_zero and code == 1 else code
    sys.exit(max(code, fixed, failed))


def precommit_catalogue(paths: tuple[Path, ...]) -> Path | None:
    """pre-commit names files, so cross-file rules (MC9xx) would have no catalogue: under
    `--require-marker` the designs of the files' git repository are the catalogue."""
    from mcred.reporters.paths import git_root

    if any(p.is_dir() for p in paths):
        return None
    root = git_root(paths)
    return Path(root) if root else None


def _no_design(paths: tuple[Path, ...], skipped: list[str]) -> None:
    """Nothing was checked: say so and exit 2 rather than report "all clear" (like a
    linter that found no input). Pre-commit's --require-marker runs are exempt."""
    from mcred.reporters.safe import clean

    where = ", ".join(clean(p.as_posix(), 200) for p in paths[:5]) + (
        f" and {len(paths) - 5} more" if len(paths) > 5 else "")
    click.echo(f"mcred: no design found in {where}; a design starts with `mcred: 1`",
               err=True)
    if skipped:
        shown = ", ".join(clean(s, 200) for s in skipped[:10])
        more = f" and {len(skipped) - 10} more" if len(skipped) > 10 else ""
        click.echo(f"mcred: skipped {len(skipped)} YAML file{'s' * (len(skipped) != 1)} "
                   f"without the marker: {shown}{more}", err=True)
    sys.exit(2)


def _safe_streams() -> None:
    """A terminal or log that cannot show a character gets an escape, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _fix_candidates(result: RunResult, unsafe: bool) -> tuple[Path, ...]:
    """Linted files with an edit to make, or a loading problem that refuses --fix (cached
    results keep no quoting hints: their MC012 findings stand in)."""
    from mcred.fix import BLOCKING, has_edits
    from mcred.runner import STDIN_NAME

    reported = {*BLOCKING, "MC012"}
    return tuple(Path(f.path) for f in result.files
                 if f.document is not None and f.path != STDIN_NAME
                 and (any(x.code in reported for x in f.findings)
                      or has_edits(f.document.data, unsafe)))


def _run_fixes(paths: tuple[Path, ...], settings: LintSettings, fix: bool, diff: bool,
               unsafe: bool, require_marker: bool) -> tuple[int, bool]:
    """Apply (or with --diff, show) fixes: exit status 1 when a file changed or could not be
    fixed, and whether any file changed."""
    from mcred.fix import fix_paths
    from mcred.reporters.safe import clean

    published = [p for p in paths if p.suffix.lower() in (".jsonld", ".json")]
    for path in published:  # never rewritten: the file belongs to the publishing system
        click.echo(f"mcred: {clean(path.as_posix(), 200)}: not fixed: published JSON is "
                   "never rewritten; fix it where it is published, or `mcred import` it",
                   err=True)
    outcomes = fix_paths([p for p in paths if p.as_posix() != "-" and p not in published],
                         settings.max_file_size,
                         unsafe=unsafe, write=fix and not diff,
                         follow_symlinks=settings.follow_symlinks,
                         require_marker=require_marker, jobs=settings.jobs)
    for outcome in outcomes:
        name = clean(outcome.name, 200)
        if outcome.refused:
            click.echo(f"mcred: {name}: not fixed: {clean(outcome.refused)}", err=True)
        elif outcome.changed and diff:
            click.echo("\n".join(clean(line, 10_000) for line in outcome.diff().splitlines()))
        elif outcome.changed and outcome.rewrite:
            count = len(outcome.rewrite.edits)
            click.echo(f"mcred: fixed {name} ({count} edit{'s' * (count != 1)})", err=True)
    changed = any(o.changed for o in outcomes)
    return (1 if changed or published or any(o.refused for o in outcomes) else 0), changed
