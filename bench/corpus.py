"""Deterministic benchmark corpora: realistic designs derived from examples/ by seeded edits.

Same seed and count → byte-identical files, so runs on different days compare like with
like. About two thirds of the files are clean variants of the exemplary design; the rest
carry the typical flaws of the shipped flawed examples (and a few do not parse at all).
"""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = Path(__file__).resolve().parent / ".corpus"
GENERATOR_VERSION = "2"

VERBS = ["Analyse", "Apply", "Assess", "Compare", "Design", "Draft", "Evaluate", "Explain",
         "Implement", "Justify", "Plan", "Prepare", "Present", "Review", "Select", "Test"]
OBJECTS = ["a public tender", "a life-cycle cost model", "the award criteria", "a data set",
           "a risk register", "the carbon footprint of an office", "a supplier contract",
           "a workshop safety plan", "a project budget", "an accessibility audit",
           "a spreadsheet of survey results", "a quality manual", "a marketing brief"]
CONTEXTS = ["for a regional authority", "using the EU criteria", "with a published rubric",
            "in a small enterprise", "under time pressure", "for internal auditors",
            "in a team of three", "against a given checklist"]
TOPICS = ["Green Public Procurement", "Data Literacy", "Welding Safety", "Circular Economy",
          "Digital Accessibility", "Project Finance", "Cyber Hygiene", "Urban Mobility",
          "Food Safety", "Inclusive Teaching", "Energy Auditing", "Supply Chain Ethics"]
WORDS = ["regional", "authorities", "must", "apply", "criteria", "to", "a", "growing", "share",
         "of", "tenders", "and", "report", "shortage", "trained", "staff", "employers", "survey",
         "evidence", "learners", "programme", "review", "module", "practice", "assessment",
         "outcome", "credit", "quality", "recognition", "pathway", "stakeholder"]


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _outcomes(rng: random.Random, first: int, count: int) -> str:
    lines = []
    for i in range(first, first + count):
        lines.append(f"  - id: lo{i}\n    text: {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
                     f"{rng.choice(CONTEXTS)}.\n")
        if rng.random() < 0.3:
            uuid = hashlib.sha1(f"{first}-{i}-{rng.random()}".encode()).hexdigest()
            lines.append(f"    esco: [http://data.europa.eu/esco/skill/{uuid[:8]}-{uuid[8:12]}"
                         f"-{uuid[12:16]}-{uuid[16:20]}-{uuid[20:32]}]\n")
    return "".join(lines)


def _sub(text: str, old: str, new: str) -> str:
    return text.replace(old, new, 1)


# Each flaw: a text edit on the exemplary design that a real first draft makes.
FLAWS = {
    "hours": lambda t, r: re.sub(r"hours_total: \d+", f"hours_total: {r.choice([40, 60, 300])}",
                                 t, count=1),
    "participation": lambda t, r: _sub(t, "participation: blended", "participation: hybrid"),
    "eqf": lambda t, r: _sub(t, "  eqf: 6", "  eqf: 9"),
    "typo-key": lambda t, r: _sub(t, "quality_assurance:", "quality_asurance:"),
    "bad-reference": lambda t, r: _sub(t, "covers: [lo3]", "covers: [lo3, lo99]"),
    "no-title": lambda t, r: re.sub(r"^title: .*\n", "", t, count=1, flags=re.M),
    "duplicate-key": lambda t, r: re.sub(r"^(title: .*\n)", r"\1title: Draft title\n", t,
                                         count=1, flags=re.M),
    "no-workload": lambda t, r: _sub(t, "\nworkload:", "\nx-workload:"),
    "weight-type": lambda t, r: _sub(t, "weight: 30", "weight: thirty"),
    "quoted-number": lambda t, r: re.sub(r"\n  ects: (\d+)\n", r'\n  ects: "\1"\n', t, count=1),
}
# A heavy draft: whole sections still missing and vague outcomes (ten findings or more).
HEAVY = [
    lambda t: re.sub(r"\n(recognition|credential|quality_assurance|fee|contact):", r"\nx-\1:", t),
    lambda t: re.sub(r"(\n  - id: lo\d+\n    text: )\w+", r"\1Understand", t),
    lambda t: re.sub(r"(?m)^(  eqf: )\d", r"\g<1>9", t, count=1),
]
BROKEN = [
    lambda t: _sub(t, "languages: [es, en]", "languages: [es, en"),
    lambda t: _sub(t, "\nworkload:\n", "\nworkload:\n ects 5: :\n"),
]


