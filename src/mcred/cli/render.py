"""``mcred render``: a design (or a directory of designs) → a self-contained HTML page."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from mcred.cli.export import language

if TYPE_CHECKING:
    from mcred.render.html import Entry


@click.command()
@click.argument("path", type=click.Path(path_type=Path, exists=True))
@click.option("--html", "output", type=click.Path(path_type=Path, dir_okay=False),
              required=True, help="Write the HTML page to this file (`-` for standard output).")
@click.option("--lang", default="en", show_default=True, callback=lambda c, p, v: language(v),
              help="Language tag of the design texts (the page's lang attribute).")
@click.option("--title", help="Title of a catalogue page (default: the directory name).")
@click.option("--force", is_flag=True, help="Render designs even when they have lint errors.")
def render(path: Path, output: Path, lang: str, title: str | None, force: bool) -> None:
    """Render a design as an HTML credential supplement, or a directory as a catalogue.

    The page is one file with no external assets, readable on screen and in print. A
    design with lint errors is refused (exit 1, listing them) unless --force; in a
    directory such designs are left out (and listed) unless --force.
    """
    from mcred.render import html

    if path.is_dir():
        entries = _entries(path, force)
        if not entries:
            _fail(f"{path}: no design to render", 1)
        text = html.catalogue(entries, title or path.resolve().name, lang)
    else:
        text = html.page(_entry(path, force), lang)
    if output.as_posix() == "-":
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror or exc})", 2)
    click.echo(f"wrote {_clean(output)}", err=True)


def _entry(path: Path, force: bool) -> Entry:
    from mcred.cli.export import report_findings
    from mcred.discovery import display_name
    from mcred.export.common import load_design
    from mcred.render.html import Entry
    from mcred.sources import SourceError

    try:
        loaded = load_design(path, display_name(path))
    except SourceError as exc:
        _fail(str(exc), 2)
    if loaded.design is None or (loaded.errors and not force):
        report_findings(loaded)
        why = "is not a loadable design" if loaded.design is None else \
            f"has {len(loaded.errors)} error(s); fix them, or pass --force"
        _fail(f"{loaded.path}: refusing to render: the design {why}", 1)
    return Entry(loaded.design, loaded.path)


def _entries(root: Path, force: bool) -> list[Entry]:
    """Every design under ``root``, linted as one run (so the catalogue rules apply too)."""
    from mcred.export.common import without_controls
    from mcred.findings import Severity
    from mcred.render.html import Entry
    from mcred.reporters.safe import clean
    from mcred.runner import lint_paths
    from mcred.settings import LintSettings

    result = lint_paths([root], LintSettings())
    for problem in result.read_errors:
        click.echo(f"mcred: skipped {clean(problem)}", err=True)
    entries = []
    for file in result.files:
        errors = [f for f in file.findings if f.severity >= Severity.ERROR]
        if file.design is None:
            click.echo(f"mcred: left out {clean(file.path)}: the file is not a loadable design",
                       err=True)
        elif errors and not force:
            click.echo(f"mcred: left out {clean(file.path)}: the design has {len(errors)} "
                       "error(s) (--force renders it anyway)", err=True)
        else:
            entries.append(Entry(without_controls(file.design), file.path))
    return entries


def _clean(text: object) -> str:
    from mcred.reporters.safe import clean

    return clean(text if isinstance(text, str) else str(text), 1000)


def _fail(message: str, code: int) -> NoReturn:
    """Messages quote file names and ids from the repository: escaped, one line."""
    click.echo(f"mcred: {_clean(message)}", err=True)
    sys.exit(code)
