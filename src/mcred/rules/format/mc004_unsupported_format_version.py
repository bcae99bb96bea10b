"""MC004 unsupported-format-version: reported by the loader; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC004", "unsupported-format-version", Severity.ERROR, scope="loader",
      fix="Add `mcred: 1` as the first line of the design.",
      source="format v1")
def unsupported_format_version(*_: object) -> Iterator[Issue]:
    """The `mcred:` format marker is missing or names a version this mcred does not support.

    Why is this bad?
    The marker says which vocabulary the file uses and identifies design files in a repository;
    without it the file cannot be read reliably.

    Example
    ```yaml
    mcred: 2
    title: Green procurement
    ```

    Use instead
    ```yaml
    mcred: 1
    title: Green procurement
    ```
    """
    return iter(())
