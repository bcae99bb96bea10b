"""Every reporter against injected runner commands and terminal controls, in-process.

The hostile corpus (tests/hostile/output-injection) plus values written here: the legacy
`##[command]` and Azure `##vso[` forms in the middle of a value (runners parse them
anywhere in a line), `%0A` (which GitHub decodes inside a command), bidi, C1, NEL and
U+2028. No output line of any format may carry a runner command or a raw control.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from conftest import ROOT
from mcred.reporters import REPORTERS, get_reporter
from mcred.reporters.base import ReportOptions
from mcred.reporters.github import step_summary
from mcred.runner import RunResult, lint_paths
from mcred.settings import LintSettings

HOSTILE = ROOT / "tests" / "hostile" / "output-injection"
VALUES = {
    "legacy-mid-line.yaml": 'participation: "x ##[add-mask]secret ##[warning]y"\n',
    "azure-mid-line.yaml": 'participation: "x ##vso[task.setvariable variable=a]1"\n',
    "percent-newline.yaml": 'participation: "ok%0A::error::pwned%0D%0A##[error]z"\n',
    "controls.yaml": 'participation: "a\\u202eb\\x9b31mc\\x85d\\u2028e\\x1b[2Jf"\n',
    "key.yaml": '"k ##[stop-commands]t": 1\n"::error::k": 2\n',
}
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
LEGACY = re.compile(r"##(?:\[|vso\[)", re.IGNORECASE)
ANNOTATION = re.compile(r"^::(error|warning|notice) (file|title)=[^:]*::")


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> RunResult:
    folder: Path = tmp_path_factory.mktemp("injection")
    for name, body in VALUES.items():
        (folder / name).write_text(f"mcred: 1\n{body}", encoding="utf-8")
    linted = lint_paths([HOSTILE, folder], LintSettings())
    assert len(linted.files) >= len(VALUES) + 10
    return linted


def outputs(result: RunResult) -> dict[str, str]:
    found = {}
    for name in REPORTERS:
        for options in (ReportOptions(), ReportOptions(color=True, verbose=True),
                        ReportOptions(junit_flavour="jenkins")):
            out = io.StringIO()
            get_reporter(name)(options).render(result, out)
            found[f"{name} {options}"] = out.getvalue()
    found["github step summary"] = step_summary(result)
    return found


def test_no_output_line_of_any_reporter_carries_a_runner_command(result: RunResult) -> None:
    for name, text in outputs(result).items():
        assert "\r" not in text, name
        for line in text.split("\n"):
            assert not LEGACY.search(line), (name, line)
            if name.startswith("github") and ANNOTATION.match(line):
                continue  # our own annotations; their data is escaped (next test)
            assert not line.lstrip().startswith("::"), (name, line)


def test_no_output_carries_raw_controls(result: RunResult) -> None:
    for name, text in outputs(result).items():
        if "color=True" in name and name.startswith("text"):
            text = re.sub(r"\x1b\[[0-9;]*m", "", text)  # our own colour codes only
        assert not RAW.search(text), (name, RAW.findall(text)[:5])


def test_percent_sequences_cannot_become_line_breaks_in_annotations(tmp_path: Path) -> None:
    design = tmp_path / "percent-newline.yaml"
    design.write_text(f"mcred: 1\n{VALUES[design.name]}", encoding="utf-8")
    out = io.StringIO()
    get_reporter("github")(ReportOptions()).render(lint_paths([design], LintSettings()), out)
    lines = [x for x in out.getvalue().splitlines() if "pwned" in x]
    assert lines and all(ANNOTATION.match(x) for x in lines)
    assert all("%0A::error" not in x and "%250A::error" in x for x in lines)


def test_json_reports_keep_the_values_exactly(result: RunResult) -> None:
    import json

    out = io.StringIO()
    get_reporter("json")(ReportOptions()).render(result, out)
    messages = [f["message"] for f in json.loads(out.getvalue())["findings"]]
    assert any("##[add-mask]secret" in m for m in messages)  # decoded, the same value


@pytest.mark.parametrize("fmt", ["github", "junit", "sarif", "gitlab"])
def test_file_names_with_bidi_c1_nel_and_line_separators(fmt: str) -> None:
    from reporter_cases import finding, render, run

    name = "a\u202eb\x9b31mc\x85d\u2028e\u2066f ##[add-mask]x.yaml"
    out = render(fmt, run((name, [finding(path=name, message="m")])))
    assert not RAW.search(out), RAW.findall(out)
    assert not LEGACY.search(out)
    if fmt == "github":
        assert "file=a\\u202eb\\x9b31mc\\x85d\\u2028e\\u2066f" in out
