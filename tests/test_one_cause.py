"""One mistake, one finding: what follows from another finding is not reported again."""

from __future__ import annotations

from conftest import EXAMPLES, lint_text
from mcred.settings import RuleSettings

EXEMPLARY = (EXAMPLES / "green-public-procurement.yaml").read_text(encoding="utf-8")


def codes(text: str, settings: RuleSettings | None = None) -> list[str]:
    return sorted(f.code for f in lint_text(text, settings=settings))


def test_exemplary_design_is_clean():
    assert codes(EXEMPLARY) == []


def test_a_misspelt_key_does_not_also_make_its_content_missing():
    text = EXEMPLARY.replace("learning_outcomes:", "learning_outcome:")
    assert codes(text) == ["MC005"]  # not MC201, MC403 or one MC008 per reference


def test_a_misspelt_key_next_to_the_real_one_leaves_the_real_one_checked():
    text = EXEMPLARY.replace("grading:\n", "gradng:\n  scheme: numeric\ngrading:\n", 1)
    assert codes(text) == ["MC005"]


def test_an_invalid_ects_value_is_not_also_no_ects():
    text = EXEMPLARY.replace("  ects: 5\n", '  ects: "5 credits x"\n', 1)
    assert codes(text) == ["MC006"]  # not MC302, MC303 or MC504 "states no ECTS"


def test_missing_eqf_level_with_a_credit_claim_is_reported_once():
    text = EXEMPLARY.replace("  eqf: 6\n", "")
    assert [c for c in codes(text) if c in ("MC504", "MC701")] == ["MC504"]
    from mcred.registry import load_all

    without_claim = RuleSettings(enabled=frozenset(load_all()) - {"MC504"})
    assert [c for c in codes(text, without_claim) if c in ("MC504", "MC701")] == ["MC701"]


def test_an_incomplete_offer_is_one_finding_listing_what_it_lacks():
    text = EXEMPLARY.replace("fee:\n  amount: 450\n  currency: EUR\n", "")
    text = text.replace("schedule:\n  start: 2027-02-01\n  end: 2027-04-11\n  pace: cohort\n",
                        "")
    found = [f for f in lint_text(text) if f.code == "MC803"]
    assert len(found) == 1
    assert "no schedule" in found[0].message and "no fee" in found[0].message
    assert " and " in found[0].message
