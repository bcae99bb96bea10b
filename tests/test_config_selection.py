"""Selection semantics and profile tables, checked directly (no files needed)."""

from __future__ import annotations

import pytest

from mcred.config.profiles import PROFILES
from mcred.config.resolve import code_names
from mcred.config.rule_options import build_options
from mcred.config.selection import Layer, Selection, UnknownSelector, parse_selector
from mcred.registry import load_all

NAMES = {"MC201": "MC201", "MC202": "MC202", "MC303": "MC303", "MC304": "MC304",
         "vague-outcome-verb": "MC202", "hours-per-ects-out-of-band": "MC303"}
CODES = sorted(set(NAMES.values()))


def run(*layers: Layer) -> set[str]:
    selection = Selection(set(CODES))
    for layer in layers:
        selection.apply(layer, CODES)
    return selection.enabled


def sel(*texts: str) -> list:
    return [parse_selector(t, NAMES) for t in texts]


def test_prefix_code_name_and_all() -> None:
    assert parse_selector("MC3", NAMES).codes == {"MC303", "MC304"}
    assert parse_selector("mc303", NAMES).codes == {"MC303"}
    assert parse_selector("vague-outcome-verb", NAMES).codes == {"MC202"}
    assert parse_selector("ALL", NAMES).codes == set(CODES)


def test_a_name_is_as_specific_as_its_code() -> None:
    assert parse_selector("hours-per-ects-out-of-band", NAMES).specificity == \
        parse_selector("MC303", NAMES).specificity


def test_unknown_selector_suggests_a_close_match() -> None:
    with pytest.raises(UnknownSelector, match="did you mean `MC303`"):
        parse_selector("MC3O3", NAMES)
    with pytest.raises(UnknownSelector):
        parse_selector("MC9", NAMES)


def test_select_replaces_and_the_more_specific_selector_wins() -> None:
    assert run(Layer(select=sel("MC2"))) == {"MC201", "MC202"}
    assert run(Layer(select=sel("MC3"), ignore=sel("MC303"))) == {"MC304"}
    assert run(Layer(ignore=sel("MC3"), extend_select=sel("hours-per-ects-out-of-band"))) == \
        {"MC201", "MC202", "MC303"}


def test_on_a_tie_ignore_wins() -> None:
    assert run(Layer(select=sel("MC303"), ignore=sel("MC303"))) == set()


def test_later_layers_build_on_earlier_ones_unless_they_select() -> None:
    first = Layer(ignore=sel("MC2"))
    assert run(first, Layer(extend_select=sel("MC201"))) == {"MC201", "MC303", "MC304"}
    assert run(first, Layer(select=sel("MC202"))) == {"MC202"}


def test_reasons_name_the_selector_and_its_origin() -> None:
    selection = Selection(set(CODES))
    selection.apply(Layer(ignore=[parse_selector("MC3", NAMES, "mcred.toml:2")]), CODES)
    selection.apply(Layer(select=sel("MC2", "MC304"), origin="--select"), CODES)
    assert selection.reasons == {"MC303": "not selected by `MC2`, `MC304` (--select)"}


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_profile_entries_fit_the_rules_that_are_registered(profile: str) -> None:
    """Profiles may anticipate rules; for those that exist, options and severity must fit."""
    rules = load_all()
    names = code_names(rules)
    for code, overlay in PROFILES[profile].rules.items():
        assert names.get(code, code) == code
        assert overlay.severity in (None, "error", "warning", "info", "off")
        if code in rules:
            build_options(rules[code].options, dict(overlay.options))
