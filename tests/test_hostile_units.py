"""Unit tests of the guarded pipeline: decoding, YAML limits, ambiguous values, safe output,
the findings cap and internal errors."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from conftest import lint_text
from mcred import __version__
from mcred.cli import cli
from mcred.findings import Finding, Severity
from mcred.loader import load_source, load_text, nesting_exceeds
from mcred.reporters.safe import clean
from mcred.runner import cap_findings
from mcred.sources import decode
from mcred.tree import Limits


def _codes(text: str) -> list[str]:
    return [i.code for i in load_text(text).issues]


# -- decoding --------------------------------------------------------------------------

def test_invalid_utf8_reports_line_and_column_of_the_bad_byte():
    source = decode(b"mcred: 1\ntitle: caf\xe9\n", "d.yaml")
    [issue] = source.issues
    assert issue.code == "MC011" and issue.span == (2, 11, 2, 11)
    assert "0xe9" in issue.message


def test_bom_is_accepted_and_remembered():
    source = decode(codecs.BOM_UTF8 + b"mcred: 1\n", "d.yaml")
    assert source.bom and source.text == "mcred: 1\n" and not source.issues


@pytest.mark.parametrize(("data", "words"), [
    (codecs.BOM_UTF16_LE + "mcred: 1".encode("utf-16-le"), "UTF-16"),
    (codecs.BOM_UTF32_BE + "mcred: 1".encode("utf-32-be"), "UTF-32"),
    ("mcred: 1".encode("utf-16-le"), "NUL bytes"),
])
def test_utf16_32_and_binary_are_rejected_clearly(data, words):
    [issue] = decode(data, "d.yaml").issues
    assert issue.code == "MC011" and words in issue.message


def test_control_characters_and_mid_file_bom_are_reported_at_their_position():
    issues = load_text("mcred: 1\ntitle: a\x1bb\n\ufeffsummary: x\n").issues
    assert [(i.code, i.span[:2]) for i in issues] == [("MC011", (2, 9)), ("MC011", (3, 1))]
    assert "U+001B" in issues[0].message and "byte-order mark" in issues[1].message


# -- YAML limits -----------------------------------------------------------------------

def _fast(text: str, **limits: object) -> list[str]:
    start = time.monotonic()
    codes = [i.code for i in load_text(text, limits=Limits(**limits)).issues]  # type: ignore[arg-type]
    assert time.monotonic() - start < 5
    return codes


def test_depth_of_100k_gives_mc009_quickly_without_recursion_error():
    assert _fast("a: " + "[" * 100_000 + "]" * 100_000) == ["MC009"]
    assert _fast("a:\n" + "".join("  " * i + "- \n" for i in range(1, 5000))) == ["MC009"]


def test_depth_limit_is_exact_at_64():
    ok = "mcred: 1\nx-a: " + "[" * 64 + "]" * 64 + "\n"
    too_deep = "mcred: 1\nx-a: " + "[" * 65 + "]" * 65 + "\n"
    assert "MC009" not in _codes(ok)
    issue = next(i for i in load_text(too_deep).issues if i.code == "MC009")
    assert "64 levels" in issue.message and issue.span is not None


def test_billion_laughs_and_flat_alias_bomb_hit_the_node_budget():
    laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 10))
    flat = "a: &a [" + ",".join(["x"] * 10_000) + "]\nb: [" + ",".join(["*a"] * 10_000) + "]\n"
    assert _fast(laughs) == ["MC009"]
    assert _fast(flat) == ["MC009"]
    assert "100,000 nodes" in load_text(flat).issues[0].message


def test_recursive_aliases_are_rejected():
    assert _codes("a: &a [1, *a]\n") == ["MC009"]
    assert "recursive" in load_text("a: &a {b: *a}\n").issues[0].message


def test_time_budget_stops_a_slow_file():
    text = "mcred: 1\n" + "".join(f"k{i}: [{i}, {i}]\n" for i in range(3000))
    issues = load_text(text, limits=Limits(max_seconds=0.0)).issues
    assert [i.code for i in issues] == ["MC009"]
    assert "took longer than the limit" in issues[0].message


def test_one_document_per_file():
    [issue] = load_text("mcred: 1\n---\nmcred: 1\n").issues
    assert issue.code == "MC001" and "second YAML document" in issue.message
    assert issue.span[:2] == (2, 1)


def test_prescan_is_an_overestimate_only_for_absurd_nesting():
    assert nesting_exceeds("a: [[1], [2]]\nb: {c: [d]}\n", 256) is None
    assert nesting_exceeds("a: " + "[" * 300, 256) == (1, 260, "the document is nested deeper "
                                                        "than 256 levels")


@pytest.mark.parametrize(("text", "code"), [
    ("mcred: 1\nlevel:\n  eqf: " + "9" * 5000 + "\n", "MC006"),
    ("mcred: 1\nschedule:\n  start: 2024-02-30\n", "MC006"),
    ("mcred: 1\nlevel:\n  eqf: !!int abc\n", "MC010"),
    ("mcred: 1\ntitle: !!python/object/apply:os.system [ls]\n", "MC010"),
    ("mcred: 1\ntitle: !custom x\n", "MC010"),
    ("mcred: 1\nlevel:\n  eqf: !!int 6\n", "MC010"),
    ("mcred: 1\nworkload: {ects: &e !!float 5}\n", "MC010"),
])
def test_construction_errors_and_tags_are_findings_with_positions(text, code):
    finding = next(f for f in lint_text(text) if f.code == code)
    assert finding.line >= 2


def test_duplicate_anchor_does_not_warn_on_stderr(capfd):
    load_text("mcred: 1\na: &x 1\nb: &x 2\nc: *x\n")
    assert capfd.readouterr().err == ""


def test_parser_state_does_not_leak_between_files():
    load_text("%YAML 1.1\n---\nmcred: 1\n")
    assert not [f for f in lint_text("mcred: 1\nlevel:\n  nqf: yes\n") if f.code == "MC012"]


# -- YAML 1.1 pitfalls (MC012) ---------------------------------------------------------

@pytest.mark.parametrize(("text", "hint"), [
    ("mcred: 1\ngrading:\n  scale: 1.10\n", 'Quote it: "1.10"'),
    ("mcred: 1\nfield_of_education: 0413\n", 'Quote it: "0413"'),
    ("mcred: 1\ntitle: 2024-01-01\n", 'Quote it: "2024-01-01"'),
    ("mcred: 1\nworkload:\n  ects: .nan\n", "finite number"),
    ("mcred: 1\nfee:\n  amount: -.inf\n", "finite number"),
    ("%YAML 1.1\n---\nmcred: 1\n", "Remove the `%YAML 1.1` line"),
    ("%YAML 1.1\n---\nmcred: 1\nawarding_bodies:\n  - country: NO\n", 'Quote it: "NO"'),
])
def test_ambiguous_values_get_a_quote_hint(text, hint):
    findings = [f for f in lint_text(text) if f.code == "MC012"]
    assert any(hint in f.fix for f in findings), findings
    assert all(f.severity is Severity.WARNING for f in findings)


def test_ambiguous_text_is_kept_as_written():
    doc = load_source(decode(b"mcred: 1\ngrading:\n  scale: 1.10\n", "d.yaml"))
    assert doc.data is not None and doc.data["grading"]["scale"] == "1.10"


def test_numbers_where_numbers_belong_are_not_ambiguous():
    assert not [f for f in lint_text("mcred: 1\nworkload:\n  ects: 5.0\n") if f.code == "MC012"]


# -- safe output -----------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "shown"), [
    ("a\x1b[31mb", "a\\x1b[31mb"),
    ("\x1b]8;;http://x\x07", "\\x1b]8;;http://x\\x07"),
    ("x\n::error::y", "x\\n::error::y"),
    ("::add-mask::s", "\\::add-mask::s"),
    ("  ##[error]x", "  #\\#[error]x"),
    ("a ##[add-mask]b ##VSO[x]", "a #\\#[add-mask]b #\\#VSO[x]"),
    ("nel\x85 ls\u2028 csi\x9b", "nel\\x85 ls\\u2028 csi\\x9b"),
    ("a\r\nb", "a\\r\\nb"),
    ("\x9b1m", "\\x9b1m"),
    ("bad\udcff", "bad\\udcff"),
    ("rtl\u202e", "rtl\\u202e"),
    ("[/] [bold]", "[/] [bold]"),
])
def test_clean_escapes_everything_that_acts_on_a_terminal_or_ci_log(raw, shown):
    assert clean(raw) == shown
    clean(raw).encode("utf-8")  # never a lone surrogate left


def test_clean_shortens_long_values_and_bounds_work():
    text = clean("\x1b" * 1_000_000, 50)
    assert len(text) == 50 and text.endswith("…")


def test_text_report_with_markup_in_data_does_not_crash():
    text = 'mcred: 1\n"[/]": 1\n"[bold]x": 2\nparticipation: "[/bold]"\n'
    import io

    from mcred.engine import lint_document
    from mcred.reporters.base import ReportOptions
    from mcred.reporters.text import TextReporter
    from mcred.runner import RunResult
    from mcred.settings import RuleSettings

    result = RunResult(files=[lint_document(load_text(text, "d.yaml"), RuleSettings())])
    out = io.StringIO()
    TextReporter(ReportOptions(color=True)).render(result, out)
    assert "unknown key `[/]`" in out.getvalue() and "`[bold]x`" in out.getvalue()


# -- findings cap ----------------------------------------------------------------------

def _finding(n: int, severity: Severity) -> Finding:
    return Finding("d.yaml", n, 1, "MC005", "unknown-key", severity, f"m{n}")


def test_findings_per_file_are_capped_with_a_count_of_the_rest():
    findings = [_finding(n, Severity.WARNING) for n in range(60)]
    findings.append(_finding(99, Severity.ERROR))
    capped = cap_findings(findings, 50)
    assert len(capped) == 51
    assert capped[-1].message == "11 more findings in this file not shown (at most 50 per file)"
    assert capped[-1].severity is Severity.ERROR  # the exit code cannot change
    assert cap_findings(findings, 0) == findings


def test_cap_through_the_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.yaml").write_text("mcred: 1\n" + "".join(f"k{i}: 1\n" for i in range(80)),
                                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--no-source", "-q", "d.yaml"])
    assert result.exit_code == 1
    heads = [line for line in result.output.splitlines() if line.startswith("d.yaml:")]
    assert len(heads) == 51
    assert heads[-1].endswith("more findings in this file not shown (at most 50 per file)"
                              "  [resource-limit-exceeded]")


# -- internal errors -------------------------------------------------------------------

_RAISE = """
import sys
from mcred.registry import load_all
rules = load_all()
def boom(*_):
    raise ZeroDivisionError("rule bug \\x1b[31m")
