"""MC006 invalid-value: reported by the loader; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC006", "invalid-value", Severity.ERROR, scope="loader",
      fix="Correct the value to the type, range or vocabulary the format documents.",
      source="format v1")
def invalid_value(*_: object) -> Iterator[Issue]:
    """A value has the wrong type, is out of range (e.g. `eqf: 9`) or is not in its vocabulary.

    Why is this bad?
    Readers, exports and other rules rely on the documented types and vocabularies; a value
    outside them cannot be interpreted or recognised.

    Example
    ```yaml
    mcred: 1
    level:
      eqf: 9
    participation: hybrid
    ```

    Use instead
    ```yaml
    mcred: 1
    level:
      eqf: 6
    participation: blended
    ```
    """
    return iter(())
