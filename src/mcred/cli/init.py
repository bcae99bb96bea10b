"""``mcred init``: write a new design, from a guided interview or as a commented TODO skeleton."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

DEFAULT_FILE = "micro-credential.yaml"


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--no-input", is_flag=True,
              help="Do not ask: write the commented skeleton with TODOs.")
@click.option("--interactive", is_flag=True,
              help="Ask even when standard input is not a terminal.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def init(file: Path | None, no_input: bool, interactive: bool, force: bool) -> None:
    """Start a new design in FILE (default: micro-credential.yaml; `-` for standard output).

    In a terminal, asks about each planning step (need and target group, outcomes, level
    and workload, participation, assessment, quality assurance, recognition, learner
    information); Enter skips a question. Otherwise, or with --no-input, writes a
    commented skeleton whose every open point is a TODO that `mcred lint` reports.
    """
    from mcred.init.skeleton import Answers, render

    path = file or Path(DEFAULT_FILE)
    to_stdout = path.as_posix() == "-"
    shown = _clean(path)
    if not to_stdout and path.exists() and not force:
        click.echo(f"mcred: {shown} already exists; pass --force to overwrite it", err=True)
        sys.exit(2)
    ident = _slug(path.stem if not to_stdout else "new-micro-credential")
    ask = interactive or (not no_input and sys.stdin.isatty() and not to_stdout)
    if ask:
        from rich.console import Console

        from mcred.init.flow import interview

        try:
            answers = interview(Console(stderr=True), ident)
        except (EOFError, KeyboardInterrupt):
            click.echo("\nmcred: cancelled; nothing was written", err=True)
            sys.exit(1)
    else:
        answers = Answers(id=ident)
    text = render(answers)
    if to_stdout:
        click.echo(text, nl=False)
        return
    try:
        with path.open("w" if force else "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        click.echo(f"mcred: {shown} already exists; pass --force to overwrite it", err=True)
        sys.exit(2)
    except OSError as exc:
        click.echo(f"mcred: {shown}: cannot write ({_clean(exc.strerror or exc)})", err=True)
        sys.exit(2)
    todos = text.count("TODO")
    click.echo(f"wrote {shown} ({todos} TODOs left); next: mcred lint {shown}", err=True)


def _clean(text: object) -> str:
    """File names can carry terminal escapes (a name from a script, a checkout)."""
    from mcred.reporters.safe import clean

    return clean(text if isinstance(text, str) else str(text), 1000)


def _slug(stem: str) -> str:
    """A valid design id from a file name."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-._")
    return slug or "new-micro-credential"
