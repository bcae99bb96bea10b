"""Property test: whatever a repository's config file holds, mcred answers with settings
or one config error (file:line, escaped when printed), never another exception.

Short and derandomised for CI, like tests/test_fuzz.py.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mcred.config.errors import ConfigError
from mcred.config.options import CliOptions
from mcred.config.resolve import Resolver
from mcred.reporters.safe import clean

KEYS = ["select", "ignore", "extend-select", "profile", "rules", "per-file-ignores",
        "fail-on", "max-file-size", "catalogue", "gitignore", "include", "exclude",
        "overrides", "files", "severity", "MC303", "MC208", "similarity", "low", "high"]
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_KEY = st.one_of(st.sampled_from(KEYS), _TEXT.filter(bool))
_SCALAR = st.one_of(st.booleans(), st.integers(), st.floats(), _TEXT,
                    st.sampled_from(["MC3", "ALL", "../..", "/", "*a*a*a*b", "error", "cmf",
                                     "\x1b[2J", "\u202e", "a\\"]))
_VALUE = st.recursive(_SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_KEY, inner, max_size=4)), max_leaves=12)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") \
            if math.isinf(value) else repr(value)
    if isinstance(value, int | str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"


@settings(max_examples=100, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(st.dictionaries(_KEY, _VALUE, max_size=6))
def test_any_config_gives_settings_or_one_config_error(tmp_path: Path, table):
    (tmp_path / "mcred.toml").write_text(
        "".join(f"{json.dumps(k)} = {_toml(v)}\n" for k, v in table.items()), encoding="utf-8")
    try:
        resolver = Resolver(CliOptions(), tmp_path)
        resolver.lint_settings()
        resolver.effective(tmp_path / "design.yaml")
    except ConfigError as exc:
        shown = clean(str(exc), 1000)
        assert shown.startswith("mcred.toml") or "mcred.toml:" in shown
        assert "\x1b" not in shown and "\u202e" not in shown and "\n" not in shown
