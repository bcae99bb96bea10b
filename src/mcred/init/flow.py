"""The guided interview: the planning steps as questions; an empty answer leaves a TODO.

Answers are normalised the way `mcred lint --fix` would (`hybrid` → `blended`, `Portugal`
→ `PT`); an answer that is still not a value of the format is asked again, saying why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from rich.console import Console
from rich.markup import escape
from rich.prompt import Prompt

from mcred.findings import KeyPath
from mcred.init import normalise
from mcred.init.answers import Answers, Outcome, Route, Target, Task

T = TypeVar("T")
MAX_ITEMS = 12


class Interview:
    """Asks on ``console``; every question can be skipped with Enter."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def step(self, number: int, title: str, why: str) -> None:
        self.console.print(f"\n[bold]{number}. {title}[/bold]  [dim]{why}[/dim]")

    def text(self, question: str) -> str | None:
        answer = Prompt.ask(f"  {escape(question)}", default="", show_default=False,
                            console=self.console)
        return answer.strip() or None

    def checked(self, question: str, parse: Callable[[str], T | None], problem: str) -> T | None:
        """Ask until the answer parses (or is empty); say what is wrong otherwise."""
        while True:
            answer = self.text(question)
            if answer is None:
                return None
            value = parse(answer)
            if value is not None:
                if str(value) != answer and not isinstance(value, list | float):
                    self.console.print(f"  [dim]→ {escape(str(value))}[/dim]")
                return value
            self.console.print(f"  [red]{escape(problem)}[/red] (Enter to leave a TODO)")

    def value(self, question: str, path: KeyPath, problem: str = "") -> Any:
        """A value of the format at ``path``; a vocabulary's values are shown."""
        allowed = normalise.allowed(path)
        if allowed:
            question = f"{question} ({' / '.join(allowed)})"
            problem = problem or f"choose one of: {', '.join(allowed)}"
        return self.checked(question, lambda a: normalise.value(path, a),
                            problem or "not a value this field takes")

    def listing(self, question: str, path: KeyPath, problem: str = "") -> list[Any]:
        allowed = normalise.allowed((*path, 0))
        hint = " / ".join(allowed) + ", " if allowed else ""
        problem = problem or (f"each one of: {', '.join(allowed)}" if allowed
                              else "one of these is not valid")
        found = self.checked(f"{question} ({hint}comma-separated)",
                             lambda a: normalise.listing(path, a), problem)
        return found or []

    def number(self, question: str, low: float, high: float, problem: str) -> float | None:
        return self.checked(question, lambda a: normalise.number(a, low, high), problem)

    def date(self, question: str) -> Any:
        return self.checked(f"{question} (YYYY-MM-DD)", normalise.date,
                            "a date like 2027-02-01")


def _whole(found: float | None) -> int | None:
    return int(found) if found is not None else None


def _need(ask: Interview, a: Answers) -> None:
    ask.step(1, "Need and target group", "why it is needed, and for whom")
    a.title = ask.text("Title")
    a.summary = ask.text("Short description for learners")
    a.target_group = ask.text("Target group")
    a.rationale = ask.text("Labour-market or societal need")
    a.stakeholders = ask.listing("Stakeholders consulted", ("needs_analysis", "stakeholders"))
    a.evidence = ask.listing("Evidence of the need", ("needs_analysis", "evidence"))


def _outcomes(ask: Interview, a: Answers) -> None:
    ask.step(2, "Learning outcomes", "one observable action verb, an object and a context")
    for number in range(1, MAX_ITEMS + 1):
        text = ask.text(f"Outcome {number} (Enter when done)")
        if text is None:
            break
        esco = ask.listing("  ESCO skill URIs", ("learning_outcomes", 0, "esco"))
        a.outcomes.append(Outcome(text, esco))


def _level(ask: Interview, a: Answers) -> None:
    ask.step(3, "Level and workload", "EQF level; ECTS credits at 25-30 hours each")
    a.eqf = _whole(ask.number("EQF level (1-8)", 1, 8, "an EQF level is a number from 1 to 8"))
    a.qf_ehea_cycle = ask.value("QF-EHEA cycle, higher education only", ("level",
                                                                         "qf_ehea_cycle"))
    a.nqf = ask.text("National qualifications framework level")
    a.field_of_education = ask.value("ISCED-F 2013 field code (e.g. 0413)",
                                     ("field_of_education",), "2 to 4 digits, e.g. 0413")
    a.ects = ask.number("ECTS credits", 0.1, 240, "a number of credits, e.g. 5")
    a.hours_contact = ask.number("Contact hours", 0, 100_000, "a number of hours")
    a.hours_self_study = ask.number("Self-study hours", 0, 100_000, "a number of hours")
    a.hours_assessment = ask.number("Assessment hours", 0, 100_000, "a number of hours")
    parts = [a.hours_contact, a.hours_self_study, a.hours_assessment]
    total = sum(p for p in parts if p is not None) if None not in parts else None
    question = f"Total learning hours (Enter: {total:g})" if total else "Total learning hours"
    a.hours_total = ask.number(question, 1, 100_000, "a number of hours") or total
    a.duration_weeks = ask.number("Duration in weeks", 1, 520, "a number of weeks")


