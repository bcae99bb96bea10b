"""MC005 unknown-key: reported by the loader; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC005", "unknown-key", Severity.WARNING, scope="loader",
      fix="Rename the key to one the format knows, or prefix a private key with `x-`.",
      source="format v1")
def unknown_key(*_: object) -> Iterator[Issue]:
    """A key is not part of the design format (usually a typo).

    Why is this bad?
    A misspelt key is silently ignored by every tool that reads the design, so the element it
    was meant to provide counts as missing. Keys starting with `x-` are extensions and exempt.

    Example
    ```yaml
    mcred: 1
    titel: Green procurement
    ```

    Use instead
    ```yaml
    mcred: 1
    title: Green procurement
    x-internal-code: GP-101
    ```
    """
    return iter(())
