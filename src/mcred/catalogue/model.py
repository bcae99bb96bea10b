"""Designs keyed by id (defaulting to the file stem), and the issues that belong to one file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import PurePath

from mcred.findings import Issue
from mcred.langtext import required_designs
from mcred.loader import Document
from mcred.plain import Design


@dataclass(frozen=True, slots=True)
class CatalogueIssue(Issue):
    """An issue found across files: ``path`` names the file it is reported in."""

    path: str = ""


def issue_in(entry: Entry, issue: Issue) -> CatalogueIssue:
    """Attach a rule's issue to the file of ``entry``, where its key path is looked up."""
    values = {f.name: getattr(issue, f.name) for f in fields(Issue)}
    return CatalogueIssue(**values, path=entry.path)


def design_id(design: Design, path: str) -> str:
    return design.id if design.id is not None else PurePath(path).stem


@dataclass(frozen=True)
class Entry:
    """One design of the catalogue; ``in_run`` is false for designs only read for context."""

    id: str
    path: str
    design: Design
    document: Document | None = None
    in_run: bool = True

    @property
    def explicit_id(self) -> bool:
        return self.design.id is not None

    def ects(self) -> float | None:
        return self.design.workload.ects if self.design.workload else None

    def eqf(self) -> int | None:
        return self.design.level.eqf if self.design.level else None

    def requires(self) -> list[str]:
        return required_designs(self.design.prerequisites)


class Catalogue:
    """Entries in path order and an id index; the first entry of a duplicated id wins."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = sorted(entries, key=lambda e: e.path)
        self.by_id: dict[str, list[Entry]] = {}
        for entry in self.entries:
            self.by_id.setdefault(entry.id, []).append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def resolve(self, design_id: str | None) -> Entry | None:
        found = self.by_id.get(design_id) if design_id is not None else None
        return found[0] if found else None

    def duplicates(self) -> Iterator[tuple[str, list[Entry]]]:
        return ((i, e) for i, e in self.by_id.items() if len(e) > 1)
