"""Vocabulary values as the words a learner reads (``supervised-online-id`` → "Supervised,
identity checked online"); the messages are translated through the catalogues."""

from __future__ import annotations

from mcred.render.i18n import N_, Wording

LABELS: dict[str, str] = {
    # participation
    "online": N_("Online"),
    "onsite": N_("On site"),
    "blended": N_("Blended (online and on site)"),
    "volunteering": N_("Volunteering"),
    "work-experience": N_("Work experience"),
    # pace
    "self-paced": N_("Self-paced"),
    "cohort": N_("In a cohort"),
    # assessment types
    "written-exam": N_("Written exam"),
    "oral-exam": N_("Oral exam"),
    "project": N_("Project"),
    "portfolio": N_("Portfolio"),
    "quiz": N_("Quiz"),
    "presentation": N_("Presentation"),
    "practical": N_("Practical assessment"),
    "peer-assessment": N_("Peer assessment"),
    "assignment": N_("Assignment"),
    "recognition-of-prior-learning": N_("Recognition of prior learning"),
    "attendance": N_("Attendance"),
    "participation": N_("Participation"),
    # supervision
    "unsupervised-no-id": N_("Unsupervised, no identity check"),
    "supervised-no-id": N_("Supervised, no identity check"),
    "supervised-online-id": N_("Supervised, identity checked online"),
    "supervised-onsite-id": N_("Supervised, identity checked on site"),
    # grading schemes
    "pass-fail": N_("Pass or fail"),
    "numeric": N_("Numeric grade"),
    "letter": N_("Letter grade"),
    # quality assurance
    "internal": N_("Internal"),
    "external-programme": N_("External programme review"),
    "external-institutional": N_("External institutional"),
    "other": N_("Other"),
    # feedback sources
    "learners": N_("learners"),
    "employers": N_("employers"),
    "peers": N_("peers"),
    "graduates": N_("graduates"),
    # stackability
    "stand-alone": N_("Stand-alone"),
    "stackable": N_("Stackable into larger credentials"),
    # recognition pathways
    "credit-transfer": N_("Credit transfer"),
    "professional-body": N_("Professional body"),
    "employer": N_("Employer recognition"),
    "admission": N_("Admission to further study"),
    # credential formats
    "europass-edc": N_("Europass Digital Credential"),
    "open-badges-3": N_("Open Badges 3.0"),
    "pdf": N_("PDF certificate"),
    # QF-EHEA cycles
    "short": N_("short cycle"),
    "first": N_("first cycle"),
    "second": N_("second cycle"),
    "third": N_("third cycle"),
}


def label(value: str | None, words: Wording) -> str:
    """The translated label of a vocabulary value; an unknown value as readable words."""
    if not value:
        return ""
    message = LABELS.get(value)
    if message is not None:
        return words._(message)
    text = value.replace("-", " ")
    return text[:1].upper() + text[1:]
