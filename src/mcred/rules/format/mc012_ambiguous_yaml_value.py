"""MC012 ambiguous-yaml-value: reported by the loader; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC012", "ambiguous-yaml-value", Severity.WARNING, scope="loader",
      fix="Quote the value so YAML keeps it exactly as written.",
      source="YAML 1.2 §10.3 (core schema) and YAML 1.1 implicit types")
def ambiguous_yaml_value(*_: object) -> Iterator[Issue]:
    """An unquoted value that YAML reads as something other than what was written: a code
    or version where the format expects text (`0413` becomes 413, `1.10` becomes 1.1),
    `.inf` or `.nan` where it expects a number, or a `%YAML 1.1` directive that turns `no`
    into false and `010` into 8.

    Why is this bad?
    YAML's implicit typing changes values without any error: a leading zero or a trailing
    zero disappears, a country code `NO` becomes a boolean under YAML 1.1. mcred keeps the
    text as written where the format expects text, and warns so that the file says what it
    means for every other tool that reads it.

    Example
    ```yaml
    mcred: 1
    field_of_education: 0413
    grading:
      scale: 1.10
    ```

    Use instead
    ```yaml
    mcred: 1
    field_of_education: "0413"
    grading:
      scale: "1.10"
    ```
    """
    return iter(())
