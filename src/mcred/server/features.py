"""The LSP features mcred offers, each a thin adapter onto the workspace and help modules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types

from mcred.server import actions, help
from mcred.server.app import CONFIG_NAMES, McredServer
from mcred.server.convert import finding_range
from mcred.server.keys import branch, cursor_at, node_at
from mcred.server.workspace import ServerOptions

Wrap = Callable[[Callable[..., Any]], Callable[..., Any]]
FIX_KINDS = [types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]


def register(server: McredServer, guard: Wrap) -> None:
    _lifecycle(server, guard)
    _documents(server, guard)
    _actions(server, guard)
    _help(server, guard)


def _lifecycle(server: McredServer, guard: Wrap) -> None:
    @server.feature(types.INITIALIZE)
    @guard
    def initialize(params: types.InitializeParams) -> None:
        server.options = ServerOptions.parse(params.initialization_options)

    @server.feature(types.INITIALIZED)
    @guard
    def initialized(params: types.InitializedParams) -> None:
        server.workspace_state()
        server.publish_config_problem()
        _watch(server)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    @guard
    def changed_settings(params: types.DidChangeConfigurationParams) -> None:
        if isinstance(params.settings, dict) and params.settings.get("mcred") is not None:
            server.options = ServerOptions.parse(params.settings)
            _reload(server)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guard
    def watched(params: types.DidChangeWatchedFilesParams) -> None:
        paths = [server.path_of(change.uri) for change in params.changes]
        baseline = server.options.baseline
        if any(p and (p.name in CONFIG_NAMES or (baseline and p.name == baseline.name))
               for p in paths):
            _reload(server)
            return
        ws = server.workspace_state()
        for path in paths:
            if path is not None and ws.name(path) not in ws.buffers:
                ws.refresh_disk(path)
        server.refresh_all()


def _reload(server: McredServer) -> None:
    ws = server.workspace_state()
    ws.options = server.options
    ws.configure()
    ws.scan()
    server.refresh_all()


def _watch(server: McredServer) -> None:
    """Ask the editor to tell us about config and design files changing on disk."""
    capabilities = server.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if not (watched and watched.dynamic_registration):
        return
    globs = ["**/.mcred.toml", "**/mcred.toml", "**/pyproject.toml", "**/*.yaml", "**/*.yml",
             "**/*.json"]
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=g) for g in globs])
    server.client_register_capability(types.RegistrationParams(registrations=[
        types.Registration(id="mcred-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                           register_options=options)]))


def _documents(server: McredServer, guard: Wrap) -> None:
    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guard
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.refresh(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guard
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @guard
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        path = server.path_of(params.text_document.uri)
        if path is not None and path.name in CONFIG_NAMES:
            _reload(server)
        else:
            server.refresh(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guard
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = server.path_of(uri)
        if path is not None:
            server.workspace_state().close_buffer(path)
        if server.published.pop(uri, None):
            server.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def _actions(server: McredServer, guard: Wrap) -> None:
    options = types.CodeActionOptions(code_action_kinds=FIX_KINDS)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, options)
    @guard
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        name, findings = server.findings_at(uri)
        file = server.workspace_state().file(name)
        if file is None or file.document is None:
            return []
        document = server.workspace.get_text_document(uri)
        text, lines = document.source, list(document.lines)
        to_client = server.to_client(uri)

        def change(edits: list[types.TextEdit]) -> types.WorkspaceEdit:
            return types.WorkspaceEdit(changes={uri: [
                types.TextEdit(to_client(e.range), e.new_text) for e in edits]})

        asked = {(str(d.code), d.range.start.line, d.range.start.character)
                 for d in params.context.diagnostics if d.source == "mcred"}
        wanted = [f for f in findings if (f.code, to_client(finding_range(f)).start.line,
                                          to_client(finding_range(f)).start.character) in asked]
        only = params.context.only
        result: list[types.CodeAction] = []
        if only is None or types.CodeActionKind.QuickFix in only:
            result += actions.quick_fixes(text, file.document.quotable, findings, wanted,
                                          change)
            result += [actions.suppression(lines, f, change) for f in wanted]
        if only is None or any(getattr(k, "value", k).startswith("source") for k in only):
            fix_all = actions.fix_all(text, file.document.quotable, change)
            result += [fix_all] if fix_all else []
        return result


def _help(server: McredServer, guard: Wrap) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guard
    def hover(params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        document = server.workspace.get_text_document(uri)
        lines = list(document.lines)
        spot = document.position_codec.position_from_client_units(lines, params.position)
        parts = []
        _, findings = server.findings_at(uri)
        for finding in findings:
            if _covers(finding_range(finding), spot.line, spot.character):
                parts.append(help.rule_help(finding))
        cursor = cursor_at([line.rstrip("\r\n") for line in lines], spot.line, spot.character)
        if cursor.key is not None and not cursor.on_value:
            key_text = help.key_help((*cursor.parent, cursor.key))
            parts.insert(0, key_text) if key_text else None
        if not parts:
            return None
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown,
                                               "\n\n---\n\n".join(parts)))

    options = types.CompletionOptions(trigger_characters=[":", " ", "-"])

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, options)
    @guard
    def complete(params: types.CompletionParams) -> types.CompletionList:
        return _completion(server, params)


def _covers(place: types.Range, line: int, column: int) -> bool:
    start, end = place.start, place.end
    after_start = (line, column) >= (start.line, start.character)
    before_end = (line, column) <= (end.line, max(end.character, start.character + 1)) \
        if end.line == start.line else (line, column) <= (end.line, end.character)
    return after_start and before_end


def _completion(server: McredServer, params: types.CompletionParams) -> types.CompletionList:
    uri = params.text_document.uri
    document = server.workspace.get_text_document(uri)
    lines = [line.rstrip("\r\n") for line in document.lines]
    spot = document.position_codec.position_from_client_units(list(document.lines),
                                                              params.position)
    cursor = cursor_at(lines, spot.line, spot.character)
    ws = server.workspace_state()
    name = ws.name(Path(server.path_of(uri) or ""))
    file = ws.file(name)
    text = lines[spot.line] if spot.line < len(lines) else ""
    bare_item = text.lstrip().startswith("-") and cursor.key is None
    item_node = node_at(cursor.parent) if bare_item else None
    if bare_item and item_node is not None and "properties" in branch(item_node, "properties"):
        bare_item = False  # a new item of a list of mappings: offer its keys
    if cursor.on_value or bare_item:
        path = (*cursor.parent, cursor.key) if cursor.on_value and cursor.key else cursor.parent
        items = help.value_items(path, _outcome_ids(file, lines), ws.design_ids())
    else:
        present = _siblings(lines, spot.line, cursor)
        items = help.key_items(cursor, present)
    return types.CompletionList(is_incomplete=False, items=items)


def _outcome_ids(file: Any, lines: list[str]) -> list[str]:
    """Ids of the design's learning outcomes (from its last good parse, or the text)."""
    design = getattr(file, "design", None)
    if design is not None:
        return [o.id for o in design.learning_outcomes if getattr(o, "id", None)]
    ids, inside = [], False
    for line in lines:
        if line and not line[0].isspace() and not line.startswith("-"):
            inside = line.startswith("learning_outcomes:")
        stripped = line.strip()
        if inside and stripped.startswith("- id:"):
            ids.append(stripped[5:].strip().strip("'\""))
    return ids


