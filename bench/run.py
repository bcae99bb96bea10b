"""Benchmark mcred against yamllint and check-jsonschema: one command, ratios per goal.

    python bench/run.py            # full: the numbers quoted in issue 9's closing note
    python bench/run.py --quick    # fewer repetitions, for a quick look

Every goal is a ratio of medians measured side by side in one run (tools alternate, so a
noisy neighbour slows all of them alike), never an absolute time (but for the 20,000-design
warm run, whose goal is stated in seconds). Peers come from the
`bench` extra: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, ensure

SCHEMA = ROOT / "schemas" / "mcred-design.schema.json"
RESULTS = Path(__file__).resolve().parent / "results"


@dataclass
class Sample:
    """One timed process: wall time, CPU time (user+sys) and peak RSS."""

    wall: float
    cpu: float
    rss_mb: float
    code: int


@dataclass
class Series:
    """Repeated samples of one command."""

    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    samples: list[Sample] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def rss(self) -> float:
        return max(s.rss_mb for s in self.samples)


def tool(name: str) -> str:
    """A console script of the running interpreter's environment (or on PATH)."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"bench: `{name}` is not installed; run: pip install -e '.[bench]'")
    return found


def run_once(series: Series) -> Sample:
    """Spawn, wait with wait4 so the rusage (CPU, peak RSS) is this process tree's own."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(series.env)
    start = time.perf_counter()
    proc = subprocess.Popen(series.argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(wall, cpu, usage.ru_maxrss / 1024, proc.returncode)


def alternate(groups: Sequence[Series], repeats: int, before: Callable[[], None] | None = None,
              label: str = "", warmup: bool = False) -> None:
    """Run each series once per round, in turn, ``repeats`` rounds (after a warm-up round).

    The warm-up writes bytecode caches (real installs have them) and fills the OS page cache.
    """
    for series in groups if warmup else ():
        if before is not None:
            before()
        run_once(series)
    for i in range(repeats):
        for series in groups:
            if before is not None:
                before()
            series.samples.append(run_once(series))
        print(f"  {label} round {i + 1}/{repeats}: "
              + ", ".join(f"{s.name} {s.samples[-1].wall:.3f}s" for s in groups), flush=True)


def linearity(large: Series, small: Series, one: Series) -> Goal:
    """2,000 vs 200 files net of what every run pays once (startup: the one-file run)."""
    net_wall = (large.wall - one.wall) / (small.wall - one.wall)
    net_cpu = (large.cpu - one.cpu) / (small.cpu - one.cpu)
    return Goal("scale: 2,000 / 200 files (1 worker)", net_wall, net_cpu, "10x ± 20 %",
                8 <= net_cpu <= 12,
                f"net of startup ({one.wall:.3f} s); raw {large.wall:.2f} s / "
                f"{small.wall:.2f} s = {large.wall / small.wall:.1f}x")


def mcred_features(mcred: str) -> set[str]:
    help_text = subprocess.run([mcred, "lint", "--help"], capture_output=True, text=True).stdout
    return {flag for flag in ("--no-cache", "--jobs") if flag in help_text}


@dataclass
class Goal:
    """One line of the final table: a measured ratio against its target."""

    name: str
    wall: float
    cpu: float
    target: str
    ok: bool | None
    detail: str
    unit: str = "x"


def ratio(name: str, a: Series, b: Series, target: str, test: Callable[[float], bool] | None,
          *, on_cpu: bool = True) -> Goal:
    """Median of ``a`` over median of ``b``, by wall and by CPU time.

    A goal passes only when it holds on both: CPU time is steadier on a shared machine, but
    a side running worker processes spends more CPU than wall time, so neither alone is
    fair. Worker speed-ups are about wall time and are judged on it alone.
    """
    wall, cpu = a.wall / b.wall, a.cpu / b.cpu
    ok = None if test is None else (test(wall) and (test(cpu) or not on_cpu))
    detail = f"{a.name} {a.wall:.3f} s vs {b.name} {b.wall:.3f} s (wall)"
    return Goal(name, wall, cpu, target, ok, detail)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--repeats", type=int, help="rounds for the bulk runs")
    parser.add_argument("--single-only", action="store_true",
                        help="only the single-file comparison (quick startup checks)")
    parser.add_argument("--skip-20k", action="store_true",
                        help="leave out the 20,000-design runs (minutes on 2 cores)")
    args = parser.parse_args(argv)
    single_rounds = 5 if args.quick else 11
    bulk_rounds = args.repeats or (1 if args.quick else 3)

    small, large = ensure(200), ensure(2000)
    files = sorted(str(p) for p in large.rglob("*.yaml"))
    one = str(sorted(small.rglob("*.yaml"))[0])
    mcred, yamllint, cjs = tool("mcred"), tool("yamllint"), tool("check-jsonschema")
    features = mcred_features(mcred)
    cache_dir = tempfile.mkdtemp(prefix="mcred-bench-cache-")
    env = {"MCRED_CACHE_DIR": cache_dir, "NO_COLOR": "1"}
    no_cache = ["--no-cache"] if "--no-cache" in features else []

    def jobs(n: int) -> list[str]:
        return ["--jobs", str(n)] if "--jobs" in features else []

    lint = [mcred, "lint", "--fail-on", "never"]
    print(f"mcred features: {sorted(features) or 'none'}; cpus: {os.cpu_count()}; "
          f"corpus: {len(files)} files, one file = {one} ({Path(one).stat().st_size} B)")

    print("single file, cold (the pre-commit case)")
    single = [Series("mcred", [*lint, *no_cache, one], env),
              Series("check-jsonschema", [cjs, "--schemafile", str(SCHEMA), one]),
              Series("yamllint", [yamllint, "-f", "parsable", one])]
    alternate(single, single_rounds, label="single", warmup=True)
    if args.single_only:
        report([ratio("single file: mcred / check-jsonschema", single[0], single[1], "≤ 0.60x",
                      lambda r: r <= 0.6),
                ratio("single file: mcred / yamllint", single[0], single[2], "≤ 1.50x",
                      lambda r: r <= 1.5)], single)
        return 0

    print("bulk, cold: 2,000 files")
    fmt = ["--format", "json"]
    bulk = [Series("mcred", [*lint, *fmt, *no_cache, str(large)], env),
            Series("check-jsonschema", [cjs, "--schemafile", str(SCHEMA), *files]),
            Series("yamllint", [yamllint, "-f", "parsable", str(large)])]
    alternate(bulk, bulk_rounds, label="bulk")

    print("scale: 200 vs 2,000 files and 1 vs 2 workers (cold)")
    scale = [Series("j1-200", [*lint, *fmt, *no_cache, *jobs(1), str(small)], env),
             Series("j1-2000", [*lint, *fmt, *no_cache, *jobs(1), str(large)], env),
             Series("j2-2000", [*lint, *fmt, *no_cache, *jobs(2), str(large)], env)]
    alternate(scale, bulk_rounds + 1, label="scale")

    goals = [
        ratio("single file: mcred / check-jsonschema", single[0], single[1], "≤ 0.60x",
              lambda r: r <= 0.6),
        ratio("single file: mcred / yamllint", single[0], single[2], "≤ 1.50x",
              lambda r: r <= 1.5),
        ratio("bulk cold: yamllint / mcred", bulk[2], bulk[0], "≥ 4x", lambda r: r >= 4),
        ratio("bulk cold: check-jsonschema / mcred", bulk[1], bulk[0], "≥ 3x",
              lambda r: r >= 3),
    ]
    extra = []
    if no_cache:
        print("bulk, warm cache: 2,000 files")
        warm = Series("mcred-warm", [*lint, *fmt, str(large)], env)
        run_once(warm)  # prime the cache
        cold = Series("mcred-cold", bulk[0].argv, env)
        alternate([warm, cold], bulk_rounds + 2, label="warm")
        extra = [warm, cold]
        goals += [ratio("warm cache: cold / warm", cold, warm, "≥ 10x", lambda r: r >= 10),
                  ratio("warm cache: yamllint / warm", bulk[2], warm, "≥ 40x",
                        lambda r: r >= 40)]
    else:
        goals.append(Goal("warm cache: cold / warm", 0.0, 0.0, "≥ 10x", False, "no cache yet"))
    goals += [
        linearity(scale[1], scale[0], single[0]),
        ratio("workers: 1 / 2 on 2,000 files", scale[1], scale[2], "≥ 1.7x (wall)",
              lambda r: r >= 1.7, on_cpu=False),
        Goal("peak memory, 2,000 files", scale[1].rss, scale[2].rss, "≤ 100 MB",
             scale[1].rss <= 100, "1 worker; second column: largest process with 2 workers",
             unit=" MB"),
    ]
    more = text_report(lint, env, no_cache, bulk_rounds)
    more += fixing(lint, env, large, bulk_rounds)
    if not args.skip_20k:
        more += twenty_thousand(lint, env, no_cache, scale[1], bulk_rounds)
    goals += [g for g, _ in more]
    report(goals, [*single, *bulk, *scale, *extra, *(s for _, ss in more for s in ss)])
    shutil.rmtree(cache_dir, ignore_errors=True)
    return 0 if all(g.ok is not False for g in goals) else 1


Measured = list[tuple[Goal, list[Series]]]


def text_report(lint: list[str], env: dict[str, str], no_cache: list[str],
                rounds: int) -> Measured:
    """Warm re-run with the text report, where a third of the designs have ≥ 10 findings."""
    heavy = ensure(2000, heavy=True)
    print("text report, warm vs cold: 2,000 designs, a third with ten findings or more")
    warm = Series("text-warm", [*lint, "--no-source", str(heavy)], env)
    cold = Series("text-cold", [*lint, "--no-source", *no_cache, str(heavy)], env)
    run_once(warm)  # prime the cache
    alternate([warm, cold], rounds + 2, label="text")
    return [(ratio("text report: cold / warm", cold, warm, "≥ 10x", lambda r: r >= 10),
             [warm, cold])]


def fixing(lint: list[str], env: dict[str, str], large: Path, rounds: int) -> Measured:
    """--fix costs about a lint when nothing needs fixing, and little more with some fixes."""
    work = Path(tempfile.mkdtemp(prefix="mcred-bench-fix-")) / "designs"
    shutil.copytree(large, work)
    subprocess.run([*lint, "--no-cache", "--fix", str(work)], capture_output=True, check=False)
    files = sorted(work.rglob("*.yaml"))
    tenth = [(p, p.read_text(encoding="utf-8")) for p in files[::10]
             if "participation: blended" in p.read_text(encoding="utf-8")]

    def plant() -> None:  # one design in ten written with a fixable synonym again
        for path, text in tenth:
            path.write_text(text.replace("participation: blended", "participation: hybrid",
                                         1), encoding="utf-8")

    print(f"--fix on 2,000 designs: nothing to fix, and a fix in {len(tenth)} of them")
    plain = Series("lint-no-cache", [*lint, "--no-cache", str(work)], env)
    nothing = Series("fix-nothing", [*lint, "--no-cache", "--fix", str(work)], env)
    some = Series("fix-one-in-ten", [*lint, "--no-cache", "--fix", str(work)], env)
    alternate([plain, nothing], rounds + 1, label="fix")
    alternate([some], rounds + 1, before=plant, label="fix")
    shutil.rmtree(work.parent, ignore_errors=True)
    return [(ratio("--fix, nothing to fix / lint", nothing, plain, "≤ 1.50x",
                   lambda r: r <= 1.5), [plain, nothing]),
            (ratio("--fix, one in ten / lint", some, plain, "≤ 3.00x", lambda r: r <= 3),
             [some])]


def twenty_thousand(lint: list[str], env: dict[str, str], no_cache: list[str],
                    two_thousand: Series, rounds: int) -> Measured:
    """A curriculum monorepo: cold with workers, warm, and peak memory."""
    huge = ensure(20_000)
    # Clean corpora: every design loads, so the cross-file rules run over all of them (in
    # the realistic corpora a broken file makes mcred skip them, as it tells the user).
    clean, clean_2k = ensure(20_000, clean=True), ensure(2_000, clean=True)
    print("20,000 designs: cold (default workers) and warm; 20,000 and 2,000 clean ones cold")
    cache = {**env, "MCRED_CACHE_DIR": tempfile.mkdtemp(prefix="mcred-bench-20k-")}
    fmt = ["--format", "json"]
    cold = Series("cold-20000", [*lint, *fmt, *no_cache, str(huge)], env)
    cold_2k = Series("cold-2000", [*lint, *fmt, *no_cache, str(huge.parent / "n2000")], env)
    warm = Series("warm-20000", [*lint, *fmt, str(huge)], cache)
    whole = Series("clean-20000", [*lint, *fmt, *no_cache, str(clean)], env)
    whole_2k = Series("clean-2000", [*lint, *fmt, *no_cache, str(clean_2k)], env)
    run_once(warm)
    alternate([cold, cold_2k, warm, whole, whole_2k], max(1, rounds - 1), label="20k")
    shutil.rmtree(cache["MCRED_CACHE_DIR"], ignore_errors=True)
    peak = max(cold.rss, whole.rss)
    return [
        (ratio("20,000 / 2,000 designs, cold", cold, cold_2k, "≤ 11x", lambda r: r <= 11),
         [cold, cold_2k]),
        (ratio("20,000 / 2,000 clean, cold", whole, whole_2k, "≤ 11x", lambda r: r <= 11),
         [whole, whole_2k]),
        (Goal("20,000 designs, warm", warm.wall, warm.cpu, "≤ 1.5 s", warm.wall <= 1.5,
              "absolute time (wall, CPU)", unit=" s"), [warm]),
        (Goal("peak memory, 20,000 designs", peak, warm.rss, "≤ 300 MB",
              max(peak, warm.rss) <= 300, "cold (clean or not); second column: warm",
              unit=" MB"), []),
    ]


def report(goals: list[Goal], series: list[Series]) -> None:
    print("\nmedians (wall / CPU / peak RSS):")
    for s in series:
        codes = sorted({x.code for x in s.samples})
        print(f"  {s.name:<18} {s.wall:8.3f} s  {s.cpu:8.3f} s  {s.rss:6.0f} MB  exit {codes}")
    print(f"\n{'goal':<38} {'wall':>9} {'CPU':>9}  {'target':<14} status  detail")
    for g in goals:
        status = {True: "PASS", False: "FAIL", None: "info"}[g.ok]
        wall, cpu = f"{g.wall:.2f}{g.unit}", f"{g.cpu:.2f}{g.unit}"
        print(f"{g.name:<38} {wall:>9} {cpu:>9}  {g.target:<14} {status:<6}  {g.detail}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(
        {"goals": [g.__dict__ for g in goals],
         "series": [{"name": s.name, "wall": s.wall, "cpu": s.cpu, "rss_mb": s.rss}
                    for s in series]}, indent=2))


if __name__ == "__main__":
    sys.exit(main())
