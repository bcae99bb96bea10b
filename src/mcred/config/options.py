"""The configuration options shared by `lint`, `config` and `baseline`, as given.

Commands stay thin: a decorator adds the options and hands the command one
:class:`CliOptions`. Running with them is the CLI's job (``mcred.cli.run``): this
package never imports the runner, so configuration can be resolved without it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])
_KEYS = ("config_path", "isolated", "select", "extend_select", "ignore", "profile")


@dataclass(frozen=True)
class CliOptions:
    """The configuration-related options of a command, as given (``None``: not given)."""

    config: Path | None = None
    isolated: bool = False
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str | None = None
    fail_on: str | None = None


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select MC3,MC201 --select MC101` → ("MC3", "MC201", "MC101")."""
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


def config_options(func: F) -> F:
    """Add --config/--isolated/--select/--extend-select/--ignore/--profile as ``config``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        given = {key: kwargs.pop(key) for key in _KEYS}
        kwargs["config"] = CliOptions(
            config=given["config_path"], isolated=given["isolated"],
            select=_codes(given["select"]) if given["select"] else None,
            extend_select=_codes(given["extend_select"]), ignore=_codes(given["ignore"]),
            profile=given["profile"])
        return func(*args, **kwargs)

    options = [
        click.option("--config", "config_path", type=click.Path(path_type=Path,
                     dir_okay=False), help="Use this config file for every design "
                     "(no discovery)."),
        click.option("--isolated", is_flag=True, help="Ignore all config files."),
        click.option("--select", multiple=True, help="Only these rules: codes, prefixes "
                     "(MC3) or names, comma-separated; replaces the config's select."),
        click.option("--extend-select", multiple=True, help="Add rules to the selection."),
        click.option("--ignore", multiple=True, help="Switch rules off (codes, prefixes, "
                     "names)."),
        click.option("--profile", help="Apply a profile: higher-education, vocational, cmf."),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]
