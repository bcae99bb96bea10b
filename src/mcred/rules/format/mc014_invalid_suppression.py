"""MC014 invalid-suppression: reported by the suppression pass; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC014", "invalid-suppression", Severity.WARNING, scope="loader",
      fix="Name existing rules by code or name: `# mcred: ignore[MC303] reason`.",
      source="mcred (like ruff's RUF100 unused-noqa)")
def invalid_suppression(*_: object) -> Iterator[Issue]:
    """A `# mcred:` suppression comment names an unknown rule, or no rule at all.

    Why is this bad?
    A misspelt code (`MC33`) or directive (`# mcred: ignor[MC303]`) silences nothing, so
    the finding it was meant to excuse is still reported, or a reader believes a problem
    is excused when it is not. A bare `# mcred: ignore` without rules is not accepted:
    suppressing everything on a line would also hide problems nobody has looked at.

    Example
    ```yaml
    workload:
      ects: 5
      hours_total: 100  # mcred: ignore[MC330] Irish convention of 20 h per credit
    ```

    Use instead
    ```yaml
    workload:
      ects: 5
      hours_total: 100  # mcred: ignore[MC303] Irish convention of 20 h per credit
    ```
    """
    return iter(())