def design(seed: int, heavy: bool = False, clean: bool = False) -> str:
    """One design of 2-6 KB: a seeded variation of an example, maybe with flaws.

    ``heavy``: one design in three is an early draft with ten findings or more.
    ``clean``: no flaws and nothing broken, so every design loads and the cross-file
    rules (which need the whole catalogue) run.
    """
    rng = random.Random(seed)
    target = rng.randint(2048, 5900)
    base = (EXAMPLES / "green-public-procurement.yaml").read_text(encoding="utf-8")
    topic = rng.choice(TOPICS)
    text = base.replace("id: green-public-procurement", f"id: design-{seed:05d}", 1)
    text = text.replace("title: Green Public Procurement in Practice",
                        f"title: {topic} in Practice ({seed})", 1)
    ects = rng.choice([2, 3, 4, 5, 6])
    hours = ects * rng.choice([25, 27, 28, 30])
    text = text.replace("  ects: 5\n  hours_total: 135\n  hours_contact: 30\n"
                        "  hours_self_study: 90\n  hours_assessment: 15\n",
                        f"  ects: {ects}\n  hours_total: {hours}\n  hours_contact: {hours // 5}\n"
                        f"  hours_self_study: {hours - hours // 5 - hours // 10}\n"
                        f"  hours_assessment: {hours // 10}\n", 1)
    if ects != 5:
        text = text.replace("hours_total: 135", f"hours_total: {hours}")
    roll = rng.random()
    if clean:
        pass
    elif heavy and seed % 3 == 0:
        for edit in HEAVY:
            text = edit(text)
    elif roll < 0.30:
        for name in rng.sample(sorted(FLAWS), rng.randint(1, 3)):
            text = FLAWS[name](text, rng)
    elif roll < 0.33:
        text = rng.choice(BROKEN)(text)
    # Real designs have a handful of outcomes; the rest of the size is prose and a revision log.
    block = _outcomes(rng, 5, rng.randint(0, 2)).rstrip("\n")
    if block:
        text = re.sub(r"\n((?:x-)?workload:)", lambda m: f"\n{block}\n{m.group(1)}", text,
                      count=1)
    log, size = ["x-revisions:\n"], len(text.encode())
    while size < target:
        entry = (f"  - date: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
                 f"    by: {rng.choice(['programme board', 'quality office', 'lead author'])}\n"
                 f"    note: >-\n      {_sentence(rng, rng.randint(8, 14))}\n"
                 f"      {_sentence(rng, rng.randint(6, 12))}\n")
        log.append(entry)
        size += len(entry.encode())
    text = text.rstrip("\n") + "\n" + "".join(log) if len(log) > 1 else text
    note = _sentence(rng, 12)
    return text.replace("a shortage of trained staff.", f"a shortage of trained staff. {note}", 1)


def ensure(count: int, seed: int = 2026, heavy: bool = False, clean: bool = False) -> Path:
    """Generate (once) ``count`` designs under bench/.corpus/n<count>; returns the directory."""
    target = CORPUS / f"n{count}{'-heavy' if heavy else ''}{'-clean' if clean else ''}"
    stamp = f"{GENERATOR_VERSION}:{count}:{seed}:{heavy}:{clean}:" + hashlib.sha256(
        (EXAMPLES / "green-public-procurement.yaml").read_bytes()).hexdigest()
    marker = target / ".stamp"
    if marker.is_file() and marker.read_text() == stamp:
        _own_repository(target)
        return target
    if target.exists():
        shutil.rmtree(target)
    for i in range(count):
        sub = target / f"group{i % 20:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"design-{i:05d}.yaml").write_text(design(seed * 100_000 + i, heavy, clean),
                                                  encoding="utf-8")
    marker.write_text(stamp)
    _own_repository(target)
    return target


def _own_repository(target: Path) -> None:
    """Make the corpus its own repository, like a curriculum repo in CI.

    Walking honours .gitignore files up to the repository root; without a root of its
    own, the corpus would be hidden by this project's ignore of bench/.corpus/.
    """
    if (target / ".git").exists():
        return
    try:
        subprocess.run(["git", "init", "-q", str(target)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        (target / ".git").mkdir()


if __name__ == "__main__":
    import sys

    for n in (int(a) for a in sys.argv[1:] or ["200", "2000"]):
        print(ensure(n))
