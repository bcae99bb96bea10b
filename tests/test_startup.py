"""Startup guard: the lint path imports only what linting needs; --version builds nothing.

pre-commit starts mcred once per commit, so every module imported on the way is paid on
every commit. These checks run the real entry point in a fresh interpreter and look at
``sys.modules`` afterwards (timing would be flaky on a shared machine; imports are not).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import EXAMPLES, FIXTURES

# Never needed to lint and print a plain report.
OPTIONAL = (
    "rich", "mcred.export", "mcred.render", "mcred.docgen", "mcred.baseline", "jsonschema",
    "mcred.catalogue.stats", "mcred.cli.rules", "mcred.cli.schema", "babel",
    "platformdirs", "mcred.importers", "mcred.cli.importing", "openpyxl",
    "mcred.fix", "mcred.init",  # the fixers only for a fixable finding; the interview never
    # The generated validator (mcred.plain) does the model's work on the lint path.
    "pydantic", "pydantic_core", "mcred.model.design", "pycountry",
    "pygls", "lsprotocol", "mcred.server", "mcred.cli.server",  # the language server
)


def _modules_after(*argv: str, env: dict[str, str] | None = None) -> list[str]:
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
                         timeout=120, env={"NO_COLOR": "1", "PATH": "",
                              "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", ""),
                              **(env or {})})
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


def test_linting_published_json_imports_only_the_json_importer():
    fixture = EXAMPLES.parent / "tests" / "fixtures" / "published" / "qualification.jsonld"
    modules = _modules_after("lint", "--color", "never", "--no-cache", str(fixture))
    assert "mcred.importers.elm" in modules  # it really imported the credential
    for prefix in ("openpyxl", "mcred.importers.table", "mcred.importers.ob3", "rdflib",
                   "pyshacl", "ruamel", "mcred.cli.importing", "pydantic", "pycountry",
                   "mcred.model.design"):
        assert not _loaded(modules, prefix), f"linting JSON-LD imports {prefix}"


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


def test_a_fully_cached_run_imports_no_model_pydantic_or_rules(tmp_path):
    """A cache hit needs findings only: no pydantic, no model, no rule module, no catalogue
    pass (the rule set comes from the generated index, mcred.rules.index)."""
    env = {"MCRED_CACHE_DIR": str(tmp_path / "cache")}
    target = str(EXAMPLES)
    first = _modules_after("lint", "--color", "never", target, env=env)
    assert "mcred.model" in first and "mcred.registry" in first  # the first run checked
    modules = _modules_after("lint", "--color", "never", target, env=env)
    assert "mcred.runner" in modules and "mcred.cache" in modules
    for prefix in ("pydantic", "mcred.model", "mcred.registry", "mcred.validate",
                   "mcred.catalogue.check", "mcred.catalogue.model", "mcred.config.model",
                   "ruamel", "yaml"):
        assert not _loaded(modules, prefix), f"a fully cached run imports {prefix}"
    rules = [m for m in modules if m.startswith("mcred.rules.") and m != "mcred.rules.index"]
    assert not rules, f"a fully cached run imports rule modules: {rules[:3]}"


def test_a_pyproject_without_mcred_table_needs_no_config_model(tmp_path):
    """Config lookup reads pyproject.toml, but validates (pydantic) only an mcred table."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    script = ("import sys\nfrom pathlib import Path\n"
              "from mcred.config.options import CliOptions\n"
              "from mcred.config.resolve import Resolver\n"
              f"Resolver(CliOptions(), Path({str(tmp_path)!r})).lint_settings()\n"
              "print(sorted(sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60, check=True, cwd=tmp_path)
    for name in ("pydantic", "mcred.config.model", "mcred.registry"):
        assert f"'{name}'" not in out.stdout, f"resolving no config imports {name}"


def test_the_rule_index_lists_exactly_the_registered_rules():
    """The generated index (perf: no package walk, no imports to know the rule set)."""
    from mcred.registry import load_all, rule_modules
    from mcred.rules.index import RULES

    rules = load_all(walk=True)
    assert sorted(code for code, *_ in RULES) == sorted(rules)
    assert sorted(module for *_, module in RULES) == rule_modules()
    assert all(rules[code].name == name and rules[code].scope == scope
               for code, name, scope, _ in RULES)


def test_the_fast_json_writer_matches_the_standard_library_byte_for_byte():
    """perf: the JSON report writes flat findings with the C encoder; same bytes as before."""
    from pathlib import Path

    from mcred.reporters.json import dumps, report_dict
    from mcred.runner import lint_paths
    from mcred.settings import LintSettings

    result = lint_paths([Path(EXAMPLES)], LintSettings())
    report = report_dict(result)
    assert report["findings"], "the examples have findings to write"
    report["summary"]["read_errors"] = ['odd "findings": [] text\n\u00e9']
    assert dumps(report) == json.dumps(report, indent=2, ensure_ascii=True)
    nested = {**report, "findings": [{**report["findings"][0], "extra": [1, {"a": None}]}]}
    assert dumps(nested) == json.dumps(nested, indent=2, ensure_ascii=True)