import dataclasses
rules["MC101"] = dataclasses.replace(rules["MC101"], check=boom)
from mcred.cli import main
sys.argv = ["mcred", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("debug", [False, True])
def test_internal_error_exits_3_with_one_line_traceback_only_with_debug(tmp_path, debug):
    (tmp_path / "d.yaml").write_text("mcred: 1\n", encoding="utf-8")
    args = (["--debug"] if debug else []) + ["lint", "d.yaml"]
    run = subprocess.run([sys.executable, "-c", _RAISE, *args], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60,
                         env={**os.environ, "NO_COLOR": "1"})
    if debug:
        assert run.returncode != 0 and "Traceback" in run.stderr
        assert "ZeroDivisionError" in run.stderr
    else:
        assert run.returncode == 3
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and "internal error" in lines[0] and __version__ in lines[0]
        assert "Traceback" not in run.stderr and "\x1b" not in run.stderr


def test_tree_builder_enforces_limits_whatever_composed_the_nodes():
    """A faster composer (C parser) feeds the same builder: the limits live there too."""
    from ruamel.yaml import YAML

    from mcred.tree import TreeBuilder, TreeProblem

    node = YAML(typ="rt", pure=True).compose("a: [[[[x]]]]\nb: &b [1, 2, 3]\nc: [*b, *b, *b]\n")
    with pytest.raises(TreeProblem, match="deeper than 3 levels"):
        TreeBuilder(Limits(max_depth=3)).build(node)
    with pytest.raises(TreeProblem, match="more than 10 nodes"):
        TreeBuilder(Limits(max_nodes=10)).build(node)
    big = YAML(typ="rt", pure=True).compose("[" + ", ".join(["1"] * 3000) + "]")
    with pytest.raises(TreeProblem, match="took longer"):
        TreeBuilder(Limits(), deadline=time.monotonic() - 1).build(big)


def test_explicit_str_tag_is_the_one_tag_allowed():
    findings = lint_text("mcred: 1\ntitle: !!str 2024\n")
    assert not [f for f in findings if f.code in ("MC010", "MC006")]
