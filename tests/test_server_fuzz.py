"""Random edits to an open design: the server answers every request and stays alive."""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types
from pytest_lsp import LanguageClient, make_test_lsp_client

from server_helpers import open_file, replace_all, start

T = TypeVar("T")
SEED = """\
mcred: 1
id: fuzz
title: Fuzzing é 😀
participation: hybrid
workload:
  ects: "5 ECTS"
  hours_total: 60
learning_outcomes:
  - id: lo1
    text: Analyse data  # mcred: ignore[MC201] reason
"""
INSERTS = st.text(alphabet=":- #[]{}\"'\n\tabmcred1é😀&*!|>", max_size=12)


class Session:
    """A client and its server on an event loop in a thread, driven synchronously."""

    def __init__(self, root: Path) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.client: LanguageClient = self.run(self._start(root))
        self.text = SEED
        self.version = 1
        self.uri = open_file(self.client, root / "fuzz.yaml", SEED)

    async def _start(self, root: Path) -> LanguageClient:
        client = make_test_lsp_client()
        client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
        await client.start_io(sys.executable, "-m", "mcred", "server")
        await start(client, root)
        return client

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(
            asyncio.wait_for(coroutine, 30), self.loop).result()

    def edit(self, text: str) -> None:
        self.version += 1
        self.text = text
        self.loop.call_soon_threadsafe(replace_all, self.client, self.uri, text, self.version)

    def close(self) -> int | None:
        self.run(self.client.shutdown_session())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        return self.client._server.returncode if self.client._server else None


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "fuzz.yaml").write_text(SEED, encoding="utf-8")
    started = Session(root)
    yield started
    assert started.close() == 0


def _position(text: str, offset: int) -> types.Position:
    """The LSP position (UTF-16 columns, as VS Code counts) of a character offset."""
    before = text[:offset]
    line = before.count("\n")
    column = before[before.rfind("\n") + 1:]
    return types.Position(line, len(column.encode("utf-16-le")) // 2)


@settings(max_examples=25, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 8), INSERTS),
                      min_size=1, max_size=4),
       probe=st.integers(0, 10_000))
def test_random_edits_get_answers(session: Session, edits: list[tuple[int, int, str]],
                                  probe: int) -> None:
    for at, cut, insert in edits:
        text = session.text
        at %= len(text) + 1
        session.edit(text[:at] + insert + text[at + cut:])
    document = types.TextDocumentIdentifier(session.uri)
    where = _position(session.text, probe % (len(session.text) + 1))
    client = session.client
    session.run(client.text_document_hover_async(types.HoverParams(document, where)))
    completion = session.run(client.text_document_completion_async(
        types.CompletionParams(document, where)))
    assert completion is not None
    context = types.CodeActionContext(diagnostics=list(client.diagnostics.get(session.uri, ())))
    actions = session.run(client.text_document_code_action_async(
        types.CodeActionParams(document, types.Range(where, where), context)))
    assert actions is not None
    assert client.error is None and client._server is not None
    assert client._server.returncode is None  # still running
    errors = [m.message for m in client.log_messages if "internal error" in m.message]
    assert errors == []
