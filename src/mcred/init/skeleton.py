"""The text of a new design: every key of the format, commented, in the order of the planning steps.

Written as text rather than dumped from data so that the guidance comments survive. Every
value nobody answered is a ``TODO`` placeholder on its own line, so that each lint finding
on a fresh skeleton points at a line that says what is still to do.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

TODO = "TODO"
ASSESSMENT_HINT = "written-exam | oral-exam | project | portfolio | quiz | practical | ..."
SUPERVISION_HINT = ("unsupervised-no-id | supervised-no-id | supervised-online-id | "
                    "supervised-onsite-id")
QA_HINT = "internal | external-programme | external-institutional"
PATHWAY_HINT = ("credit-transfer | recognition-of-prior-learning | professional-body | "
                "employer | admission")


@dataclass
class Outcome:
    """One answered learning outcome."""

    text: str
    esco: list[str] = field(default_factory=list)


@dataclass
class Answers:
    """What the designer answered; ``None`` (or an empty list) leaves a ``TODO``."""

    id: str = "new-micro-credential"
    title: str | None = None
    summary: str | None = None
    target_group: str | None = None
    rationale: str | None = None
    stakeholders: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    eqf: int | None = None
    field_of_education: str | None = None
    ects: float | None = None
    hours_total: float | None = None
    duration_weeks: float | None = None
    participation: str | None = None
    start: str | None = None
    end: str | None = None
    pace: str | None = None
    assessment_type: str | None = None
    assessment_criteria: str | None = None
    supervision: str | None = None
    qa_internal: str | None = None
    qa_external_body: str | None = None
    stackability: str | None = None
    pathway: str | None = None
    body_name: str | None = None
    body_country: str | None = None
    body_url: str | None = None
    languages: list[str] = field(default_factory=list)
    prerequisites: str | None = None
    fee: float | None = None
    currency: str | None = None
    contact: str | None = None
    further_information: str | None = None


_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ,.'()/-]*$")
_RESERVED = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}


def scalar(value: object) -> str:
    """A YAML scalar for an answer: plain when safe, otherwise a JSON (= YAML) quoted string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    text = str(value)
    if (_PLAIN.match(text) and text.lower() not in _RESERVED and ": " not in text
            and not text.rstrip().endswith(":") and not _looks_numeric(text)):
        return text
    return "".join(_escape(c) for c in json.dumps(text, ensure_ascii=False))


def _escape(char: str) -> str:
    """Escape what YAML rejects (non-printables) or would fold (NEL, LS, PS line breaks)."""
    code = ord(char)
    printable = (0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
                 or 0x10000 <= code <= 0x10FFFF) and code not in (0x2028, 0x2029)
    if printable:
        return char
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _v(value: object, todo: str) -> str:
    """The answer, or a ``TODO`` placeholder that says what to write there."""
    if value is None or value == "":
        hint = todo.replace(": ", " - ").replace(" #", " ")
        return f"TODO {hint}".rstrip() if hint else TODO
    return scalar(value)


def _flow(values: list[str], todo: str) -> str:
    if not values:
        hint = todo.replace(": ", " - ").replace(", ", "; ").replace(" #", " ")
        return f"[TODO {hint}]"
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def render(a: Answers) -> str:
    """The complete design text."""
    parts = [_header(a), _need(a), _outcomes(a), _level(a), _participation(a),
             _assessment(a), _quality(a), _recognition(a), _information(a)]
    return _prune_done("\n".join(parts))


def _prune_done(text: str) -> str:
    """Drop a parent key's ``# TODO`` comment once nothing below it is left to do."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        key, marker, _ = line.partition("  # TODO")
        if not marker or line.lstrip().startswith("#"):
            continue
        if key.startswith("mcred:"):
            block = lines[i + 1:]
        else:
            indent = len(line) - len(line.lstrip())
            block = []
            for below in lines[i + 1:]:
                if below.strip() and len(below) - len(below.lstrip()) <= indent:
                    break
                block.append(below)
        if not any("TODO" in b for b in block):
            lines[i] = key
    return "\n".join(lines)


def _header(a: Answers) -> str:
    return f"""\
# yaml-language-server: $schema=https://mcred.dev/schemas/mcred-design.schema.json
# A micro-credential design (mcred format 1). Replace every TODO, then run:
#   mcred lint {a.id}.yaml
# Each step below follows the Operational Guidelines on Planning and Designing
# Micro-Credentials (2023); `mcred explain CODE` explains any finding.
mcred: 1  # TODO replace every TODO below, then lint
id: {scalar(a.id)}
"""


def _need(a: Answers) -> str:
    return f"""\
# 1. Need and target group (Annex II: relevant, learner-centred)
title: {_v(a.title, "the title learners and employers will see")}
summary: {_v(a.summary, "two sentences: what the learner will be able to do, and for whom")}
target_group: {_v(a.target_group, "who the credential is for")}
needs_analysis:  # TODO why the credential is needed
  rationale: {_v(a.rationale, "the labour-market or societal need")}
  stakeholders: {_flow(a.stakeholders, "employers, sector bodies consulted")}
  evidence: {_flow(a.evidence, "surveys, reports or data behind the need")}
