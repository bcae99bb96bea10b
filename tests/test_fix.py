"""`mcred lint --fix`: each layout is either fixed with a minimal diff keeping every comment,
or refused with the file untouched; writes are atomic, keep the mode, never follow symlinks."""

from __future__ import annotations

import difflib
import os
import stat
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from mcred.cli import cli
from mcred.fix import FixRefused, fix_paths, write_atomically
from mcred.fix.roundtrip import rewrite

COMMENTED = """\
# Design of the welding course  (comment before everything)
mcred: 1   # format
title: Welding safety  # title comment
# a comment line between keys
awarding_bodies:
  # comment inside a list
  - name: Technical School  # name
    country: Germany  # the issuer's country
languages: [English, German]  # flow list with a comment
participation: face-to-face  # vocabulary synonym
workload:
  ects: "5 ECTS"  # number written as text
  hours_contact: 40
  hours_self_study: 80
  hours_assessment: 15
fee:
  amount: 450
  currency: "€"  # quoted symbol
assessment:
  - type: exam   # synonym in a list item
    covers: []
# trailing comment
"""


def _changed(before: bytes, after: bytes) -> list[tuple[str, str]]:
    old = before.decode().splitlines()
    new = after.decode().splitlines()
    pairs = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag != "equal":
            pairs.extend(zip(old[i1:i2], new[j1:j2], strict=True))
    return pairs


def _comments(text: str) -> list[str]:
    return [line[line.index("#"):].strip() for line in text.splitlines() if "#" in line]


def test_fixes_are_minimal_and_keep_every_comment():
    result = rewrite(COMMENTED.encode(), unsafe=False)
    new = result.result.decode()
    assert result.changed
    changed = _changed(result.original, result.result)
    assert len(changed) == 6  # one line per fixed value (two on the flow list), nothing else
    assert _comments(new) == _comments(COMMENTED)
    for value in ("country: DE", "languages: [en, de]", "participation: onsite", "ects: 5 ",
                  'currency: "EUR"', "type: written-exam"):
        assert value in new
    assert "hours_total" not in new  # unsafe fixes need --unsafe-fixes


def test_unsafe_fix_derives_hours_total_from_its_parts():
    result = rewrite(COMMENTED.encode(), unsafe=True)
    new = result.result.decode()
    assert "  hours_total: 135\n" in new
    assert new.index("ects:") < new.index("hours_total") < new.index("hours_contact")


def test_dollar_is_only_an_unsafe_fix():
    text = b"mcred: 1\nfee:\n  amount: 10\n  currency: $\n"
    assert not rewrite(text, unsafe=False).changed
    assert b"currency: USD" in rewrite(text, unsafe=True).result


def test_units_must_match_the_key():
    text = (b"mcred: 1\nworkload:\n  hours_total: 5 ECTS\n  ects: 135 hours\n"
            b"  duration_weeks: 6 weeks\n")
    new = rewrite(text, unsafe=False).result.decode()
    assert "hours_total: 5 ECTS" in new and "ects: 135 hours" in new
    assert "duration_weeks: 6\n" in new


@pytest.mark.parametrize("text", [
    "mcred: 1\nparticipation: 'hybrid'\n",
    'mcred: 1\nparticipation: "hybrid"\n',
    "mcred: 1\nsummary: |\n  A block scalar\n  kept as is.\nparticipation: hybrid\n",
    "mcred: 1\nsummary: >-\n  folded\n  text\nparticipation: hybrid\n",
    "mcred: 1\ntitle: " + "very long title " * 40 + "\nparticipation: hybrid\n",
    "mcred: 1\nlevel: {eqf: 6, qf_ehea_cycle: first}\nparticipation: hybrid\n",
    "---\nmcred: 1\nparticipation: hybrid\n",
    "mcred: 1\nawarding_bodies:\n    -   name: X\n        country: Spain\n",
])
def test_layouts_are_fixed_minimally_or_refused_untouched(text):
    try:
        result = rewrite(text.encode(), unsafe=False)
    except FixRefused:
        return  # refused: the caller leaves the file untouched (tested below)
    changed = _changed(result.original, result.result)
    assert len(changed) == 1
    old, new = changed[0]
    assert ("hybrid" in old and "blended" in new) or ("Spain" in old and "ES" in new)
    assert old.split(":")[0] == new.split(":")[0]
    for quote in ("'", '"'):
        assert old.count(quote) == new.count(quote)


def test_crlf_and_bom_are_preserved():
    original = b"\xef\xbb\xbfmcred: 1\r\nparticipation: hybrid  # c\r\ntitle: T\r\n"
    result = rewrite(original, unsafe=False).result
    assert result == b"\xef\xbb\xbfmcred: 1\r\nparticipation: blended  # c\r\ntitle: T\r\n"


def test_mixed_line_endings_are_refused():
    with pytest.raises(FixRefused, match="mixes line endings"):
        rewrite(b"mcred: 1\r\nparticipation: hybrid\n", unsafe=False)


