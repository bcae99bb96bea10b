"""The designs of one workspace, on disk and in open buffers, linted as ``mcred lint`` would.

Free of LSP types so it can be tested and benchmarked directly. Paths are display names
relative to the workspace root (the server's working directory), as in lint reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mcred.config.errors import ConfigError
from mcred.config.options import CliOptions
from mcred.discovery import display_name
from mcred.engine import FileResult
from mcred.findings import Finding
from mcred.runner import cross_file_findings, lint_buffer, lint_paths

if TYPE_CHECKING:
    from mcred.baseline import Baseline
    from mcred.catalogue.outcome import CatalogueOutcome
    from mcred.config.resolve import Resolver
    from mcred.settings import LintSettings, RuleSettings


@dataclass(frozen=True)
class ServerOptions:
    """What the editor may set (initialization options or ``mcred`` settings)."""

    cli: CliOptions = field(default_factory=CliOptions)
    baseline: Path | None = None
    debounce_ms: int = 150

    @classmethod
    def parse(cls, raw: Any) -> ServerOptions:
        """Lenient: an unknown or mistyped setting is ignored, never a crash."""
        raw = raw.get("mcred", raw) if isinstance(raw, dict) else {}
        raw = raw if isinstance(raw, dict) else {}

        def codes(name: str) -> tuple[str, ...]:
            value = raw.get(name)
            return tuple(str(v) for v in value) if isinstance(value, list) else ()

        def text(name: str) -> str | None:
            value = raw.get(name)
            return value if isinstance(value, str) and value else None

        config, baseline = text("config"), text("baseline")
        cli = CliOptions(config=Path(config) if config else None,
                         isolated=raw.get("isolated") is True,
                         select=codes("select") or None, extend_select=codes("extendSelect"),
                         ignore=codes("ignore"), profile=text("profile"))
        debounce = raw.get("debounceMs")
        return cls(cli, Path(baseline) if baseline else None,
                   debounce if isinstance(debounce, int) and 0 <= debounce <= 5000 else 150)


@dataclass(frozen=True)
class ConfigProblem:
    """An invalid config file: one diagnostic there; designs fall back to the defaults."""

    path: Path
    line: int
    message: str


class Workspace:
    """Designs by display name; open buffers shadow the files on disk."""

    def __init__(self, root: Path, options: ServerOptions | None = None) -> None:
        self.root = root.resolve()
        self.options = options or ServerOptions()
        self.disk: dict[str, FileResult] = {}
        self.buffers: dict[str, FileResult | None] = {}
        self.rules: dict[str, RuleSettings] = {}
        self.problem: ConfigProblem | None = None
        self.baseline: Baseline | None = None
        self.notes: list[str] = []
        self._outcome: CatalogueOutcome | None = None
        self._mirrors: dict[str, list[Finding]] | None = None
        self.stale = False  # a design changed since the cross-file findings were computed
        self.configure()

    # -- configuration -------------------------------------------------------------
    def configure(self) -> None:
        """(Re)read the configuration: at start and whenever a config file changes."""
        from mcred.config.resolve import Resolver

        self.problem = None
        try:
            self.resolver: Resolver = Resolver(self.options.cli, self.root)
            self.settings: LintSettings = self._settings(self.resolver)
        except ConfigError as exc:
            self._fallback(exc)
        self._load_baseline()
        self._outcome = None

    def _settings(self, resolver: Resolver) -> LintSettings:
        # The workspace is the catalogue; results stay in memory (no cache writes).
        return replace(resolver.lint_settings(), cache=False, jobs=1, catalogue_root=None)

    def _fallback(self, exc: ConfigError) -> None:
        from mcred.config.resolve import Resolver

        where = Path(str(exc.path)) if exc.path else self.root / "mcred.toml"
        self.problem = ConfigProblem(self.root / where, exc.line or 1, exc.message)
        self.resolver = Resolver(replace(self.options.cli, isolated=True, config=None),
                                 self.root)
        self.settings = self._settings(self.resolver)

    def _load_baseline(self) -> None:
        from mcred.baseline import Baseline, BaselineError

        self.baseline = None
        if self.options.baseline is None:
            return
        try:
            self.baseline = Baseline.load(self.root / self.options.baseline)
        except BaselineError as exc:
            self.notes.append(str(exc))

    def rules_for(self, path: Path) -> RuleSettings:
        try:
            return self.resolver.rules_for_file(path)
        except ConfigError as exc:  # a nested config no run had read yet
            self._fallback(exc)
            return self.resolver.rules_for_file(path)

    # -- contents ------------------------------------------------------------------
    def scan(self) -> None:
        """Lint every design under the root, as ``mcred lint ROOT`` walks it."""
        try:
            result = lint_paths([self.root], self.settings, rules_for=self.rules_for)
        except ConfigError as exc:
            self._fallback(exc)
            result = lint_paths([self.root], self.settings, rules_for=self.rules_for)
        catalogue = _catalogue_codes()
        self.disk = {}
        for file in result.files:
            file.findings = [f for f in file.findings if f.code not in catalogue]
            self.disk[file.path] = file
            self.rules[file.path] = self.rules_for(Path(file.path))
        self._outcome = None

    def name(self, path: Path) -> str:
        return display_name(path)

    def set_buffer(self, path: Path, text: str) -> str:
        """Lint an open buffer; returns its name. Over the size limit it is left out."""
        name = self.name(path)
        result = None
        if len(text) <= self.settings.max_file_size:
            result = lint_buffer(text, path, self.settings, self.rules_for)
        self.buffers[name] = result
        if result is not None:
            self.rules[name] = self.rules_for(path)
        self.stale = True
        return name

    def close_buffer(self, path: Path) -> None:
        """The file on disk counts again (it may differ from the closed buffer)."""
        name = self.name(path)
        self.buffers.pop(name, None)
        self.refresh_disk(path)

    def refresh_disk(self, path: Path) -> None:
        name = self.name(path)
        try:
            text = path.read_text(encoding="utf-8") if path.is_file() else None
        except (OSError, UnicodeDecodeError):
            text = None
        found = (lint_buffer(text, path, self.settings, self.rules_for)
                 if text is not None and len(text) <= self.settings.max_file_size else None)
        if found is None:
            self.disk.pop(name, None)
        else:
            self.disk[name] = found
            self.rules[name] = self.rules_for(path)
        self.stale = True

    def file(self, name: str) -> FileResult | None:
        """perf: one lookup, not the merged view of every design."""
        return self.buffers[name] if name in self.buffers else self.disk.get(name)

    def files(self) -> dict[str, FileResult]:
        merged = {**self.disk, **self.buffers}
        return {name: file for name, file in sorted(merged.items()) if file is not None}

    # -- findings ------------------------------------------------------------------
    def outcome(self) -> CatalogueOutcome:
        """The last cross-file findings; :meth:`recheck` brings them up to date.

        perf: over 2,000 designs the pass takes a tenth of a second or more, too slow for
        every keystroke, so the server runs it once a burst of edits has settled.
        """
        if self._outcome is None:
            self.stale = True
            self.recheck()
        assert self._outcome is not None
        return self._outcome

    def recheck(self) -> bool:
        """Recompute the cross-file findings if a design changed; True when they moved."""
        if not self.stale and self._outcome is not None:
            return False
        from mcred.catalogue.check import check_catalogue
        from mcred.server.cycles import mirrors

        before = (self._outcome.findings, self._mirrors) if self._outcome else None
        files = self.files()
        self._outcome = check_catalogue(list(files.values()), self.settings, walked=True)
        reported = {n: cross_file_findings(files[n], found, self.rules.get(n))
                    for n, found in self._outcome.findings.items() if n in files}
        self._mirrors = mirrors(files, reported)
        self.stale = False
        return before != (self._outcome.findings, self._mirrors)

    def _cross_file(self, name: str, file: FileResult) -> list[Finding]:
        """This design's cross-file findings, placed on its current text (the pass may
        have run on an earlier version of an open buffer)."""
        own = self.outcome().findings.get(name, []) + (self._mirrors or {}).get(name, [])
        if not own or file.document is None:
            return []
        index = file.document.index
        placed = []
        for finding in own:
            span = index.locate(finding.key_path)[0]
            placed.append(replace(finding, line=span.line, column=span.column,
                                  end_line=span.end_line, end_column=span.end_column))
        return cross_file_findings(file, placed, self.rules.get(name))

    def findings(self, name: str) -> list[Finding] | None:
        """What ``mcred lint`` reports for ``name`` now; ``None`` when it is no design."""
        file = self.file(name)
        if file is None:
            return None
        found = list(file.findings) + self._cross_file(name, file)
        found.sort(key=Finding.sort_key)
        if self.baseline is not None:
            view = FileResult(file.path, found, file.design, file.document)
            self.baseline.apply([view])
            found = view.findings
        return found

    def design_ids(self) -> list[tuple[str, str]]:
        """(id, title) of every design, for completion of `requires:` and `towards:`."""
        from mcred.catalogue.model import design_id

        return [(design_id(f.design, name), _title(f.design)) for name, f in
                self.files().items() if f.design is not None]


def _title(design: Any) -> str:
    """A plain title, or its first language version."""
    from mcred.langtext import pick

    return pick(getattr(design, "title", None), None) or ""


def _catalogue_codes() -> frozenset[str]:
    from mcred.config.resolve import rule_refs

    return frozenset(code for code, ref in rule_refs().items() if ref.scope == "catalogue")
