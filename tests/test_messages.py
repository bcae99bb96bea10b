"""Shape errors read as advice to a course designer, never as a validator's words.

TABLE maps every error type the model can emit to a design that triggers it and the
rewritten message; a sweep over every field of the format with wrong values checks that
no error type escapes the table and that no message shows a validator's phrasing.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from pydantic import ValidationError

from conftest import lint_text
from mcred.messages import EXPLAINERS, explain, field_meta
from mcred.model import Design, json_schema

# error type → (YAML after `mcred: 1`, the MC006 message expected, a part of the hint)
TABLE: dict[str, tuple[str, str, str]] = {
    "string_type": ("fee:\n  currency: [EUR]\n",
                    "`fee.currency` must be text, not a list", "Write it as text, e.g. EUR"),
    "dict_type": ("summary: [a, b]\n",
                  "`summary` must be a text, or one text per language, not a list",
                  "Write a text, or one line per language tag below the key"),
    "int_type": ("level:\n  eqf: 6.5\n", "`level.eqf` must be a whole number, not `6.5`",
                 "Write a whole number, e.g. 6"),
    "float_type": ("workload:\n  ects: 7,5\n",
                   "`workload.ects` is written with a decimal comma: `7,5`",
                   "Write a decimal point: 7.5"),
    "bool_type": ("fee:\n  free: maybe\n", "`fee.free` must be true or false, not `maybe`",
                  "Write true or false"),
    "list_type": ("languages: pt, en\n",
                  "`languages` is one text, `pt, en`, where a list is expected",
                  "Write the items in brackets: [pt, en]"),
    "model_type": ("schedule: next spring\n",
                   "`schedule` must be a group of keys, not `next spring`",
                   "Write its keys on indented lines below `schedule:`"),
    "literal_error": ("participation: hybrid\n",
                      "`hybrid` is not an allowed value for `participation` (did you mean "
                      "`blended`?)", "Use one of: online, onsite, blended"),
    "string_pattern_mismatch": ("field_of_education: '04x3'\n",
                                "`04x3` is not a valid field of education for "
                                "`field_of_education`",
                                "Write the 2–4 digit ISCED-F 2013 code in quotes, e.g. "
                                "\"0413\""),
    "greater_than": ("workload:\n  duration_weeks: 0\n",
                     "`workload.duration_weeks` is `0`, outside the range above 0 and at "
                     "most 520", "Use a value above 0 and at most 520"),
    "greater_than_equal": ("level:\n  eqf: 0\n",
                           "`level.eqf` is `0`, outside the range from 1 to 8",
                           "Use a value from 1 to 8, e.g. 6"),
    "less_than_equal": ("level:\n  eqf: 9\n",
                        "`level.eqf` is `9`, outside the range from 1 to 8",
                        "Use a value from 1 to 8"),
    "date_from_datetime_parsing": ("schedule:\n  start: 01/09/2025\n",
                                   "`schedule.start` is not a date: `01/09/2025`",
                                   "Write dates as YYYY-MM-DD, e.g. 2025-09-01; if "
                                   "`01/09/2025` gives the day first, write 2025-09-01"),
    "date_from_datetime_inexact": ("schedule:\n  start: 2025\n",
                                   "`schedule.start` is the number `2025`, not a date",
                                   "Write dates as YYYY-MM-DD"),
    "date_type": ("schedule:\n  start: [2025, 9, 1]\n",
                  "`schedule.start` is not a date: a list", "Write dates as YYYY-MM-DD"),
}

_FORBIDDEN = re.compile(
    r"input should|pattern|\^|\$|\\d|\[a-z|\b(str|int|float|bool|dict|NoneType|integer|"
    r"boolean|dictionary|string|datetime)\b", re.IGNORECASE)
_CLASS_NAME = re.compile(r"\b[A-Z][a-z]+[A-Z][a-z]+")


def clean(text: str) -> bool:
    """No validator phrase, regex, programming type or class name (CamelCase)."""
    return not (_FORBIDDEN.search(text) or _CLASS_NAME.search(text))


def _mc006(yaml_body: str) -> list[Any]:
    return [f for f in lint_text("mcred: 1\n" + yaml_body) if f.code == "MC006"]


def _error_types(data: dict[str, Any]) -> set[str]:
    try:
        Design.model_validate(data)
    except ValidationError as exc:
        return {e["type"] for e in exc.errors() if e["type"] != "extra_forbidden"}
    return set()


@pytest.mark.parametrize("kind", sorted(TABLE))
def test_each_error_type_gets_the_designers_message(kind):
    body, message, hint = TABLE[kind]
    from mcred.loader import load_text

    data = load_text("mcred: 1\n" + body).data
    assert kind in _error_types(data), f"the sample no longer produces {kind}"
    found = _mc006(body)
    assert [f.message for f in found] == [message]
    assert hint in found[0].fix
    assert clean(found[0].message) and clean(found[0].fix), found[0]


BAD_VALUES: list[Any] = [5, 6.5, -1, 10**7, 0, "x y", "7,5", "pt, en", "01/09/2025",
                         True, [1], {"a": 1}, {"zz": [1]}, float("inf")]


def _leaf_paths(schema: dict[str, Any]) -> list[tuple[str | int, ...]]:
    """Every field of the format, list items as index 0."""
    out: list[tuple[str | int, ...]] = []

    def walk(path: tuple[str | int, ...]) -> None:
        meta = field_meta(schema, path)
        out.append(path)
        if meta.get("type") == "array":
            walk((*path, 0))
        for key in meta.get("properties") or {}:
            if len(path) < 4 and not (path == () and key == "mcred"):
                walk((*path, key))

    walk(())
    return out[1:]


def _nest(path: tuple[str | int, ...], value: Any) -> Any:
    for part in reversed(path):
        value = [value] if isinstance(part, int) else {part: value}
    return value


def test_every_error_type_the_model_emits_is_in_the_table_and_reads_well():
    from mcred.validate import validate

    seen: set[str] = set()
    for path in _leaf_paths(json_schema()):
        for value in BAD_VALUES:
            data = {"mcred": 1, **_nest(path, value)}
            seen |= _error_types(data)
            _, issues = validate(data)
            for issue in issues:
                if issue.code == "MC006":
                    assert clean(issue.message) and clean(issue.fix), (path, value, issue)
                    assert not issue.message.endswith(".")
    assert seen, "the sweep produced no shape errors"
    untranslated = seen - set(EXPLAINERS)
    assert not untranslated, f"error types without a designer's message: {untranslated}"
    assert seen <= set(TABLE), f"add a TABLE row for: {sorted(seen - set(TABLE))}"


def test_the_translation_is_a_pure_function_of_the_error_record():
    """The fast lint path emits the same plain records; no pydantic object is needed."""
    meta = {"title": "ECTS credits", "examples": [5], "minimum": 0, "maximum": 240}
    assert explain("float_type", ("workload", "ects"), "5 ECTS", None, meta) == (
        "`workload.ects` must be a number alone, not the text `5 ECTS`",
        "Write the number without quotes or units, e.g. 5")
    assert explain("url_parsing", ("further_information",), "www.example.es", {}, {})[1] == \
        "Write the full address: https://www.example.es"


def test_unknown_error_types_still_read_as_advice():
    message, hint = explain("some_future_type", ("title",), 5, None, {"examples": ["A"]})
    assert message == "`5` is not a valid value for `title`"
    assert clean(message) and clean(hint)


def test_a_text_field_that_may_be_a_language_map_says_both_forms():
    found = _mc006("grading:\n  scale: [1, 10]\n")
    assert [f.message for f in found] == [
        "`grading.scale` must be a text, or one text per language, not a list"]


def test_a_wrong_language_map_entry_says_so():
    found = _mc006("title:\n  es: [uno]\n")
    assert [f.message for f in found] == [
        "`title.es` must be text, not a list: a language map holds one text per language"]


@hyp_settings(max_examples=200, deadline=None)
@given(st.sampled_from([*sorted(EXPLAINERS), "unknown"]),
       st.one_of(st.text(max_size=80), st.integers(), st.floats(), st.booleans(), st.none(),
                 st.lists(st.integers(), max_size=3)),
       st.lists(st.one_of(st.text(max_size=10), st.integers(0, 5)), max_size=4))
def test_explain_is_total_and_reads_well_for_any_record(kind, value, path):
    message, hint = explain(kind, tuple(path), value, {"pattern": r"^\d{2,4}$"},
                            {"title": "Field", "examples": ["0413"], "minimum": 1,
                             "maximum": 8})
    assert message and hint and not message.endswith(".")
    shown = message + hint  # what the designer wrote may be quoted back, whatever it is
    if isinstance(value, str) and value:
        shown = shown.replace(value, "")
    assert not re.search(r"input should|NoneType", shown, re.IGNORECASE)
    assert r"^\d" not in shown  # the pattern itself is never shown
