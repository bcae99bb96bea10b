"""MC010 unsupported-tag: reported by the loader; this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC010", "unsupported-tag", Severity.ERROR, scope="loader",
      fix="Remove the tag; designs use plain YAML values only.",
      source="mcred safety limits")
def unsupported_tag(*_: object) -> Iterator[Issue]:
    """A value carries a YAML tag such as `!!python/object` or a custom `!tag`.

    Why is this bad?
    Tags ask a loader to construct objects, which some loaders turn into code execution; a design
    needs only text, numbers, dates, lists and mappings.

    Example
    ```yaml
    mcred: 1
    title: !!python/object:os.system echo
    ```

    Use instead
    ```yaml
    mcred: 1
    title: Green procurement
    ```
    """
    return iter(())
