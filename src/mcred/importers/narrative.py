"""Criteria narratives (Markdown, as OB3 allows) → outcomes, assessment tasks, workload."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from mcred.importers import vocab
from mcred.importers.draft import Draft, SourcePath

_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+(.+?)\s*$")
_TASK = re.compile(r"^(?P<type>[^(:]+?)(?: \((?P<weight>\d+(?:[.,]\d+)?) ?%\))?(?:: (?P<c>.+))?$")
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_SAMPLE = 987654  # stands for the number in a translated phrase, to make a pattern of it


@dataclass(frozen=True)
class _Words:
    """How mcred's exporter words a narrative, in every language of its page catalogues."""

    assessment: tuple[str, ...]  # the assessment heading, lowercased
    workload: tuple[str, ...]  # the workload line's opening, lowercased
    types: dict[str, str]  # lowercased label (or code) of an assessment type → its code
    ects: tuple[re.Pattern[str], ...]
    hours: tuple[re.Pattern[str], ...]


@cache
def _words() -> _Words:
    from mcred.model.vocab import AssessmentType, values
    from mcred.render.i18n import SUPPORTED, wording
    from mcred.render.labels import label

    assessment: set[str] = set()
    workload: set[str] = set()
    ects: list[re.Pattern[str]] = []
    hours: list[re.Pattern[str]] = []
    types = {code: code for code in values(AssessmentType)}
    for lang in SUPPORTED:
        w = wording(lang)
        assessment.add(w._("Achievement is verified by assessment:").lower())
        workload.add(w._("Workload: %(parts)s.", parts="").lower().rstrip(". "))
        types.update({label(code, w).lower(): code for code in values(AssessmentType)})
        for target, one, many in ((ects, "%(n)s ECTS credit", "%(n)s ECTS credits"),
                                  (hours, "%(n)s hour of learning", "%(n)s hours of learning")):
            phrase = w.ngettext(one, many, _SAMPLE).replace(w.number(_SAMPLE), str(_SAMPLE))
            target.append(re.compile(re.escape(phrase).replace(str(_SAMPLE), _NUMBER),
                                     re.IGNORECASE))
    ects.append(re.compile(_NUMBER + r"\s*ECTS", re.IGNORECASE))
    hours.append(re.compile(_NUMBER + r"\s*hours", re.IGNORECASE))
    return _Words(tuple(assessment), tuple(workload), types, tuple(ects), tuple(hours))


def read_narrative(draft: Draft, narrative: str, origin: SourcePath) -> None:
    """Bullets under an "assessment" heading are tasks; other bullets are outcomes.

    This reads the narrative mcred's exporter writes, and the common "Learners will be
    able to: - …" form; a narrative without bullets is kept whole under ``x-``.
    """
    words = _words()
    section = "outcomes"
    outcomes = tasks = 0
    for line in narrative.splitlines():
        lowered = line.strip().lower()
        if line.strip() and not _BULLET.match(line):
            heading = "assess" in lowered or lowered in words.assessment
            section = "assessment" if heading else "outcomes"
            if lowered.startswith(words.workload):
                _workload(draft, line, origin, words)
            continue
        bullet = _BULLET.match(line)
        if bullet is None:
            continue
        text = bullet.group(1)
        task = _TASK.match(text) if section == "assessment" else None
        kind = words.types.get(task.group("type").strip().lower()) if task else None
        if task and kind:
            base = ("assessment", tasks)
            draft.put((*base, "type"), kind, origin)
            draft.put((*base, "weight"), vocab.number(task.group("weight")), origin)
            draft.put((*base, "criteria"), task.group("c"), origin)
            tasks += 1
        elif section == "assessment":
            draft.put(("assessment", tasks, "criteria"), text, origin)
            tasks += 1
        else:
            draft.put(("learning_outcomes", outcomes, "text"), text, origin)
            outcomes += 1
    if not outcomes and not tasks:
        draft.keep("criteria", narrative, origin)


def _workload(draft: Draft, line: str, origin: SourcePath, words: _Words) -> None:
    ects = next((m for p in words.ects if (m := p.search(line))), None)
    hours = next((m for p in words.hours if (m := p.search(line))), None)
    if ects and "ects" not in draft.data.get("workload", {}):
        draft.put(("workload", "ects"), vocab.number(ects.group(1)), origin)
    if hours:
        draft.put(("workload", "hours_total"), vocab.number(hours.group(1)), origin)
