"""Published descriptions (ELM 3, Open Badges 3.0, CTDL, CSV/XLSX catalogues) → designs.

One module per source format; :mod:`detect` tells the format from the content, and
:mod:`draft` records where each design value came from, so ``mcred lint`` can place
findings on the published file (:mod:`published`).
"""

from __future__ import annotations

import tomllib
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
    """Read (bounded, strict UTF-8, never following links out), detect and import a file."""
    from mcred.sources import SourceError, read_path

    try:
        if forced == "xlsx" or (forced is None and path.suffix.lower() == ".xlsx"):
            return _xlsx(_bytes(path, name, max_size), name, columns)
        source = read_path(path, name, max_size)
    except SourceError as exc:
        raise ImportFailed(str(exc)) from None
    if source.issues:
        issue = source.issues[0]
        raise ImportFailed(f"{name}: {issue.message}; {issue.fix.lower()}")
    kind = forced or file_format(name, source.text[:4096].encode("utf-8", "replace"))
    if kind == "csv":
        from mcred.importers.table import TableError, csv_rows, import_rows

        try:
            drafts = import_rows(csv_rows(source.text), name, "csv", columns)
        except TableError as exc:
            raise ImportFailed(f"{name}: {exc}") from None
        return FileImport(name, "csv", drafts, [i for d in drafts for i in d.issues])
    if kind not in ("json", "elm", "ob3", "ctdl"):
        raise ImportFailed(f"{name}: not a format mcred imports (JSON-LD, CSV or XLSX); "
                           "name the format with --from")
    from mcred.importers.reading import read_json

    result = read_json(source.text, name, forced if forced != "json" else None)
    drafts = result.drafts
    issues = [*result.issues, *(i for d in drafts for i in d.issues)]
    return FileImport(name, result.format or "json", drafts, issues)


def _bytes(path: Path, name: str, max_size: int) -> bytes:
    from mcred.sources import ReadPolicy, _checked_target, _read_bounded

    target = _checked_target(path, name, ReadPolicy(max_size))
    return _read_bounded(target, name, max_size)


def _xlsx(data: bytes, name: str, columns: dict[str, str] | None) -> FileImport:
    from mcred.importers.table import TableError, import_rows, xlsx_rows

    try:
        drafts = import_rows(xlsx_rows(data), name, "xlsx", columns)
    except TableError as exc:
        raise ImportFailed(f"{name}: {exc}") from None
    return FileImport(name, "xlsx", drafts, [i for d in drafts for i in d.issues])


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
