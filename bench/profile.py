"""Where mcred's time goes: imports, model build, rule discovery, then per-file stages.

    python bench/profile.py [--files N]

Runs in one fresh process so that import and model-build costs are the ones a
``mcred lint`` invocation pays. Per-file stages are summed over the 200-design corpus.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ensure

_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def import_costs(statement: str) -> list[tuple[str, float]]:
    """Import time (ms) attributed to each top-level package: the sum of its modules' own time."""
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", statement],
                         capture_output=True, text=True, check=True).stderr
    totals: dict[str, float] = defaultdict(float)
    for match in _IMPORT_LINE.finditer(err):
        own, _, _, name = match.groups()
        totals[name.split(".")[0]] += int(own) / 1000
    return sorted(totals.items(), key=lambda kv: -kv[1])


class Clock:
    """Accumulates wall time per stage name."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)

    def time(self, stage: str, fn: Callable[..., Any], *args: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args)
        finally:
            self.spent[stage] += time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    args = parser.parse_args(argv)
    corpus = ensure(args.files)

    print("imports (cumulative ms, top-level packages) for the lint path:")
    costs = import_costs("import mcred.cli.lint, mcred.runner")
    print(f"  {'total':<24} {sum(ms for _, ms in costs):7.1f} ms")
    for name, ms in costs[:12]:
        print(f"  {name:<24} {ms:7.1f} ms")
    costs = import_costs("import mcred.cli")
    print(f"  `mcred --version` path: total {sum(ms for _, ms in costs):.1f} ms")
    for name, ms in costs[:6]:
        print(f"  {name:<24} {ms:7.1f} ms")

    clock = Clock()
    start = time.perf_counter()
    clock.time("import click", __import__, "click")
    clock.time("import pydantic (+ BaseModel)", __import__, "pydantic.main")
    clock.time("import mcred.model (classes)", __import__, "mcred.model")
    from mcred import registry
    from mcred.engine import check_design, to_findings
    from mcred.model import Design
    from mcred.reporters import get_reporter
    from mcred.reporters.base import ReportOptions
    from mcred.runner import RunResult
    from mcred.settings import LintSettings
    from mcred.sources import ReadPolicy, read_path
    from mcred.validate import validate

    minimal = {"mcred": 1}
    clock.time("model build (first validation)", Design.model_validate, minimal)
    clock.time("import mcred.runner (rest)", __import__, "mcred.runner")
    clock.time("rule discovery (load_all)", registry.load_all)
    from mcred.loader import load_text
    from mcred.tree import Limits, TreeBuilder
    startup = time.perf_counter() - start

    settings = LintSettings()
    policy = ReadPolicy(settings.max_file_size, None, False)
    result = RunResult()
    per_rule: dict[str, float] = defaultdict(float)
    paths = sorted(corpus.rglob("*.yaml"))
    for path in paths:
        source = clock.time("read + decode", read_path, path, str(path), policy)
        node = clock.time("parse (compose nodes)", parse_only, source.text)
        clock.time("tree build (data + positions)", build_tree,
                   TreeBuilder(Limits(), None, source.text), node)
        doc = load_text(source.text, source.name)
        issues = list(doc.issues)
        design = None
        if doc.data is not None and not any(i.code == "MC004" for i in issues):
            design, more = clock.time("validate (pydantic)", validate, doc.data)
            issues += more
            if design is not None:
                issues += clock.time("rules", check_design, design, settings.rules, doc.path)
                time_rules(per_rule, design, settings.rules, doc.path)
        findings = clock.time("findings (positions)", to_findings, doc, issues, settings.rules)
        from mcred.engine import FileResult

        result.files.append(FileResult(doc.path, findings, design, doc))
    for fmt in ("json", "text"):
        out = io.StringIO()
        reporter = get_reporter(fmt)(ReportOptions(color=False))
        clock.time(f"report ({fmt})", reporter.render, result, out)

    spent = dict(clock.spent)
    print(f"\nin-process stages ({len(paths)} files; startup {startup * 1000:.0f} ms):")
    per_file = {"read + decode", "parse (compose nodes)", "tree build (data + positions)",
                "validate (pydantic)", "rules", "findings (positions)"}
    total_files = sum(v for k, v in spent.items() if k in per_file)
    for stage, seconds in spent.items():
        share = f"{seconds / total_files * 100:5.1f} % of per-file" if stage in per_file else ""
        each = f"{seconds / len(paths) * 1000:7.3f} ms/file" if stage in per_file else ""
        print(f"  {stage:<32} {seconds * 1000:9.1f} ms  {each:>16}  {share}")
    print("\nslowest rules (a second, separately timed pass):")
    for code, seconds in sorted(per_rule.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {code:<8} {seconds / len(paths) * 1000:7.3f} ms/file")
    return 0


def time_rules(spent: dict[str, float], design: Any, rules: Any, path: str) -> None:
    """Each design rule on its own, to see which ones the rules stage is made of."""
    from mcred.engine import _options
    from mcred.registry import RuleContext, all_rules

    for entry in all_rules():
        if entry.scope != "design":
            continue
        ctx = RuleContext(_options(entry, rules), rules.profile, path)
        start = time.perf_counter()
        list(entry.check(design, ctx))
        spent[entry.code] += time.perf_counter() - start


def parse_only(text: str) -> Any:
    """The YAML composition the loader does: the libyaml fast path, else ruamel."""
    from ruamel.yaml import YAML

    from mcred.fastyaml import try_compose

    handled, node = try_compose(text)
    if handled:
        return node
    try:
        return YAML(typ="rt", pure=True).compose(text)
    except Exception:  # broken files in the corpus: their cost still counts
        return None


def build_tree(builder: Any, node: Any) -> None:
    if node is None:
        return
    try:
        builder.build(node)
    except Exception:  # limits and bad tags: counted like any other document
        return


if __name__ == "__main__":
    sys.exit(main())
