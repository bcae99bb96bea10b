"""Finding and reading config files: the closest one walking up from a design, or --config.

Closest wins completely (no merging with a parent's file), as in ruff: what applies to a
file is always one file you can open. In one directory `.mcred.toml` beats `mcred.toml`
beats a `pyproject.toml` with a `[tool.mcred]` table.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mcred.config.bounds import MAX_DEPTH, check_bounds, too_deep
from mcred.config.errors import ConfigError

if TYPE_CHECKING:
    from pydantic import ValidationError

    from mcred.config.model import ConfigModel

CONFIG_NAMES = (".mcred.toml", "mcred.toml", "pyproject.toml")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


@dataclass(frozen=True)
class ConfigFile:
    """One parsed config file: its model and raw text (for error lines and provenance)."""

    path: Path
    model: ConfigModel
    text: str

    @property
    def root(self) -> Path:
        """Globs (per-file-ignores, overrides) are relative to the file's directory."""
        return self.path.parent

    @cached_property
    def _start(self) -> int:
        if self.path.name != "pyproject.toml":
            return 0
        match = re.search(r"(?m)^\s*\[\s*tool\.mcred\b", self.text)
        return match.start() if match else 0

    def line_of(self, *keys: object, value: str | None = None) -> int:
        """Line of the last of ``keys`` (then ``value``) found in order.

        tomllib keeps no positions, so this searches the raw text: good enough to point a
        person at the right line, which is all an error message needs.
        """
        pos, line = self._start, self.text.count("\n", 0, self._start) + 1
        pattern: re.Pattern[str] | None = None
        for key in keys:
            repeat = 1
            if isinstance(key, int) and pattern is not None:
                repeat = key  # the n-th [[overrides]]: skip n more occurrences
            elif isinstance(key, str):
                pattern = re.compile(r"(?m)(?:^|[\s.\[{,])[\"']?" + re.escape(key) +
                                     r"[\"']?\s*(?:=|\]|\.)")
            else:
                continue
            for _ in range(repeat):
                match = pattern.search(self.text, pos) if pattern else None
                if match is None:
                    break
                pos = match.end()
                line = self.text.count("\n", 0, match.end()) + 1
        if value is not None:
            found = self.text.find(value, pos)
            if found >= 0:
                line = self.text.count("\n", 0, found) + 1
        return line

    def error(self, message: str, *keys: object, value: str | None = None) -> ConfigError:
        return ConfigError(message, self.display, self.line_of(*keys, value=value))

    @property
    def display(self) -> str:
        from mcred.discovery import display_name

        return display_name(self.path)


def _table(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("mcred")
    return table if isinstance(table, dict) else None


def _read(path: Path, follow: bool = False) -> tuple[str, dict[str, Any]]:
    from mcred.discovery import display_name
    from mcred.safeio import UnsafeFile, read_text

    try:  # a regular file, bounded, not a symlink (a named --config may be one)
        text = read_text(os.path.realpath(path) if follow else path, "config")
    except UnsafeFile as exc:
        hint = "; replace the link with the file itself" if "symlink" in str(exc) else ""
        raise ConfigError(f"cannot read the config file: {exc}{hint}", display_name(path)
                          ) from None
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ConfigError(f"the file nests arrays or tables deeper than {MAX_DEPTH} levels; "
                          "a config needs only a few", display_name(path), 1) from None
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_POSITION.search(str(exc))
        line = int(found.group(1)) if found else max(1, len(text.splitlines()))
        message = _TOML_POSITION.sub("", str(exc)).replace("(at end of document)", "")
        raise ConfigError(f"invalid TOML: {message.strip()}", display_name(path),
                          line) from None
    return text, data


def load_config(path: Path, *, explicit: bool = False) -> ConfigFile | None:
    """Parse and validate ``path``; a pyproject.toml without [tool.mcred] gives ``None``."""
    text, data = _read(path, follow=explicit)
    path = Path(os.path.realpath(path))  # never raises, even on a symlink loop
    table = _table(path, data)
    from mcred.discovery import display_name

    if table is not None and too_deep(table):  # only mcred's table: the rest is not ours
        raise ConfigError(f"the file nests arrays or tables deeper than {MAX_DEPTH} levels; "
                          "a config needs only a few", display_name(path), 1)
    if table is None:
        if explicit:
            raise ConfigError("no [tool.mcred] table in this file", display_name(path))
        return None
    # perf: pydantic and the config model only when there is a config to validate
    from pydantic import ValidationError

    from mcred.config.model import ConfigModel
    try:
        model = ConfigModel.model_validate(table)
    except ValidationError as exc:
        raise _first_error(ConfigFile(path, ConfigModel(), text), exc) from None
    config = ConfigFile(path, model, text)
    check_bounds(config)
    return config


def _first_error(config: ConfigFile, exc: ValidationError) -> ConfigError:
    """Pydantic's first complaint in the words of a config file."""
    err = exc.errors()[0]
    loc = tuple(err["loc"])
    key = ".".join(str(p) for p in loc)
    if err["type"] == "extra_forbidden":
        message = f"unknown config key `{loc[-1]}`{_suggest(loc)}"
    elif err["type"] in ("model_type", "dict_type"):
        message = f"`{key}` should be a table (`[{key}]` or `{{ key = value }}`)"
    else:
        message = f"`{key}`: {err['msg'].lower()}"
    return config.error(message, *loc)


def _suggest(loc: tuple[object, ...]) -> str:
    import difflib

    from mcred.config.model import ConfigModel, Override, Selection

    model: type[Selection] = Override if "overrides" in loc[:1] else ConfigModel
    known = [f.alias or name for name, f in model.model_fields.items()]
    typed = str(loc[-1])
    if len(typed) > 64:  # difflib is quadratic in the length; no key is that long
        return ""
    close = difflib.get_close_matches(typed, known, n=1)
    return f" (did you mean `{close[0]}`?)" if close else ""


class Finder:
    """Closest config per directory, memoised: a run over 300 designs reads each file once."""

    def __init__(self) -> None:
        self._by_dir: dict[Path, ConfigFile | None] = {}
        self._by_path: dict[Path, ConfigFile | None] = {}
        self._by_given: dict[Path, ConfigFile | None] = {}  # perf: skips resolve() per file

    def for_dir(self, directory: Path) -> ConfigFile | None:
        if directory in self._by_given:
            return self._by_given[directory]
        found = self._for_resolved(Path(os.path.realpath(directory)))
        self._by_given[directory] = found
        return found

    def _for_resolved(self, directory: Path) -> ConfigFile | None:
        """Walk up (a loop, not recursion: a checkout can nest folders 1,000 deep) to the
        first directory with a config or already known; remember the answer for all."""
        passed: list[Path] = []
        found: ConfigFile | None = None
        while True:
            if directory in self._by_dir:
                found = self._by_dir[directory]
                break
            passed.append(directory)
            found = self._here(directory)
            if found is not None or directory.parent == directory:
                break
            directory = directory.parent
        for seen in passed:
            self._by_dir[seen] = found
        return found

    def _here(self, directory: Path) -> ConfigFile | None:
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() or candidate.is_symlink():  # a link: refused on reading
                if candidate not in self._by_path:
                    self._by_path[candidate] = load_config(candidate)
                if self._by_path[candidate] is not None:
                    return self._by_path[candidate]
        return None
