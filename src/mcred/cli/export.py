"""``mcred export``: one design → Open Badges 3.0 or ELM 3 JSON-LD, optionally validated."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from mcred.export.common import Loaded

FORMATS = ["ob3", "elm"]


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--to", "target", type=click.Choice(FORMATS), required=True,
              help="Format: ob3 (Open Badges 3.0) or elm (European Learning Model 3).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file instead of standard output.")
@click.option("--credential", is_flag=True,
              help="ob3: an unsigned OpenBadgeCredential template instead of the Achievement.")
@click.option("--validate", "check", is_flag=True,
              help="Validate the result offline (OB3 JSON Schema; ELM SHACL shapes).")
@click.option("--schema-dir", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Standards directory with ob3/ and elm3/ (needed for ob3 --validate; the "
              "OB3 schema is not shipped). ELM uses the copies shipped with mcred otherwise.")
@click.option("--base-url", help="Base URL for the ids (default: urn: identifiers).")
@click.option("--lang", callback=lambda c, p, v: language(v),
              help="The language of plain (single-language) texts for elm, the language to "
              "take from language maps for ob3 (default: the design's `language`, else the "
              "first of `languages`, else en).")
@click.option("--force", is_flag=True, help="Export even when the design has lint errors.")
def export(file: Path, target: str, output: Path | None, credential: bool, check: bool,
           schema_dir: Path | None, base_url: str | None, lang: str | None, force: bool) -> None:
    """Export a design to Open Badges 3.0 (--to ob3) or ELM 3 JSON-LD (--to elm).

    A design with lint errors is refused (exit 1, listing them) unless --force.
    Nothing is written when validation fails. Exit status: 0 written, 1 lint errors or
    failed validation, 2 usage error, unreadable file or missing optional dependency.
    """
    from mcred.export.common import ExportError, MissingExtra

    loaded = _load(file, force)
    assert loaded.design is not None
    try:
        document = _build(loaded, target, credential, base_url, lang)
        if check:
            _validate(document, loaded, target, credential, schema_dir)
    except ExportError as exc:
        _fail(f"{loaded.path}: {exc}", 2 if isinstance(exc, MissingExtra) else 1)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror or exc})", 2)


def language(tag: str | None) -> str | None:
    """A BCP 47-shaped tag, as JSON-LD language maps require; a usage error otherwise."""
    if tag is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", tag):
        raise click.BadParameter(f"{tag!r} is not a language tag like en or pt-PT",
                                 param_hint="--lang")
    return tag


def _load(file: Path, force: bool) -> Loaded:
    from mcred.discovery import display_name
    from mcred.export.common import load_design
    from mcred.sources import SourceError

    try:
        loaded = load_design(file, display_name(file))
    except SourceError as exc:
        _fail(str(exc), 2)
    if loaded.design is None:
        report_findings(loaded)
        _fail(f"{loaded.path}: cannot export: the file is not a loadable design", 1)
    if loaded.errors and not force:
        report_findings(loaded)
        _fail(f"{loaded.path}: refusing to export a design with {len(loaded.errors)} "
              "error(s); fix them, or pass --force", 1)
    return loaded


def report_findings(loaded: Loaded) -> None:
    """List the design's errors on stderr with the lint reporter (same format as ``lint``)."""
    from dataclasses import replace

    from mcred.reporters.base import ReportOptions
    from mcred.reporters.text import TextReporter
    from mcred.runner import RunResult

    if loaded.result is None:
        return
    errors = replace(loaded.result, findings=loaded.errors)
    options = ReportOptions(color=False, quiet=True, show_source=False)
    TextReporter(options).render(RunResult(files=[errors]), sys.stderr)


def _build(loaded: Loaded, target: str, credential: bool, base_url: str | None,
           lang: str | None) -> dict[str, Any]:
    assert loaded.design is not None
    if target == "ob3":
        from mcred.export import ob3

        if credential:
            return ob3.credential(loaded.design, loaded.path, base_url, lang=lang)
        return ob3.achievement(loaded.design, loaded.path, base_url, lang=lang)
    from mcred.export import elm

    if credential:
        raise click.UsageError("--credential applies to --to ob3 only")
    return elm.qualification(loaded.design, loaded.path, lang, base_url)


def _validate(document: dict[str, Any], loaded: Loaded, target: str, credential: bool,
              schema_dir: Path | None) -> None:
    assert loaded.design is not None
    if target == "ob3":
        from mcred.export import ob3

        if schema_dir is None:
            raise click.UsageError(
                "--validate with --to ob3 needs --schema-dir DIR (a directory holding "
                f"{ob3.SCHEMA_FILE}); the 1EdTech schema is not shipped with mcred")
        problems = ob3.validate(document, schema_dir, bare=not credential)
        _report("OB 3.0 JSON Schema", problems)
        return
    from mcred.export import elm

    report = elm.validate(document, schema_dir)
    if not report.types.get("Qualification"):
        problems = ["the graph has no elm:Qualification node (check the JSON-LD contexts)"]
    else:
        problems = report.violations
    _report("ELM SHACL shapes (EDC generic)", problems)
    missing = elm.loq_ready(loaded.design)
    if missing:
        click.echo(_clean(f"{loaded.path}: LOQ publishing profile not checked: the design "
                          "lacks " + "; ".join(missing)), err=True)
        return
    _report("ELM LOQ publishing profile", elm.validate(document, schema_dir, "loq").violations)


def _report(what: str, problems: list[str]) -> None:
    if not problems:
        click.echo(f"valid: {what}", err=True)
        return
    for problem in problems:
        click.echo(f"  {_clean(problem)}", err=True)
    _fail(f"invalid: {len(problems)} problem(s) against the {what}", 1)


def _clean(text: str) -> str:
    from mcred.reporters.safe import clean

    return clean(text, 1000)


def _fail(message: str, code: int) -> NoReturn:
    """Messages quote file names and values from the repository: escaped, one line."""
    click.echo(f"mcred: {_clean(message)}", err=True)
    sys.exit(code)
