"""MC007 duplicate-id: reported by the loader; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC007", "duplicate-id", Severity.ERROR, scope="loader",
      fix="Give each learning outcome and each assessment its own id.",
      source="format v1")
def duplicate_id(*_: object) -> Iterator[Issue]:
    """Two learning outcomes, or two assessments, share an `id`.

    Why is this bad?
    Assessments refer to outcomes by id; a repeated id makes the link ambiguous.

    Example
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Analyse a tender
      - id: lo1
        text: Justify criteria
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Analyse a tender
      - id: lo2
        text: Justify criteria
    ```
    """
    return iter(())
