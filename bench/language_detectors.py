"""Compare py3langid and lingua-language-detector on short outcome texts (accuracy, cost).

Run: python bench/language_detectors.py   (needs both packages: pip install py3langid
lingua-language-detector). Each library is measured in a fresh interpreter, so import time
and memory are its own. Both detect among every language they know (a Catalan design must
not pass for Spanish). The texts are the outcome scoring corpus (tests/data/outcome_corpus)
plus a few outcomes in languages mcred has no lexicon for, one text at a time (the hardest
case: mcred itself detects on all outcome texts of a design joined).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "outcome_corpus"
LANGS = ("en", "es", "de", "fr", "it", "pt", "nl", "fi", "pl", "sv")
OTHERS = {
    "fi": ["Analysoida kiertotalouden liiketoimintamalleja.", "Opiskelija osaa soveltaa "
           "tietosuoja-asetusta.", "Tuntea kiertotalouden periaatteet.",
           "Arvioida toimittajien tarjouksia elinkaarikustannusten avulla."],
    "pl": ["Analizować modele biznesowe gospodarki o obiegu zamkniętym.", "Student potrafi "
           "zastosować RODO w praktyce.", "Znać zasady gospodarki o obiegu zamkniętym.",
           "Ocenić oferty dostawców na podstawie kosztów cyklu życia."],
    "sv": ["Analysera affärsmodeller för cirkulär ekonomi.", "Studenten kan tillämpa "
           "dataskyddsförordningen.", "Känna till principerna för cirkulär ekonomi.",
           "Bedöma leverantörers anbud med hjälp av livscykelkostnader."],
}

_CHILD = r'''
import json, resource, sys, time
texts = json.loads(sys.stdin.read())
start = time.perf_counter()
if sys.argv[1] == "py3langid":
    import py3langid
    imported = time.perf_counter()
    guess = lambda t: py3langid.classify(t)[0]
else:
    from lingua import LanguageDetectorBuilder
    detector = LanguageDetectorBuilder.from_all_languages().build()
    imported = time.perf_counter()
    def guess(t):
        found = detector.detect_language_of(t)
        return found.iso_code_639_1.name.lower() if found else None
first = guess(texts[0][1])
ready = time.perf_counter()
results = [(lang, guess(text)) for lang, text in texts]
done = time.perf_counter()
print(json.dumps({"import_s": imported - start, "first_s": ready - imported,
                  "per_text_ms": 1000 * (done - ready) / len(texts),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "results": results}))
'''


def texts() -> list[tuple[str, str]]:
    found = []
    for path in sorted(CORPUS.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found += [(data["language"], o["text"]) for o in data["outcomes"]]
    found += [(lang, text) for lang, items in OTHERS.items() for text in items]
    return found


def measure(library: str, items: list[tuple[str, str]]) -> dict[str, object]:
    run = subprocess.run([sys.executable, "-c", _CHILD, library], input=json.dumps(items),
                         capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(run.stdout)
    return result


def main() -> None:
    items = texts()
    print(f"{len(items)} outcome texts in {len(LANGS)} languages\n")
    print(f"{'library':<12} {'accuracy':>9} {'import s':>9} {'1st call s':>10} "
          f"{'ms/text':>8} {'max RSS MB':>10}  misread")
    for library in ("py3langid", "lingua"):
        r = measure(library, items)
        results = r["results"]
        assert isinstance(results, list)
        wrong = [(lang, got) for lang, got in results if lang != got]
        accuracy = 1 - len(wrong) / len(results)
        print(f"{library:<12} {accuracy:>9.1%} {r['import_s']:>9.3f} {r['first_s']:>10.3f} "
              f"{r['per_text_ms']:>8.2f} {r['rss_mb']:>10.0f}  {wrong}")


if __name__ == "__main__":
    main()