def test_layout_that_cannot_be_reproduced_is_refused():
    with pytest.raises(FixRefused, match="cannot be reproduced"):
        rewrite(b"mcred:   1\nparticipation:    hybrid\n", unsafe=False)


def test_nothing_to_fix_returns_the_same_bytes():
    text = b"mcred: 1\nparticipation: blended\n"
    assert rewrite(text, unsafe=False).result == text


def test_cli_fix_writes_atomically_keeps_mode_and_exits_1(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "design.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    path.chmod(0o640)
    result = CliRunner().invoke(cli, ["lint", "--fix", "design.yaml"])
    assert result.exit_code == 1
    assert "fixed design.yaml (7 edits)" in result.output
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "participation: onsite" in path.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["design.yaml"]  # no temp file left
    again = CliRunner().invoke(cli, ["lint", "--fix", "design.yaml", "--fail-on", "never"])
    assert again.exit_code == 0  # nothing left to fix


def test_cli_diff_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "design.yaml"
    path.write_text("mcred: 1\nparticipation: hybrid\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--diff", "design.yaml"])
    assert result.exit_code == 1
    assert "-participation: hybrid" in result.output and "+participation: blended" in result.output
    assert path.read_text(encoding="utf-8") == "mcred: 1\nparticipation: hybrid\n"


