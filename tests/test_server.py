"""`mcred server` end to end: a real LSP client over stdio, on designs in a temp workspace."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from server_helpers import (
    SERVER,
    as_tuples,
    diagnostics,
    lint_json,
    open_file,
    replace_all,
    start,
)

FLAWED = """\
mcred: 1
id: data-cleaning
title: Data cleaning
participation: hybrid
workload:
  ects: 5
  hours_total: 60
"""

pytestmark = pytest.mark.asyncio(loop_scope="function")


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
    yield
    if not lsp_client.stopped and lsp_client.capabilities is not None:
        await lsp_client.shutdown_session()


def _codes(found: list[types.Diagnostic]) -> set[str]:
    return {str(d.code) for d in found}


async def test_editing_session(client: LanguageClient, tmp_path: Path,
                               capfd: pytest.CaptureFixture[str]) -> None:
    """One server for the whole session (each start costs seconds): open, change, fix,
    fix all, hover, complete; then a clean shutdown with nothing on stderr."""
    (tmp_path / "other.yaml").write_text("mcred: 1\nid: intro-course\ntitle: Intro\n",
                                         encoding="utf-8")
    design = tmp_path / "course.yaml"
    design.write_text(FLAWED, encoding="utf-8")
    await start(client, tmp_path)
    await _open_change_and_quick_fix(client, tmp_path, design)
    await _fix_all_source_action(client, tmp_path)
    await _hover_on_key_and_on_diagnostic(client, tmp_path)
    await _completion_of_keys_values_and_ids(client, tmp_path)
    await client.shutdown_session()
    assert client._server is not None and client._server.returncode == 0
    assert "Traceback" not in capfd.readouterr().err


async def _open_change_and_quick_fix(client: LanguageClient, tmp_path: Path,
                                     design: Path) -> None:
    uri = open_file(client, design)
    found = await diagnostics(client, uri)
    assert as_tuples(found) == lint_json(design, tmp_path)
    first = next(d for d in found if d.code == "MC006")
    assert first.source == "mcred" and first.severity == types.DiagnosticSeverity.Error
    assert first.code_description is not None
    assert first.code_description.href.endswith("rules.md#mc006-invalid-value")
    assert "blended" in first.message

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), first.range,
        types.CodeActionContext(diagnostics=[first])))
    assert actions is not None
    fix = next(a for a in actions if isinstance(a, types.CodeAction)
               and a.title.startswith("Fix:"))
    assert fix.edit is not None and fix.edit.changes is not None
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text == "blended"
    assert (edit.range.start.line, edit.range.start.character) == (3, 15)
    titles = [a.title for a in actions if isinstance(a, types.CodeAction)]
    assert "Add `# mcred: ignore[MC006]` with a reason" in titles

    fixed = FLAWED.replace("hybrid", "blended")
    replace_all(client, uri, fixed, 2)
    after = await diagnostics(client, uri, lambda d: "MC006" not in _codes(d))
    assert "MC303" in _codes(after)


async def _fix_all_source_action(client: LanguageClient, tmp_path: Path) -> None:
    design = tmp_path / "units.yaml"
    text = FLAWED.replace("ects: 5", 'ects: "5 ECTS"').replace("data-cleaning", "units")
    uri = open_file(client, design, text)
    await diagnostics(client, uri)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), types.Range(types.Position(0, 0),
                                                       types.Position(0, 0)),
        types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    assert actions is not None
    (fix_all,) = actions
    assert isinstance(fix_all, types.CodeAction) and fix_all.edit and fix_all.edit.changes
    lines = text.splitlines(keepends=True)
    for edit in sorted(fix_all.edit.changes[uri], key=lambda e: e.range.start.line,
                       reverse=True):
        row, begin, end = edit.range.start.line, edit.range.start.character, \
            edit.range.end.character
        assert edit.range.end.line == row
        lines[row] = lines[row][:begin] + edit.new_text + lines[row][end:]
    assert "".join(lines) == text.replace("hybrid", "blended").replace('"5 ECTS"', "5")


async def _hover_on_key_and_on_diagnostic(client: LanguageClient, tmp_path: Path) -> None:
    design = tmp_path / "hover.yaml"
    uri = open_file(client, design, FLAWED.replace("data-cleaning", "hover"))
    await diagnostics(client, uri)
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(5, 3)))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.count("ECTS credits") == 1
    assert "ects: 5" in hover.contents.value
    on_value = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(6, 16)))
    assert on_value is not None and isinstance(on_value.contents, types.MarkupContent)
    assert "MC303" in on_value.contents.value and "Why is this bad?" in on_value.contents.value
    vocab = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(3, 2)))
    assert vocab is not None and isinstance(vocab.contents, types.MarkupContent)
    assert "`blended`: a mix of online and onsite" in vocab.contents.value


async def _completion_of_keys_values_and_ids(client: LanguageClient,
                                             tmp_path: Path) -> None:
    design = tmp_path / "complete.yaml"
    text = FLAWED.replace("data-cleaning", "complete") + (
        "  \nlearning_outcomes:\n  - id: lo1\n    text: Clean data\n"
        "assessment:\n  - id: a1\n    covers: []\nparticipation: \n"
        "prerequisites:\n  requires: []\nrecognition:\n  towards:\n    - id: \n    - \n")
    uri = open_file(client, design, text)
    await diagnostics(client, uri)

    async def labels(line: int, column: int) -> set[str]:
        result = await client.text_document_completion_async(types.CompletionParams(
            types.TextDocumentIdentifier(uri), types.Position(line, column)))
        assert isinstance(result, types.CompletionList)
        return {item.label for item in result.items}

    rows = text.splitlines()
    under_workload = await labels(7, 2)
    assert {"hours_contact", "duration_weeks", "hours_per_ects"} <= under_workload
    assert "ects" not in under_workload  # already written
    assert await labels(rows.index("    covers: []"), 13) == {"lo1"}
    assert {"online", "blended", "onsite"} <= await labels(rows.index("participation: "), 15)
    assert "intro-course" in await labels(rows.index("  requires: []"), 13)
    assert "intro-course" in await labels(rows.index("    - id: "), 10)
    assert {"id", "name", "ects"} <= await labels(len(rows) - 1, 6)  # a new item


async def test_cycle_reported_in_both_files(client: LanguageClient, tmp_path: Path) -> None:
    for me, other in (("a", "b"), ("b", "a")):
        (tmp_path / f"{me}.yaml").write_text(
            f"mcred: 1\nid: {me}\ntitle: Course {me}\nprerequisites:\n  requires: [{other}]\n",
            encoding="utf-8")
    await start(client, tmp_path)
    uri_a = open_file(client, tmp_path / "a.yaml")
    uri_b = open_file(client, tmp_path / "b.yaml")
    assert "MC903" in _codes(await diagnostics(client, uri_a, lambda d: "MC903" in _codes(d)))
    assert "MC903" in _codes(await diagnostics(client, uri_b, lambda d: "MC903" in _codes(d)))
    # Breaking the cycle in a (unsaved) refreshes b as well.
    replace_all(client, uri_a, "mcred: 1\nid: a\ntitle: Course a\n", 2)
    await diagnostics(client, uri_b, lambda d: "MC903" not in _codes(d))


async def test_broken_yaml_no_marker_and_exit(client: LanguageClient, tmp_path: Path) -> None:
    design = tmp_path / "course.yaml"
    design.write_text("mcred: 1\ntitle: [unclosed\n", encoding="utf-8")
    plain = tmp_path / "workflow.yaml"
    plain.write_text("on: push\njobs: {}\n", encoding="utf-8")
    await start(client, tmp_path)
    uri = open_file(client, design)
    assert _codes(await diagnostics(client, uri)) == {"MC001"}
    plain_uri = open_file(client, plain)
    replace_all(client, uri, FLAWED, 2)
    assert "MC006" in _codes(await diagnostics(client, uri, lambda d: "MC001" not in
                                               _codes(d)))
    assert plain_uri not in client.diagnostics  # not a design: nothing at all
    await client.shutdown_session()
    assert client._server is not None and client._server.returncode == 0


async def test_config_honoured_reloaded_and_invalid(client: LanguageClient,
                                                    tmp_path: Path) -> None:
    design = tmp_path / "course.yaml"
    design.write_text(FLAWED, encoding="utf-8")
    config = tmp_path / ".mcred.toml"
    config.write_text('ignore = ["MC303"]\n', encoding="utf-8")
    await start(client, tmp_path)
    uri = open_file(client, design)
    assert "MC303" not in _codes(await diagnostics(client, uri))

    def changed() -> None:
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]))

    config.write_text('ignore = ["MC303"\n', encoding="utf-8")  # invalid TOML
    changed()
    problem = await diagnostics(client, config.as_uri(), lambda d: len(d) == 1)
    assert "invalid TOML" in problem[0].message and problem[0].range.start.line == 0
    config.write_text('ignore = ["MC006"]\n', encoding="utf-8")
    changed()
    await diagnostics(client, config.as_uri(), lambda d: not d)
    after = _codes(await diagnostics(client, uri, lambda d: "MC006" not in _codes(d)))
    assert "MC303" in after
