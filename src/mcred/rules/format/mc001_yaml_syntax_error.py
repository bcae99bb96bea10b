"""MC001 yaml-syntax-error: reported by the loader; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC001", "yaml-syntax-error", Severity.ERROR, scope="loader",
      fix="Fix the YAML syntax at the reported position.",
      source="YAML 1.2 specification")
def yaml_syntax_error(*_: object) -> Iterator[Issue]:
    """The file is not valid YAML.

    Why is this bad?
    Nothing else can be checked until the file parses; the position is where the parser gave up,
    which is usually at or just after the mistake.

    Example
    ```yaml
    title: Green procurement
    learning_outcomes:
      - text: Analyse a tender
       - text: Justify criteria   # mis-indented
    ```

    Use instead
    ```yaml
    title: Green procurement
    learning_outcomes:
      - text: Analyse a tender
      - text: Justify criteria
    ```
    """
    return iter(())
