"""Coverage-guided fuzzing of the whole lint pipeline and of --fix (release-time, not CI).

    pip install atheris
    python tests/fuzz/atheris_lint.py -max_total_time=3600 -rss_limit_mb=300 tests/hostile/*/

The corpus directories seed the fuzzer (the hostile files and examples/ are good seeds).
Any exception other than the documented ones is a bug: save the crashing input it writes
(crash-*) into tests/hostile/ with its expected exit code in manifest.txt, then fix it.
"""

from __future__ import annotations

import contextlib
import sys
import time

import atheris

with atheris.instrument_imports():
    from mcred.engine import lint_document
    from mcred.fix import FixRefused
    from mcred.fix.roundtrip import rewrite
    from mcred.loader import load_source
    from mcred.settings import RuleSettings
    from mcred.sources import decode

SETTINGS = RuleSettings()
BUDGET = 10.0


def one_input(data: bytes) -> None:
    start = time.monotonic()
    source = decode(data, "fuzz.yaml")
    document = load_source(source)
    lint_document(document, SETTINGS)
    if not document.issues and not source.issues:
        with contextlib.suppress(FixRefused):
            rewrite(data, unsafe=True)
    if time.monotonic() - start > BUDGET:
        raise RuntimeError(f"one input took {time.monotonic() - start:.1f} s")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
