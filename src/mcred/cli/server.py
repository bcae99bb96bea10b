"""``mcred server``: start the language server on standard input and output."""

from __future__ import annotations

import click


@click.command()
@click.option("--stdio", is_flag=True, help="Talk LSP over standard input/output (the "
              "default; accepted because editors pass it).")
def server(stdio: bool) -> None:
    """Run mcred's language server for editors (diagnostics, quick fixes, hover, completion).

    Needs the `server` extra: pip install 'mcred[server]'.
    """
    try:
        from mcred.server.app import build
    except ImportError as exc:
        raise click.UsageError(f"the language server needs pygls ({exc.name} is not "
                               "installed); install it with: pip install 'mcred[server]'"
                               ) from None
    import logging

    logging.basicConfig(level=logging.CRITICAL)  # stderr stays clean; errors go to the editor
    build().start_io()
