"""The positioned loader: exact 1-based positions and YAML problems as findings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import lint_text
from mcred.loader import has_marker, load_text


def span(text: str, *path: str | int) -> tuple[int, int]:
    doc = load_text(text)
    found = doc.index.value_span(tuple(path))
    assert found is not None, path
    return found.line, found.column


def test_block_positions_are_one_based():
    text = "mcred: 1\nworkload:\n  ects: 5\n  hours_total: 60\n"
    assert span(text, "mcred") == (1, 8)
    assert span(text, "workload", "hours_total") == (4, 16)
    assert load_text(text).index.key_span(("workload",)).line == 2


def test_flow_style_positions():
    text = "mcred: 1\nworkload: {ects: 5, hours_total: 60}\nlanguages: [en, pt-PT]\n"
    assert span(text, "workload", "hours_total") == (2, 34)
    assert span(text, "languages", 1) == (3, 17)


def test_merge_keys_resolve_and_explicit_keys_win():
    text = ("x-defaults: &d\n  ects: 5\n  hours_total: 60\nmcred: 1\n"
            "workload:\n  <<: *d\n  hours_total: 135\n")
    doc = load_text(text)
    assert doc.data is not None
    assert doc.data["workload"] == {"ects": 5, "hours_total": 135}
    assert span(text, "workload", "hours_total") == (7, 16)


def test_finding_on_merged_value_points_at_the_merging_mapping():
    text = ("x-defaults: &d\n  ects: 5\n  hours_total: 60\nmcred: 1\n"
            "workload:\n  <<: *d\n")
    mc303 = [f for f in lint_text(text) if f.code == "MC303"]
    assert [(f.line, f.column) for f in mc303] == [(5, 1)]


def test_missing_key_points_where_it_would_be_written():
    """`eqf` comes before `nqf` in the format: it would be written above that line."""
    text = "mcred: 1\ntitle: T\nlevel:\n  nqf: '6'\n"
    mc701 = [f for f in lint_text(text) if f.code == "MC701"]
    assert [(f.line, f.column, f.pointer) for f in mc701] == [(4, 3, "/level/eqf")]


def test_missing_key_in_an_empty_mapping_points_at_its_parent():
    text = "mcred: 1\ntitle: T\nlevel: {}\n"
    mc701 = [f for f in lint_text(text) if f.code == "MC701"]
    assert [(f.line, f.column) for f in mc701] == [(3, 1)]


@pytest.mark.parametrize(("text", "code", "line"), [
    ("mcred: 1\ntitle: [unclosed\n", "MC001", 3),
    ("mcred: 1\ntitle: a\ntitle: b\n", "MC002", 3),
    ("- mcred: 1\n", "MC003", 1),
    ("", "MC003", 1),
    ("just a string\n", "MC003", 1),
    ("title: no marker\n", "MC004", 1),
    ("mcred: 2\n", "MC004", 1),
    ("mcred: 1\ntitel: typo\n", "MC005", 2),
    ("mcred: 1\nlevel:\n  eqf: 9\n", "MC006", 3),
    ("mcred: 1\nparticipation: hybrid\n", "MC006", 2),
    ("mcred: 1\ntitle: !!python/object:os.system x\n", "MC010", 2),
    ("mcred: 1\nschedule:\n  start: 2024-02-30\n", "MC006", 3),
])
def test_bad_input_gives_one_clear_finding_at_the_line(text, code, line):
    findings = [f for f in lint_text(text) if f.code.startswith("MC0")]
    assert [(f.code, f.line) for f in findings] == [(code, line)]
    assert findings[0].message and findings[0].fix


def test_did_you_mean_for_keys_and_vocabularies():
    findings = lint_text("mcred: 1\ntitel: T\nparticipation: hybrid\n")
    messages = " ".join(f.message for f in findings)
    assert "did you mean `title`" in messages
    assert "did you mean `blended`" in messages
    vocab = next(f for f in findings if f.code == "MC006")
    assert "online, onsite, blended" in vocab.fix


def test_extension_keys_are_never_unknown():
    assert not [f for f in lint_text("mcred: 1\nx-notes: {a: 1}\n") if f.code == "MC005"]


def test_leading_zero_code_gets_a_quote_hint():
    findings = lint_text("mcred: 1\nfield_of_education: 0413\n")
    finding = next(f for f in findings if f.code == "MC012")  # the loader keeps the text
    assert "Quote" in finding.fix and '"0413"' in finding.fix
    assert not [f for f in findings if f.code == "MC006"]


def test_alias_bomb_is_stopped_by_the_node_budget():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    findings = lint_text("mcred: 1\n" + "\n".join(lines) + "\n")
    assert [f.code for f in findings] == ["MC009"]


def test_marker_detection():
    assert has_marker("# comment\nmcred: 1\n")
    assert not has_marker("name: ci\non: push\n")


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("mcred: 1\n-[]{},&*!#'\"abc\t ")), max_size=200))
def test_loader_never_raises_on_random_text(text):
    for finding in lint_text(text):
        assert finding.line >= 1 and finding.column >= 1


def test_folded_scalars_carry_no_fold_markers():
    doc = load_text("mcred: 1\nsummary: >-\n  first line\n  second line\n")
    assert doc.data is not None
    assert doc.data["summary"] == "first line second line"
