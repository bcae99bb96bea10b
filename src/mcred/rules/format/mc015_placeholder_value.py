"""MC015 placeholder-value: reported by the engine (mcred.placeholders); this is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC015", "placeholder-value", Severity.ERROR, scope="loader",
      fix="Replace the placeholder with the real value, or remove the line until it is known.",
      source="Council Recommendation 2022/C 243/02, Annex II (transparency: information "
             "that is accurate and up to date)")
def placeholder_value(*_: object) -> Iterator[Issue]:
    """A value is still a placeholder (TODO, TBD, "por definir", `<title>`…).

    Found in every value of the design, language maps included: TODO, TBD, TBC, TBA,
    FIXME, XXX, N.N., "lorem ipsum", an angle-bracket slot such as `<title>`, or "to be
    defined" in one of the format's languages ("por definir", "a definir", "à définir",
    "da definire", "noch offen", "nog te bepalen", …). The word lists are
    `mcred/vocabularies/placeholders.toml`; `TODO` and the other markers count only in
    capitals, so the Spanish word "todo" is never one.

    The value is then treated as absent, so the same line is not also reported as an
    invalid value, and the element is not also reported as missing: this finding wins.
    `mcred init` writes a `TODO` for every question left unanswered, so a fresh design
    lists exactly what is still to be written. `mcred export` and `mcred render` refuse a
    design with placeholders unless `--force`.

    Why is this bad?
    A placeholder is an open point, not information: exported to a credential or a
    course page it tells learners and employers something false ("Validity: TODO"), and
    a validator that accepts it would call an unfinished design complete.

    Example
    ```yaml
    mcred: 1
    title: TODO the title learners will see
    credential:
      validity: por definir
    ```

    Use instead
    ```yaml
    mcred: 1
    title: Green Public Procurement in Practice
    credential:
      validity: unlimited
    ```
    """
    return iter(())
