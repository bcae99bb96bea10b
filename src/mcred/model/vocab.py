"""The format's vocabularies: lowercase-kebab values, checked by the model."""

from __future__ import annotations

from typing import Literal, get_args

Participation = Literal["online", "onsite", "blended", "volunteering", "work-experience"]
QfEheaCycle = Literal["short", "first", "second", "third"]
Pace = Literal["self-paced", "cohort"]
FeeBasis = Literal["course", "credit", "module"]
AssessmentType = Literal[
    "written-exam", "oral-exam", "project", "portfolio", "quiz", "presentation", "practical",
    "peer-assessment", "assignment", "recognition-of-prior-learning", "attendance",
    "participation",
]
Supervision = Literal[
    "unsupervised-no-id", "supervised-no-id", "supervised-online-id", "supervised-onsite-id"
]
GradingScheme = Literal["pass-fail", "numeric", "letter"]
QaType = Literal["internal", "external-programme", "external-institutional", "other"]
FeedbackSource = Literal["learners", "employers", "peers", "graduates"]
Stackability = Literal["stand-alone", "stackable", "both"]  # both: on its own or inside a degree
PathwayType = Literal[
    "credit-transfer", "recognition-of-prior-learning", "professional-body", "employer",
    "admission",
]
CredentialFormat = Literal[
    "europass-edc", "open-badges-3", "open-badges-2", "edubadges", "pdf", "other"
]


def values(vocabulary: object) -> tuple[str, ...]:
    """The allowed values of a vocabulary, for messages and docs."""
    return tuple(get_args(vocabulary))


# Common words users write for a vocabulary value; used for "did you mean" and by --fix.
SYNONYMS: dict[str, str] = {
    "hybrid": "blended",
    "mixed": "blended",
    "face-to-face": "onsite",
    "in-person": "onsite",
    "on-site": "onsite",
    "on-campus": "onsite",
    "distance": "online",
    "remote": "online",
    "e-learning": "online",
    "exam": "written-exam",
    "written exam": "written-exam",
    "oral exam": "oral-exam",
    "viva": "oral-exam",
    "test": "quiz",
    "essay": "assignment",
    "rpl": "recognition-of-prior-learning",
    "standalone": "stand-alone",
    "stand alone": "stand-alone",
    "self paced": "self-paced",
    "stand-alone or stackable": "both",
    "open badges 2": "open-badges-2",
    "open badges 3": "open-badges-3",
    "europass": "europass-edc",
    "per ects": "credit",
    "per credit": "credit",
    "pass/fail": "pass-fail",
}
