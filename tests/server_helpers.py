"""A real LSP client talking to `mcred server` over stdio (pytest-lsp), and its waits."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytest_lsp", reason="the server tests need the test extra (pytest-lsp)")

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "mcred", "server"])
TIMEOUT = 20.0


async def start(client: LanguageClient, root: Path, options: dict[str, Any] | None = None
                ) -> types.InitializeResult:
    params = types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(root.as_uri(), root.name)],
        initialization_options=options or {})
    return await client.initialize_session(params)


def open_file(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id="yaml", version=1,
        text=path.read_text("utf-8") if text is None else text)))
    return uri


def replace_all(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=version, uri=uri),
        [types.TextDocumentContentChangeWholeDocument(text=text)]))


async def diagnostics(client: LanguageClient, uri: str,
                      until: Callable[[list[types.Diagnostic]], bool] = lambda d: True
                      ) -> list[types.Diagnostic]:
    """Wait until the client holds diagnostics for ``uri`` that satisfy ``until``."""
    async def wait() -> list[types.Diagnostic]:
        while True:
            found = client.diagnostics.get(uri)
            if found is not None and until(found):
                return found
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return await asyncio.wait_for(wait(), TIMEOUT)


def lint_json(path: Path, cwd: Path) -> list[tuple[str, int, int, int, int]]:
    """`mcred lint --format json` on the same file, as 0-based (code, range) tuples."""
    done = subprocess.run([sys.executable, "-m", "mcred", "lint", "--format", "json",
                           "--no-cache", "--exit-zero", str(path.relative_to(cwd))],
                          cwd=cwd, capture_output=True, text=True, check=True)
    return sorted((f["code"], f["line"] - 1, f["column"] - 1, f["end_line"] - 1,
                   f["end_column"] - 1) for f in json.loads(done.stdout)["findings"])


def as_tuples(found: list[types.Diagnostic]) -> list[tuple[str, int, int, int, int]]:
    return sorted((str(d.code), d.range.start.line, d.range.start.character,
                   d.range.end.line, d.range.end.character) for d in found)