"""


def _outcomes(a: Answers) -> str:
    lines = ["# 2. Learning outcomes (Annex I): one observable action verb, an object, a context",
             "learning_outcomes:  # TODO 3-8 outcomes, each assessed"]
    outcomes = a.outcomes or [Outcome("")]
    for number, lo in enumerate(outcomes, 1):
        lines.append(f"  - id: lo{number}")
        lines.append(f"    text: {_v(lo.text, 'what the learner can do, e.g. Analyse ...')}")
        lines.append(f"    esco: {_flow(lo.esco, 'ESCO skill URI (http://data.europa.eu/esco/skill/...)')}")
    return "\n".join(lines) + "\n"


def _level(a: Answers) -> str:
    hours = a.hours_total
    if hours is None and a.ects is not None:
        hours = a.ects * 27  # the middle of the ECTS band of 25-30 hours per credit
    field = (json.dumps(a.field_of_education) if a.field_of_education
             else "TODO ISCED-F 2013 code, quoted, e.g. '0413'")
    return f"""\
# 3. Level and workload (Annex I): EQF level, and ECTS with the hours behind them
level:  # TODO the level of the learning
  eqf: {_v(a.eqf, "EQF level 1-8")}
  # qf_ehea_cycle: short | first | second | third   (higher education only)
  nqf: {_v(None, "national qualifications framework level")}
field_of_education: {field}
workload:  # TODO ECTS credits and the hours behind them
  ects: {_v(a.ects, "ECTS credits")}
  hours_total: {_v(hours, "all learning hours, 25-30 per ECTS credit")}
  hours_contact: {_v(None, "scheduled teaching hours")}
  hours_self_study: {_v(None, "independent study hours")}
  hours_assessment: {_v(None, "hours spent on assessment")}
  duration_weeks: {_v(a.duration_weeks, "length of the offer in weeks")}
"""


def _participation(a: Answers) -> str:
    return f"""\
# 4. Participation and schedule (Annex I: form of participation)
participation: {_v(a.participation, "online | onsite | blended | volunteering | work-experience")}
schedule:  # TODO when the offer runs
  start: {_v(a.start, "first day, YYYY-MM-DD")}
  end: {_v(a.end, "last day, YYYY-MM-DD")}
  pace: {_v(a.pace, "self-paced | cohort")}
"""


def _assessment(a: Answers) -> str:
    covers = ", ".join(f"lo{n}" for n in range(1, max(len(a.outcomes), 1) + 1))
    return f"""\
# 5. Assessment (Annex I: type of assessment; optional: supervision and identity check)
assessment:  # TODO how each outcome is assessed
  - id: a1
    type: {_v(a.assessment_type, ASSESSMENT_HINT)}
    covers: [{covers}]
    weight: 100
    criteria: {_v(a.assessment_criteria, "where the assessment criteria are published")}
    supervision: {_v(a.supervision, SUPERVISION_HINT)}
grading:  # TODO the grade learners receive
  scheme: {_v(None, "pass-fail | numeric | letter")}
  scale: {_v(None, "e.g. 0-10 or A-F")}
"""


def _quality(a: Answers) -> str:
    return f"""\
# 6. Quality assurance (Annex I: type of quality assurance; Annex II: quality)
quality_assurance:  # TODO how quality is assured and reviewed
  type: [{"internal" if a.qa_internal else "TODO " + QA_HINT}]
  internal: {_v(a.qa_internal, "the internal QA process")}
  external:  # TODO the external review
    body: {_v(a.qa_external_body, "the external QA agency")}
    last_review: {_v(None, "date of the last external review, YYYY-MM-DD")}
  review_interval_months: {_v(None, "months between reviews, e.g. 12")}
  feedback: {_flow([], "learners | employers | peers | graduates")}
"""


def _recognition(a: Answers) -> str:
    return f"""\
# 7. Recognition and stacking (Annex I optional: integration/stackability)
prerequisites:  # TODO entry requirements
  description: {_v(a.prerequisites, "what a learner needs before starting, or none")}
recognition:  # TODO where the credential counts
  stackability: {_v(a.stackability, "stand-alone | stackable")}
  pathways:  # TODO recognition routes
    - type: {_v(None, PATHWAY_HINT)}
      description: {_v(a.pathway, "how and where the credential is recognised")}
  rpl: {_v(None, "how prior learning can be recognised")}
"""


def _information(a: Answers) -> str:
    fee = (f"  amount: {scalar(a.fee)}\n  currency: {_v(a.currency, 'ISO 4217 code, e.g. EUR')}"
           if a.fee else
           f"  amount: {_v(None, 'what a learner pays (or replace both lines by free: true)')}"
           f"\n  currency: {_v(a.currency, 'ISO 4217 code, e.g. EUR')}")
    if a.fee == 0:
        fee = "  free: true"
    return f"""\
# 8. Learner information (Annex I: awarding body, country, language; Annex II: transparency)
awarding_bodies:  # TODO who awards the credential
  - name: {_v(a.body_name, "legal name of the awarding body")}
    country: {_v(a.body_country, "ISO 3166-1 alpha-2 code, e.g. ES")}
    legal_id: {_v(None, "ROR URL or registry number")}
    url: {_v(a.body_url, "web site of the awarding body")}
languages: {_flow(a.languages, "BCP 47 tags, e.g. en")}
credential:  # TODO what the issued credential carries
  formats: [{_v(None, "europass-edc | open-badges-3 | pdf")}]
  learner_identification: {_flow([], "e.g. full name, date of birth")}
  validity: {_v(None, "unlimited, or the validity period")}
fee:  # TODO the price for learners
{fee}
contact: {_v(a.contact, "where learners get information and guidance")}
further_information: {_v(a.further_information, "URL of the course page")}
"""
