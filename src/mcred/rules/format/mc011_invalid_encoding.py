"""MC011 invalid-encoding: reported while reading the file; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC011", "invalid-encoding", Severity.ERROR, scope="loader",
      fix="Save the file as UTF-8 text without control characters.",
      source="YAML 1.2 §5.1–5.2 (character set, encodings); mcred safety limits")
def invalid_encoding(*_: object) -> Iterator[Issue]:
    """The file is not UTF-8 text: UTF-16/32, binary (NUL bytes), an invalid byte, a control
    character, or a byte-order mark in the middle of the file.

    Why is this bad?
    mcred reads designs as UTF-8, the encoding every tool in a review pipeline agrees on.
    Control characters are invisible in editors and diffs and can rewrite what a terminal or a
    CI log shows; a byte-order mark in the middle of a file (left by joining two files) silently
    becomes part of a key or value. The finding gives the line and column of the first bad
    character so it can be found and deleted.

    Example
    ```yaml
    mcred: 1
    title: "Green procurement" # a BEL or ESC character hides in this line
    ```

    Use instead
    ```yaml
    mcred: 1
    title: Green procurement
    ```
    """
    return iter(())
