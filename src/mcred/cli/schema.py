"""``mcred schema``: print the JSON Schema of the design format."""

from __future__ import annotations

import json

import click


@click.command()
def schema() -> None:
    """Print the JSON Schema of the design format (for editors and other validators)."""
    from mcred.model import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