def _participation(ask: Interview, a: Answers) -> None:
    ask.step(4, "Participation and schedule", "how and when learners take part")
    a.participation = ask.value("Form of participation", ("participation",))
    a.start = ask.date("Start date")
    a.end = ask.date("End date")
    a.pace = ask.value("Pace", ("schedule", "pace"))


def _tasks(ask: Interview, a: Answers) -> None:
    ask.step(5, "Assessment", "how achievement of each outcome is verified")
    outcomes = max(len(a.outcomes), 1)
    for number in range(1, MAX_ITEMS + 1):
        kind = ask.value(f"Assessment {number}: type (Enter when done)",
                         ("assessment", 0, "type"))
        if kind is None:
            break
        task = Task(kind)
        task.weight = ask.number("  Weight in percent", 0, 100, "a percentage, e.g. 40")
        task.covers = ask.checked(f"  Outcomes it assesses (numbers 1-{outcomes}, Enter: all)",
                                  lambda s: _numbers(s, outcomes),
                                  f"outcome numbers from 1 to {outcomes}") or []
        task.criteria = ask.text("  Where are its assessment criteria published")
        task.supervision = ask.value("  Supervision and identity check",
                                     ("assessment", 0, "supervision"))
        a.tasks.append(task)
    if len(a.tasks) == 1 and a.tasks[0].weight is None:
        a.tasks[0].weight = 100
    a.grading_scheme = ask.value("Grading scheme", ("grading", "scheme"))
    a.grading_scale = ask.text("Grading scale (e.g. 0-20)")


def _numbers(answer: str, high: int) -> list[int] | None:
    parts = [p.strip().removeprefix("lo") for p in answer.split(",") if p.strip()]
    if not all(p.isdigit() and 1 <= int(p) <= high for p in parts):
        return None
    return [int(p) for p in parts]


def _quality(ask: Interview, a: Answers) -> None:
    ask.step(6, "Quality assurance", "who checks the quality, and how often")
    a.qa_types = ask.listing("Types of quality assurance", ("quality_assurance", "type"))
    a.qa_internal = ask.text("Internal quality assurance process")
    a.qa_external_body = ask.text("External quality assurance body")
    a.qa_last_review = ask.date("Last external review")
    a.review_interval_months = _whole(ask.number("Months between reviews (at most 12)", 1, 120,
                                                 "a number of months, e.g. 12"))
    a.feedback = ask.listing("Whose feedback is collected", ("quality_assurance", "feedback"))


def _recognition(ask: Interview, a: Answers) -> None:
    ask.step(7, "Recognition and stacking", "where the credential counts")
    a.prerequisites = ask.text("Prerequisites (or 'none')")
    a.stackability = ask.value("Stackability", ("recognition", "stackability"))
    if a.stackability in ("stackable", "both"):
        _towards(ask, a)
    for number in range(1, MAX_ITEMS + 1):
        kind = ask.value(f"Recognition route {number}: type (Enter when done)",
                         ("recognition", "pathways", 0, "type"))
        if kind is None:
            break
        a.pathways.append(Route(kind, ask.text("  How and where is it recognised")))
    a.rpl = ask.text("How can prior learning be recognised")


def _towards(ask: Interview, a: Answers) -> None:
    for number in range(1, MAX_ITEMS + 1):
        name = ask.text(f"Stacks towards {number}: programme or credential (Enter when done)")
        if name is None:
            break
        a.towards.append(Target(name, ask.text("  Provider"),
                                ask.number("  ECTS it counts for there", 0, 360,
                                           "a number of credits, e.g. 5")))


def _information(ask: Interview, a: Answers) -> None:
    ask.step(8, "Learner information", "who awards it, in which language, at what price")
    a.body_name = ask.text("Awarding body (legal name)")
    a.body_country = ask.value("Country of the awarding body (e.g. PT or Portugal)",
                               ("awarding_bodies", 0, "country"), "a country, e.g. PT")
    a.body_legal_id = ask.text("Legal identifier (ROR URL or registry number)")
    a.body_url = ask.text("Web site of the awarding body")
    a.languages = ask.listing("Languages of instruction (e.g. pt, en)", ("languages",),
                              "language tags or names, e.g. pt, English")
    a.formats = ask.listing("Credential formats", ("credential", "formats"))
    a.learner_identification = ask.listing("Learner data on the credential (e.g. full name)",
                                           ("credential", "learner_identification"))
    a.validity = ask.text("Validity of the credential (e.g. unlimited)")
    a.fee = ask.number("Fee (0 if free)", 0, 1_000_000, "an amount, e.g. 450")
    if a.fee:
        a.currency = ask.value("Currency (e.g. EUR)", ("fee", "currency"),
                               "a currency code, e.g. EUR")
    a.contact = ask.text("Contact for learners (e-mail or page)")
    a.further_information = ask.text("URL of the course page")


STEPS = (_need, _outcomes, _level, _participation, _tasks, _quality, _recognition,
         _information)


def interview(console: Console, design_id: str) -> Answers:
    """Walk the designer through the eight planning steps."""
    ask = Interview(console)
    answers = Answers(id=design_id)
    console.print("[bold]New micro-credential design[/bold] — press Enter to skip a question; "
                  "skipped answers stay as TODO in the file.")
    for step in STEPS:
        step(ask, answers)
    return answers