def _siblings(lines: list[str], row: int, cursor: Any) -> set[str]:
    """Keys already written in the mapping at the cursor (not offered again): the lines
    around it with the same parent, within the same list item."""
    in_list = bool(cursor.parent) and isinstance(cursor.parent[-1], int)
    own = lines[row] if row < len(lines) else ""
    depth = len(own) - len(own.lstrip(" "))
    present: set[str] = set()
    if not own.lstrip().startswith("-"):
        for other in range(row - 1, -1, -1):
            if _sibling(lines, other, cursor, depth, present) or (
                    in_list and lines[other].lstrip().startswith("-")
                    and cursor_at(lines, other, len(lines[other])).parent == cursor.parent):
                break
    for other in range(row + 1, len(lines)):
        found = cursor_at(lines, other, len(lines[other]))
        if in_list and lines[other].lstrip().startswith("-") and found.parent == cursor.parent:
            break  # the next item
        if _sibling(lines, other, cursor, depth, present):
            break
    return present


def _sibling(lines: list[str], row: int, cursor: Any, depth: int, present: set[str]) -> bool:
    """Record the key of ``row`` if it is a sibling; True once the mapping has ended."""
    text = lines[row]
    if not text.strip() or text.lstrip().startswith("#"):
        return False
    found = cursor_at(lines, row, len(text))
    if found.parent == cursor.parent:
        if found.key:
            present.add(found.key)
        return False
    return len(text) - len(text.lstrip(" ")) < depth and not text.lstrip().startswith("-")
