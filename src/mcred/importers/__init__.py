"""Published descriptions (ELM 3, Open Badges 3.0, CTDL, CSV/XLSX catalogues) → designs.

One module per source format; :mod:`detect` tells the format from the content, and
:mod:`draft` records where each design value came from, so ``mcred lint`` can place
findings on the published file (:mod:`published`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mcred.findings import Issue
from mcred.importers.detect import FORMATS, file_format
from mcred.importers.draft import Draft

__all__ = ["FORMATS", "FileImport", "ImportFailed", "import_file", "read_columns"]


class ImportFailed(Exception):
    """The file cannot be imported at all; the message says why and what to do."""


@dataclass
class FileImport:
    """The designs one file gave, and the problems found in it (with file positions)."""

    name: str
    format: str
    drafts: list[Draft] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def import_file(path: Path, name: str, forced: str | None = None,
                columns: dict[str, str] | None = None,
                max_size: int = 4 * 1024 * 1024) -> FileImport:
    """Read (bounded, never following links out), detect and import one file.

    The format comes from the content: an XLSX workbook by its ZIP signature, JSON by its
    first character, a CSV by its name or header line; ``forced`` overrides it.
    """
    from mcred.sources import SourceError, decode

    try:
        data = _bytes(path, name, max_size)
    except SourceError as exc:
        raise ImportFailed(str(exc)) from None
    kind = forced or file_format(name, data[:4096])
    if kind == "xlsx":
        return _xlsx(data, name, columns)
    source = decode(data, name)  # strict UTF-8
    if source.issues:
        issue = source.issues[0]
        raise ImportFailed(f"{name}: {issue.message}; {issue.fix.lower()}")
    if kind == "csv":
        return _csv(source.text, name, columns)
    if kind not in ("json", "elm", "ob3", "ctdl"):
        raise ImportFailed(f"{name}: not a format mcred imports (JSON-LD, CSV or XLSX); "
                           "name the format with --from")
    from mcred.importers.reading import read_json

    result = read_json(source.text, name, forced)
    drafts = result.drafts
    issues = [*result.issues, *(i for d in drafts for i in d.issues)]
    return FileImport(name, result.format or "json", drafts, issues)


def _bytes(path: Path, name: str, max_size: int) -> bytes:
    """The file's bytes under the same rules as a design's (size limit before reading, no
    devices or FIFOs, no symlink out of the working directory)."""
    from mcred.sources import ReadPolicy, _checked_target, _read_bounded

    target = _checked_target(path, name, ReadPolicy(max_size))
    return _read_bounded(target, name, max_size)


def _csv(text: str, name: str, columns: dict[str, str] | None) -> FileImport:
    from mcred.importers.table import csv_rows

    return _table("csv", lambda: csv_rows(text), name, columns)


def _xlsx(data: bytes, name: str, columns: dict[str, str] | None) -> FileImport:
    from mcred.importers.table import xlsx_rows

    return _table("xlsx", lambda: xlsx_rows(data), name, columns)


def _table(kind: str, rows: Callable[[], list[list[str]]], name: str,
           columns: dict[str, str] | None) -> FileImport:
    """A catalogue table's drafts; reading its rows may fail like importing them."""
    from mcred.importers.table import TableError, import_rows

    try:
        drafts = import_rows(rows(), name, kind, columns)
    except TableError as exc:
        raise ImportFailed(f"{name}: {exc}") from None
    return FileImport(name, kind, drafts, [i for d in drafts for i in d.issues])


def read_columns(path: Path) -> dict[str, str]:
    """A column mapping file: ``[columns]`` with ``"Spreadsheet header" = "key.path"``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ImportFailed(f"{path}: cannot read the column mapping ({exc})") from None
    table = data.get("columns", data)
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise ImportFailed(f'{path}: write the mapping as [columns] with "Header" = "key.path" '
                           'lines, e.g. "Course name" = "title"')
    return {str(k): v for k, v in table.items()}
