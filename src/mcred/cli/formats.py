"""Where reports go: ``--format`` and ``--output`` into targets, then writing each one.

One run can write several reports, e.g. text to the terminal and SARIF to a file:

- ``--format NAME`` (repeatable) chooses formats; without it the default is ``text``, or
  ``github`` when running in GitHub Actions (``GITHUB_ACTIONS=true``);
- ``--output FILE`` writes the one chosen format to FILE instead of standard output;
- ``--output FORMAT=FILE`` (repeatable) writes FORMAT to FILE; standard output still gets
  the ``--format`` format, or the default one when no ``--format`` was given.

At most one format can go to standard output; ``-`` as FILE means standard output.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from mcred.cli.output import use_color
from mcred.reporters import REPORTERS, get_reporter
from mcred.reporters.safe import clean

if TYPE_CHECKING:
    from mcred.config.discovery import ConfigFile
    from mcred.reporters.base import ReportOptions
    from mcred.runner import RunResult


@dataclass(frozen=True)
class Target:
    """One report: a format and a file (``None`` is standard output)."""

    format: str
    path: Path | None = None


def default_format(env: Mapping[str, str]) -> str:
    return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"


def _file(text: str) -> Path | None:
    if not text:
        raise click.UsageError("--output needs a file name (or `-` for standard output)")
    return None if text == "-" else Path(text)


def parse_targets(formats: Sequence[str], outputs: Sequence[str],
                  env: Mapping[str, str] = os.environ) -> list[Target]:
    """Turn the options into targets; ambiguous combinations are usage errors."""
    chosen = list(dict.fromkeys(formats))
    named: list[Target] = []
    bare: list[str] = []
    for spec in outputs:
        name, sep, file = spec.partition("=")
        if sep and name in REPORTERS:
            named.append(Target(name, _file(file)))
        else:
            bare.append(spec)
    if len(bare) > 1:
        raise click.UsageError("--output FILE can be given once; for several reports use "
                               "--output FORMAT=FILE, e.g. --output sarif=mcred.sarif")
    unrouted = [f for f in chosen if f not in {t.format for t in named}]
    if not chosen:
        unrouted = [default_format(env)]
    if bare:
        if len(unrouted) != 1:
            raise click.UsageError("with several --format options, say which one goes to "
                                   f"{bare[0]!r}: --output FORMAT={bare[0]}")
        return [Target(unrouted[0], _file(bare[0])), *named]
    if len(unrouted) > 1:
        raise click.UsageError(f"only one report can go to standard output, not {unrouted}; "
                               "send the others to files with --output FORMAT=FILE")
    return [Target(name) for name in unrouted] + named


def report_root(paths: Sequence[Path], option: Path | None,
                config: ConfigFile | None) -> str:
    """The project root of machine reports: the option, the config's `root` (relative to
    the config file), else the git top level of the first linted path."""
    from mcred.reporters.paths import find_root

    if option is not None:
        return os.path.abspath(option)
    if config is not None and config.model.root:
        return os.path.normpath(config.root / config.model.root)
    return find_root(paths)


def emit(targets: Sequence[Target], result: RunResult, options: ReportOptions,
         color: str) -> int:
    """Write files first (so a closed pipe cannot lose them), then standard output.

    A report that fails does not stop the others: the failure is one line on stderr, and
    the exit code returned says what kind (2 a file that cannot be written, 3 a reporter
    bug).
    """
    failed = 0
    for target in targets:
        if target.path is not None:
            failed = max(failed, _write_file(target, result, replace(options, color=False)))
    for target in targets:
        if target.path is None:
            stdout_options = replace(options, color=use_color(color, sys.stdout))
            failed = max(failed, _write_stdout(target.format, result, stdout_options))
    reporters = {get_reporter(t.format) for t in targets}
    if result.read_errors and not any(r.carries_read_errors for r in reporters):
        for error in result.read_errors:
            click.echo(f"mcred: {clean(error, 500)}", err=True)
    return failed


def _internal(name: str, exc: Exception) -> int:
    click.echo(f"mcred: internal error in the {name} report ({clean(type(exc).__name__)}: "
               f"{clean(exc, 200)}); the other reports were written", err=True)
    return 3


def _write_file(target: Target, result: RunResult, options: ReportOptions) -> int:
    assert target.path is not None
    buffer = io.StringIO()  # a reporter that fails half-way leaves no half-written file
    try:
        get_reporter(target.format)(options).render(result, buffer)
        with target.path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(buffer.getvalue())
    except OSError as exc:
        click.echo(f"mcred: cannot write the {target.format} report to "
                   f"{clean(target.path)}: {clean(exc.strerror or exc)}", err=True)
        return 2
    except Exception as exc:  # a reporter bug must not cost the other reports
        if os.environ.get("MCRED_DEBUG") or "--debug" in sys.argv:
            raise
        return _internal(target.format, exc)
    return 0


def _write_stdout(name: str, result: RunResult, options: ReportOptions) -> int:
    out: TextIO = sys.stdout
    try:
        get_reporter(name)(options).render(result, out)
        out.flush()
    except BrokenPipeError:
        silence_stdout()
    except OSError as exc:  # a full disk, a device that refuses: not an mcred bug
        click.echo(f"mcred: cannot write the {name} report to standard output: "
                   f"{clean(exc.strerror or exc)}", err=True)
        silence_stdout()
        return 2
    except Exception as exc:  # a reporter bug must not cost the other reports
        if os.environ.get("MCRED_DEBUG") or "--debug" in sys.argv:
            raise
        return _internal(name, exc)
    return 0


def silence_stdout() -> None:
    """The reader went away (``| head``): drop further output, keep the exit code.

    Pointing the descriptor at devnull stops Python's final flush from failing again at
    exit (the recipe in the Python docs, "Note on SIGPIPE").
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
