"""Keys real course pages publish: fee ranges and fees per unit, `stackability: both`,
Open Badges 2 / edubadges, hours per week."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, lint_text

EXEMPLARY = (EXAMPLES / "green-public-procurement.yaml").read_text(encoding="utf-8")
FEE = "fee:\n  amount: 450\n  currency: EUR\n"


def _with(old: str, new: str) -> list[tuple[str, str]]:
    assert old in EXEMPLARY
    return [(f.code, f.message) for f in lint_text(EXEMPLARY.replace(old, new, 1))]


@pytest.mark.parametrize("fee", [
    "fee:\n  min: 300\n  max: 900\n  currency: EUR\n",
    "fee:\n  amount: 60\n  currency: EUR\n  per: credit\n",
    "fee:\n  amount: 120\n  currency: EUR\n  per: module\n",
    "fee:\n  amount: 450\n  currency: EUR\n",
    "fee:\n  free: true\n",
])
def test_fee_forms_are_valid_and_complete(fee):
    assert _with(FEE, fee) == []


def test_a_fee_range_without_currency_is_an_incomplete_offer():
    found = _with(FEE, "fee:\n  min: 300\n  max: 900\n")
    assert found == [("MC803", "the offer states a fee of 300–900 without a currency")]


def test_fee_per_takes_only_its_units():
    found = _with(FEE, "fee:\n  amount: 60\n  currency: EUR\n  per: semester\n")
    assert [code for code, _ in found] == ["MC006"]
    assert "`semester` is not an allowed value for `fee.per`" in found[0][1]


def test_stackability_both_is_valid_and_counts_as_stackable():
    assert _with("  stackability: stackable\n", "  stackability: both\n") == []
    text = EXEMPLARY.replace("  stackability: stackable\n", "  stackability: both\n")
    start = text.index("  towards:\n")
    end = text.index("  pathways:\n")
    no_target = text[:start] + text[end:]
    assert "MC503" in {f.code for f in lint_text(no_target)}


@pytest.mark.parametrize("old", ["open-badges-2", "edubadges"])
def test_older_badge_formats_are_valid_and_mc806_says_where_to_move(old):
    found = _with("  formats: [europass-edc, open-badges-3]\n", f"  formats: [{old}, pdf]\n")
    assert [code for code, _ in found] == ["MC806"]
    assert old in found[0][1]
    finding = next(f for f in lint_text(EXEMPLARY.replace(
        "  formats: [europass-edc, open-badges-3]\n", f"  formats: [{old}]\n"))
        if f.code == "MC806")
    assert "open-badges-3" in finding.fix and "europass-edc" in finding.fix


def test_hours_per_week_is_a_workload_key():
    assert _with("  duration_weeks: 10\n", "  duration_weeks: 10\n  hours_per_week: 13.5\n") == []
    assert [c for c, _ in _with("  duration_weeks: 10\n",
                                "  duration_weeks: 10\n  hours_per_week: 0\n")] == ["MC006"]
