"""MC505 automatic-stacking-claim."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mcred.findings import Issue, KeyPath, Severity
from mcred.langtext import LangText, text_path, variants
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule

_PROMISE = re.compile(
    r"\b(automatic(ally)?|guarantee[sd]?|entitle(s|d|ment)?|without (any )?further "
    r"(assessment|examination|study)|no (further|additional) (assessment|exams?))\b(?!-)",
    re.IGNORECASE)
# Larger credentials only: "certificates are issued automatically" is no stacking claim.
_AWARD = re.compile(r"\b(degrees?|qualifications?|diplomas?|master'?s?|bachelor'?s?|mba)\b",
                    re.IGNORECASE)
# The promise is about *being awarded* something, not about credits being recognised.
_OBTAIN = re.compile(r"\b(earn(s|ed)?|receive[sd]?|obtain(s|ed)?|award(s|ed)?|get(s|ting)?|"
                     r"gain(s|ed)?|grant(s|ed)?|confer(s|red)?|leads? to|entitle[sd]?)\b",
                     re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")


@rule("MC505", "automatic-stacking-claim", Severity.WARNING,
      fix="Say what the receiving institution decides: e.g. 'may be recognised towards …, "
          "subject to the admission and recognition rules of …'.",
      source="Council Recommendation 2022/C 243/02 (definition: micro-credentials carry no "
             "automatic entitlement to a qualification)")
def automatic_stacking_claim(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """A text promises that stacking leads automatically to a degree or qualification.

    The summary and the recognition texts (pathway descriptions, the RPL route, the names
    of stacking targets) are read sentence by sentence: a sentence with a promise word
    (automatically, guaranteed, entitled, without further assessment), a qualification
    (degree, diploma, master's, bachelor's, MBA, qualification) and a verb of being
    awarded it (earn, receive, obtain, award, lead to) is reported. Credits that are
    "automatically recognised" in a programme are not a promise of the qualification.

    Why is this bad?
    The Recommendation is explicit that stacking micro-credentials creates no automatic
    entitlement to a qualification: the awarding institution decides on recognition under
    its own rules. A promise of automatic award misleads learners and can breach consumer
    and accreditation rules.

    Example
    ```yaml
    summary: Collect all four badges and you automatically receive the Master's degree.
    ```

    Use instead
    ```yaml
    summary: >-
      The four badges may be recognised towards the Master's degree, subject to the
      university's recognition rules.
    ```
    """
    for where, text in _texts(design):
        for sentence in _SENTENCE.split(text):
            promise = _PROMISE.search(sentence)
            if promise and _AWARD.search(sentence) and _OBTAIN.search(sentence):
                yield ctx.issue(where, f"the text promises an automatic award "
                                f"('{promise.group(0)}'): \"{_clip(sentence)}\"")
                break


def _texts(design: Design) -> Iterator[tuple[KeyPath, str]]:
    """The free texts where designs describe what the credential leads to."""
    yield from _each(("summary",), design.summary)
    r = design.recognition
    if r is None:
        return
    for index, target in enumerate(r.towards):
        if target.name:
            yield ("recognition", "towards", index, "name"), target.name
    for index, pathway in enumerate(r.pathways):
        yield from _each(("recognition", "pathways", index, "description"), pathway.description)
    yield from _each(("recognition", "rpl"), r.rpl)


def _each(base: KeyPath, value: LangText | None) -> Iterator[tuple[KeyPath, str]]:
    """Every language version of a text, each at its own key path."""
    for tag, text in variants(value):
        if text:
            yield text_path(base, tag), text


def _clip(sentence: str, limit: int = 80) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
