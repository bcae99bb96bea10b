"""The one error bad configuration raises: where it is (file:line) and what to change."""

from __future__ import annotations

from pathlib import Path


class ConfigError(Exception):
    """A configuration file or option is invalid; the CLI prints it and exits 2."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"
