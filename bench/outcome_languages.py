"""Cost of the multilingual outcome analysis: start-up per language, and time per outcome.

    python bench/outcome_languages.py          # a few seconds

Each language runs in a fresh interpreter, so "first outcome" is what one `mcred lint` of a
design in that language pays once (importing the model and the analyser, loading the
lexicon), and "simplemma load" what it pays when a word needs the lemmatiser (a third-person
or future form: bare infinitives do not). "Per outcome" is the median time of
an uncached analysis over the scoring corpus (tests/data/outcome_corpus), next to the English
fast path; "detector" is py3langid's import and model load, paid only by a design that
declares neither `language` nor `languages`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "outcome_corpus"
LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "nl")

_CHILD = r'''
import json, statistics, sys, time
lang, texts = sys.argv[1], json.loads(sys.stdin.read())
start = time.perf_counter()
from mcred.outcomes.design import analyse_text
analyse_text(texts[0], lang)
first = time.perf_counter() - start
lemmatiser = 0.0
if lang != "en":
    from mcred.outcomes.foreign_lexicon import lemma
    t = time.perf_counter(); lemma("analysierten", lang); lemmatiser = time.perf_counter() - t
if lang == "en":
    from mcred.outcomes.analysis import analyse
    run = analyse.__wrapped__
else:
    from mcred.outcomes.foreign import analyse_foreign
    run = lambda text: analyse_foreign.__wrapped__(text, lang)
times = []
for _ in range(5):
    for text in texts:
        t = time.perf_counter(); run(text); times.append(time.perf_counter() - t)
out = {"first_ms": 1000 * first, "per_outcome_us": 1e6 * statistics.median(times),
       "lemmatiser_ms": 1000 * lemmatiser}
if lang == "en":
    t = time.perf_counter()
    from mcred.outcomes.language import detect
    detect(" ".join(texts))
    out["detector_ms"] = 1000 * (time.perf_counter() - t)
print(json.dumps(out))
'''


def main() -> None:
    print(f"{'language':<9} {'first outcome ms':>17} {'simplemma load ms':>18} "
          f"{'per outcome µs':>15} {'vs en':>6}")
    english = None
    detector = None
    for lang in LANGUAGES:
        data = tomllib.loads((CORPUS / f"{lang}.toml").read_text(encoding="utf-8"))
        texts = [o["text"] for o in data["outcomes"]]
        run = subprocess.run([sys.executable, "-c", _CHILD, lang], input=json.dumps(texts),
                             capture_output=True, text=True, check=True)
        r = json.loads(run.stdout)
        english = english or r["per_outcome_us"]
        detector = r.get("detector_ms", detector)
        print(f"{lang:<9} {r['first_ms']:>17.0f} {r['lemmatiser_ms']:>18.0f} "
              f"{r['per_outcome_us']:>15.0f} {r['per_outcome_us'] / english:>5.1f}x")
    print(f"\npy3langid (import, model load, one detection): {detector:.0f} ms")


if __name__ == "__main__":
    main()
