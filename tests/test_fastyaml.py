"""The libyaml fast path must load every document exactly as the ruamel path does."""

from __future__ import annotations

import math
import re
import subprocess
import sys

import pytest

from mcred import fastyaml
from mcred.loader import Document, load_text

pytestmark = pytest.mark.skipif(fastyaml._loader_class() is None,
                                reason="PyYAML with libyaml is not installed")

TRICKY_SCALARS = [
    "yes", "no", "on", "off", "y", "n", "Yes", "NO", "true", "True", "TRUE", "tRue", "false",
    "0123", "0o17", "0x1F", "0b101", "1_000", "12:30", "190:20:30", "1e3", "1.0e+3", "1E-2",
    ".5", "-.inf", "+.INF", ".NaN", ".nan", "nan", "inf", "~", "null", "Null", "NULL", "nULL",
    "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-13-45",
    "=", "+12", "-0", "0.", "1__2", "0x_1", "012345678", "08", "0o8", "+0b1", "1.2.3",
    "'quoted yes'", '"0123"', '"tab\\there"', "2 h", "- not a list", "@home", "%value",
]


def _same(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Document, Document]:
    monkeypatch.setenv("MCRED_FAST_YAML", "0")
    slow = load_text(text)
    monkeypatch.setenv("MCRED_FAST_YAML", "1")
    fast = load_text(text)
    assert _view(fast) == _view(slow)
    return fast, slow


def _view(doc: Document) -> tuple[object, ...]:
    index = doc.index
    data = repr(doc.data).replace("nan", "NaN")  # nan != nan, but their reprs agree
    return (data, doc.issues, index._values, index._keys, index._containers)


@pytest.mark.parametrize("scalar", TRICKY_SCALARS)
def test_plain_scalars_resolve_as_in_yaml_1_2_like_ruamel(scalar, monkeypatch):
    text = f"mcred: 1\nvalue: {scalar}\nlist: [{scalar if ',' not in scalar else 'x'}]\n"
    fast, _ = _same(text, monkeypatch)
    value = fast.data["value"] if fast.data else None
    if scalar in ("yes", "no", "on", "off", "y", "n", "0123", "12:30"):
        assert not isinstance(value, bool), "YAML 1.1 booleans must stay text"
        assert value in (scalar, 123) if scalar == "0123" else value == scalar
    if scalar == ".NaN":
        assert math.isnan(value)


DOCUMENTS = {
    "block scalars": "mcred: 1\nsummary: >-\n  folded\n  lines\n\n  kept\ntext: |\n  a\n   b\n",
    "crlf": "mcred: 1\r\ntitle: x\r\nlevel:\r\n  eqf: 6\r\n",
    "wide characters": "mcred: 1\ntitle: \"Ünïcödé 🎓 課程\"\nlevel: {eqf: 99}\n",
    "tags": "mcred: 1\na: !!str 123\nb: !!int \"12\"\nc: !custom x\n",
    "python tag": "mcred: 1\nx: !!python/object:os.system ls\n",
    "complex key": "mcred: 1\n? [a, b]\n: 1\n",
    "duplicate keys": "mcred: 1\ntitle: a\ntitle: b\n",
    "top-level list": "- a\n- b\n",
    "top-level scalar": "just text\n",
    "empty": "",
    "comments only": "# nothing\n",
    "explicit document": "---\nmcred: 1\n...\n",
    "merge without alias": "mcred: 1\nlevel:\n  <<: {eqf: 5}\n  nqf: x\n",
    "flow with empties": "mcred: 1\nlevel: {eqf: , nqf: }\nlanguages: [ ]\n",
    "block empties": "mcred: 1\ntitle:\nlevel:\n  eqf:\nx: {a, b: }\n",
    "multi-line plain": "mcred: 1\ntitle: one\n  two\n  three\n",
    "syntax error": "mcred: 1\nlanguages: [en, de\n",
    "tab indentation": "mcred: 1\nlevel:\n\teqf: 5\n",
    "two documents": "mcred: 1\n---\nmcred: 1\n",
    "undefined alias": "mcred: 1\ntitle: *nothing\n",
    "anchors fall back": "mcred: 1\nbase: &b {eqf: 5}\nlevel: *b\n",
    "directive falls back": "%YAML 1.1\n---\nmcred: 1\nflag: yes\n",
    "control character": "mcred: 1\ntitle: a\x01b\n",
    "line separator": "mcred: 1\ntitle: a\u2028b\nid: 5\n",
    "deep but fine": "mcred: 1\nx: " + "[" * 200 + "]" * 200 + "\n",
    "keys not strings": "mcred: 1\n1: a\nnull: b\ntrue: c\n",
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_documents_load_identically_on_both_paths(name, monkeypatch):
    _same(DOCUMENTS[name], monkeypatch)


def test_parse_errors_have_ruamels_message_and_position(monkeypatch):
    fast, _ = _same("mcred: 1\nlanguages: [en, de\ntitle: x\n", monkeypatch)
    assert [i.code for i in fast.issues] == ["MC001"]
    assert fast.issues[0].span is not None


def test_fast_path_is_really_taken_for_a_plain_design():
    handled, node = fastyaml.try_compose("mcred: 1\ntitle: x\n")
    assert handled and type(node).__module__.startswith("yaml")


def test_what_the_fast_path_refuses():
    assert fastyaml.try_compose("a: &x 1\nb: *x\n") == (False, None)
    assert fastyaml.try_compose("%YAML 1.2\n---\na: 1\n") == (False, None)
    assert fastyaml.try_compose("a: [1\n") == (False, None)
    assert fastyaml.try_compose("[" * 5000 + "]" * 5000) == (False, None)


@pytest.mark.parametrize("indent", [10, 300, 490, 520, 2000])
def test_quick_depth_check_agrees_with_the_bound(indent):
    text = "a:\n" + " " * indent + "b: [1, {c: 2}]\n"
    assert fastyaml._plain_enough(text) == (fastyaml.depth_bound(text) <= fastyaml.MAX_SAFE_DEPTH)


def test_switched_off_by_environment(monkeypatch):
    monkeypatch.setenv("MCRED_FAST_YAML", "0")
    assert fastyaml.try_compose("mcred: 1\n") == (False, None)


@pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
def test_depth_100_000_is_mc009_not_a_crash(opener, tmp_path):
    """The C composer recurses on the C stack: such a file must never reach it."""
    if opener == "- ":
        text = "- " * 100_000 + "x\n"
    else:
        text = opener * 100_000 + ("]" if opener == "[" else "}") * 100_000 + "\n"
    assert fastyaml.depth_bound(text) > fastyaml.MAX_SAFE_DEPTH
    path = tmp_path / "deep.yaml"
    path.write_text("mcred: 1\nx: " + text, encoding="utf-8")
    code = ("import sys; from mcred.loader import load_text; "
            "d = load_text(open(sys.argv[1], encoding='utf-8').read()); "
            "print(sorted({i.code for i in d.issues}))")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert re.search(r"MC009|MC001", out.stdout), out.stdout


def test_resolver_table_matches_the_installed_ruamel():
    from ruamel.yaml.resolver import implicit_resolvers

    theirs = [(tag.rsplit(":", 1)[1], regexp.pattern) for versions, tag, regexp, _ in
              implicit_resolvers if (1, 2) in versions and not tag.endswith(":yaml")]
    ours = [(kind, pattern) for kind, pattern, _ in fastyaml.IMPLICIT_1_2]
    assert ours == theirs
