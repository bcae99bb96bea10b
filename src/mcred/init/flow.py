"""The guided interview: the planning steps as questions; an empty answer leaves a TODO."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TypeVar

from rich.console import Console
from rich.prompt import Prompt

from mcred.init.skeleton import Answers, Outcome
from mcred.model.vocab import AssessmentType, Pace, Participation, Stackability, Supervision
from mcred.model.vocab import values as vocabulary

T = TypeVar("T")
MAX_OUTCOMES = 12
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_ISCED = re.compile(r"^\d{2,4}$")


class Interview:
    """Asks on ``console``; every question can be skipped with Enter."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def step(self, number: int, title: str, why: str) -> None:
        self.console.print(f"\n[bold]{number}. {title}[/bold]  [dim]{why}[/dim]")

    def text(self, question: str) -> str | None:
        answer = Prompt.ask(f"  {question}", default="", show_default=False,
                            console=self.console)
        return answer.strip() or None

    def checked(self, question: str, parse: Callable[[str], T | None],
                problem: str) -> T | None:
        """Ask until the answer parses (or is empty); say what is wrong otherwise."""
        while True:
            answer = self.text(question)
            if answer is None:
                return None
            value = parse(answer)
            if value is not None:
                return value
            self.console.print(f"  [red]{problem}[/red] (Enter to leave a TODO)")

    def choice(self, question: str, options: tuple[str, ...]) -> str | None:
        return self.checked(f"{question} ({' / '.join(options)})",
                            lambda a: a if a in options else None,
                            f"choose one of: {', '.join(options)}")

    def listing(self, question: str) -> list[str]:
        answer = self.text(f"{question} (comma-separated)")
        return [part.strip() for part in (answer or "").split(",") if part.strip()]


def _number(low: float, high: float) -> Callable[[str], float | None]:
    def parse(answer: str) -> float | None:
        try:
            value = float(answer.replace(",", "."))
        except ValueError:
            return None
        return value if low <= value <= high else None
    return parse


def _date(answer: str) -> str | None:
    try:
        return dt.date.fromisoformat(answer).isoformat()
    except ValueError:
        return None


def interview(console: Console, design_id: str) -> Answers:
    """Walk the designer through the eight planning steps."""
    ask = Interview(console)
    a = Answers(id=design_id)
    console.print("[bold]New micro-credential design[/bold] — press Enter to skip a question; "
                  "skipped answers stay as TODO in the file.")

    ask.step(1, "Need and target group", "why it is needed, and for whom")
    a.title = ask.text("Title")
    a.summary = ask.text("Short description for learners")
    a.target_group = ask.text("Target group")
    a.rationale = ask.text("Labour-market or societal need")
    a.stakeholders = ask.listing("Stakeholders consulted")

    ask.step(2, "Learning outcomes", "one observable action verb, an object and a context")
    for number in range(1, MAX_OUTCOMES + 1):
        text = ask.text(f"Outcome {number} (Enter when done)")
        if text is None:
            break
        a.outcomes.append(Outcome(text, ask.listing("  ESCO skill URIs")))

    ask.step(3, "Level and workload", "EQF level; ECTS credits at 25-30 hours each")
    eqf = ask.checked("EQF level (1-8)", _number(1, 8), "an EQF level is a number from 1 to 8")
    a.eqf = int(eqf) if eqf is not None else None
    a.field_of_education = ask.checked("ISCED-F 2013 field code (e.g. 0413)",
                                       lambda s: s if _ISCED.match(s) else None,
                                       "2 to 4 digits")
    a.ects = ask.checked("ECTS credits", _number(0.1, 240), "a number of credits, e.g. 5")
    a.hours_total = ask.checked("Total learning hours", _number(1, 100_000), "a number of hours")
    a.duration_weeks = ask.checked("Duration in weeks", _number(1, 520), "a number of weeks")

    ask.step(4, "Participation and schedule", "how and when learners take part")
    a.participation = ask.choice("Form of participation", vocabulary(Participation))
    a.start = ask.checked("Start date (YYYY-MM-DD)", _date, "a date like 2027-02-01")
    a.end = ask.checked("End date (YYYY-MM-DD)", _date, "a date like 2027-04-11")
    a.pace = ask.choice("Pace", vocabulary(Pace))

    ask.step(5, "Assessment", "how achievement of the outcomes is verified")
    a.assessment_type = ask.choice("Main assessment type", vocabulary(AssessmentType))
    a.assessment_criteria = ask.text("Where are the assessment criteria published")
    a.supervision = ask.choice("Supervision and identity check", vocabulary(Supervision))

    ask.step(6, "Quality assurance", "who checks the quality, and how")
    a.qa_internal = ask.text("Internal quality assurance process")
    a.qa_external_body = ask.text("External quality assurance body")

    ask.step(7, "Recognition and stacking", "where the credential counts")
    a.prerequisites = ask.text("Prerequisites (or 'none')")
    a.stackability = ask.choice("Stackability", vocabulary(Stackability))
    a.pathway = ask.text("How is it recognised (credit transfer, employer, ...)")

    ask.step(8, "Learner information", "who awards it, in which language, at what price")
    a.body_name = ask.text("Awarding body (legal name)")
    country = ask.checked("Country of the awarding body (ISO code, e.g. ES)",
                          lambda s: s.upper() if _COUNTRY.match(s) else None,
                          "a two-letter ISO 3166 code")
    a.body_country = country
    a.body_url = ask.text("Web site of the awarding body")
    a.languages = ask.listing("Languages of instruction (BCP 47, e.g. en, es)")
    a.fee = ask.checked("Fee (0 if free)", _number(0, 1_000_000), "an amount, e.g. 450")
    if a.fee:
        a.currency = ask.checked("Currency (ISO 4217, e.g. EUR)",
                                 lambda s: s.upper() if re.match(r"^[A-Za-z]{3}$", s) else None,
                                 "a three-letter currency code")
    a.contact = ask.text("Contact for learners (e-mail or page)")
    a.further_information = ask.text("URL of the course page")
    return a
