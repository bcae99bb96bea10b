"""Globs: the same answers as pathspec's own (backtracking) matcher, in linear time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pathspec import GitIgnoreSpec

from mcred.globs import GlobError, Globs, compile_gitignore, compile_globs

PATTERNS = [
    "*.yaml", "*.draft.yaml", "legacy/", "legacy/**", "/top.yaml", "**/drafts/*", "a/**/b",
    "docs/*.yml", "!keep.yaml", "?.yaml", "[ab]*.yaml", "[!a]*.yaml", "**", "*", "a/b/",
    "**/*.yaml", "x/**/", "\\#literal.yaml", "\\!bang.yaml", "sp\\ ace.yaml", "dir/*/file",
    "*a*b*c*", "**/z/**", "#comment", "", "trailing.yaml   ", "a[0-9].yaml", "ü*.yaml",
]
PATHS = [
    "top.yaml", "x/top.yaml", "a.yaml", "b.yaml", "c.yaml", "keep.yaml", "legacy/old.yaml",
    "legacy/", "legacy/deep/old.yaml", "x/legacy/old.yaml", "drafts/one.yaml",
    "p/drafts/one.yaml", "p/drafts/q/one.yaml", "a/b", "a/x/y/b", "a/b/", "a/b/c.yaml",
    "docs/x.yml", "docs/sub/x.yml", "#literal.yaml", "!bang.yaml", "sp ace.yaml",
    "dir/mid/file", "dir/file", "zabc", "xaxbxcx", "z/", "q/z/w.yaml", "trailing.yaml",
    "a5.yaml", "ünicode.yaml", "x/", "x/y/", "x/y.yaml", "one.draft.yaml",
]


def _reference(lines: list[str]) -> GitIgnoreSpec:
    return GitIgnoreSpec.from_lines(lines, backend="simple")


@pytest.mark.parametrize("pattern", PATTERNS)
def test_each_pattern_answers_as_pathspec_does(pattern):
    ours, theirs = compile_gitignore([pattern]), _reference([pattern])
    for path in PATHS:
        assert ours.check(path) == theirs.check_file(path).include, (pattern, path)


def test_lists_with_negations_answer_as_pathspec_does():
    lines = ["*.yaml", "!keep.yaml", "legacy/", "!legacy/keep/", "**/drafts/*", "/top.yaml"]
    ours, theirs = compile_globs(lines), _reference(lines)
    for path in [*PATHS, "legacy/keep/", "legacy/keep/a.yaml"]:
        assert ours.check(path) == theirs.check_file(path).include, path
        assert ours.match(path) == theirs.match_file(path), path


_PIECES = st.sampled_from(["a", "b", "*", "**", "/", "?", "[ab]", ".yaml", "!", "\\*"])
_NAMES = st.lists(st.sampled_from(["a", "b", "ab", "x.yaml", "a.yaml", "/"]), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=6), _NAMES)
def test_generated_patterns_answer_as_pathspec_does(pieces, parts):
    pattern, path = "".join(pieces), "".join(parts).strip("/") or "a"
    try:
        theirs = _reference([pattern])
    except Exception:  # pathspec rejects it: so do we (dropped from a .gitignore)
        assert compile_gitignore([pattern]).check(path) is None
        return
    assert compile_gitignore([pattern]).check(path) == theirs.check_file(path).include


@pytest.mark.parametrize("pattern", ["*a*a*a*a*a*a*a*b", "*a*a*a*a*a*a*a*a*b",
                                     "**/a/**/a/**/a/**/a/**/b", "*a**a*a**a*a*b"])
def test_hostile_patterns_match_in_linear_time(pattern):
    globs = compile_globs([pattern])
    start = time.monotonic()
    for name in ("a" * 60, "a" * 2000, "/".join("a" * 300)):
        assert globs.check(name) is None
    assert time.monotonic() - start < 2


def test_file_names_that_are_not_utf8_still_match():
    name = b"bad\xff-name.yaml".decode("utf-8", "surrogateescape")
    assert compile_globs(["*.yaml"]).match(name)
    assert not compile_globs(["*.yml"]).match(name)


@pytest.mark.parametrize("pattern", ["a\\", "!", "[z-a]", "x" * 5000])
def test_unusable_patterns_are_an_error_in_a_config_and_dropped_from_a_gitignore(pattern):
    with pytest.raises(GlobError) as caught:
        compile_globs(["ok.yaml", pattern])
    assert caught.value.pattern == pattern
    kept = compile_gitignore(["ok.yaml", pattern])
    assert kept.match("ok.yaml")


def test_without_re2_only_patterns_with_few_wildcards_are_used(monkeypatch):
    import mcred.globs as globs

    monkeypatch.setattr(globs, "_re2_available", lambda: False)
    with pytest.raises(GlobError, match="more than 3 wildcards"):
        globs.compile_globs(["*a*a*a*b"])
    kept = globs.compile_gitignore(["*a*a*a*b", "*.yaml"])
    assert isinstance(kept, Globs) and kept.match("x.yaml") and kept.check("aaab") is None


def test_a_list_too_large_for_re2_still_matches():
    lines = [f"dir{i}/**/*.log{i}" for i in range(2000)]
    globs = compile_gitignore(lines)
    assert globs.match("dir5/x/y.log5") and not globs.match("dir5/x/y.log6")
