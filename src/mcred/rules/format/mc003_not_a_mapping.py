"""MC003 not-a-mapping: reported by the loader; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC003", "not-a-mapping", Severity.ERROR, scope="loader",
      fix="Write the design as `key: value` lines starting with `mcred: 1`.",
      source="format v1")
def not_a_mapping(*_: object) -> Iterator[Issue]:
    """The top level of the file is not a mapping (a list, a single value or an empty file).

    Why is this bad?
    A design is a set of named elements; anything else cannot be a micro-credential design.

    Example
    ```yaml
    - Green procurement
    - 5 ECTS
    ```

    Use instead
    ```yaml
    mcred: 1
    title: Green procurement
    ```
    """
    return iter(())
