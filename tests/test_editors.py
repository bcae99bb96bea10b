"""The editor set-ups in the README and editors/ parse: JSON, TOML, Lua and Lisp snippets."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
EDITORS = README[README.index("## Editors"):README.index("## pre-commit")]
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", EDITORS, re.S)
PAIRS = {"(": ")", "[": "]", "{": "}"}


def _balanced(code: str, quotes: str) -> bool:
    """Brackets nest and strings close (comments and strings are skipped)."""
    stack: list[str] = []
    i = 0
    while i < len(code):
        ch = code[i]
        if ch in quotes:
            end = code.find(ch, i + 1)
            if end < 0:
                return False
            i = end
        elif ch in PAIRS:
            stack.append(PAIRS[ch])
        elif ch in PAIRS.values() and (not stack or stack.pop() != ch):
            return False
        i += 1
    return not stack


def test_every_editor_gets_a_snippet():
    kinds = sorted({kind for kind, _ in BLOCKS})
    assert {"json", "lua", "toml", "elisp", "sh"} <= set(kinds)
    for editor in ("VS Code", "Neovim", "Helix", "Zed", "Emacs"):
        assert f"#### {editor}" in EDITORS


@pytest.mark.parametrize(("kind", "code"), BLOCKS, ids=[k for k, _ in BLOCKS])
def test_snippet_parses(kind: str, code: str):
    if kind == "json":
        json.loads(code)
    elif kind == "toml":
        data = tomllib.loads(code)
        server = data["language-server"]["mcred"]
        assert [server["command"], *server["args"]] == ["mcred", "server"]
    elif kind == "lua":
        assert _balanced(code, "\"'")
        assert 'cmd = { "mcred", "server" }' in code and "vim.lsp.enable" in code
    elif kind == "elisp":
        assert _balanced(code, '"')
        assert '("mcred" "server")' in code


def test_the_vscode_extension_is_a_valid_package():
    folder = ROOT / "editors/vscode"
    manifest = json.loads((folder / "package.json").read_text("utf-8"))
    assert (folder / manifest["main"]).is_file()
    assert "vscode-languageclient" in manifest["dependencies"]
    assert "node_modules" in (folder / ".gitignore").read_text("utf-8")
    settings = manifest["contributes"]["configuration"]["properties"]
    assert {"mcred.path", "mcred.baseline", "mcred.debounceMs"} <= set(settings)
    script = (folder / "extension.js").read_text("utf-8")
    assert '"server"' in script and _balanced(script, "\"'`")


def test_the_vscode_extension_is_valid_javascript():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    done = subprocess.run([node, "--check", str(ROOT / "editors/vscode/extension.js")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
