"""Startup guard: the lint path imports only what linting needs; --version builds nothing.

pre-commit starts mcred once per commit, so every module imported on the way is paid on
every commit. These checks run the real entry point in a fresh interpreter and look at
``sys.modules`` afterwards (timing would be flaky on a shared machine; imports are not).
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLES

# Never needed to lint and print a plain report.
OPTIONAL = (
    "rich", "mcred.export", "mcred.render", "mcred.docgen", "mcred.baseline", "jsonschema",
    "mcred.catalogue.stats", "mcred.cli.rules", "mcred.cli.schema",
)


def _modules_after(*argv: str) -> list[str]:
    """Run ``mcred argv`` in a fresh interpreter; the modules it imported."""
    script = (
        "import json, sys\n"
        f"sys.argv = ['mcred', *{list(argv)!r}]\n"
        "from mcred.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stdout.flush()\n"
        "print('\\nMODULES=' + json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, env={"NO_COLOR": "1", "PATH": ""})
    line = next(x for x in out.stdout.splitlines() if x.startswith("MODULES="))
    return list(json.loads(line.removeprefix("MODULES=")))


def _loaded(modules: list[str], prefix: str) -> list[str]:
    return [m for m in modules if m == prefix or m.startswith(prefix + ".")]


def test_linting_imports_no_optional_machinery():
    modules = _modules_after("lint", "--color", "never", "--no-cache",
                             str(EXAMPLES / "online-data-literacy.yaml"))
    assert "mcred.runner" in modules and "mcred.model" in modules  # it really linted
    for prefix in OPTIONAL:
        assert not _loaded(modules, prefix), f"the lint path imports {prefix}"


def test_linting_with_libyaml_does_not_import_ruamel():
    from mcred import fastyaml

    if fastyaml._loader_class() is None:
        return  # without libyaml, ruamel is the parser
    modules = _modules_after("lint", "--color", "never", "--no-cache",
                             str(EXAMPLES / "green-public-procurement.yaml"))
    assert not _loaded(modules, "ruamel"), "ruamel is imported although libyaml parsed the file"


def test_version_builds_no_model_and_loads_no_rules():
    modules = _modules_after("--version")
    for prefix in ("mcred.model", "mcred.registry", "mcred.rules", "pydantic", "yaml",
                   "ruamel", "rich"):
        assert not _loaded(modules, prefix), f"`mcred --version` imports {prefix}"


def test_model_builds_on_first_use_not_at_import():
    script = ("from mcred.model import Design\n"
              "before = Design.__pydantic_complete__\n"
              "Design.model_validate({'mcred': 1})\n"
              "print(before, Design.__pydantic_complete__)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.split() == ["False", "True"]
