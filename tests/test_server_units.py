"""The server's pieces without a client: cursor context, text edits, options, the CLI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mcred.cli import cli
from mcred.server.convert import text_edits
from mcred.server.keys import cursor_at, node_at
from mcred.server.workspace import ServerOptions, Workspace

DESIGN = """\
mcred: 1
workload:
  ects: 5

learning_outcomes:
  - id: lo1
    text: Analyse data

assessment:
- id: a1
  covers: [lo1]
""".splitlines()


@pytest.mark.parametrize(("line", "column", "parent", "key", "on_value"), [
    (3, 2, ("workload",), None, False),          # empty line under workload
    (2, 3, ("workload",), "ects", False),        # on a key
    (2, 9, ("workload",), "ects", True),         # on its value
    (7, 4, ("learning_outcomes", 0), None, False),
    (6, 5, ("learning_outcomes", 0), "text", False),
    (10, 2, ("assessment", 0), "covers", False),  # items at the parent's indentation
    (10, 11, ("assessment", 0), "covers", True),
    (0, 2, (), "mcred", False),
])
def test_cursor_context_from_indentation(line, column, parent, key, on_value):
    found = cursor_at(DESIGN, line, column)
    assert (found.parent, found.key, found.on_value) == (parent, key, on_value)


def test_schema_nodes_follow_refs_and_lists():
    assert node_at(("workload", "ects"))["title"] == "ECTS credits"
    assert "properties" in node_at(("learning_outcomes", 0))
    assert node_at(("no_such_key",)) is None


def test_text_edits_are_minimal_and_keep_whole_words():
    (edit,) = text_edits("a: 1\nb: hybrid  # keep\n", "a: 1\nb: blended  # keep\n")
    assert (edit.range.start.line, edit.range.start.character) == (1, 3)
    assert (edit.range.end.character, edit.new_text) == (9, "blended")
    (added,) = text_edits("w:\n  e: 5\n", "w:\n  e: 5\n  h: 1\n")
    assert added.range.start.line == 2 and added.new_text == "  h: 1\n"


def test_options_are_lenient():
    options = ServerOptions.parse({"mcred": {"baseline": "b.json", "select": ["MC3"],
                                             "debounceMs": "fast", "profile": 7}})
    assert options.baseline == Path("b.json") and options.cli.select == ("MC3",)
    assert options.debounce_ms == 150 and options.cli.profile is None
    assert ServerOptions.parse(None) == ServerOptions()


def test_an_invalid_config_is_one_problem_not_a_crash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mcred.toml").write_text("select = [\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text("mcred: 1\nparticipation: hybrid\n", encoding="utf-8")
    workspace = Workspace(tmp_path)
    workspace.scan()
    assert workspace.problem is not None and workspace.problem.path.name == "mcred.toml"
    assert "MC006" in {f.code for f in workspace.findings("a.yaml") or []}


def test_server_command_help():
    result = CliRunner().invoke(cli, ["server", "--help"])
    assert result.exit_code == 0 and "language server" in result.output


def test_server_without_pygls_says_how_to_install(monkeypatch):
    for name in [m for m in sys.modules if m.startswith(("pygls", "mcred.server"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pygls", None)
    result = CliRunner().invoke(cli, ["server"])
    assert result.exit_code == 2
    assert "pip install 'mcred[server]'" in result.output


def test_the_baseline_hides_known_findings_and_shows_new_ones(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    design = tmp_path / "a.yaml"
    design.write_text("mcred: 1\nparticipation: hybrid\n", encoding="utf-8")
    created = CliRunner().invoke(cli, ["baseline", "create", "."])
    assert created.exit_code == 0, created.output
    options = ServerOptions(baseline=Path(".mcred-baseline.json"))
    workspace = Workspace(tmp_path, options)
    workspace.scan()
    assert workspace.findings("a.yaml") == []
    name = workspace.set_buffer(design, "mcred: 1\nparticipation: hybrid\nfee: 12\n")
    assert {f.code for f in workspace.findings(name) or []} == {"MC006"}


def test_keys_already_written_are_those_of_the_same_item():
    from mcred.server.features import _siblings

    lines = ["learning_outcomes:", "  - id: lo1", "    text: A", "  - id: lo2", "    ",
             "workload:", "  ects: 5", "  "]
    assert _siblings(lines, 4, cursor_at(lines, 4, 4)) == {"id"}
    assert _siblings(lines, 1, cursor_at(lines, 1, 4)) == {"text"}
    assert _siblings(lines, 7, cursor_at(lines, 7, 2)) == {"ects"}


def test_the_suppression_action_silences_its_finding(tmp_path, monkeypatch):
    from mcred.server.actions import suppression

    monkeypatch.chdir(tmp_path)
    text = "mcred: 1\nparticipation: hybrid  # as agreed\nfee: {free: true}\n"
    path = tmp_path / "a.yaml"
    workspace = Workspace(tmp_path)
    name = workspace.set_buffer(path, text)
    finding = next(f for f in workspace.findings(name) or [] if f.code == "MC006")
    action = suppression(text.splitlines(), finding, lambda edits: edits)
    lines = text.splitlines(keepends=True)
    for edit in action.edit:
        row, column = edit.range.start.line, edit.range.start.character
        lines[row] = lines[row][:column] + edit.new_text + lines[row][column:]
    fixed = "".join(lines)
    assert "# mcred: ignore[MC006] reason:" in fixed
    workspace.set_buffer(path, fixed)
    codes = {f.code for f in workspace.findings(name) or []}
    assert "MC006" not in codes and not codes & {"MC013", "MC014"}
