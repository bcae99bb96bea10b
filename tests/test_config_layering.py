"""The configuration layer stays below the runner: `mcred.config` never imports it.

Resolving settings must not need the lint machinery (and a cycle through the runner made
nine modules import each other); the CLI glues the two together instead.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import mcred.config

CONFIG_DIR = Path(mcred.config.__file__).parent
FORBIDDEN = ("mcred.runner", "mcred.cli", "mcred.parallel", "mcred.engine")


def _imported(tree: ast.AST) -> list[tuple[int, str]]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append((node.lineno, node.module))
            names += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return names


def test_no_config_module_names_the_runner_anywhere():
    """Any import of the runner, even inside a function or under TYPE_CHECKING."""
    modules = sorted(CONFIG_DIR.glob("*.py"))
    assert len(modules) >= 5
    offenders = [f"{path.name}:{line}: {name}"
                 for path in modules
                 for line, name in _imported(ast.parse(path.read_text(encoding="utf-8")))
                 if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)]
    assert offenders == []


def test_importing_the_config_layer_loads_no_runner():
    names = [f"mcred.config.{p.stem}" for p in sorted(CONFIG_DIR.glob("*.py"))
             if p.stem != "__init__"]
    script = ("import sys\n" + "".join(f"import {n}\n" for n in names)
              + "print(sorted(m for m in sys.modules if m.startswith('mcred.')))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60, check=True)
    loaded = out.stdout
    assert "mcred.config.resolve" in loaded
    for name in FORBIDDEN:
        assert f"'{name}'" not in loaded and f"'{name}." not in loaded, name
