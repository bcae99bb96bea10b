"""Where a design keeps the free text a learner reads, each text with its key path.

One walk for every rule that looks at all texts (language tags of maps, the design's
language missing from a map), so a new text field is added here once.
"""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import KeyPath
from mcred.langtext import LangText, prerequisite_text
from mcred.plain import Design


def learner_texts(design: Design) -> Iterator[tuple[KeyPath, LangText]]:
    """Every learner-facing text field that is set, in the format's order."""
    top = (("title", design.title), ("summary", design.summary),
           ("target_group", design.target_group))
    yield from (((key,), value) for key, value in top if value is not None)
    if design.needs_analysis and design.needs_analysis.rationale is not None:
        yield ("needs_analysis", "rationale"), design.needs_analysis.rationale
    for i, outcome in enumerate(design.learning_outcomes):
        if outcome.text is not None:
            yield ("learning_outcomes", i, "text"), outcome.text
    for i, task in enumerate(design.assessment):
        if task.criteria is not None:
            yield ("assessment", i, "criteria"), task.criteria
    if design.grading and design.grading.scale is not None:
        yield ("grading", "scale"), design.grading.scale
    qa = design.quality_assurance
    if qa and qa.internal is not None:
        yield ("quality_assurance", "internal"), qa.internal
    yield from _prerequisites(design)
    yield from _recognition(design)
    if design.credential and design.credential.validity is not None:
        yield ("credential", "validity"), design.credential.validity
    if design.contact is not None:
        yield ("contact",), design.contact


def _prerequisites(design: Design) -> Iterator[tuple[KeyPath, LangText]]:
    pre = design.prerequisites
    text = prerequisite_text(pre)
    if text is not None:
        structured = not isinstance(pre, str | dict)
        yield ("prerequisites", "description") if structured else ("prerequisites",), text


def _recognition(design: Design) -> Iterator[tuple[KeyPath, LangText]]:
    r = design.recognition
    if r is None:
        return
    for i, pathway in enumerate(r.pathways):
        if pathway.description is not None:
            yield ("recognition", "pathways", i, "description"), pathway.description
    if r.rpl is not None:
        yield ("recognition", "rpl"), r.rpl
