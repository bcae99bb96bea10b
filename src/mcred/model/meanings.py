"""What each value of the format's vocabularies means, in the words of the guidance.

Editors show these beside the allowed values (hover, completion, the JSON Schema's
``enumDescriptions``); a vocabulary is matched by its exact set of values.
"""

from __future__ import annotations

from mcred.model import vocab

MEANINGS: dict[object, dict[str, str]] = {
    vocab.Participation: {
        "online": "taken entirely at a distance, over the internet",
        "onsite": "taken in person, at the provider's or a partner's premises",
        "blended": "a mix of online and onsite learning (also called hybrid)",
        "volunteering": "learning through volunteer work",
        "work-experience": "learning in a workplace (traineeship, apprenticeship)",
    },
    vocab.QfEheaCycle: {
        "short": "short cycle, within or linked to the first cycle (EQF 5)",
        "first": "first cycle, bachelor level (EQF 6)",
        "second": "second cycle, master level (EQF 7)",
        "third": "third cycle, doctoral level (EQF 8)",
    },
    vocab.Pace: {
        "self-paced": "learners start and progress when they choose",
        "cohort": "a group starts and progresses together on set dates",
    },
    vocab.AssessmentType: {
        "written-exam": "a written examination",
        "oral-exam": "an oral examination or viva",
        "project": "a project the learner carries out and hands in",
        "portfolio": "a collection of the learner's work, assessed as a whole",
        "quiz": "a short test, often automated",
        "presentation": "the learner presents to assessors or peers",
        "practical": "a practical demonstration of the skill",
        "peer-assessment": "learners assess each other's work against criteria",
        "assignment": "a written assignment such as an essay or report",
        "recognition-of-prior-learning": "credit for what the learner already knows",
        "attendance": "presence only (does not show that outcomes were achieved)",
        "participation": "taking part in activities (does not show that outcomes were "
                         "achieved)",
    },
    vocab.Supervision: {
        "unsupervised-no-id": "no supervision and no identity check",
        "supervised-no-id": "supervised, without an identity check",
        "supervised-online-id": "supervised online, with an identity check",
        "supervised-onsite-id": "supervised onsite, with an identity check",
    },
    vocab.GradingScheme: {
        "pass-fail": "the learner passes or fails, without a grade",
        "numeric": "a numeric grade on a scale (e.g. 0–10)",
        "letter": "a letter grade (e.g. A–F)",
    },
    vocab.QaType: {
        "internal": "the provider's own quality assurance",
        "external-programme": "external review or accreditation of this programme",
        "external-institutional": "external review or accreditation of the institution",
        "other": "another form of quality assurance",
    },
    vocab.FeedbackSource: {
        "learners": "feedback from the learners",
        "employers": "feedback from employers",
        "peers": "feedback from peer providers or colleagues",
        "graduates": "feedback from former learners",
    },
    vocab.Stackability: {
        "stand-alone": "complete in itself; not part of a larger credential",
        "stackable": "can be combined with others towards a larger credential",
    },
    vocab.PathwayType: {
        "credit-transfer": "credits count towards another programme",
        "recognition-of-prior-learning": "recognised through an RPL procedure",
        "professional-body": "recognised by a professional body",
        "employer": "recognised by employers",
        "admission": "counts for admission to another programme",
    },
    vocab.CredentialFormat: {
        "europass-edc": "a European Digital Credential (Europass)",
        "open-badges-3": "an Open Badges 3.0 credential",
        "pdf": "a PDF certificate (not verifiable by machines)",
        "other": "another format",
    },
}


def meanings_of(allowed: list[object] | tuple[object, ...]) -> dict[str, str]:
    """The meanings of a list of allowed values, when it is one of the vocabularies."""
    wanted = set(allowed)
    for vocabulary, meanings in MEANINGS.items():
        if set(vocab.values(vocabulary)) == wanted:
            return meanings
    return {}
