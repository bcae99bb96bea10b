"""MC202 vague-outcome-verb."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.outcomes.design import AnalysedOutcome, analysed_outcomes
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule

_INSTEAD = {1: "list, define or recognise", 2: "explain, summarise or interpret"}


@rule("MC202", "vague-outcome-verb", Severity.WARNING,
      fix="Replace the verb with one an assessor can observe (explain, apply, analyse, "
          "evaluate…).",
      source="DCU and RACGP guides to writing learning outcomes")
def vague_outcome_verb(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """An outcome's verb names a state of mind (know, understand, be familiar with…).

    Checks the head verb and any verb coordinated with it, after stripping a stem such as
    "Learners will be able to". Recognises third-person forms ("understands"), British and
    American spellings, and multi-word forms: be aware of, be familiar with, be acquainted
    with, be exposed to, get to know, gain or have an understanding of, demonstrate an
    understanding of. Outcomes in Spanish, German, French, Italian, Portuguese and Dutch are
    checked with their own lists: conocer, comprender, entender, saber, "tener conocimiento
    de", "estar familiarizado con"; kennen, verstehen, wissen, "Kenntnisse haben", "mit …
    vertraut sein"; connaître, comprendre, savoir, maîtriser, "prendre conscience de";
    conoscere, comprendere, sapere, "avere familiarità con"; conhecer, compreender, saber,
    "tomar consciência de"; kennen, begrijpen, weten, "inzicht verwerven in", and more.

    Why is this bad?
    Nobody can observe whether a learner "understands" or "is familiar with" something, so
    the outcome cannot be assessed as written and a recognising institution cannot tell what
    was achieved. Outcome-writing guides (DCU, RACGP) ask for a verb that names observable
    behaviour.

    Example
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Be familiar with sustainable development as a political concept.
    ```

    Use instead
    ```yaml
    learning_outcomes:
      - id: lo1
        text: Explain how sustainable development is used as a political concept in EU policy.
    ```
    """
    for item in analysed_outcomes(design):
        if item.analysis.teacher_phrase:
            continue  # reported as teacher-centred
        verb = next((v for v in item.analysis.verbs if v.vague), None)
        if verb is not None and verb.tier is not None:
            yield ctx.issue(item.path, f"'{verb.surface}'{item.lang} names a state of mind: "
                                       "an assessor cannot observe it",
                            fix=f"Say what the learner will do instead, e.g. "
                                f"{_instead(item, verb.tier.high)}.")


def _instead(item: AnalysedOutcome, tier: int) -> str:
    """Observable verbs of the outcome's own language, at the vague verb's tier."""
    language = item.analysis.language
    if language == "en":
        return _INSTEAD.get(tier, _INSTEAD[2])
    from mcred.outcomes.foreign_lexicon import foreign_lexicon

    suggest = foreign_lexicon(language).suggest
    return f"{suggest.get(tier, suggest[2])} ({language})"
