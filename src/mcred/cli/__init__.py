"""The ``mcred`` command: a thin click layer; each subcommand lives in its own module.

Subcommands are imported only when invoked, so ``mcred --version`` and ``mcred lint`` do
not pay for the code of exporters, renderers or docs.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import importlib
import os
import sys

import click

from mcred import __version__

COMMANDS: dict[str, str] = {
    "lint": "mcred.cli.lint:lint",
    "rules": "mcred.cli.rules:rules",
    "explain": "mcred.cli.rules:explain",
    "schema": "mcred.cli.schema:schema",
    "catalogue": "mcred.cli.catalogue:catalogue",
    "config": "mcred.cli.config:config",
    "baseline": "mcred.cli.baseline:baseline",
    "init": "mcred.cli.init:init",
    "export": "mcred.cli.export:export",
    "import": "mcred.cli.importing:import_",
    "render": "mcred.cli.render:render",
    "server": "mcred.cli.server:server",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when it is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="mcred")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def cli(debug: bool) -> None:
    """Validate and lint micro-credential designs (EU Council Recommendation 2022, ECTS, EQF)."""


def main() -> None:
    """Console entry point: internal errors exit 3 with one line, never a bare traceback."""
    # perf: pydantic otherwise scans every installed distribution's entry points for
    # plugins at the first model build (~5 ms a run); mcred's models need none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # perf: a run allocates many small objects that live until it ends (findings, results);
    # the default threshold (700) makes the collector walk them again and again. Like mypy,
    # collect less often: ~10 % off a warm run of 2,000 designs, ~5 % off a cold one,
    # without changing peak memory measurably (bench/run.py).
    gc.set_threshold(50_000, 50, 50)
    try:
        cli.main(prog_name="mcred")
    except SystemExit:
        raise
    except BrokenPipeError:  # `mcred … | head`: the reader left; that is not an error
        from mcred.cli.formats import silence_stdout

        silence_stdout()
        sys.exit(1)
    except Exception as exc:  # an mcred bug, not bad input
        if "--debug" in sys.argv or os.environ.get("MCRED_DEBUG"):
            raise
        from mcred.reporters.safe import clean

        if isinstance(exc, OSError) and exc.errno in _DISK_FULL:  # the machine, not mcred
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(f"mcred: cannot write: {clean(exc.strerror or exc)}\n")
            sys.exit(2)

        message = clean(f"{type(exc).__name__}: {exc}", 200)
        click.echo(
            f"mcred: internal error ({message}). Please report it with mcred {__version__} "
            "and the file that caused it; rerun with --debug for the traceback.",
            err=True,
        )
        sys.exit(3)


_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def run() -> None:
    """The `mcred` command itself (console script, ``python -m mcred``): :func:`main`, then
    a quick exit. A program that calls :func:`main` gets its ``SystemExit`` as usual."""
    try:
        main()
    except SystemExit as done:
        _leave(done)
        raise


def _leave(done: SystemExit) -> None:
    """End the process now that everything is written, without tearing the interpreter
    down: freeing every object of a run of thousands of designs costs ~17 ms, 8 % of a warm
    run (like mypy's hard exit). Report files are closed by their writers and worker pools
    by theirs; only the standard streams remain to flush. A message to print (a text exit
    code) takes the normal way out.
    """
    code = done.code
    if code is not None and not isinstance(code, int):
        return
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        from mcred.cli.formats import silence_stdout

        if not isinstance(exc, BrokenPipeError | ValueError):  # the reader leaving is fine
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(f"mcred: cannot write to standard output: "
                                 f"{exc.strerror or exc}\n")
            code = max(code or 0, 2)
        silence_stdout()
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code or 0)
