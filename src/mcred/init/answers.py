"""What the designer answered in `mcred init`; ``None`` or an empty list leaves a TODO."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Outcome:
    """One learning outcome and the ESCO skills it maps to."""

    text: str
    esco: list[str] = field(default_factory=list)


@dataclass
class Task:
    """One assessment task; ``covers`` holds outcome numbers (1-based)."""

    type: str | None = None
    weight: float | None = None
    covers: list[int] = field(default_factory=list)
    criteria: str | None = None
    supervision: str | None = None


@dataclass
class Route:
    """One recognition pathway."""

    type: str | None = None
    description: str | None = None


@dataclass
class Target:
    """A larger credential this one stacks towards."""

    name: str
    provider: str | None = None
    ects: float | None = None


@dataclass
class Answers:
    """Every answer of the interview, grouped by planning step."""

    id: str = "new-micro-credential"
    # 1. need and target group
    title: str | None = None
    summary: str | None = None
    target_group: str | None = None
    rationale: str | None = None
    stakeholders: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    # 2. learning outcomes
    outcomes: list[Outcome] = field(default_factory=list)
    # 3. level and workload
    eqf: int | None = None
    qf_ehea_cycle: str | None = None
    nqf: str | None = None
    field_of_education: str | None = None
    ects: float | None = None
    hours_total: float | None = None
    hours_contact: float | None = None
    hours_self_study: float | None = None
    hours_assessment: float | None = None
    duration_weeks: float | None = None
    # 4. participation and schedule
    participation: str | None = None
    start: date | None = None
    end: date | None = None
    pace: str | None = None
    # 5. assessment and grading
    tasks: list[Task] = field(default_factory=list)
    grading_scheme: str | None = None
    grading_scale: str | None = None
    # 6. quality assurance
    qa_types: list[str] = field(default_factory=list)
    qa_internal: str | None = None
    qa_external_body: str | None = None
    qa_last_review: date | None = None
    review_interval_months: int | None = None
    feedback: list[str] = field(default_factory=list)
    # 7. recognition and stacking
    prerequisites: str | None = None
    stackability: str | None = None
    towards: list[Target] = field(default_factory=list)
    pathways: list[Route] = field(default_factory=list)
    rpl: str | None = None
    # 8. learner information
    body_name: str | None = None
    body_country: str | None = None
    body_legal_id: str | None = None
    body_url: str | None = None
    languages: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    learner_identification: list[str] = field(default_factory=list)
    validity: str | None = None
    fee: float | None = None
    currency: str | None = None
    contact: str | None = None
    further_information: str | None = None
