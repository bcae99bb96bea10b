"""Outcome framing: stems to strip ("Learners will be able to") and teacher-centred phrasing."""

from __future__ import annotations

import functools
import re

_SUBJECT = (r"(?:(?:the|all|each|every|successful)\s+)?(?:learners?|students?|participants?|"
            r"graduates?|trainees?|candidates?|attendees?|apprentices?|you|they)")
_LEAD = (r"(?:(?:(?:up)?on|after|following|by|at|with)\s+(?:the\s+)?(?:successful\s+)?"
         r"(?:end|completion|conclusion|completing|finishing|successfully\s+completing)|"
         r"having\s+(?:successfully\s+)?completed)\b"
         r"[^,:]*?(?:\s*[,:]\s*|\s+(?=" + _SUBJECT + r"\s))")
_MODAL = r"(?:will|shall|should|can|could|must|may|would)"
_ABILITY = (r"(?:(?:(?:be|are|is)\s+)?(?:able|expected|prepared|ready)\s+to|"
            r"have\s+(?:the\s+)?(?:ability|skills?|knowledge|competence)\s+to|"
            r"(?:demonstrate|show|develop)\s+(?:the|an|their)\s+ability\s+to|"
            r"(?:the\s+)?ability\s+to)")
_COURSE = (r"(?:course|module|programme|program|micro-?credentials?|workshop|training|unit|"
           r"session|class|lecture|seminar|curriculum|lesson|bootcamp|webinar|masterclass)")
_LEARNER = r"(?:the\s+)?(?:learners?|students?|participants?|trainees?|attendees?|you)"


@functools.cache
def _stems() -> tuple[re.Pattern[str], ...]:
    """Compiled on first use, not at import (startup matters for pre-commit)."""
    parts = (_LEAD, _SUBJECT + r"\s+(?:" + _MODAL + r"\s+)?", _MODAL + r"\s+",
             _ABILITY + r"(?::?\s+|:?$)", r"to\s+(?=\S)")
    return tuple(re.compile(p, re.IGNORECASE) for p in parts)


@functools.cache
def _teacher() -> tuple[re.Pattern[str], ...]:
    parts = (
        r"(?:in\s+)?(?:this|the|our)\s+" + _COURSE + r"\b",
        r"(?:an?\s+)?(?:brief\s+|short\s+|general\s+)?(?:introduction|overview)\s+(?:to|of)\b",
        r"be\s+(?:taught|shown|introduced|given|provided|presented|trained|instructed)\b",
        r"(?:receive|get|obtain)s?\s+(?:an?\s+)?(?:brief\s+|short\s+|general\s+)?"
        r"(?:introduction|overview)\b",
        r"to\s+(?:introduce|teach)\b",
        r"to\s+(?:provide|give|familiari[sz]e|equip|enable|expose|offer|show|help|prepare)\s+"
        + _LEARNER + r"\b",
        r"(?:we|i|the\s+(?:teachers?|tutors?|instructors?|lecturers?|trainers?|facilitators?))"
        r"\s+(?:will|shall|can|are\s+going\s+to)\b",
        r"(?:the\s+)?(?:aims?|objectives?|purpose|goals?)\s+(?:of|is|are)\b",
    )
    return tuple(re.compile(p, re.IGNORECASE) for p in parts)


def split_stem(text: str) -> tuple[str, str]:
    """(stem, body): "On completion, learners will be able to analyse X" → body "analyse X"."""
    body = text
    changed = True
    while changed and body:
        changed = False
        for pattern in _stems():
            match = pattern.match(body)
            if match and match.end() > 0:
                body = body[match.end():]
                changed = True
    return text[: len(text) - len(body)].strip(), body


def teacher_phrase(text: str, body: str) -> str | None:
    """The words that frame the outcome as teaching intent, or None."""
    for candidate in (text, body):
        for pattern in _teacher():
            match = pattern.match(candidate)
            if match:
                return match.group(0)
    return None
