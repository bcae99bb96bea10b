"""``mcred render``: a design (or a directory of designs) → a self-contained HTML page."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from mcred.render.html import Entry


@click.command()
@click.argument("path", type=click.Path(path_type=Path, exists=True))
@click.option("--html", "output", type=click.Path(path_type=Path, dir_okay=False),
              required=True, help="Write the HTML page to this file (`-` for standard output).")
@click.option("--lang", default="en", show_default=True,
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
        entry = _entry(path, force, strict=True)
        if entry is None:  # strict mode exits instead; kept for the type checker
            _fail(f"{path}: nothing to render", 1)
            return
        text = html.page(entry, lang)
    if output.as_posix() == "-":
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror or exc})", 2)
    click.echo(f"wrote {output}", err=True)


def _entry(path: Path, force: bool, strict: bool) -> Entry | None:
    from mcred.cli.export import report_findings
    from mcred.discovery import display_name
    from mcred.export.common import load_design
    from mcred.render.html import Entry
    from mcred.sources import SourceError

    try:
        loaded = load_design(path, display_name(path))
    except SourceError as exc:
        if strict:
            _fail(str(exc), 2)
        click.echo(f"mcred: skipped {exc}", err=True)
        return None
    if loaded.design is None or (loaded.errors and not force):
        if strict:
            report_findings(loaded)
        why = "is not a loadable design" if loaded.design is None else \
            f"has {len(loaded.errors)} error(s) (--force renders it anyway)"
        if strict:
            _fail(f"{loaded.path}: refusing to render: the design {why}", 1)
        click.echo(f"mcred: left out {loaded.path}: the design {why}", err=True)
        return None
    return Entry(loaded.design, loaded.path)


def _entries(root: Path, force: bool) -> list[Entry]:
    from mcred.discovery import discover
    from mcred.loader import has_marker

    entries = []
    for path, _explicit in discover([root]):
        try:
            marked = has_marker(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
        entry = _entry(path, force, strict=False) if marked else None
        if entry is not None:
            entries.append(entry)
    return entries


def _fail(message: str, code: int) -> Any:
    click.echo(f"mcred: {message}", err=True)
    sys.exit(code)
