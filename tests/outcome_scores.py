"""Precision and recall of the outcome rules per language, on the labelled outcome corpus.

Run: python tests/outcome_scores.py   (prints the table; tests/test_outcome_scores.py keeps
the figures from falling). The corpus, tests/data/outcome_corpus/<lang>.toml, has at least
40 outcomes per language in the styles real designs use, each labelled with the codes it
should raise, its head verb and its highest Bloom tier; each file says where its styles come
from. Every language's design is linted once through the real rules (per-outcome codes are
read from the findings' key paths); the head verb and tier, which MC209, MC210 and MC211
build on, come from the same analysis the rules use.
"""

from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "data" / "outcome_corpus"
LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "nl")
CODES = ("MC202", "MC203", "MC204", "MC206", "MC213")
_DESIGN = {"mcred": 1, "id": "corpus", "title": "Corpus", "level": {"eqf": 6},
           "workload": {"ects": 5}}


@dataclass
class Score:
    """Counts for one language: per code, and head/tier agreement."""

    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CODES, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CODES, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CODES, 0))
    heads: list[bool] = field(default_factory=list)
    tiers: list[bool] = field(default_factory=list)

    def precision(self, code: str) -> float:
        found = self.tp[code] + self.fp[code]
        return self.tp[code] / found if found else 1.0

    def recall(self, code: str) -> float:
        expected = self.tp[code] + self.fn[code]
        return self.tp[code] / expected if expected else 1.0

    def figures(self) -> dict[str, float]:
        """Every figure the test compares: P/R per code, head and tier accuracy."""
        out = {f"{code} precision": self.precision(code) for code in CODES}
        out |= {f"{code} recall": self.recall(code) for code in CODES}
        out["head verb"] = sum(self.heads) / len(self.heads)
        out["tier"] = sum(self.tiers) / len(self.tiers)
        return out


def corpus(language: str) -> list[dict[str, object]]:
    data = tomllib.loads((CORPUS / f"{language}.toml").read_text(encoding="utf-8"))
    assert data["language"] == language
    outcomes: list[dict[str, object]] = data["outcomes"]
    return outcomes


def score(language: str) -> Score:
    from mcred.engine import lint_document
    from mcred.loader import load_text
    from mcred.outcomes.design import primary_outcomes
    from mcred.settings import RuleSettings

    items = corpus(language)
    design = {**_DESIGN, "language": language,
              "learning_outcomes": [{"id": f"lo{i}", "text": o["text"]} for i, o in
                                    enumerate(items)]}
    result = lint_document(load_text(json.dumps(design), f"{language}.yaml"), RuleSettings())
    assert result.design is not None, [f.message for f in result.findings]
    raised: dict[int, set[str]] = {}
    for f in result.findings:
        if f.code in CODES and len(f.key_path) > 1 and isinstance(f.key_path[1], int):
            raised.setdefault(f.key_path[1], set()).add(f.code)
    s = Score()
    for i, item in enumerate(items):
        expected, got = set(item["expect"]), raised.get(i, set())  # type: ignore[arg-type]
        for code in CODES:
            s.tp[code] += code in got and code in expected
            s.fp[code] += code in got and code not in expected
            s.fn[code] += code not in got and code in expected
    for item, analysed in zip(items, primary_outcomes(result.design), strict=True):
        a = analysed.analysis
        head = a.head.lemma if a.head is not None and not a.teacher_phrase else ""
        s.heads.append(head == item["head"])
        if "tier" in item:
            s.tiers.append(a.tier_high == item["tier"])
    return s


def main() -> None:
    scores = {lang: score(lang) for lang in LANGUAGES}
    names = list(scores["en"].figures())
    print(f"{'':18}" + "".join(f"{lang:>7}" for lang in LANGUAGES))
    print(f"{'outcomes':18}" + "".join(f"{len(corpus(lang)):>7}" for lang in LANGUAGES))
    for name in names:
        print(f"{name:18}" + "".join(f"{scores[lang].figures()[name]:>7.0%}"
                                     for lang in LANGUAGES))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    main()
