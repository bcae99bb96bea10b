"""Per-file results cache: content + effective configuration + mcred's code → findings.

An unchanged re-run should cost little more than startup. A file's entry is keyed on
everything its findings depend on: its display name and text, the fingerprint of its
effective rule settings, and a fingerprint of mcred itself (version, Python version, and
the size and mtime of every module of the package, so editing a rule invalidates too).
The cross-file (catalogue) outcome is cached separately, keyed on every file's key: it is
recomputed whenever any file of the run changes.

Entries are three lines of JSON (the findings with the decisions made while linting: the
outcome language and whether the design can join the cross-file checks; the validated
design; the data), stored by :mod:`mcred.cachestore`, which authenticates them (a planted,
damaged or foreign entry is a miss) and writes them atomically, so concurrent runs never
see half an entry. A warm run reads one run pack instead (see :func:`pack`).
"""

from __future__ import annotations

import json
import os
import sys
import weakref
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mcred import __version__
from mcred.cachestore import Store
from mcred.catalogue import catalogue_part
from mcred.engine import FileResult
from mcred.findings import Finding, Severity
from mcred.loader import Document, load_text
from mcred.outcomes.language import Decision, data_language
from mcred.positions import PositionIndex

if TYPE_CHECKING:
    import hashlib

    from mcred.catalogue.outcome import CatalogueOutcome
    from mcred.findings import Issue
    from mcred.plain import Design
    from mcred.sources import Source

FORMAT = 2
PACK_FORMAT = 2
CATALOGUE = "catalogue"  # the folder (and key prefix) of cross-file outcomes
RUNS = "runs"  # the folder (and key prefix) of whole-run findings packs


def _sha256(data: bytes) -> hashlib._Hash:
    """perf: hashlib (OpenSSL) is imported only by runs that use the cache."""
    import hashlib

    return hashlib.sha256(data)


@cache
def code_fingerprint() -> str:
    """What mcred's findings depend on besides input and settings: its own code."""
    package = Path(__file__).resolve().parent
    digest = _sha256(f"{FORMAT}:{__version__}:{sys.version_info[:2]}".encode())
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(root, name))
                digest.update(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns};".encode(
                    "utf-8", "surrogatepass"))
    return digest.hexdigest()


