"""Inline `# mcred: ignore[...]` comments: used, unused (MC013) and invalid (MC014)."""

from __future__ import annotations

from pathlib import Path

import pytest

from config_helpers import codes, design, lint_json, write
from conftest import lint_text
from mcred.settings import RuleSettings
from mcred.suppressions import comment_start


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def found(findings: list[dict[str, object]]) -> set[tuple[int, str]]:
    return {(int(str(f["line"])), str(f["code"])) for f in findings}


def hours_line(text: str) -> int:
    return text.splitlines().index(next(x for x in text.splitlines()
                                        if x.startswith("  hours_total:"))) + 1


def test_a_used_suppression_hides_the_finding_on_its_line(repo: Path) -> None:
    text = design(100, hours_suffix="  # mcred: ignore[MC303] Irish convention, 20 h per ECTS")
    write(repo, {"d.yaml": text})
    code, findings = lint_json("d.yaml")
    assert code == 0 and findings == []


def test_names_work_as_well_as_codes(repo: Path) -> None:
    text = design(100, hours_suffix="  # mcred: ignore[hours-per-ects-out-of-band] Irish")
    write(repo, {"d.yaml": text})
    assert lint_json("d.yaml")[1] == []


def test_a_suppression_on_another_line_does_not_apply(repo: Path) -> None:
    text = design(100).replace("  ects: 5\n", "  ects: 5  # mcred: ignore[MC303] wrong line\n", 1)
    write(repo, {"d.yaml": text})
    _, findings = lint_json("d.yaml")
    ects_line = hours_line(text) - 1
    assert found(findings) == {(hours_line(text), "MC303"), (ects_line, "MC013")}


def test_ignore_file_applies_anywhere(repo: Path) -> None:
    text = "# mcred: ignore-file[MC303, missing-level] pilot run, see ticket 42\n" + \
        design(60, level=False)
    write(repo, {"d.yaml": text})
    assert lint_json("d.yaml")[1] == []


def test_an_unused_suppression_is_reported_where_it_is(repo: Path) -> None:
    text = design(135, hours_suffix="  # mcred: ignore[MC303] stale")
    write(repo, {"d.yaml": text})
    code, findings = lint_json("d.yaml")
    (finding,) = findings
    assert code == 1 and found(findings) == {(hours_line(text), "MC013")}
    assert finding["message"] == "unused suppression of MC303: no such finding on this line"
    assert finding["column"] == len("  hours_total: 135  ") + 1


def test_unknown_codes_and_empty_suppressions_are_reported(repo: Path) -> None:
    text = design(100, hours_suffix="  # mcred: ignore[MC330] typo") + \
        "# mcred: ignore just because\n# mcred: noqa[MC303]\n"
    write(repo, {"d.yaml": text})
    _, findings = lint_json("d.yaml")
    last = len(text.splitlines())
    assert found(findings) == {(hours_line(text), "MC303"), (hours_line(text), "MC014"),
                               (last - 1, "MC014"), (last, "MC014")}
    messages = {str(f["message"]) for f in findings if f["code"] == "MC014"}
    assert "unknown rule `MC330` in a suppression comment" in messages


def test_suppressions_of_disabled_rules_are_not_reported_as_unused(repo: Path) -> None:
    text = design(135, hours_suffix="  # mcred: ignore[MC303] reason")
    write(repo, {"d.yaml": text, "mcred.toml": 'ignore = ["MC303"]\n'})
    assert lint_json("d.yaml")[1] == []
    write(repo, {"mcred.toml": 'ignore = ["MC013"]\n'})
    assert lint_json("d.yaml")[1] == []


def test_mcred_marker_and_quoted_hashes_are_not_comments(repo: Path) -> None:
    text = design(60).replace(
        "title: Green Public Procurement in Practice",
        "title: \"Green # mcred: ignore[MC303] not a comment\"")
    write(repo, {"d.yaml": text})
    assert codes(lint_json("d.yaml")[1]) == {"MC303"}


@pytest.mark.parametrize(("line", "start"), [
    ("key: value # comment", 11),
    ("# whole line", 0),
    ("key: 'it''s # not' # yes", 19),
    ('key: "a \\" # b" # c', 16),
    ("key: don't # comment", 11),
    ("url: http://x/#frag", None),
    ("- [a, 'b # c'] # d", 15),
])
def test_comment_start(line: str, start: int | None) -> None:
    assert comment_start(line) == start


def test_suppressions_work_in_a_file_that_does_not_parse() -> None:
    text = "# mcred: ignore-file[MC001] being rewritten\nmcred: 1\ntitle: [unclosed\n"
    assert lint_text(text, settings=RuleSettings()) == []


def test_cross_file_findings_honour_suppressions_and_per_file_ignores(repo: Path) -> None:
    same = design().replace("\nid: green-public-procurement\n", "\nid: gpp\n")
    write(repo, {"a.yaml": same, "b.yaml": same, "c.yaml": same})
    _, findings = lint_json(".")
    assert codes(findings, "a.yaml") == codes(findings, "b.yaml") == {"MC901"}
    id_line = next(int(str(f["line"])) for f in findings if f["path"] == "a.yaml")
    lines = same.splitlines()
    lines[id_line - 1] += "  # mcred: ignore[duplicate-design-id] reissued under a new code"
    write(repo, {"a.yaml": "\n".join(lines) + "\n",
                 "mcred.toml": '[per-file-ignores]\n"b.yaml" = ["MC901"]\n'})
    _, findings = lint_json(".")
    assert codes(findings, "a.yaml") == codes(findings, "b.yaml") == set()
    assert codes(findings, "c.yaml") == {"MC901"}


# -- only real comments: directives inside block and quoted scalars are text ------------

TEXT_NOT_COMMENT = [  # in an `x-` key, so that the design stays the same otherwise
    'x-notes: |\n  Our notes:\n  # mcred: ignore-file[MC303]\n  more text\n',
    'x-notes: >-\n  # mcred: ignore-file[MC303]\n',
    'x-notes: "x # mcred: ignore-file[MC303]"\n',
    "x-notes: 'x # mcred: ignore-file[MC303]'\n",
    'x-notes: "first line\n  # mcred: ignore-file[MC303] second line"\n',
]


@pytest.mark.parametrize("block", TEXT_NOT_COMMENT)
def test_a_directive_inside_a_scalar_silences_nothing(repo: Path, block: str) -> None:
    text = design(100) + block
    write(repo, {"d.yaml": text})
    _, findings = lint_json("d.yaml")
    assert (hours_line(text), "MC303") in found(findings)
    assert not {c for _, c in found(findings)} & {"MC013", "MC014"}


def test_real_comments_around_block_scalars_still_work(repo: Path) -> None:
    text = design(100) + ("x-notes: |\n  # not a directive\n  text\n"
                          "# mcred: ignore-file[MC303] agreed with the panel\n")
    write(repo, {"d.yaml": text})
    assert lint_json("d.yaml")[1] == []


def test_a_file_that_does_not_parse_falls_back_to_the_text_scan() -> None:
    from mcred.suppressions import comment_positions

    text = 'a: "unclosed\n# mcred: ignore-file[MC303]\nb: [1,\n'
    assert comment_positions(text, text.splitlines()) == [(2, 0)]
