"""``mcred catalogue``: the overview of a curriculum repository, as rich tables or JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from mcred.cli.output import use_color

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.tree import Tree

_CHILDREN = 25  # per node of the stacking tree; the JSON form lists them all
_DEPTH = 8


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="Overview format.")
@click.option("--top", type=click.IntRange(0), default=10, show_default=True,
              help="How many files with the most findings to list.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text overview.")
def catalogue(paths: tuple[Path, ...], output_format: str, top: int, color: str) -> None:
    """Summarise the designs under PATHS (default: the current directory).

    Shows the number of designs, ECTS and EQF distributions, forms of participation,
    outcomes per design, the share of designs meeting each Annex I element, the stacking
    graph and the files with the most findings. Exit status: 0, or 2 when a file or
    directory could not be read.
    """
    from mcred.catalogue.stats import overview
    from mcred.runner import lint_paths
    from mcred.settings import LintSettings

    for path in paths:
        if not path.exists():
            raise click.BadParameter(f"{path}: no such file or directory", param_hint="PATHS")
    result = lint_paths(list(paths) or [Path(".")], LintSettings(fail_on=None))
    data = overview(result, top)
    if output_format == "json":
        json.dump(data, sys.stdout, indent=2, ensure_ascii=True)
        sys.stdout.write("\n")
    else:
        render(data, _console(use_color(color, sys.stdout)))
    sys.exit(2 if result.read_errors else 0)


def _console(color: bool) -> Console:
    from rich.console import Console

    return Console(file=sys.stdout, force_terminal=color, no_color=not color,
                   highlight=False, soft_wrap=False)


def render(data: dict[str, Any], console: Console) -> None:
    """The overview as headed tables and a tree, in the order of the JSON document."""
    files = data["files"]
    console.print(f"[bold]Catalogue: {data['designs']} designs[/] in {files['linted']} "
                  f"files ({files['skipped']} skipped, {len(files['read_errors'])} unreadable, "
                  f"{len(files['not_loaded'])} did not load)")
    for error in files["read_errors"]:
        console.print(f"[red]{_escape(error)}[/]")
    console.print(_annex_table(data))
    for title, key in (("ECTS", "ects"), ("EQF level", "eqf"),
                       ("Participation", "participation"),
                       ("Outcomes per design", "outcomes_per_design")):
        console.print(_distribution_table(title, data[key]))
    console.print(_stacking_tree(data["stacking"]))
    console.print(_offenders_table(data["findings"]))


def _escape(text: str) -> str:
    """Repository text (file names, ids, values) for a rich table: control and bidi
    characters shown as escapes, then rich markup escaped."""
    from rich.markup import escape

    from mcred.reporters.safe import clean

    return escape(clean(text, 500))


def _table(title: str, *columns: str) -> Table:
    from rich.table import Table

    table = Table(title=title, title_justify="left", title_style="bold")
    for i, column in enumerate(columns):
        table.add_column(column, justify="left" if i == 0 else "right", overflow="fold")
    return table


def _annex_table(data: dict[str, Any]) -> RenderableType:
    table = _table("Annex I elements", "element", "designs", "share")
    for element, value in data["annex_i"].items():
        share = value["share"]
        style = "green" if share == 1 else "yellow" if share >= 0.5 else "red"
        table.add_row(_escape(element.replace("_", " ")), str(value["designs"]),
                      f"[{style}]{share:.0%}[/]")
    return table


def _distribution_table(title: str, block: dict[str, Any]) -> RenderableType:
    table = _table(title, "value", "designs")
    for value, count in block["distribution"].items():
        table.add_row(_escape(value), str(count))
    if block["missing"]:
        table.add_row("[dim]not stated[/]", str(block["missing"]))
    summary = [f"{k} {block[k]:g}" for k in ("total", "min", "median", "mean", "max")
               if block.get(k) is not None]
    if not summary:
        return table
    from rich.console import Group

    return Group(table, f"[dim]{', '.join(summary)}[/]")


def _stacking_tree(targets: list[dict[str, Any]]) -> Tree:
    """Targets nobody stacks further are roots; below each, what stacks towards it."""
    from rich.tree import Tree

    tree = Tree("[bold]Stacking[/]" + ("" if targets else " [dim](no design stacks)[/]"))
    by_target = {t["target"]: t for t in targets}
    feeding = {s["id"] for t in targets for s in t["sources"]}
    for target in targets:
        if target["target"] not in feeding:
            _grow(tree.add(_label(target)), target, by_target, {target["target"]}, 1)
    return tree


def _grow(node: Tree, target: dict[str, Any], by_target: dict[str, dict[str, Any]],
          path: set[str], depth: int) -> None:
    sources = target["sources"]
    for source in sources[:_CHILDREN]:
        ects = "" if source["ects"] is None else f" ({source['ects']:g} ECTS)"
        child = node.add(f"{_escape(source['id'])}{ects}")
        below = by_target.get(source["id"])
        if below is not None and source["id"] not in path and depth < _DEPTH:
            _grow(child, below, by_target, path | {source["id"]}, depth + 1)
    if len(sources) > _CHILDREN:
        node.add(f"[dim]… {len(sources) - _CHILDREN} more[/]")


def _label(target: dict[str, Any]) -> str:
    name = _escape(target["target"])
    if target["external"]:
        return f"{name} [dim](external)[/]"
    if not target["in_catalogue"]:
        return f"{name} [red](not in the catalogue)[/]"
    own = target["ects"]
    of = f" of {own:g}" if own is not None else ""
    over = own is not None and target["stacked_ects"] > own
    style = "red" if over else "green"
    return f"[bold]{name}[/] [{style}]{target['stacked_ects']:g}{of} ECTS stacked[/]"


def _offenders_table(findings: dict[str, Any]) -> RenderableType:
    table = _table(f"Most findings ({findings['total']} in all)", "file", "findings",
                   "errors", "warnings", "info")
    for row in findings["worst_offenders"]:
        table.add_row(_escape(row["path"]), str(row["findings"]), str(row["error"]),
                      str(row["warning"]), str(row["info"]))
    return table
