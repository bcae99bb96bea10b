"""Helpers for the configuration tests: a clean design to vary, and the CLI with JSON out."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from conftest import EXAMPLES
from mcred.cli import cli

CLEAN = (EXAMPLES / "green-public-procurement.yaml").read_text(encoding="utf-8")
LEVEL = "level:\n  eqf: 6\n  qf_ehea_cycle: first\n"
# A design without a level must not claim credit either (that is MC504's finding), so that
# `level=False` varies exactly one rule: MC701.
CREDIT_CLAIM = {
    "  stackability: stackable\n": "  stackability: stand-alone\n",
    "  towards:\n    - name: Master in Public Management\n      provider: Universidad de "
    "Ejemplo\n      ects: 5\n": "",
    "    - type: credit-transfer\n": "    - type: admission\n",
}


def design(hours: int = 135, *, level: bool = True, hours_suffix: str = "") -> str:
    """The exemplary design with ``hours`` for its 5 ECTS (parts kept adding up)."""
    assert "  hours_total: 135\n" in CLEAN and LEVEL in CLEAN
    text = CLEAN.replace("  hours_total: 135\n", f"  hours_total: {hours}{hours_suffix}\n")
    text = text.replace("  hours_self_study: 90\n", f"  hours_self_study: {hours - 45}\n")
    if level:
        return text
    for claim, plain in CREDIT_CLAIM.items():
        assert claim in text
        text = text.replace(claim, plain)
    return text.replace(LEVEL, "")


def write(root: Path, files: dict[str, str]) -> None:
    """Write files; each design gets an id of its own (copies would be MC901 duplicates)."""
    for name, text in files.items():
        unique = "id: " + name.removesuffix(".yaml").replace("/", "-").replace(".", "-")
        text = text.replace("\nid: green-public-procurement\n", f"\n{unique}\n")
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def lint_json(*args: str) -> tuple[int, list[dict[str, object]]]:
    """Exit code and findings of `mcred lint --format json ARGS`."""
    result = invoke("lint", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)["findings"]


def codes(findings: list[dict[str, object]], path: str | None = None) -> set[str]:
    return {str(f["code"]) for f in findings if path is None or f["path"] == path}


def severity_of(findings: list[dict[str, object]], code: str, path: str) -> str:
    (found,) = [f for f in findings if f["code"] == code and f["path"] == path]
    return str(found["severity"])
