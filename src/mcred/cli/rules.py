"""``mcred rules`` and ``mcred explain``: the registry, shown to people and machines."""

from __future__ import annotations

import json
import sys

import click

from mcred.cli.output import use_color


@click.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]),
              default="text", show_default=True)
def rules(output_format: str) -> None:
    """List every rule with its code, name, default severity and summary."""
    from mcred.registry import all_rules

    entries = all_rules()
    if output_format == "json":
        data = [{"code": r.code, "name": r.name, "severity": r.severity.label,
                 "summary": r.summary, "fix": r.fix, "source": r.source,
                 "options": r.option_defaults()} for r in entries]
        click.echo(json.dumps(data, indent=2))
        return
    if output_format == "markdown":
        from mcred.docgen import rules_markdown

        click.echo(rules_markdown(), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="mcred rules", show_lines=False)
    for column in ("code", "name", "severity", "summary"):
        table.add_column(column, overflow="fold")
    for r in entries:
        table.add_row(r.code, r.name, r.severity.label, r.summary)
    Console(no_color=not use_color("auto", sys.stdout)).print(table)


@click.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show the full documentation of one rule, by code (MC303) or name."""
    from mcred.docgen import rule_markdown
    from mcred.registry import lookup

    entry = lookup(rule)
    if entry is None:
        raise click.UsageError(f"unknown rule {rule!r}; `mcred rules` lists them all")
    text = rule_markdown(entry, heading="#")
    if use_color("auto", sys.stdout):
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        click.echo(text)
