"""MC902 unknown-design-reference."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from mcred.catalogue.model import Catalogue, CatalogueIssue, Entry, issue_in
from mcred.findings import KeyPath, Severity
from mcred.registry import NoOptions, RuleContext, rule

# "Did you mean" compares one reference with every id; bounded so a catalogue full of
# broken references stays linear.
_SUGGESTIONS = 25


@rule("MC902", "unknown-design-reference", Severity.ERROR, scope="catalogue",
      fix="Use the `id` of a design in the catalogue, or describe an external programme "
          "with `name` and `provider`.",
      source="Council Recommendation 2022/C 243/02, Annex I (prerequisites, "
             "integration/stackability); mcred format v1")
def unknown_design_reference(catalogue: Catalogue,
                             ctx: RuleContext[NoOptions]) -> Iterator[CatalogueIssue]:
    """A prerequisite or stacking target names a design id that is not in the catalogue.

    Checked are `prerequisites.requires[]` and `recognition.towards[].id`; a target outside
    the catalogue is written with `name` and `provider` instead of `id`.

    Why is this bad?
    A learner following the pathway reaches a dead end: the prerequisite cannot be taken,
    or the credential does not count towards anything that exists. Usually it is a typo or
    a design that was renamed or retired without updating the designs that point at it.

    Example
    ```yaml
    prerequisites:
      requires: [statistic-basics]   # the design is called statistics-basics
    ```

    Use instead
    ```yaml
    prerequisites:
      requires: [statistics-basics]
    ```
    """
    budget = [_SUGGESTIONS]
    for entry in catalogue:
        for key_path, ref in _references(entry):
            if catalogue.resolve(ref) is None:
                yield issue_in(entry, ctx.issue(key_path, _message(ref, catalogue, budget)))


def _references(entry: Entry) -> Iterator[tuple[KeyPath, str]]:
    for j, ref in enumerate(entry.requires()):
        yield ("prerequisites", "requires", j), ref
    recognition = entry.design.recognition
    for i, target in enumerate(recognition.towards if recognition else []):
        if target.id is not None:
            yield ("recognition", "towards", i, "id"), target.id


def _message(ref: str, catalogue: Catalogue, budget: list[int]) -> str:
    mean = ""
    if budget[0] > 0:
        budget[0] -= 1
        close = difflib.get_close_matches(ref, catalogue.by_id, n=1)
        mean = f" (did you mean `{close[0]}`?)" if close else ""
    return f"no design in the catalogue has the id `{ref}`{mean}"