def test_refused_file_is_left_untouched_and_exit_is_1(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "design.yaml"
    original = b"mcred:   1\nparticipation:    hybrid\n"
    path.write_bytes(original)
    result = CliRunner().invoke(cli, ["lint", "--fix", "design.yaml"])
    assert result.exit_code == 1
    assert "not fixed" in result.output and "cannot be reproduced" in result.output
    assert path.read_bytes() == original


def test_files_with_loader_errors_are_never_rewritten(tmp_path):
    path = tmp_path / "bomb.yaml"
    original = b"mcred: 1\nparticipation: hybrid\nx: !!python/object:os.system x\n"
    path.write_bytes(original)
    [outcome] = fix_paths([path], 1 << 20, unsafe=True, write=True)
    assert "MC010" in outcome.refused
    assert path.read_bytes() == original


def test_symlinks_are_never_written_through(tmp_path):
    target = tmp_path / "real.yaml"
    target.write_bytes(b"mcred: 1\nparticipation: hybrid\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    with pytest.raises(FixRefused, match="symlink"):
        write_atomically(link, target.read_bytes(), b"mcred: 1\n")
    assert target.read_bytes() == b"mcred: 1\nparticipation: hybrid\n"
    assert link.is_symlink()


def test_file_changed_since_reading_is_not_overwritten(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_bytes(b"mcred: 1\n")
    with pytest.raises(FixRefused, match="changed"):
        write_atomically(path, b"something else", b"mcred: 1\n")


def test_fix_through_the_installed_entry_point(tmp_path):
    path = tmp_path / "design.yaml"
    path.write_text("mcred: 1\nparticipation: hybrid  # keep me\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mcred", "lint", "--fix", "--fail-on", "never",
                          "design.yaml"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=60, env={**os.environ, "NO_COLOR": "1"})
    assert run.returncode == 1, run.stderr
    assert path.read_text(encoding="utf-8") == "mcred: 1\nparticipation: blended  # keep me\n"
    assert "Traceback" not in run.stderr


def test_long_lines_are_not_rewrapped():
    title = " ".join(["a-very-long-title-word"] * 60)
    text = f"mcred: 1\ntitle: {title}\nparticipation: hybrid\n".encode()
    result = rewrite(text, unsafe=False).result
    assert result == text.replace(b"hybrid", b"blended")


def test_verification_refuses_a_rewrite_that_changes_another_value():
    from mcred.fix.fixers import Edit
    from mcred.fix.roundtrip import _verify

    before = "mcred: 1\nparticipation: hybrid\ntitle: A\n"
    after = "mcred: 1\nparticipation: blended\ntitle: B\n"
    edit = Edit(("participation",), "hybrid", "blended", "synonym")
    with pytest.raises(FixRefused, match="more than the fixed values"):
        _verify(before, after, [edit])


def test_verification_refuses_a_rewrite_that_drops_a_comment():
    from mcred.fix.fixers import Edit
    from mcred.fix.roundtrip import _verify

    edit = Edit(("participation",), "hybrid", "blended", "synonym")
    with pytest.raises(FixRefused, match="comment"):
        _verify("mcred: 1\nparticipation: hybrid  # why\n", "mcred: 1\nparticipation: blended\n",
                [edit])
    with pytest.raises(FixRefused):
        _verify("# head\nmcred: 1\nparticipation: hybrid\n", "mcred: 1\nparticipation: blended\n",
                [edit])


def test_ambiguous_values_where_text_is_expected_get_quoted(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("mcred: 1\nfield_of_education: 0413  # isced\ngrading:\n  scale: 1.10\n"
                    "level: {nqf: 6, eqf: 6}\nworkload:\n  ects: 5\n", encoding="utf-8")
    [outcome] = fix_paths([path], 1 << 20, unsafe=False, write=True)
    assert outcome.changed
    assert path.read_text(encoding="utf-8") == (
        'mcred: 1\nfield_of_education: "0413"  # isced\ngrading:\n  scale: "1.10"\n'
        'level: {nqf: "6", eqf: 6}\nworkload:\n  ects: 5\n')


def test_the_quick_check_finds_every_file_the_round_trip_would_fix():
    """--fix skips the ruamel round trip when the loaded data has no edit; over the
    examples and the fixtures of the rules --fix serves (and some it does not), that
    shortcut never skips a file the round trip would change."""
    from mcred.fix import needs_fixing
    from mcred.loader import load_source
    from mcred.sources import decode

    checked = 0
    rules = ROOT / "tests" / "fixtures" / "rules"
    codes = ("MC005", "MC006", "MC012", "MC104", "MC201", "MC303", "MC305", "MC802", "MC805")
    for path in [p for c in codes for p in sorted((rules / c).glob("*.yaml"))] + sorted(
            EXAMPLES.rglob("*.yaml")):
        try:
            document = load_source(decode(path.read_bytes(), path.name))
        except Exception:
            continue
        if document.data is None or (document.issues and any(
                i.code in {"MC001", "MC002", "MC003", "MC009", "MC010", "MC011"}
                for i in document.issues)):
            continue
        for unsafe in (False, True):
            try:
                edits = rewrite(path.read_bytes(), unsafe, document.quotable).edits
            except FixRefused:
                continue
            checked += 1
            assert needs_fixing(document, unsafe) == bool(edits), path
    assert checked > 30


def _fixable_corpus(root, count: int, broken: bool = True) -> list:
    """``count`` designs, every third with an edit for --fix, and one refused (loading
    error) unless not ``broken`` (it stops the cross-file rules)."""
    text = (EXAMPLES / "green-public-procurement.yaml").read_text("utf-8")
    assert "participation: blended" in text
    paths = []
    for n in range(count):
        body = text.replace("participation: blended", "participation: hybrid") \
            if n % 3 == 0 else text
        path = root / f"d{n:03}.yaml"
        if n > 1:  # d000 and d001 share an id: a cross-file finding (MC9xx) for each
            body = body.replace("\nid: ", f"\nid: d{n}-", 1)
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    if broken:
        (root / "broken.yaml").write_text("mcred: 1\ntitle: [unclosed\n", encoding="utf-8")
    return paths


def test_fix_reports_what_a_fresh_lint_of_the_fixed_files_reports(tmp_path, monkeypatch):
    """After rewriting, --fix lints again only the files it changed (the others keep their
    findings); the report must be exactly that of a new run, cross-file findings included."""
    from mcred import parallel

    monkeypatch.setenv("MCRED_CACHE_DIR", str(tmp_path / "cache"))
    designs = tmp_path / "designs"
    designs.mkdir()
    _fixable_corpus(designs, 24, broken=False)
    linted: list[str] = []
    real = parallel._lint_one
    monkeypatch.setattr(parallel, "_lint_one",
                        lambda job, settings: linted.append(job.source.name) or real(job,
                                                                                     settings))
    args = ["lint", "--no-cache", "-j", "1", "--no-source", str(designs)]
    fixed = CliRunner().invoke(cli, [*args, "--fix"])
    assert fixed.exit_code == 1, fixed.output
    assert len(linted) == 24 + 8  # every file, then the eight rewritten ones again
    fresh = CliRunner().invoke(cli, args)
    assert fixed.stdout == fresh.stdout
    assert "d000.yaml" in fixed.stdout and "  MC9" in fixed.stdout
    assert "hybrid" not in "".join(p.read_text("utf-8") for p in designs.glob("d*.yaml"))


def test_round_trips_in_worker_processes_write_what_one_process_writes(tmp_path,
                                                                         monkeypatch):
    """Many files to fix are round-tripped in worker processes; files, messages and
    exit status are the same as with one process."""
    from mcred import workers

    pools: list[int] = []
    real = workers.map_in_workers
    monkeypatch.setattr(workers, "map_in_workers",
                        lambda f, items, n: pools.append(n) or real(f, items, n))
    outputs = []
    for jobs in ("1", "2"):
        root = tmp_path / f"j{jobs}"
        root.mkdir()
        paths = _fixable_corpus(root, 30)
        result = CliRunner().invoke(cli, ["lint", "--no-cache", "-j", jobs, "--fix",
                                          "--no-source", str(root)])
        assert result.exit_code == 1
        outputs.append(([p.read_bytes() for p in paths], result.stderr, result.stdout))
    assert pools == [2]  # -j 1 rewrote in this process, -j 2 in two workers
    assert outputs[0][1].count("mcred: fixed") == 10
    assert outputs[0][0] == outputs[1][0]
    assert outputs[0][1].replace("/j1/", "/j2/") == outputs[1][1]
