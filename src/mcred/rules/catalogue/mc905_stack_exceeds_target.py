"""MC905 stack-exceeds-target."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mcred.catalogue.model import Catalogue, CatalogueIssue, Entry, issue_in
from mcred.findings import Severity
from mcred.registry import NoOptions, RuleContext, rule

_SHOWN = 5
_EPSILON = 1e-9  # sums of decimal ECTS (0.1 + 0.2) must not exceed 0.3 by rounding


@dataclass(frozen=True)
class _Part:
    entry: Entry
    index: int
    ects: float


@rule("MC905", "stack-exceeds-target", Severity.WARNING, scope="catalogue",
      fix="Lower the `ects` counted towards the target, stack fewer designs towards it, or "
          "raise the target's `workload.ects`.",
      source="Council Recommendation 2022/C 243/02, Annex I (notional workload, "
             "integration/stackability); ECTS Users' Guide 2015")
def stack_exceeds_target(catalogue: Catalogue,
                         ctx: RuleContext[NoOptions]) -> Iterator[CatalogueIssue]:
    """The ECTS stacked towards a target add up to more than the target's own ECTS.

    Each design counts with `recognition.towards[].ects` where given, else with its own
    `workload.ects`. The finding is reported once per target, at the reference that takes
    the sum over the target's credits.

    Why is this bad?
    A stackable pathway promises that the parts add up to the whole. If they add up to
    more, learners do work that cannot be recognised, and the target's workload is
    probably understated.

    Example
    ```yaml
    # the target data-certificate has workload: {ects: 10}
    id: data-cleaning          # 6 ECTS
    recognition:
      towards:
        - id: data-certificate  # plus data-visualisation, also 6 ECTS: 12 > 10
    ```

    Use instead
    ```yaml
    id: data-cleaning
    recognition:
      towards:
        - id: data-certificate
          ects: 5               # counts for 5 of the certificate's 10 ECTS
    ```
    """
    for target_id, parts in _contributions(catalogue).items():
        target = catalogue.resolve(target_id)
        limit = target.ects() if target is not None else None
        if limit is None:
            continue
        total, tipping = 0.0, None
        for part in parts:
            total += part.ects
            if tipping is None and total > limit + _EPSILON:
                tipping = part
        if tipping is not None:
            where = tipping if tipping.entry.in_run else _last_in_run(parts, tipping)
            yield issue_in(where.entry, ctx.issue(
                ("recognition", "towards", where.index, "id"),
                f"the designs stacking towards `{target_id}` add up to {total:g} ECTS "
                f"({_listing(parts)}), more than its own {limit:g} ECTS"))


def _contributions(catalogue: Catalogue) -> dict[str, list[_Part]]:
    """Target id → what each design counts for there, in path order (one linear pass)."""
    parts: dict[str, list[_Part]] = {}
    for entry in catalogue:
        recognition = entry.design.recognition
        for i, towards in enumerate(recognition.towards if recognition else []):
            ects = towards.ects if towards.ects is not None else entry.ects()
            if towards.id is not None and ects is not None:
                parts.setdefault(towards.id, []).append(_Part(entry, i, ects))
    return parts


def _last_in_run(parts: list[_Part], fallback: _Part) -> _Part:
    return next((p for p in reversed(parts) if p.entry.in_run), fallback)


def _listing(parts: list[_Part]) -> str:
    shown = ", ".join(f"`{p.entry.id}` {p.ects:g}" for p in parts[:_SHOWN])
    return shown + (f" and {len(parts) - _SHOWN} more" if len(parts) > _SHOWN else "")
