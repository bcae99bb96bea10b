"""What a config file may ask for: paths inside its own folder, globs that compile, sizes
below the ceilings that only the command line can lift.

A pull request can change every config file of the repository, so a config is checked like
any other input from it: `catalogue = "/"` would walk the whole machine, a glob list of
100,000 patterns or a 100 GB `max-file-size` would let one file exhaust the runner.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from mcred.globs import GlobError, compile_globs
from mcred.repository import repository_of

if TYPE_CHECKING:
    from mcred.config.discovery import ConfigFile

#: The largest `max-file-size` a config file may set; `--max-file-size` may go further.
MAX_CONFIG_FILE_SIZE = 16 * 1024 * 1024
#: Patterns in one glob list (`include`, `exclude`, one override's `files`…).
MAX_GLOBS = 1000
#: Selectors in one list (`select`, `ignore`…) and tables in `[rules]`: there are about a
#: hundred rules, and each selector is matched against every one of them.
MAX_SELECTORS = 500
#: Nesting of the TOML data (tables in tables); a config needs four levels.
MAX_DEPTH = 32


def too_deep(data: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether ``data`` nests tables or arrays deeper than ``limit`` (without recursing)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return False


def check_bounds(config: ConfigFile) -> None:
    """Raise the config error of the first key that reaches beyond what a config may."""
    model = config.model
    if model.max_file_size is not None and model.max_file_size > MAX_CONFIG_FILE_SIZE:
        raise config.error(
            f"`max-file-size` is {model.max_file_size:,} bytes; a config file may set at most "
            f"{MAX_CONFIG_FILE_SIZE:,} (16 MiB). Pass --max-file-size on the command line "
            "to read larger files", "max-file-size")
    if model.catalogue is not None:
        _check_folder(config, model.catalogue, "catalogue")
    for keys, globs in _glob_lists(config):
        _check_globs(config, globs, keys)
    for keys, size in _selector_lists(config):
        if size > MAX_SELECTORS:
            name = ".".join(str(k) for k in keys if not isinstance(k, int))
            raise config.error(f"`{name}` has {size:,} entries; at most {MAX_SELECTORS:,} are "
                               "allowed (a prefix such as `MC3` selects a whole group)", *keys)


def _selector_lists(config: ConfigFile) -> Iterator[tuple[tuple[object, ...], int]]:
    model = config.model
    places: list[tuple[tuple[object, ...], Any]] = [((), model)]
    places += [(("overrides", i), o) for i, o in enumerate(model.overrides)]
    for at, part in places:
        if part.select is not None:
            yield (*at, "select"), len(part.select)
        yield (*at, "ignore"), len(part.ignore)
        yield (*at, "extend-select"), len(part.extend_select)
        yield (*at, "rules"), len(part.rules)
    for glob, codes in model.per_file_ignores.items():
        yield ("per-file-ignores", glob), len(codes)


def _glob_lists(config: ConfigFile) -> Iterator[tuple[tuple[object, ...], list[str]]]:
    model = config.model
    yield ("include",), model.include
    yield ("exclude",), model.exclude
    yield ("per-file-ignores",), list(model.per_file_ignores)
    for index, override in enumerate(model.overrides):
        yield ("overrides", index, "files"), override.files


def project_root(directory: str) -> str:
    """The repository holding ``directory`` (the nearest folder with `.git`, which git never
    lets a commit create), else ``directory`` itself."""
    return repository_of(directory) or directory


def _check_folder(config: ConfigFile, value: str, key: str) -> None:
    """``value`` names a folder inside the config's repository (or, outside any repository,
    its own directory), even after following symlinks."""
    base = project_root(os.path.realpath(config.root))
    where = f"`{key}` must name a folder inside the repository of this config file"
    if "\x00" in value or os.path.isabs(value) or value.startswith("~"):
        raise config.error(f"{where}, as a relative path such as `designs`; found `{value}`",
                           key)
    lexical = os.path.normpath(os.path.join(os.path.realpath(config.root), value))
    real = os.path.realpath(lexical)
    for path in (lexical, real):
        if os.path.commonpath([base, path]) != base:
            how = "leads outside it" if path == lexical else "is a symlink that leads outside it"
            raise config.error(f"{where}; `{value}` {how}", key)


def _check_globs(config: ConfigFile, globs: list[str], keys: tuple[object, ...]) -> None:
    if not globs:  # perf: no glob, no pathspec import
        return
    name = ".".join(str(k) for k in keys if not isinstance(k, int))
    if len(globs) > MAX_GLOBS:
        raise config.error(f"`{name}` has {len(globs):,} patterns; at most {MAX_GLOBS:,} are "
                           "allowed (use `**` or a folder pattern to cover many files)", *keys)
    for glob in globs:
        if ".." in glob.replace("\\", "/").split("/"):
            raise config.error(f"`{name}`: the pattern `{glob}` uses `..`; patterns match files "
                               "inside the directory of this config file only", *keys,
                               value=glob)
    try:
        compile_globs(globs)
    except GlobError as exc:
        raise config.error(f"`{name}`: `{exc.pattern}` cannot be used: {exc.reason}", *keys,
                           value=exc.pattern) from None
