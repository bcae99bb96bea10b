"""Walking a repository: the marker, .gitignore, include/exclude globs, links, unreadable files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers_corpus import design_text
from mcred.cli import cli
from mcred.discovery import WalkOptions, discover
from mcred.runner import lint_paths
from mcred.settings import LintSettings

CLEAN = design_text("unit")


def write(root: Path, rel: str, text: str = "") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text or design_text(Path(rel).stem), encoding="utf-8")
    return path


def walked(root: Path, options: WalkOptions | None = None) -> list[str]:
    errors: list[str] = []
    found = [p.relative_to(root).as_posix() for p, _ in discover([root], options, errors.append)]
    assert errors == []
    return found


def test_walks_yaml_and_yml_in_sorted_order(tmp_path):
    for rel in ("b.yaml", "a/z.yml", "a/y.yaml", "notes.txt", "c.json"):
        write(tmp_path, rel)
    assert walked(tmp_path) == ["b.yaml", "a/y.yaml", "a/z.yml"]


def test_non_design_yaml_is_skipped_and_listed_with_verbose(tmp_path):
    write(tmp_path, "design.yaml")
    write(tmp_path, "ci/workflow.yaml", "on: push\njobs: {}\n")
    result = lint_paths([tmp_path], LintSettings())
    assert [Path(f.path).name for f in result.files] == ["design.yaml"]
    assert [Path(s).name for s in result.skipped] == ["workflow.yaml"]
    out = CliRunner().invoke(cli, ["lint", "-v", str(tmp_path)]).output
    assert "skipped (no `mcred:` marker)" in out and "workflow.yaml" in out
    quiet = CliRunner().invoke(cli, ["lint", str(tmp_path)]).output
    assert "workflow.yaml" not in quiet


def test_gitignored_folder_is_skipped(tmp_path):
    write(tmp_path, "designs/kept.yaml")
    write(tmp_path, "build/generated.yaml")
    (tmp_path / ".gitignore").write_text("build/\n")
    assert walked(tmp_path) == ["designs/kept.yaml"]
    assert walked(tmp_path, WalkOptions(gitignore=False)) == [
        "build/generated.yaml", "designs/kept.yaml"]


def test_nested_gitignore_and_negation(tmp_path):
    write(tmp_path, "a/draft-1.yaml")
    write(tmp_path, "a/draft-keep.yaml")
    write(tmp_path, "b/draft-2.yaml")
    (tmp_path / "a" / ".gitignore").write_text("draft-*.yaml\n!draft-keep.yaml\n")
    assert walked(tmp_path) == ["a/draft-keep.yaml", "b/draft-2.yaml"]


def test_gitignore_of_the_repository_root_applies_to_a_walked_subfolder(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("curriculum/archive/\n")
    write(tmp_path, "curriculum/live.yaml")
    write(tmp_path, "curriculum/archive/old.yaml")
    found = [p.name for p, _ in discover([tmp_path / "curriculum"])]
    assert found == ["live.yaml"]


def test_gitignore_above_the_repository_root_does_not_apply(tmp_path):
    (tmp_path / ".gitignore").write_text("*.yaml\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo, "unit.yaml")
    assert walked(repo) == ["unit.yaml"]


def test_include_and_exclude_globs(tmp_path):
    for rel in ("designs/a.yaml", "designs/drafts/b.yaml", "other/c.yaml"):
        write(tmp_path, rel)
    assert walked(tmp_path, WalkOptions(include=("designs/",))) == [
        "designs/a.yaml", "designs/drafts/b.yaml"]
    assert walked(tmp_path, WalkOptions(exclude=("drafts/",))) == [
        "designs/a.yaml", "other/c.yaml"]
    assert walked(tmp_path, WalkOptions(include=("*.yaml",), exclude=("c.yaml",))) == [
        "designs/a.yaml", "designs/drafts/b.yaml"]


def test_settings_include_exclude_reach_the_walk(tmp_path):
    write(tmp_path, "a.yaml")
    write(tmp_path, "b.yaml")
    result = lint_paths([tmp_path], LintSettings(exclude=("b.yaml",)))
    assert [Path(f.path).name for f in result.files] == ["a.yaml"]


def test_explicit_files_are_linted_even_when_ignored(tmp_path):
    path = write(tmp_path, "build/x.yaml")
    (tmp_path / ".gitignore").write_text("build/\n")
    assert list(discover([path])) == [(path, True)]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this system")
def test_symlinked_directories_are_not_followed_and_loops_end(tmp_path):
    write(tmp_path, "real/a.yaml")
    (tmp_path / "real" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    assert walked(tmp_path) == ["real/a.yaml"]
    followed = walked(tmp_path, WalkOptions(follow_symlinks=True))
    assert len(followed) == 1  # each real directory once, however many links lead to it


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this system")
def test_dangling_link_is_reported_with_exit_2_and_the_rest_is_linted(tmp_path):
    write(tmp_path, "good.yaml")
    write(tmp_path, "bad.yaml", design_text("bad", ects=5).replace("hours_total: 135",
                                                                  "hours_total: 60"))
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    result = lint_paths([tmp_path], LintSettings())
    assert len(result.read_errors) == 1 and "gone.yaml" in result.read_errors[0]
    assert sorted(Path(f.path).name for f in result.files) == ["bad.yaml", "good.yaml"]
    assert any(f.code == "MC303" for f in result.findings)
    out = CliRunner().invoke(cli, ["lint", str(tmp_path)])
    assert out.exit_code == 2
    assert "gone.yaml" in out.output and "MC303" in out.output


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="permissions do not block reads for root (or on Windows)")
def test_unreadable_file_and_directory_are_reported_with_exit_2(tmp_path):
    write(tmp_path, "good.yaml")
    locked = write(tmp_path, "locked.yaml")
    closed = tmp_path / "closed"
    write(closed, "inner.yaml")
    locked.chmod(0)
    closed.chmod(0)
    try:
        result = lint_paths([tmp_path], LintSettings())
    finally:
        locked.chmod(0o644)
        closed.chmod(0o755)
    assert [Path(f.path).name for f in result.files] == ["good.yaml"]
    assert len(result.read_errors) == 2
    assert result.exit_code(None) == 2


def test_directory_that_cannot_be_listed_is_reported_and_the_walk_goes_on(tmp_path,
                                                                         monkeypatch):
    write(tmp_path, "a/one.yaml")
    write(tmp_path, "b/two.yaml")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "a":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = lint_paths([tmp_path], LintSettings())
    assert [Path(f.path).name for f in result.files] == ["two.yaml"]
    [error] = result.read_errors
    assert error.endswith("a: cannot list the directory (Permission denied)")
    assert result.exit_code(None) == 2


def test_installed_command_reports_unreadable_input_with_exit_2(tmp_path):
    write(tmp_path, "good.yaml")
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    run = subprocess.run([sys.executable, "-m", "mcred", "lint", str(tmp_path)],
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 2, run.stderr
    assert "gone.yaml: the symlink points to a file that does not exist" in run.stdout
    assert "Traceback" not in run.stderr


def test_a_walk_stops_at_its_deadline_and_says_so(tmp_path):
    from mcred.discovery import WalkOptions, discover

    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.yaml").write_text("mcred: 1\n", encoding="utf-8")
    errors: list[str] = []
    found = list(discover([tmp_path], WalkOptions(max_seconds=-1), errors.append))
    assert found == []
    assert len(errors) == 1 and "took longer than the limit" in errors[0]
    assert len(list(discover([tmp_path], WalkOptions(), errors.append))) == 2


def test_a_walk_keeps_its_order_without_recursion(tmp_path):
    """Depth-first, files of a folder before its subfolders, names sorted (as before)."""
    from mcred.discovery import discover

    for rel in ("b/z.yaml", "a/y.yaml", "a/c/w.yaml", "m.yaml", "a/b.yaml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("mcred: 1\n", encoding="utf-8")
    order = [p.relative_to(tmp_path).as_posix() for p, _ in discover([tmp_path])]
    assert order == ["m.yaml", "a/b.yaml", "a/y.yaml", "a/c/w.yaml", "b/z.yaml"]


def test_the_walk_deadline_also_holds_inside_one_large_folder(tmp_path, monkeypatch):
    import mcred.discovery as discovery

    for i in range(3000):
        (tmp_path / f"{i:04}.yaml").write_text("mcred: 1\n", encoding="utf-8")
    clock = iter(range(10_000))
    monkeypatch.setattr(discovery.time, "monotonic", lambda: float(next(clock)))
    errors: list[str] = []
    found = list(discovery.discover([tmp_path], discovery.WalkOptions(max_seconds=2.5),
                                    errors.append))
    assert 0 < len(found) < 3000 and len(errors) == 1
