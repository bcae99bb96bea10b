"""MC002 duplicate-key: reported by the loader; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC002", "duplicate-key", Severity.ERROR, scope="loader",
      fix="Remove one of the two entries or merge them.",
      source="YAML 1.2 specification (keys are unique)")
def duplicate_key(*_: object) -> Iterator[Issue]:
    """A mapping repeats a key.

    Why is this bad?
    YAML requires unique keys; most tools silently keep the last value, so half of what the
    designer wrote is lost without warning.

    Example
    ```yaml
    title: Green procurement
    title: Green public procurement
    ```

    Use instead
    ```yaml
    title: Green public procurement
    ```
    """
    return iter(())
