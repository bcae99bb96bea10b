"""Hostile designs get a finding, not a hang: the per-file budget covers loading and rules.

Bounded-time checks ("well under 10 s") are safety nets against regressions to quadratic
or exponential work, not speed goals (those live in bench/).
"""

from __future__ import annotations

import random
import time

import pytest

from mcred.engine import check_design, lint_document
from mcred.loader import load_text
from mcred.registry import RuleContext, load_all
from mcred.rules.outcomes import mc208_duplicate_outcome as mc208
from mcred.settings import RuleSettings
from mcred.tree import Limits
from mcred.validate import validate

WORDS = ["analyse", "evaluate", "design", "compare", "justify", "apply", "select", "draft",
         "assess", "public", "tender", "criteria", "supplier", "bids", "costing", "green"]


def _design(texts: list[str]):
    data = {"mcred": 1, "id": "big", "title": "Big",
            "learning_outcomes": [{"id": f"lo{i}", "text": t} for i, t in enumerate(texts)]}
    design, _ = validate(data)
    assert design is not None
    return design


def _permutations(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words = list(WORDS)
        rng.shuffle(words)
        texts.append("Analyse " + " ".join(words) + ".")
    return texts


def _mc208(design, deadline: float | None = None) -> list[str]:
    rule = load_all()["MC208"]
    ctx = RuleContext(rule.options(), None, "x.yaml", deadline)
    return [issue.message for issue in rule.check(design, ctx)]


def _brute_force(design) -> list[str]:
    """The rule as it was: every outcome against every earlier distinct one, in order."""
    from mcred.outcomes.design import analysed_outcomes

    seen: list[mc208._Seen] = []
    out = []
    for item in analysed_outcomes(design):
        text = mc208._normal(item)[:mc208._MAX_CHARS]
        for earlier in seen:
            ratio = earlier.similarity(text, 0.9)
            if ratio is not None:
                out.append(f"{item.label} repeats {earlier.item.label} ({ratio:.0%} similar)")
                break
        else:
            seen.append(mc208._Seen(item, text))
    return out


def test_5000_permuted_outcomes_are_checked_quickly_and_planted_repeats_found():
    texts = _permutations(5000)
    texts[4000] = texts[10].replace("Analyse ", "Analyse the ", 1)  # a near-duplicate
    texts[4500] = texts[3000]  # an exact one, far from its original
    design = _design(texts)
    start = time.monotonic()
    found = _mc208(design)
    assert time.monotonic() - start < 10
    assert any(m.startswith("lo4000 repeats lo10 (") for m in found)
    assert "lo4500 repeats lo3000 (100% similar)" in found


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_findings_as_comparing_every_pair(seed):
    """Normal and mid-sized designs: the index finds what the all-pairs scan finds."""
    rng = random.Random(seed)
    base = [" ".join(rng.sample(WORDS, 8)).capitalize() + "." for _ in range(60)]
    texts = list(base)
    for _ in range(40):  # near-duplicates: a word added, dropped or changed
        words = rng.choice(base).rstrip(".").split()
        position = rng.randrange(len(words))
        edit = rng.choice(("add", "drop", "change"))
        if edit == "add":
            words.insert(position, "carefully")
        elif edit == "drop" and len(words) > 6:
            del words[position]
        else:
            words[position] = words[position] + "s"
        texts.insert(rng.randrange(len(texts) + 1), " ".join(words) + ".")
    for size in (8, 24, len(texts)):
        design = _design(texts[:size])
        assert _mc208(design) == _brute_force(design)
    assert len(_brute_force(design)) >= 20  # the index path really met near-duplicates


def test_a_rule_past_the_file_deadline_becomes_mc009():
    design = _design(_permutations(50))
    issues = check_design(design, RuleSettings(), "x.yaml", deadline=time.monotonic() - 1)
    codes = [i.code for i in issues]
    assert codes == ["MC009"]
    assert "rule(s) were not run" in issues[0].message


def test_the_loading_budget_is_shared_with_the_rules():
    """Time spent loading counts against the same per-file deadline."""
    lines = ["mcred: 1", "id: x", "title: X", "learning_outcomes:"]
    lines += [f"  - text: {t}" for t in _permutations(200)]
    doc = load_text("\n".join(lines), "x.yaml", Limits(max_seconds=0.0))
    result = lint_document(doc, RuleSettings())
    assert [f.code for f in result.findings if f.code == "MC009"] == ["MC009"]


def test_a_huge_flow_sequence_stops_at_the_node_limit_without_building_it():
    text = "mcred: 1\nx: [" + "1, " * 300_000 + "1]\n"
    start = time.monotonic()
    doc = load_text(text, "x.yaml", Limits(max_nodes=10_000))
    assert time.monotonic() - start < 5
    assert [i.code for i in doc.issues] == ["MC009"]
    assert "more than 10,000 values" in doc.issues[0].message


def test_one_huge_scalar_cannot_outrun_the_loading_deadline():
    """The anchor sends the file to the pure-Python parser, which scans the whole scalar
    before composing a node: the budget is checked while scanning too."""
    text = "mcred: 1\nx: &a " + "a b " * 750_000 + "\n"
    start = time.monotonic()
    doc = load_text(text, "x.yaml", Limits(max_seconds=0.5))
    assert time.monotonic() - start < 5
    assert [(i.code, i.message) for i in doc.issues] == [
        ("MC009", "reading the file took longer than the limit of 0.5 s")]
