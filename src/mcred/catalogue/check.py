"""Runs the cross-file rules (MC9xx) over a finished run and files their findings per file.

The rules need the whole catalogue: they run only when every design of it loaded, and a run
that names single files checks them against the configured catalogue root, or skips.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from mcred.catalogue.model import Catalogue, CatalogueIssue, Entry, design_id
from mcred.catalogue.outcome import CatalogueOutcome
from mcred.engine import FileResult, to_findings
from mcred.findings import Finding, Issue
from mcred.registry import RuleContext, all_rules
from mcred.settings import LintSettings

_SHOWN = 5
SKIP_SINGLE = ("cross-file rules (MC9xx) skipped: only single files were named; lint a "
               "directory, or configure `catalogue`, to check references between designs")


__all__ = ["CatalogueOutcome", "check_catalogue"]


def check_catalogue(files: list[FileResult], settings: LintSettings, *, walked: bool,
                    unread: Sequence[str] = ()) -> CatalogueOutcome:
    """Cross-file findings for ``files``.

    ``walked`` says whether the run named a directory; ``unread`` are the run's read errors
    (an unreadable file may be a design the others refer to).
    """
    rules = [r for r in all_rules()
             if r.scope == "catalogue" and settings.rules.is_enabled(r.code)]
    if not rules or not files:
        return CatalogueOutcome()
    context: list[Entry] = []
    failed = [*unread, *(f.path for f in files if not f.catalogue_ready())]
    if settings.catalogue_root is not None:
        context, problems = load_root(settings.catalogue_root, files, settings)
        failed += problems
    elif not walked:
        return CatalogueOutcome(notes=[SKIP_SINGLE])
    if failed:
        shown = ", ".join(failed[:_SHOWN]) + (", …" if len(failed) > _SHOWN else "")
        return CatalogueOutcome(notes=[
            f"cross-file rules (MC9xx) skipped: {len(failed)} file(s) of the catalogue did "
            f"not load ({shown}); fix them first"])
    catalogue = Catalogue([*map(entry_of, files), *context])
    issues: list[CatalogueIssue] = []
    for entry in rules:
        ctx = RuleContext(settings.rules.options.get(entry.code) or entry.options(),
                          settings.rules.profile)
        issues.extend(replace(i, code=entry.code) for i in entry.check(catalogue, ctx)
                      if isinstance(i, CatalogueIssue))  # a plain Issue names no file
    return CatalogueOutcome(_to_findings(catalogue, issues, settings))


def entry_of(file: FileResult, in_run: bool = True) -> Entry:
    design = file.catalogue_design()
    assert design is not None  # callers keep only loaded files
    return Entry(design_id(design, file.path), file.path, design, file.document, in_run)


def load_root(root: Path, files: Iterable[FileResult],
              settings: LintSettings) -> tuple[list[Entry], list[str]]:
    """The designs under the catalogue root that this run does not lint itself."""
    from mcred.discovery import WalkOptions, discover, display_name
    from mcred.engine import lint_document
    from mcred.loader import has_marker, load_source
    from mcred.settings import RuleSettings
    from mcred.sources import ReadPolicy, SourceError, read_path

    # realpath, not resolve(): a symlink loop in the catalogue must not raise
    linted = {os.path.realpath(f.path) for f in files}
    options = WalkOptions(settings.include, settings.exclude, settings.gitignore)
    problems: list[str] = []
    entries: list[Entry] = []
    if not root.is_dir():
        return [], [f"{display_name(root)} (the configured catalogue is not a directory)"]
    for path, _ in discover([root], options, problems.append):
        if os.path.realpath(path) in linted:
            continue
        name = display_name(path)
        try:
            policy = ReadPolicy(settings.max_file_size, root, settings.follow_symlinks)
            source = read_path(path, name, policy)
        except SourceError:
            problems.append(name)
            continue
        if has_marker(source.text):
            result = lint_document(load_source(source), RuleSettings(frozenset()))
            if result.catalogue_ready():
                entries.append(entry_of(result, in_run=False))
            else:
                problems.append(name)
    return entries, problems


def _to_findings(catalogue: Catalogue, issues: list[CatalogueIssue],
                 settings: LintSettings) -> dict[str, list[Finding]]:
    by_path: dict[str, list[Issue]] = {}
    for issue in issues:
        by_path.setdefault(issue.path, []).append(issue)
    documents = {e.path: e.document for e in catalogue if e.in_run and e.document}
    return {path: to_findings(documents[path], found, settings.rules)
            for path, found in by_path.items() if path in documents}
