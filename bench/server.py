"""Language server benchmark: didChange → publishDiagnostics latency, and memory.

    python bench/server.py            # latency on a 5 KB design, memory with 2,000 open
    python bench/server.py --quick    # fewer rounds and 200 open designs

Latency is the median time from sending ``textDocument/didChange`` to receiving its
``publishDiagnostics``, after warm-up, with a pause longer than the debounce between edits
(as when a designer stops typing); it is printed beside ``mcred lint --no-cache`` cold on
the same file. Memory is the server's resident set after it has published diagnostics for
every open design. Needs the ``server`` extra.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "green-public-procurement.yaml"
GOAL_MS = 30.0


def design(size: int = 5 * 1024, ident: str = "bench") -> str:
    """The exemplary design, grown to ``size`` bytes with more learning outcomes."""
    text = re.sub(r"(?m)^id: .*$", f"id: {ident}", EXAMPLE.read_text("utf-8"))
    head, tail = text.split("workload:\n", 1)
    n = 5
    while len(head) + len(tail) < size - 120:
        head += (f"  - id: lo{n}\n    text: Evaluate the life-cycle cost of tender option {n} "
                 "against the award criteria.\n")
        n += 1
    return head + "workload:\n" + tail


class Client:
    """A pygls client that timestamps every publishDiagnostics it receives."""

    def __init__(self) -> None:
        self.lsp = LanguageClient("mcred-bench", "1")
        self.arrived: dict[str, asyncio.Event] = {}
        self.lsp.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(
            lambda params: self._published(params))
        self.lsp.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
        self.lsp.feature(types.WINDOW_LOG_MESSAGE)(lambda params: None)

    def _published(self, params: types.PublishDiagnosticsParams) -> None:
        self.arrived.setdefault(params.uri, asyncio.Event()).set()

    async def start(self, root: Path) -> None:
        await self.lsp.start_io(sys.executable, "-m", "mcred", "server")
        await self.lsp.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=root.as_uri()))
        self.lsp.initialized(types.InitializedParams())

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.arrived[uri] = asyncio.Event()
        self.lsp.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
        return uri

    async def change(self, uri: str, text: str, version: int) -> float:
        event = self.arrived[uri] = asyncio.Event()
        start = time.perf_counter()
        self.lsp.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text=text)]))
        await asyncio.wait_for(event.wait(), 30)
        return (time.perf_counter() - start) * 1000

    async def stop(self) -> None:
        await self.lsp.shutdown_async(None)
        self.lsp.exit(None)
        await self.lsp.stop()

    @property
    def pid(self) -> int:
        assert self.lsp._server is not None
        return self.lsp._server.pid


async def latency(rounds: int) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        text = design()
        path = root / "bench.yaml"
        path.write_text(text, encoding="utf-8")
        client = Client()
        await client.start(root)
        uri = client.open(path, text)
        await asyncio.wait_for(client.arrived[uri].wait(), 60)
        # Alternate two versions whose findings differ, so every change publishes.
        versions = [text.replace("participation: blended", "participation: hybrid"), text]
        times = []
        for i in range(5 + rounds):
            await asyncio.sleep(0.2)  # longer than the debounce: a pause in typing
            spent = await client.change(uri, versions[i % 2], i + 2)
            if i >= 5:  # warm-up done
                times.append(spent)
        await client.stop()
        return times


def cold_lint(rounds: int) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yaml"
        path.write_text(design(), encoding="utf-8")
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mcred", "lint", "--no-cache", "--exit-zero",
                            "--color", "never", str(path)], capture_output=True, check=True)
            times.append((time.perf_counter() - start) * 1000)
        return times


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def memory(count: int) -> tuple[float, float, float]:
    """(RSS before opening, RSS with ``count`` open designs, seconds to publish them all)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        client = Client()
        await client.start(root)
        await asyncio.sleep(0.5)
        before = rss_mb(client.pid)
        start = time.perf_counter()
        uris = [client.open(root / f"d{i:04}.yaml", design(ident=f"d{i}")) for i in range(count)]
        for uri in uris:
            await asyncio.wait_for(client.arrived[uri].wait(), 600)
        spent = time.perf_counter() - start
        after = rss_mb(client.pid)
        await client.stop()
        return before, after, spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, 200 designs")
    parser.add_argument("--open", type=int, help="designs to open for the memory figure")
    args = parser.parse_args()
    rounds = 10 if args.quick else 40
    server = statistics.median(asyncio.run(latency(rounds)))
    cold = statistics.median(cold_lint(3 if args.quick else 7))
    size = len(design().encode())
    met = "met" if server <= GOAL_MS else "NOT met"
    print(f"didChange → publishDiagnostics, {size:,} B design, median of {rounds}: "
          f"{server:.1f} ms (goal ≤ {GOAL_MS:.0f} ms: {met})")
    met = "met" if cold / server >= 8 else "NOT met"
    print(f"mcred lint --no-cache, cold, same file: {cold:.0f} ms "
          f"({cold / server:.1f}x the server; goal ≥ 8x: {met})")
    count = args.open or (200 if args.quick else 2000)
    before, after, spent = asyncio.run(memory(count))
    print(f"memory: {before:.0f} MB idle, {after:.0f} MB with {count:,} open designs "
          f"({(after - before) / count * 1024:.0f} KB each); all published in {spent:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
