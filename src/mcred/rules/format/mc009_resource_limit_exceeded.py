"""MC009 resource-limit-exceeded: reported by the loader; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC009", "resource-limit-exceeded", Severity.ERROR, scope="loader",
      fix="Simplify the file; a design never needs this much nesting, size or repetition.",
      source="mcred safety limits")
def resource_limit_exceeded(*_: object) -> Iterator[Issue]:
    """The file exceeds a safety limit: size, nesting depth, or the number of values after aliases
    are expanded.

    Why is this bad?
    Such files are built to exhaust memory or time ("billion laughs"); mcred stops reading them
    at a clear position instead of hanging the CI job.

    Example
    ```yaml
    a: &a [x, x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
    # ... nine more levels
    ```

    Use instead
    ```yaml
    mcred: 1
    title: Green procurement
    ```
    """
    return iter(())
