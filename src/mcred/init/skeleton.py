"""A new design as a ruamel tree, in the order of the planning steps, with guidance comments.

Built as data and written by ruamel (quoting is the writer's job, never ours). Every value
nobody answered is a ``TODO`` placeholder that says what to write, so `mcred lint`
(MC015) lists exactly what is still open; a section keeps its ``# TODO`` comment only
while something in it is still a TODO.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

from mcred.init.answers import Answers, Outcome, Route, Target, Task

TODO = "TODO"
SCHEMA_LINE = "yaml-language-server: $schema=https://mcred.dev/schemas/mcred-design.schema.json"
Entry = tuple[str, Any, str]  # key, value, what the section's TODO comment says


def todo(hint: str) -> str:
    return f"{TODO} {hint}"


def _v(value: Any, hint: str) -> Any:
    """The answer (numbers as written, text quoted where YAML would read it otherwise)."""
    if value is None or value == "":
        return todo(hint)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return _text(value) if isinstance(value, str) else value


def _text(value: str) -> Any:
    """Double-quoted when a YAML 1.1 reader would not read it back as this text."""
    import yaml
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    try:
        same = yaml.safe_load(value) == value
    except yaml.YAMLError:
        same = False
    return value if same else DoubleQuotedScalarString(value)


def _flow(values: Iterable[Any], hint: str) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    items = CommentedSeq([_v(v, hint) for v in values] or [todo(hint)])
    items.fa.set_flow_style()
    return items


def _map(*pairs: tuple[str, Any]) -> Any:
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap(pairs)


def has_todo(value: Any) -> bool:
    if isinstance(value, str):
        return value.startswith(TODO)
    if isinstance(value, dict):
        return any(has_todo(v) for v in value.values())
    if isinstance(value, list):
        return any(has_todo(v) for v in value)
    return False


def _need(a: Answers) -> list[Entry]:
    return [
        ("title", _v(a.title, "the title learners and employers will see"), ""),
        ("summary", _v(a.summary, "two sentences - what a learner will be able to do, "
                       "and for whom"), ""),
        ("target_group", _v(a.target_group, "who the credential is for"), ""),
        ("needs_analysis", _map(
            ("rationale", _v(a.rationale, "the labour-market or societal need")),
            ("stakeholders", _flow(a.stakeholders, "employers or sector bodies consulted")),
            ("evidence", _flow(a.evidence, "surveys or reports behind the need"))),
         "why the credential is needed"),
    ]


def _outcome(number: int, lo: Outcome) -> Any:
    pairs: list[tuple[str, Any]] = [
        ("id", f"lo{number}"),
        ("text", _v(lo.text, "what the learner can do, e.g. Analyse ..."))]
    if lo.esco or not lo.text:
        pairs.append(("esco", _flow(lo.esco, "ESCO skill URI")))
    return _map(*pairs)


def _outcomes(a: Answers) -> list[Entry]:
    from ruamel.yaml.comments import CommentedSeq

    items = CommentedSeq(_outcome(n, lo) for n, lo in enumerate(a.outcomes or [Outcome("")], 1))
    return [("learning_outcomes", items, "3-8 outcomes, each assessed")]


def _level(a: Answers) -> list[Entry]:
    level = [("eqf", _v(a.eqf, "EQF level 1-8"))]
    if a.qf_ehea_cycle:
        level.append(("qf_ehea_cycle", a.qf_ehea_cycle))
    level.append(("nqf", _v(a.nqf, "national qualifications framework level")))
    field = _v(a.field_of_education, "ISCED-F 2013 code, e.g. 0413")
    if a.field_of_education:
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        field = DoubleQuotedScalarString(a.field_of_education)
    return [
        ("level", _map(*level), "the level of the learning"),
        ("field_of_education", field, ""),
        ("workload", _map(
            ("ects", _v(a.ects, "ECTS credits")),
            ("hours_total", _v(a.hours_total, "all learning hours, 25-30 per ECTS credit")),
            ("hours_contact", _v(a.hours_contact, "scheduled teaching hours")),
            ("hours_self_study", _v(a.hours_self_study, "independent study hours")),
            ("hours_assessment", _v(a.hours_assessment, "hours spent on assessment")),
            ("duration_weeks", _v(a.duration_weeks, "length of the offer in weeks"))),
         "ECTS credits and the hours behind them"),
    ]


def _participation(a: Answers) -> list[Entry]:
    return [
        ("participation", _v(a.participation, "online | onsite | blended | volunteering | "
                             "work-experience"), ""),
        ("schedule", _map(("start", _v(a.start, "first day, YYYY-MM-DD")),
                          ("end", _v(a.end, "last day, YYYY-MM-DD")),
                          ("pace", _v(a.pace, "self-paced | cohort"))), "when the offer runs"),
    ]


def _task(number: int, task: Task, outcomes: int) -> Any:
    covers = [f"lo{n}" for n in task.covers] or [f"lo{n}" for n in range(1, outcomes + 1)]
    return _map(
        ("id", f"a{number}"),
        ("type", _v(task.type, "written-exam | oral-exam | project | portfolio | quiz | ...")),
        ("covers", _flow(covers, "ids of the outcomes assessed")),
        ("weight", _v(task.weight, "weight in percent")),
        ("criteria", _v(task.criteria, "where the assessment criteria are published")),
        ("supervision", _v(task.supervision, "unsupervised-no-id | supervised-no-id | "
                           "supervised-online-id | supervised-onsite-id")))


def _assessment(a: Answers) -> list[Entry]:
    from ruamel.yaml.comments import CommentedSeq

    tasks = a.tasks or [Task(weight=100)]
    outcomes = max(len(a.outcomes), 1)
    return [
        ("assessment", CommentedSeq(_task(n, t, outcomes) for n, t in enumerate(tasks, 1)),
         "how each outcome is assessed"),
        ("grading", _map(("scheme", _v(a.grading_scheme, "pass-fail | numeric | letter")),
                         ("scale", _v(a.grading_scale, "e.g. 0-20 or A-F"))),
         "the grade learners receive"),
    ]


def _quality(a: Answers) -> list[Entry]:
    external = _map(("body", _v(a.qa_external_body, "the external QA agency")),
                    ("last_review", _v(a.qa_last_review, "date of the last external review, "
                                       "YYYY-MM-DD")))
    return [("quality_assurance", _map(
        ("type", _flow(a.qa_types, "internal | external-programme | external-institutional")),
        ("internal", _v(a.qa_internal, "the internal QA process")),
        ("external", external),
        ("review_interval_months", _v(a.review_interval_months, "months between reviews, "
                                      "at most 12")),
        ("feedback", _flow(a.feedback, "learners | employers | peers | graduates"))),
        "how quality is assured and reviewed")]


def _route(route: Route) -> Any:
    return _map(("type", _v(route.type, "credit-transfer | recognition-of-prior-learning | "
                            "professional-body | employer | admission")),
                ("description", _v(route.description, "how and where it is recognised")))


def _target(target: Target) -> Any:
    pairs: list[tuple[str, Any]] = [("name", _v(target.name, ""))]
    if target.provider:
        pairs.append(("provider", _v(target.provider, "")))
    pairs.append(("ects", _v(target.ects, "ECTS it counts for there")))
    return _map(*pairs)


def _recognition(a: Answers) -> list[Entry]:
    from ruamel.yaml.comments import CommentedSeq

    routes = CommentedSeq(_route(r) for r in (a.pathways or [Route()]))
    recognition = [("stackability", _v(a.stackability, "stand-alone | stackable | both"))]
    if a.towards:
        recognition.append(("towards", CommentedSeq(_target(t) for t in a.towards)))
    recognition += [("pathways", routes),
                    ("rpl", _v(a.rpl, "how prior learning can be recognised"))]
    return [
        ("prerequisites", _map(("description", _v(a.prerequisites, "what a learner needs "
                                                  "before starting, or none"))),
         "entry requirements"),
        ("recognition", _map(*recognition), "where the credential counts"),
    ]


def _fee(a: Answers) -> Any:
    if a.fee == 0:
        return _map(("free", True))
    return _map(("amount", _v(a.fee, "what a learner pays, or write free - true instead")),
                ("currency", _v(a.currency, "ISO 4217 code, e.g. EUR")))


def _information(a: Answers) -> list[Entry]:
    from ruamel.yaml.comments import CommentedSeq

    body = _map(("name", _v(a.body_name, "legal name of the awarding body")),
                ("country", _v(a.body_country, "ISO 3166-1 alpha-2 code, e.g. PT")),
                ("legal_id", _v(a.body_legal_id, "ROR URL or registry number")),
                ("url", _v(a.body_url, "web site of the awarding body")))
    return [
        ("awarding_bodies", CommentedSeq([body]), "who awards the credential"),
        ("languages", _flow(a.languages, "BCP 47 tags such as pt"), ""),
        ("credential", _map(
            ("formats", _flow(a.formats, "europass-edc | open-badges-3 | pdf")),
            ("learner_identification", _flow(a.learner_identification, "e.g. full name")),
            ("validity", _v(a.validity, "unlimited, or the validity period"))),
         "what the issued credential carries"),
        ("fee", _fee(a), "the price for learners"),
        ("contact", _v(a.contact, "where learners get information and guidance"), ""),
        ("further_information", _v(a.further_information, "URL of the course page"), ""),
    ]


STEPS: tuple[tuple[str, Callable[[Answers], list[Entry]]], ...] = (
    ("1. Need and target group (Annex II: relevant, learner-centred)", _need),
    ("2. Learning outcomes (Annex I): one observable action verb, an object, a context",
     _outcomes),
    ("3. Level and workload (Annex I): EQF level, and ECTS with the hours behind them", _level),
    ("4. Participation and schedule (Annex I: form of participation)", _participation),
    ("5. Assessment (Annex I: type of assessment; optional: supervision, grade)", _assessment),
    ("6. Quality assurance (Annex I: type of quality assurance; Annex II: quality)", _quality),
    ("7. Recognition and stacking (Annex I optional: integration/stackability)", _recognition),
    ("8. Learner information (Annex I: awarding body, country; Annex II: transparency)",
     _information),
)


def build(a: Answers) -> Any:
    """The design as a commented ruamel mapping."""
    from ruamel.yaml.comments import CommentedMap

    design = CommentedMap([("mcred", 1), ("id", a.id)])
    for heading, step in STEPS:
        entries = step(a)
        for key, value, comment in entries:
            design[key] = value
            if comment and has_todo(value):
                design.yaml_add_eol_comment(f"# TODO {comment}", key, column=len(key) + 3)
        design.yaml_set_comment_before_after_key(entries[0][0], before=heading, indent=0)
    header = [SCHEMA_LINE, "A micro-credential design (mcred format 1)."]
    if has_todo(design):
        header.append(f"Replace every TODO, then run: mcred lint {a.id}.yaml")
        design.yaml_add_eol_comment("# TODO replace every TODO below, then lint", "mcred")
    header += ["Each step follows the Operational Guidelines on Planning and Designing",
               "Micro-Credentials (2023); `mcred explain CODE` explains any finding."]
    design.yaml_set_start_comment("\n".join(header))
    return design


def open_points(tree: Any) -> int:
    """How many values are still a TODO."""
    if isinstance(tree, dict):
        return sum(open_points(v) for v in tree.values())
    if isinstance(tree, list):
        return sum(open_points(v) for v in tree)
    return int(has_todo(tree))


def render(a: Answers) -> str:
    """The complete design text, written by ruamel."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    stream = io.StringIO()
    yaml.dump(build(a), stream)
    return stream.getvalue()


def summary(a: Answers) -> str:
    """What `mcred init` says it wrote: how much is left, and what to run next."""
    left = open_points(build(a))
    return f"{left} TODO{'s' * (left != 1)} left" if left else "every question answered"