def file_key(source: Source, settings_fingerprint: str) -> str:
    """Everything one file's findings depend on: mcred, the file's settings, its source."""
    head = f"{code_fingerprint()}\0{settings_fingerprint}\0{source.name}\0{source.bom}\0"
    digest = _sha256(head.encode("utf-8", "surrogatepass"))
    if source.issues:  # undecodable files: their findings come from the reader
        digest.update(repr(source.issues).encode())
    digest.update(source.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def finding_to_json(finding: Finding) -> dict[str, Any]:
    return {**finding.to_dict(), "key_path": list(finding.key_path),
            "replacement": finding.replacement}


def finding_from_json(data: dict[str, Any]) -> Finding:
    return Finding(
        path=data["path"], line=data["line"], column=data["column"], code=data["code"],
        name=data["name"], severity=Severity.parse(data["severity"]), message=data["message"],
        fix=data["fix"], key_path=tuple(data["key_path"]), end_line=data["end_line"],
        end_column=data["end_column"], fixable=data.get("fixable"),
        replacement=data.get("replacement"),
    )


@dataclass(frozen=True)
class Entry:
    """What a file's lint produced, in the cache's (and the worker pipe's) plain form.

    ``data_json`` is the loaded data as JSON (dates as ISO text), for the consumers that
    look at raw values after linting: the catalogue's id check and baseline fingerprints,
    which hash values as JSON text anyway. ``language`` is the outcome-language decision
    the reports show, made once while linting (a warm run need not read the data for it).
    """

    findings: list[dict[str, Any]]
    design_json: str | None
    data_json: str | None
    language: Decision = None
    ready: bool = False  # FileResult.catalogue_ready, decided where the design was at hand
    catalogue_json: str | None = None  # the design's CATALOGUE_PARTS, for cross-file rules

    @classmethod
    def of(cls, result: FileResult) -> Entry | None:
        """``None`` when a finding carries data JSON cannot hold (never cache guesses)."""
        foreign = result.design is not None and not hasattr(result.design, "to_data")
        if foreign or any(f.extra for f in result.findings):
            return None
        values = None if result.design is None else result.design.to_data(exclude_unset=True)
        design = None if values is None else json.dumps(values, default=str)
        slim = None if values is None else json.dumps(catalogue_part(values), default=str)
        data = result.document.data if result.document is not None else None
        return cls([finding_to_json(f) for f in result.findings], design,
                   None if data is None else json.dumps(data, default=str),
                   data_language(data), result.catalogue_ready(), slim)

    def dumps(self) -> str:
        head = {"findings": self.findings, "language": self.language, "ready": self.ready,
                "catalogue": self.catalogue_json}
        return "\n".join((json.dumps(head), self.design_json or "", self.data_json or ""))

    @classmethod
    def loads(cls, text: str) -> Entry:
        head, design, data = text.split("\n")
        values = json.loads(head)
        slim = values["catalogue"]
        return cls(values["findings"], design or None, data or None,
                   _decision(values["language"]), values["ready"] is True,
                   slim if isinstance(slim, str) else None)


def _decision(value: Any) -> Decision:
    """A stored outcome-language decision: ``None`` or ``[tag or None, reason]``."""
    if value is None:
        return None
    tag, reason = value
    if not (tag is None or isinstance(tag, str)) or not isinstance(reason, str):
        raise ValueError("not an outcome-language decision")
    return tag, reason


# -- run packs: every file's findings of a run in one value. Findings are rows in field
# order and their repeated texts (codes, names, messages, fixes) are indices into one string
# table: perf, a warm run of thousands of files decodes lists, not objects, and shares each
# text among the findings that repeat it (so reporters can memoise by text).
_SEVERITIES = {int(s): s for s in Severity}


def pack(files: list[FileResult]) -> dict[str, Any]:
    """The pack of a linted run, as JSON-ready values."""
    table: dict[str, int] = {}

    def ref(text: str) -> int:
        index = table.get(text)
        if index is None:
            index = table[text] = len(table)
        return index

    rows = []
    for file in files:
        rows.append([file.path, [
            [f.line, f.column, ref(f.code), ref(f.name), int(f.severity), ref(f.message),
             ref(f.fix), list(f.key_path), f.end_line, f.end_column, f.fixable,
             f.replacement, None if f.path == file.path else f.path]
            for f in file.findings], file.outcome_language()])
    return {"format": PACK_FORMAT, "strings": list(table), "files": rows}


def unpack(value: Any, count: int) -> list[tuple[str, list[Finding], Decision]] | None:
    """(path, findings, language decision) per file; ``None`` unless a pack of ``count``."""
    if not isinstance(value, dict) or value.get("format") != PACK_FORMAT:
        return None
    strings, rows = value["strings"], value["files"]
    if not isinstance(strings, list) or not isinstance(rows, list) or len(rows) != count:
        return None
    severity = _SEVERITIES
    return [(path, [Finding(
        path if other is None else other, line, column, strings[code], strings[name],
        severity[level], strings[message], strings[fix], tuple(key_path), end_line,
        end_column, (), fixable, replacement)
        for (line, column, code, name, level, message, fix, key_path, end_line, end_column,
             fixable, replacement, other) in findings], _decision(language))
        for path, findings, language in rows]


@dataclass(frozen=True, slots=True)
class Bundle:
    """A linted file's text, design JSON and data JSON, compressed together (zlib, fast
    level): what a run of thousands of files keeps of each while it reports.

    Measured on the benchmark's designs: 11.7 KB of text and JSON a file become ~3 KB;
    compressing costs a worker ~0.07 ms a file (a lint ~2 ms), unpacking ~0.02 ms.
    """

    zipped: bytes
    sizes: tuple[int, int, int]  # bytes of each part; -1 for an absent JSON part

    @classmethod
    def of(cls, text: str, design_json: str | None, data_json: str | None) -> Bundle:
        parts = [None if part is None else part.encode("utf-8", "surrogatepass")
                 for part in (text, design_json, data_json)]
        sizes = tuple(-1 if part is None else len(part) for part in parts)
        return cls(zlib.compress(b"".join(part or b"" for part in parts), 1),
                   (sizes[0], sizes[1], sizes[2]))

    def part(self, index: int) -> str | None:
        """One part (0 text, 1 design JSON, 2 data JSON), unpacked afresh.

        perf: the last bundle's bytes are kept, for readers that ask one file for its
        design and then its data (the catalogue's load check).
        """
        global _UNPACKED
        held = _UNPACKED  # one read: another thread may replace it meanwhile
        if held[0] is not self:
            held = _UNPACKED = (self, zlib.decompress(self.zipped))
        size = self.sizes[index]
        if size < 0:
            return None
        start = sum(max(0, n) for n in self.sizes[:index])
        return held[1][start:start + size].decode("utf-8", "surrogatepass")

    def text(self) -> str:
        return self.part(0) or ""


_UNPACKED: tuple[Bundle | None, bytes] = (None, b"")


class LightDocument(Document):
    """A linted file kept as its text and its data as JSON; the rest is rebuilt on demand.

    Keeping every file's data and position index for a run of thousands of files costs
    tens of KB each (peak memory is a goal: <= 100 MB for 2,000 files). Reporters need
    only the text (code frames); the catalogue's id check and baseline fingerprints read
    ``data``, which is decoded afresh on every access (JSON-shaped: dates as ISO text, as
    those consumers hash it anyway); the few files with a cross-file finding re-parse the
    text for positions.
    """

    def __init__(self, path: str, text: str, data: dict[str, Any] | None = None,
                 data_json: str | None = None,
                 data_source: Callable[[], str | None] | None = None,
                 bundle: Bundle | None = None) -> None:
        self._full: Document | None = None
        self._ready = False
        self._data_json = data_json if data is None else json.dumps(data, default=str)
        self._data_source = data_source
        # perf: text and data unpacked on each access and never kept (peak memory with
        # 20,000 designs is a goal); only ``lines``, for code frames, is kept once read
        self._bundle = bundle
        super().__init__(path, text)
        self._ready = True

    @classmethod
    def bundled(cls, path: str, bundle: Bundle) -> LightDocument:
        return cls(path, "", bundle=bundle)

    @property
    def text(self) -> str:
        return self._text if self._bundle is None else self._bundle.text()

    @text.setter
    def text(self, value: str) -> None:
        self._text = value

    def _loaded(self) -> Document:
        if self._full is None and self.path.lower().endswith((".jsonld", ".json")):
            from mcred.importers.published import document_of  # positions on published JSON

            self._full = document_of(self.text, self.path)
        if self._full is None:
            self._full = load_text(self.text, self.path)
        return self._full

    @property
    def data(self) -> dict[str, Any] | None:
        if self._data_source is not None:
            self._data_json, self._data_source = self._data_source(), None
        data_json = self._bundle.part(2) if self._bundle is not None else self._data_json
        if data_json is None:
            return None
        decoded: dict[str, Any] = json.loads(data_json)
        return decoded

    @data.setter
    def data(self, value: dict[str, Any] | None) -> None:
        if self._ready:
            if self._bundle is not None:  # the text stays where it is
                self._text, self._bundle = self.text, None
            self._data_json = None if value is None else json.dumps(value, default=str)
            self._data_source = None

    @property
    def index(self) -> PositionIndex:
        return self._loaded().index

    @index.setter
    def index(self, value: PositionIndex) -> None:
        if self._ready:
            self._loaded().index = value

    @property
    def issues(self) -> list[Issue]:
        return self._loaded().issues

    @issues.setter
    def issues(self, value: list[Issue]) -> None:
        if self._ready:
            self._loaded().issues = value


class LightResult(FileResult):
    """A :class:`FileResult` that keeps its design as JSON, validated when someone asks.

    The validated design is held only weakly: while the cross-file rules hold it, every
    access returns that object; once they let go, memory goes back (2,000 validated
    designs are ~40 MB) and a later access validates the JSON again.
    """

    def __init__(self, path: str, findings: list[Finding], design: Design | None,
                 document: Document | None, *, design_json: str | None = None,
                 design_source: Callable[[], str | None] | None = None,
                 key: str | None = None, language: Decision = None,
                 bundle: Bundle | None = None, ready: bool | None = None,
                 catalogue_json: str | None = None) -> None:
        self._design: Design | None = design
        self._language = language
        self._catalogue_ready = ready
        self._catalogue_json = catalogue_json
        self._bundle = bundle
        self._design_ref: weakref.ref[Design] | None = None
        self._design_json = design_json
        self._design_source = design_source
        self.key = key
        super().__init__(path, findings, design, document)

    @property
    def design(self) -> Design | None:
        if self._design is not None:
            return self._design
        held = self._design_ref() if self._design_ref is not None else None
        if held is not None:
            return held
        if self._design_source is not None:
            self._design_json, self._design_source = self._design_source(), None
        design_json = self._bundle.part(1) if self._bundle is not None else self._design_json
        if design_json is None:
            return None
        from mcred.plain.validate import validate

        design, _ = validate(json.loads(design_json))
        if design is None:
            return None
        self._design_ref = weakref.ref(design)
        return design

    @design.setter
    def design(self, value: Design | None) -> None:
        self._design = value

    def outcome_language(self) -> Decision:
        return self._language

    def catalogue_design(self) -> Design | None:
        """perf: the small design the worker kept for the cross-file rules, when it did
        (the whole design should the small one ever not validate on its own)."""
        if self._design is not None or self._catalogue_json is None:
            return super().catalogue_design()
        from mcred.plain.validate import validate

        design, _ = validate(json.loads(self._catalogue_json))
        return design if design is not None else super().catalogue_design()

    def catalogue_ready(self) -> bool:
        """perf: decided while linting; asking again would validate the design."""
        if self._catalogue_ready is None:
            return super().catalogue_ready()
        return self._catalogue_ready

    @classmethod
    def from_entry(cls, name: str, text: str, entry: Entry, key: str,
                   again: Callable[[], Entry]) -> LightResult:
        """A cache hit: its design and data JSON are not kept but read again (``again``)
        if ever asked for (perf: memory with 20,000 designs)."""
        return cls.from_pack(name, text, [finding_from_json(f) for f in entry.findings],
                             entry.language, key, again, ready=entry.ready,
                             catalogue_json=entry.catalogue_json)

    @classmethod
    def from_bundle(cls, entry: Entry, name: str, bundle: Bundle,
                    key: str | None) -> LightResult:
        """A file linted by a worker, which sent its text and JSON compressed."""
        return cls(name, [finding_from_json(f) for f in entry.findings], None,
                   LightDocument.bundled(name, bundle), key=key, language=entry.language,
                   bundle=bundle, ready=entry.ready, catalogue_json=entry.catalogue_json)

    @classmethod
    def from_pack(cls, name: str, text: str, findings: list[Finding], language: Decision,
                  key: str, entry: Callable[[], Entry], ready: bool | None = None,
                  catalogue_json: str | None = None) -> LightResult:
        """Findings from a run pack; design and data from the file's entry, if ever used."""
        return cls(name, findings, None,
                   LightDocument(name, text, data_source=lambda: entry().data_json),
                   design_source=lambda: entry().design_json, key=key, language=language,
                   ready=ready, catalogue_json=catalogue_json)


class Cache(Store):
    """Entries and JSON values on top of the authenticated store; misses are ``None``."""

    def get(self, key: str) -> Entry | None:
        text = self.get_text(key)
        if text is None:
            return None
        try:
            return Entry.loads(text)
        except (ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, entry: Entry) -> None:
        self.put_text(key, entry.dumps())

    def get_json(self, key: str) -> Any:
        text = self.get_text(key)
        try:
            return None if text is None else json.loads(text)
        except (ValueError, RecursionError):
            return None

    def put_json(self, key: str, value: Any) -> None:
        self.put_text(key, json.dumps(value))


def catalogue_key(files: list[FileResult], settings_fingerprint: str, walked: bool,
                  unread: list[str]) -> str | None:
    """Key of a run's cross-file outcome; ``None`` when some file has no cache key."""
    keys = [getattr(f, "key", None) for f in files]
    if any(k is None for k in keys):
        return None
    payload = json.dumps([code_fingerprint(), settings_fingerprint, walked, unread,
                          [[f.path, k] for f, k in zip(files, keys, strict=True)]])
    return f"{CATALOGUE}:{_sha256(payload.encode()).hexdigest()}"


def run_key(keys: list[str]) -> str:
    """Key of a whole run's per-file findings: one read instead of one per file when warm."""
    digest = _sha256(code_fingerprint().encode())
    for key in keys:
        digest.update(key.encode())
    return f"{RUNS}:{digest.hexdigest()}"


def cached_catalogue(store: Cache | None, key: str | None,
                     compute: Callable[[], CatalogueOutcome]) -> CatalogueOutcome:
    """The cross-file outcome from the cache when this exact run was checked before."""
    from mcred.catalogue.outcome import CatalogueOutcome

    if store is not None and key is not None:
        stored = store.get_json(key)
        if isinstance(stored, dict):
            try:
                return CatalogueOutcome(
                    {p: [finding_from_json(f) for f in fs] for p, fs in stored["findings"].items()},
                    list(stored["notes"]))
            except (KeyError, TypeError, ValueError):
                pass
    outcome = compute()
    if store is not None and key is not None and not any(
            f.extra for fs in outcome.findings.values() for f in fs):
        store.put_json(key, {"findings": {p: [finding_to_json(f) for f in fs]
                                          for p, fs in outcome.findings.items()},
                             "notes": outcome.notes})
    return outcome
