"""MC208 duplicate-outcome."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from heapq import nlargest
from itertools import chain, pairwise

from mcred.findings import Issue, Severity
from mcred.outcomes.design import AnalysedOutcome, primary_outcomes
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Up to this many distinct outcomes every pair is compared (any real design); beyond,
# each outcome meets only the earlier ones most likely to repeat it, so a design of
# thousands of outcomes costs linear time instead of quadratic.
FULL_SCAN = 24
_CANDIDATES = 4
_POSTINGS = 8  # earlier outcomes remembered per word pair
_MAX_CHARS = 1000  # an outcome is a sentence; longer texts are compared by their start


class DuplicateOutcome(RuleOptions):
    """Options of MC208."""

    similarity: float = option(0.9, gt=0, le=1, description="Similarity ratio (difflib) from "
                              "which two outcomes count as duplicates.")


def _normal(item: AnalysedOutcome) -> str:
    return _NON_WORD.sub(" ", item.analysis.body.lower()).strip()


class _Seen:
    """An earlier outcome; difflib indexes its text only once a comparison gets that far."""

    def __init__(self, item: AnalysedOutcome, text: str) -> None:
        self.item, self.text = item, text
        self._matcher: SequenceMatcher[str] | None = None

    def similarity(self, other: str, threshold: float) -> float | None:
        """The ratio when at least ``threshold``; cheap upper bounds first, so most pairs
        cost a length comparison."""
        if other == self.text:
            return 1.0
        if 2 * min(len(other), len(self.text)) / (len(other) + len(self.text)) < threshold:
            return None
        if self._matcher is None:
            self._matcher = SequenceMatcher(None, "", self.text, autojunk=False)
        matcher = self._matcher
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
            return None
        ratio = matcher.ratio()
        return ratio if ratio >= threshold else None


@rule("MC208", "duplicate-outcome", Severity.WARNING, options=DuplicateOutcome,
      fix="Remove the repeated outcome, or rewrite it to state a different achievement.",
      source="DCU guide to writing learning outcomes")
def duplicate_outcome(design: Design, ctx: RuleContext[DuplicateOutcome]) -> Iterator[Issue]:
    """Two outcomes are identical or nearly so (similarity ≥ 0.9).

    Texts are compared after stripping the stem, case and punctuation; each repeat is
    reported once, against the first outcome it repeats. Beyond 24 distinct outcomes,
    each is compared with the few earlier ones that share most of its word pairs (and
    any identical one), so a list of thousands is still checked in well under a second.

    Why is this bad?
    A repeated outcome inflates the list without adding an achievement, usually after
    copying between drafts; assessments then cover the "same" outcome twice and the
    transcript repeats itself.

    Example
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Evaluate supplier bids using life-cycle costing.
      - id: lo2
        text: Evaluate supplier bids by using life-cycle costing.
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Evaluate supplier bids using life-cycle costing.
      - id: lo2
        text: Justify the choice of award criteria to internal auditors.
    ```

    Options
    - `similarity` (default 0.9): difflib ratio from which two texts count as duplicates.
    """
    seen = _Index()
    for item in primary_outcomes(design, analysed_only=False):
        text = _normal(item)[:_MAX_CHARS]
        for earlier in seen.candidates(text):
            ctx.check_time()  # one comparison of long texts can take milliseconds
            ratio = earlier.similarity(text, ctx.options.similarity)
            if ratio is not None:
                yield ctx.issue(item.path, f"{item.label} repeats {earlier.item.label} "
                                           f"({ratio:.0%} similar)")
                break
        else:
            seen.add(_Seen(item, text))


def _pairs(text: str) -> set[str]:
    words = text.split()
    return {f"{a} {b}" for a, b in pairwise(words)} or set(words)


class _Index:
    """The distinct outcomes so far: by exact text, and by the word pairs they contain.

    Near-duplicates keep most word pairs in order (one edit breaks at most two), while
    outcomes that merely reuse the same words in another order share few: an earlier
    outcome is a candidate when it shares at least half of the shorter one's pairs.
    """

    def __init__(self) -> None:
        self.items: list[_Seen] = []
        self.exact: dict[str, int] = {}
        self.postings: dict[str, list[int]] = {}
        self.sizes: list[int] = []

    def add(self, seen: _Seen) -> None:
        number = len(self.items)
        self.items.append(seen)
        self.exact.setdefault(seen.text, number)
        pairs = _pairs(seen.text)
        self.sizes.append(len(pairs))
        for pair in pairs:
            posting = self.postings.setdefault(pair, [])
            if len(posting) < _POSTINGS:
                posting.append(number)

    def candidates(self, text: str) -> list[_Seen]:
        """Earlier outcomes to compare with ``text``, in their order in the design."""
        if len(self.items) <= FULL_SCAN:
            return self.items
        pairs = _pairs(text)
        shared = Counter(chain.from_iterable(self.postings.get(p, ()) for p in pairs))
        likely = [(count, n) for n, count in shared.items()
                  if 2 * count >= min(len(pairs), self.sizes[n])]
        chosen = {n for _, n in nlargest(_CANDIDATES, likely)}
        exact = self.exact.get(text)
        if exact is not None:
            chosen.add(exact)
        return [self.items[n] for n in sorted(chosen)]
