"""``mcred import``: published descriptions → design files (a thin layer over importers)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from mcred.importers import FileImport
    from mcred.importers.draft import Draft

FORMAT_NAMES = ["elm", "ob3", "ctdl", "csv", "xlsx"]
_HELP_FORMATS = """
\b
Formats (detected from the content; --from forces one):
  elm   European Learning Model 3 (Europass) JSON-LD: credentials, qualifications,
        learning achievement specifications, learning opportunities
  ob3   Open Badges 3.0: Achievement, AchievementCredential / OpenBadgeCredential
  ctdl  CTDL (Credential Engine) JSON-LD: credentials and learning opportunities
  csv   CSV catalogue: one design per row, columns named by key paths
        (title, workload.ects, level.eqf, learning_outcomes one per line), or
        mapped with --columns map.toml
  xlsx  XLSX catalogue (first sheet), like CSV (needs the openpyxl extra)
"""


@click.command(name="import", epilog=_HELP_FORMATS)
@click.argument("files", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False))
@click.option("--from", "forced", type=click.Choice(FORMAT_NAMES),
              help="Read the files as this format instead of detecting it.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the one imported design to FILE.")
@click.option("--output-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Write each design to DIR/<id>.yaml.")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@click.option("--report", is_flag=True,
              help="List per file what was mapped, kept under x- keys, and dropped.")
@click.option("--columns", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help='CSV/XLSX: a TOML file mapping headers to key paths ("ECTS" = '
              '"workload.ects").')
@click.option("--max-file-size", type=click.IntRange(min=1), default=4 * 1024 * 1024,
              show_default=True, help="Largest file read, in bytes.")
def import_(files: tuple[Path, ...], forced: str | None, output: Path | None,
            output_dir: Path | None, force: bool, report: bool, columns: Path | None,
            max_file_size: int) -> None:
    """Convert published descriptions into designs (YAML).

    Each design starts with a comment naming its source; what the design format cannot
    hold is kept under x- keys. Exit status: 0 imported, 1 imported with problems (listed,
    e.g. a bad cell: the rest of the row and the other rows are still imported), 2 usage
    error or unreadable file.
    """
    from mcred.importers import ImportFailed, import_file, read_columns

    if output is not None and output_dir is not None:
        raise click.UsageError("use either -o FILE or --output-dir DIR")
    try:
        mapping = read_columns(columns) if columns else None
    except ImportFailed as exc:
        _fail(str(exc), 2)
    results: list[FileImport] = []
    failed = False
    for path in files:
        try:
            results.append(import_file(path, path.as_posix(), forced, mapping, max_file_size))
        except ImportFailed as exc:
            click.echo(f"mcred: {_safe(str(exc))}", err=True)
            failed = True
    drafts = [d for r in results for d in r.drafts]
    for result in results:
        for issue in result.issues:
            line, column = (issue.span or (1, 1))[:2]
            click.echo(f"{_safe(result.name)}:{line}:{column}: {issue.code} "
                       f"{_safe(issue.message)}", err=True)
            if issue.fix:
                click.echo(f"  = help: {_safe(issue.fix)}", err=True)
        if report:
            _report(result)
    _write(drafts, output, output_dir, force)
    problems = any(r.issues for r in results)
    sys.exit(2 if failed else 1 if problems else 0)


def _write(drafts: list[Draft], output: Path | None, output_dir: Path | None,
           force: bool) -> None:
    from mcred import __version__
    from mcred.importers.yamlout import to_yaml

    if not drafts:
        return
    if output_dir is None:
        if len(drafts) > 1:
            _fail(f"{len(drafts)} designs were imported: pass --output-dir DIR to write one "
                  "file each", 2)
        text = to_yaml(drafts[0], __version__)
        if output is None:
            click.echo(text, nl=False)
        else:
            _save(output, text, force)
        return
    output_dir.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for draft in drafts:
        target = output_dir / f"{_file_stem(draft, used)}.yaml"
        _save(target, to_yaml(draft, __version__), force)
        click.echo(f"mcred: wrote {target.as_posix()}", err=True)


def _file_stem(draft: Draft, used: set[str]) -> str:
    """From the design's id, else its title, else the source and row; unique in the run."""
    title = draft.data.get("title")
    if isinstance(title, dict):
        title = next(iter(title.values()), "")
    raw = str(draft.data.get("id") or title or "")
    stem = re.sub(r"[^a-z0-9._-]+", "-", raw.lower()).strip("-.")[:80]
    if not stem:
        stem = re.sub(r"[^a-z0-9._-]+", "-", Path(draft.source).stem.lower()).strip("-.")
        stem = f"{stem or 'design'}{('-' + draft.label.split()[-1]) if draft.label else ''}"
    unique, n = stem, 2
    while unique in used:
        unique, n = f"{stem}-{n}", n + 1
    used.add(unique)
    return unique


def _save(path: Path, text: str, force: bool) -> None:
    """Atomically, never through a symlink (mcred.safeio), never over a file unless forced."""
    from mcred.safeio import UnsafeFile, write_bytes

    if (path.exists() or path.is_symlink()) and not force:
        _fail(f"{path.as_posix()} exists; pass --force to overwrite it", 2)
    try:
        write_bytes(path, text.encode("utf-8"), durable=False)
    except UnsafeFile as exc:
        _fail(f"{path.as_posix()}: cannot write ({exc})", 2)


def _report(result: FileImport) -> None:
    for draft in result.drafts:
        where = f" ({draft.label})" if draft.label else ""
        click.echo(f"{_safe(result.name)}{where}: {result.format.upper()}", err=True)
        mapped = dict.fromkeys(re.sub(r"\.\d+", "[]", m) for m in draft.mapped)
        for title, items in (("mapped", list(mapped)),
                             ("kept under x-", draft.kept), ("dropped", draft.dropped)):
            shown = ", ".join(_safe(i) for i in items) if items else "nothing"
            click.echo(f"  {title}: {shown}", err=True)


def _safe(text: str) -> str:
    from mcred.reporters.safe import clean

    return clean(text, 2000)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"mcred: {_safe(message)}", err=True)
    sys.exit(code)
