"""MC013 unused-suppression: reported by the suppression pass; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC013", "unused-suppression", Severity.WARNING, scope="loader",
      fix="Remove the rule from the `# mcred: ignore[...]` comment, or the whole comment.",
      source="mcred (like ruff's RUF100 unused-noqa)")
def unused_suppression(*_: object) -> Iterator[Issue]:
    """A `# mcred: ignore[...]` comment names a rule that reports nothing there.

    `# mcred: ignore[MC303] reason` silences the named rules on its own line (the line a
    finding is reported on); `# mcred: ignore-file[MC303] reason` silences them in the whole
    file. Codes and names both work. Suppressions of rules that are switched off by the
    configuration are not reported.

    Why is this bad?
    A suppression outlives the problem it excused: once the design is fixed the comment
    stays, and it would silently hide the next, real problem of the same kind on that line.
    Reporting unused suppressions keeps every exception current and justified.

    Example
    ```yaml
    workload:
      ects: 5
      hours_total: 135  # mcred: ignore[MC303] national convention of 20 h per credit
    ```

    Use instead
    ```yaml
    workload:
      ects: 5
      hours_total: 135
    ```
    """
    return iter(())
