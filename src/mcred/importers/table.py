"""CSV and XLSX catalogues → designs: one per row, columns named by key paths or mapped.

A header ``workload.ects`` fills ``workload: {ects: …}``; a column of a list of mappings
(``learning_outcomes``, ``assessment.type``) takes one item per line of the cell. A cell
that is not a value of its column's kind is a finding naming the row and the column; the
row is still imported without it, and so are the other rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from mcred.findings import Issue
from mcred.importers.columns import MAIN_FIELD, CellError, annotation_at, convert
from mcred.importers.draft import Draft


class TableError(Exception):
    """The spreadsheet cannot be read at all (no header, not an XLSX workbook)."""


def csv_rows(text: str) -> list[list[str]]:
    head = text.split("\n", 1)[0]
    try:
        dialect: Any = csv.Sniffer().sniff(head, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]


def xlsx_rows(data: bytes, max_cells: int = 200_000) -> list[list[str]]:
    """The first sheet's rows as text (openpyxl, read-only: the workbook is streamed)."""
    try:
        from openpyxl import load_workbook
    except ImportError:
        raise TableError("reading XLSX needs openpyxl: pip install 'mcred[import]'") from None
    _check_unpacked_size(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise TableError(f"not a readable XLSX workbook ({type(exc).__name__})") from None
    rows: list[list[str]] = []
    cells = 0
    for row in book.worksheets[0].iter_rows(values_only=True):
        cells += len(row)
        if cells > max_cells:
            raise TableError(f"the sheet has more than {max_cells:,} cells")
        texts = [_cell_text(v) for v in row]
        if any(t.strip() for t in texts):
            rows.append(texts)
    book.close()
    return rows


MAX_UNPACKED = 64 * 1024 * 1024


def _check_unpacked_size(data: bytes) -> None:
    """An XLSX is a ZIP archive: refuse one that unpacks to more than the limit (a zip bomb)
    before openpyxl inflates any part of it."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise TableError("not a readable XLSX workbook (the ZIP archive is damaged)") from None
    if total > MAX_UNPACKED:
        raise TableError(f"the workbook unpacks to {total:,} bytes, more than the limit of "
                         f"{MAX_UNPACKED:,}; save the catalogue as CSV or split it")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value)


def import_rows(rows: list[list[str]], source: str, fmt: str,
                columns: dict[str, str] | None = None) -> list[Draft]:
    if not rows:
        raise TableError("the sheet is empty: the first row must name the columns")
    header = [columns.get(h.strip(), h.strip()) if columns else h.strip() for h in rows[0]]
    if not any(header):
        raise TableError("the first row must name the columns (e.g. title, workload.ects)")
    drafts = []
    for number, row in enumerate(rows[1:], start=2):
        draft = Draft(source, fmt, root=(number,), label=f"row {number}")
        for col, (name, text) in enumerate(zip(header, row, strict=False)):
            if name and text.strip():
                _cell(draft, name, text, number, col)
        drafts.append(draft)
    return drafts


def _cell(draft: Draft, name: str, text: str, row: int, col: int) -> None:
    parts = [p for p in name.replace("[", ".").replace("]", "").split(".") if p]
    indices = [p for p in parts if p.isdigit()]
    keys = [p for p in parts if not p.isdigit()]
    annotation, lists = annotation_at(keys)
    letter = _letter(col)
    origin = (row, col + 1)
    try:
        if lists and not indices:
            for path, value in _per_line(keys, lists[0], text):
                draft.put(path, value, origin)
            return
        value = convert(text, annotation) if annotation is not None else text.strip()
    except CellError as exc:
        draft.issues.append(Issue("MC006", f"row {row}, column {letter} ({name}): {exc}",
                                  (), "Correct the cell; the rest of the row was imported",
                                  (row, col + 1, row, col + 1)))
        return
    target: list[str | int] = []
    index_iter = iter(int(i) for i in indices)
    for i, key in enumerate(keys):
        target.append(key)
        if i in lists:
            target.append(next(index_iter, 0))
    draft.put(tuple(target), value, origin)


def _per_line(keys: list[str], at: int, text: str) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """One list item per line of the cell: ``learning_outcomes`` → ``[{text: line}, …]``."""
    rest = keys[at + 1:] or [MAIN_FIELD.get(keys[at], "name")]
    inner, _ = annotation_at([*keys[:at + 1], *rest])
    for n, line in enumerate(t for t in text.splitlines() if t.strip()):
        value = convert(line, inner) if inner is not None else line.strip()
        yield (*keys[:at + 1], n, *rest), value


def _letter(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
