"""The pygls server: LSP messages in, workspace updates and answers out."""

from __future__ import annotations

import asyncio
import functools
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from mcred import __version__
from mcred.findings import Finding
from mcred.server.convert import SOURCE, diagnostic
from mcred.server.workspace import ServerOptions, Workspace

CONFIG_NAMES = (".mcred.toml", "mcred.toml", "pyproject.toml")
T = TypeVar("T")


class McredServer(LanguageServer):
    """Holds the workspace, what was published, and the debounce state per document."""

    def __init__(self) -> None:
        super().__init__("mcred", __version__)
        self.ws: Workspace | None = None
        self.options = ServerOptions()
        self.published: dict[str, list[types.Diagnostic]] = {}
        self.pending: set[str] = set()
        self.last_run: dict[str, float] = {}
        self.config_uri: str | None = None
        self.recheck_pending = False

    # -- helpers ---------------------------------------------------------------------
    def workspace_state(self) -> Workspace:
        if self.ws is None:
            root = Path(self.workspace.root_path or os.getcwd())
            os.chdir(root)  # reports and configs resolve against the root, as for lint
            self.ws = Workspace(root, self.options)
            self.ws.scan()
        return self.ws

    def path_of(self, uri: str) -> Path | None:
        path = to_fs_path(uri)
        return Path(path) if path else None

    def lines(self, uri: str) -> list[str]:
        return list(self.workspace.get_text_document(uri).lines)

    def to_client(self, uri: str) -> Callable[[types.Range], types.Range]:
        document = self.workspace.get_text_document(uri)
        lines = document.lines
        return lambda r: document.position_codec.range_to_client_units(lines, r)

    def publish(self, uri: str, findings: list[Finding] | None) -> None:
        converted = self.to_client(uri)
        diagnostics = [diagnostic(f, converted) for f in findings or []]
        if self.published.get(uri, []) == diagnostics:
            return  # unchanged; and a file that never had any (no design) gets nothing
        self.published[uri] = diagnostics
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))

    def open_uris(self) -> list[str]:
        return [uri for uri in self.workspace.text_documents if self.path_of(uri)]

    def refresh(self, uri: str) -> None:
        """Lint one buffer, then republish every open design whose cross-file findings moved."""
        ws, path = self.workspace_state(), self.path_of(uri)
        if path is None:
            return
        self.last_run[uri] = time.monotonic()
        name = ws.set_buffer(path, self.workspace.get_text_document(uri).source)
        self.publish(uri, ws.findings(name))
        self.schedule_recheck()

    def schedule_recheck(self) -> None:
        """The cross-file pass, once per burst of edits (of any file), then republish."""
        if self.recheck_pending:
            return
        self.recheck_pending = True

        def run() -> None:
            self.recheck_pending = False
            if self.ws is not None and self.ws.recheck():
                self.publish_open()

        asyncio.get_event_loop().call_later(self.options.debounce_ms / 1000,
                                            lambda: guarded(self, run))

    def publish_open(self) -> None:
        ws = self.workspace_state()
        for uri in self.open_uris():
            path = self.path_of(uri)
            if path is not None:
                self.publish(uri, ws.findings(ws.name(path)))

    def refresh_all(self) -> None:
        ws = self.workspace_state()
        for uri in self.open_uris():
            path = self.path_of(uri)
            if path is not None:
                ws.set_buffer(path, self.workspace.get_text_document(uri).source)
        ws.recheck()
        self.publish_open()
        self.publish_config_problem()

    def publish_config_problem(self) -> None:
        ws = self.workspace_state()
        if self.config_uri is not None:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=self.config_uri, diagnostics=[]))
            self.config_uri = None
        if ws.problem is None:
            return
        self.config_uri = from_fs_path(str(ws.problem.path)) or ws.problem.path.as_uri()
        row = max(0, ws.problem.line - 1)
        place = types.Range(types.Position(row, 0), types.Position(row + 1, 0))
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=self.config_uri, diagnostics=[types.Diagnostic(
                range=place, message=f"{ws.problem.message}\nDesigns are checked with the "
                "default settings until this is fixed", severity=types.DiagnosticSeverity.Error,
                source=SOURCE, code="config")]))

    def schedule(self, uri: str) -> None:
        """Debounce: lint at once after a quiet spell, else once when the spell ends."""
        if uri in self.pending:
            return
        delay = self.options.debounce_ms / 1000
        wait = self.last_run.get(uri, 0.0) + delay - time.monotonic()
        if wait <= 0:
            self.refresh(uri)
            return
        self.pending.add(uri)

        def run() -> None:
            self.pending.discard(uri)
            if uri in self.workspace.text_documents:
                guarded(self, lambda: self.refresh(uri))

        asyncio.get_event_loop().call_later(wait, run)

    def findings_at(self, uri: str) -> tuple[str, list[Finding]]:
        ws, path = self.workspace_state(), self.path_of(uri)
        name = ws.name(path) if path else ""
        return name, ws.findings(name) or []


def guarded(server: McredServer, call: Callable[[], T]) -> T | None:
    """An mcred bug answers nothing and is logged to the editor; the server lives on."""
    try:
        return call()
    except Exception as exc:
        server.window_log_message(types.LogMessageParams(
            types.MessageType.Error, f"mcred: internal error ({type(exc).__name__}: {exc}); "
            "please report it with the file that caused it"))
        return None


def handler(server: McredServer) -> Callable[[Callable[..., T]], Callable[..., T | None]]:
    def wrap(func: Callable[..., T]) -> Callable[..., T | None]:
        @functools.wraps(func)
        def run(*args: Any) -> T | None:
            return guarded(server, lambda: func(*args))
        return run
    return wrap


def build() -> McredServer:
    from mcred.server import features

    server = McredServer()
    features.register(server, handler(server))
    return server
