"""Criteria narratives (Markdown, as OB3 allows) → outcomes, assessment tasks, workload."""

from __future__ import annotations

import re

from mcred.importers import vocab
from mcred.importers.draft import Draft, SourcePath

_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+(.+?)\s*$")
_TASK = re.compile(r"^(?P<type>[a-z-]+)(?: \((?P<weight>\d+(?:\.\d+)?) ?%\))?(?:: (?P<c>.+))?$")
_ECTS = re.compile(r"(\d+(?:[.,]\d+)?)\s*ECTS", re.IGNORECASE)
_HOURS = re.compile(r"(\d+(?:[.,]\d+)?)\s*hours", re.IGNORECASE)


def read_narrative(draft: Draft, narrative: str, origin: SourcePath) -> None:
    """Bullets under an "assessment" heading are tasks; other bullets are outcomes.

    This reads the narrative mcred's exporter writes, and the common "Learners will be
    able to: - …" form; a narrative without bullets is kept whole under ``x-``.
    """
    from mcred.model.vocab import AssessmentType, values

    section = "outcomes"
    outcomes = tasks = 0
    for line in narrative.splitlines():
        lowered = line.lower()
        if line.strip() and not _BULLET.match(line):
            section = "assessment" if "assess" in lowered else "outcomes"
            if lowered.startswith("workload"):
                _workload(draft, line, origin)
            continue
        bullet = _BULLET.match(line)
        if bullet is None:
            continue
        text = bullet.group(1)
        task = _TASK.match(text) if section == "assessment" else None
        if task and task.group("type") in values(AssessmentType):
            base = ("assessment", tasks)
            draft.put((*base, "type"), task.group("type"), origin)
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


def _workload(draft: Draft, line: str, origin: SourcePath) -> None:
    ects = _ECTS.search(line)
    hours = _HOURS.search(line)
    if ects and "ects" not in draft.data.get("workload", {}):
        draft.put(("workload", "ects"), vocab.number(ects.group(1)), origin)
    if hours:
        draft.put(("workload", "hours_total"), vocab.number(hours.group(1)), origin)
