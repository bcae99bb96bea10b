"""Deterministic design files for catalogue tests and the 2,000-design measurement.

`design_text` writes a complete design (clean under every per-file rule) whose
prerequisites and stacking targets come last, so tests can predict their lines.
`write_corpus` lays out a repository of many such designs, with pathways between them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

CYCLES = {5: "short", 6: "first", 7: "second", 8: "third"}
FORMS = ("online", "onsite", "blended")

Target = tuple[str, float | None]


def design_text(design_id: str | None, *, title: str = "Data Analysis in Practice",
                eqf: int = 6, ects: float = 5, participation: str = "blended",
                requires: Sequence[str] = (), towards: Sequence[Target] = ()) -> str:
    """A complete design; ``towards`` lists (id, ects counted there or None)."""
    hours = ects * 27
    cycle = f"\n  qf_ehea_cycle: {CYCLES[eqf]}" if eqf in CYCLES else ""
    head = f"mcred: 1\nid: {design_id}\n" if design_id else "mcred: 1\n"
    text = head + f"""title: {title}
summary: A short, assessed course with a clear purpose.
awarding_bodies:
  - name: Universidad de Ejemplo
    country: ES
    legal_id: https://ror.org/02f40zc51
target_group: Working professionals who analyse data
needs_analysis:
  rationale: Regional employers report a shortage of trained staff.
  stakeholders: [Regional employers association]
level:
  eqf: {eqf}{cycle}
field_of_education: "0413"
languages: [en]
learning_outcomes:
  - {{id: lo1, text: Analyse a data set against a documented question.,
     esco: [http://data.europa.eu/esco/skill/4c1bd0a0-5e5f-4b6c-8c3f-2a0a3c6e1b2d]}}
  - id: lo2
    text: Evaluate the results of an analysis for decision makers.
workload:
  ects: {ects:g}
  hours_total: {hours:g}
  hours_contact: {hours * 0.2:g}
  hours_self_study: {hours * 0.7:g}
  hours_assessment: {hours * 0.1:g}
  duration_weeks: {max(4, ects * 2):g}
participation: {participation}
schedule:
  pace: self-paced
assessment:
  - id: a1
    type: project
    covers: [lo1, lo2]
    weight: 100
    criteria: Rubric published before the start
    supervision: supervised-online-id
grading:
  scheme: pass-fail
quality_assurance:
  type: [internal]
  internal: Annual course review by the faculty quality committee
  external:
    body: ANECA
  review_interval_months: 12
  feedback: [learners, employers]
credential:
  formats: [europass-edc]
  learner_identification: [full name]
fee:
  free: true
contact: microcredentials@example.es
"""
    return text + _prerequisites(requires) + _recognition(towards)


def _prerequisites(requires: Sequence[str]) -> str:
    if not requires:
        return "prerequisites: none\n"
    return "prerequisites:\n  requires:\n" + "".join(f"    - {r}\n" for r in requires)


def _recognition(towards: Sequence[Target]) -> str:
    stackability = "stackable" if towards else "stand-alone"
    text = (f"recognition:\n  stackability: {stackability}\n  pathways:\n"
            "    - type: credit-transfer\n      description: Recognised in the master\n"
            "  rpl: Prior learning is recognised through a portfolio\n")
    if towards:
        text += "  towards:\n"
        for target, ects in towards:
            text += f"    - id: {target}\n" + (f"      ects: {ects:g}\n" if ects else "")
    return text


def write_corpus(root: Path, count: int, seed: int = 2022) -> list[Path]:
    """``count`` designs in faculty folders: chains of prerequisites, programmes to stack into.

    Every tenth design is a 30-ECTS programme; the others are 5-ECTS units that stack
    towards the programme of their block (at most five units, so no stack is over-full)
    and may require an earlier unit. The result is clean of cross-file findings.
    """
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        folder = root / f"faculty-{n // 250:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        programme = n - n % 10
        if n == programme:
            text = design_text(f"programme-{n:05d}", ects=30, eqf=7,
                               participation=rng.choice(FORMS))
        else:
            requires = [f"unit-{n - 1:05d}"] if n - 1 > programme and rng.random() < 0.5 else []
            towards: list[Target] = [(f"programme-{programme:05d}", None)] if n % 10 <= 5 else []
            text = design_text(f"unit-{n:05d}", ects=5, eqf=rng.choice((6, 7)),
                               participation=rng.choice(FORMS), requires=requires,
                               towards=towards)
        path = folder / f"design-{n:05d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
