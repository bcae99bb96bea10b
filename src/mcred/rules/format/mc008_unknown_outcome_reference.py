"""MC008 unknown-outcome-reference: reported by the loader; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC008", "unknown-outcome-reference", Severity.ERROR, scope="loader",
      fix="Use the id of an outcome listed under `learning_outcomes`.",
      source="format v1; ESG 1.3")
def unknown_outcome_reference(*_: object) -> Iterator[Issue]:
    """`assessment[].covers` names an outcome id that does not exist.

    Why is this bad?
    The link between assessment and outcomes (constructive alignment) is what makes the
    credential trustworthy; a dangling reference breaks it.

    Example
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Analyse a tender
    assessment:
      - type: project
        covers: [lo2]
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Analyse a tender
    assessment:
      - type: project
        covers: [lo1]
    ```
    """
    return iter(())