def test_an_uncached_run_needs_no_hashing_and_no_plugin_scan():
    """perf: fingerprints (hashlib) only for the cache; pydantic's plugin scan is off."""
    design = str(EXAMPLES / "online-data-literacy.yaml")
    script = (
        "import os, sys\n"
        f"sys.argv = ['mcred', 'lint', '--no-cache', {design!r}]\n"
        "from mcred.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('\\nSCAN=' + os.environ.get('PYDANTIC_DISABLE_PLUGINS', ''))\n"
        "hashed = 'hashlib' in sys.modules\n"
        "print('HASHLIB=' + str(hashed) + str('mcred.runner' in sys.modules))\n"
        "from mcred.registry import _RULES\n"
        "parsed = sum('sections' in vars(r) for r in _RULES.values())\n"
        "print(f'PARSED={parsed} LOADED={len(_RULES) > 50}')\n"
    )
    if _pydantic_imports_hashlib():  # then hashlib says nothing about mcred
        script = script.replace("hashed = 'hashlib' in sys.modules", "hashed = False")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, env={"NO_COLOR": "1", "PATH": ""}).stdout
    assert "SCAN=__all__" in out
    assert "HASHLIB=FalseTrue" in out  # it linted, without hashing anything
    assert "PARSED=0 LOADED=True" in out  # rule docstrings are parsed only when shown


def _pydantic_imports_hashlib() -> bool:
    """Newer pydantic releases import `secrets` (so hashlib) themselves; that cost isn't ours."""
    probe = "import sys, pydantic, mcred.model; print('hashlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=120, check=False).stdout
    return out.strip() == "True"


def test_glob_matching_is_imported_only_where_a_glob_is_used(tmp_path):
    """pathspec and RE2 (linear-time globs) load for a walk with globs, not for a named
    file under a config that has none."""
    design = tmp_path / "d.yaml"
    design.write_text((EXAMPLES / "online-data-literacy.yaml").read_text(encoding="utf-8"),
                      encoding="utf-8")
    (tmp_path / "mcred.toml").write_text("fail-on = 'error'\n", encoding="utf-8")
    modules = _modules_after("lint", "--no-cache", "--config", str(tmp_path / "mcred.toml"),
                             str(design))
    assert "mcred.runner" in modules
    for prefix in ("pathspec", "re2"):
        assert not _loaded(modules, prefix), f"a run without globs imports {prefix}"
    (tmp_path / "mcred.toml").write_text("exclude = ['drafts/']\n", encoding="utf-8")
    walked = _modules_after("lint", "--no-cache", "--config", str(tmp_path / "mcred.toml"),
                            str(tmp_path))
    assert _loaded(walked, "re2"), "globs are matched by RE2 when it is installed"


def test_wide_text_in_a_code_frame_needs_rich_cells_only(tmp_path):
    design = tmp_path / "d.yaml"
    design.write_text("mcred: 1\nlanguages: [中文中文, qqq-1234567]\n", encoding="utf-8")
    modules = _modules_after("lint", "--color", "never", "--no-cache", str(design))
    assert "mcred.runner" in modules
    assert not _loaded(modules, "rich.console") and not _loaded(modules, "rich.text")


# The multilingual outcome analysis: a lemmatiser, a language detector (and its numpy).
MULTILINGUAL = ("simplemma", "py3langid", "numpy", "mcred.outcomes.foreign",
                "mcred.outcomes.foreign_words", "mcred.outcomes.verb_final")
SPANISH = FIXTURES / "rules" / "MC204" / "fail-es.yaml"


def test_an_english_cold_run_imports_no_lemmatiser_or_language_detector():
    """English designs (one of them declared `languages: [es, en]`) stay on the fast path."""
    modules = _modules_after("lint", "--color", "never", "--no-cache", "--format", "json",
                             str(EXAMPLES / "green-public-procurement.yaml"),
                             str(EXAMPLES / "online-data-literacy.yaml"),
                             str(EXAMPLES / "vague-outcomes-workshop.yaml"))
    assert "mcred.outcomes.analysis" in modules  # the outcome rules ran
    for prefix in MULTILINGUAL:
        assert not _loaded(modules, prefix), f"an English run imports {prefix}"


def test_a_declared_language_needs_no_detector_and_a_cached_run_neither(tmp_path):
    env = {"MCRED_CACHE_DIR": str(tmp_path / "cache")}
    first = _modules_after("lint", "--color", "never", "--format", "json", str(SPANISH),
                           env=env)
    assert "mcred.outcomes.foreign" in first  # it really analysed Spanish
    assert not _loaded(first, "py3langid"), "a design with `language: es` imports the detector"
    cached = _modules_after("lint", "--color", "never", "--format", "json", "-v",
                            str(SPANISH), env=env)
    assert "mcred.cache" in cached
    for prefix in MULTILINGUAL:
        assert not _loaded(cached, prefix), f"a cached run imports {prefix}"
