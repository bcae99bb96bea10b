"""MC214 outcome-language-not-analysed."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, KeyPath, Severity
from mcred.langtext import variants
from mcred.outcomes.design import LIST_PATH
from mcred.outcomes.language import (
    ANALYSED,
    analysis_language,
    design_language,
    is_analysed,
    language_name,
)
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC214", "outcome-language-not-analysed", Severity.INFO,
      fix="Nothing is wrong with the design. To have the outcomes checked, add a version in "
          "one of en, es, de, fr, it, pt or nl as a language map; if the language is wrong, "
          "declare it with `language:`.",
      source="mcred: outcome lexicons exist for " + ", ".join(ANALYSED))
def outcome_language_not_analysed(design: Design,
                                  ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """Outcomes are written in a language mcred has no outcome lexicon for (fi, pl, sv…).

    The outcome rules (MC202–MC206, MC209–MC211, MC213) understand English, Spanish, German,
    French, Italian, Portuguese and Dutch. Texts in any other language are not analysed, so
    none of those rules reports on them, and English rules never run on them; this finding
    says so once per design, instead of a silence that reads as "all clear". The language is
    the one of the language-map key, else the design's (`language`, the first of `languages`,
    else detected from the outcome texts).

    Why is this bad?
    It is not a fault of the design, but a gap in the check: nobody has looked for vague
    verbs, noun phrases or compound outcomes, and a clean report would say otherwise.

    Example
    ```yaml
    language: fi
    learning_outcomes:
      - text: Tuntea kiertotalouden periaatteet.
    ```

    Use instead
    ```yaml
    language: fi
    learning_outcomes:
      - text:
          fi: Analysoida kiertotalouden liiketoimintamalleja.
          en: Analyse circular business models.
    ```
    """
    tag, reason = design_language(design)
    language = analysis_language(tag)
    missing: dict[str, None] = {}
    analysed = False
    for outcome in design.learning_outcomes:
        for key, text in variants(outcome.text):
            if text.strip():
                lang = analysis_language(key) if key else language
                analysed = analysed or is_analysed(lang)
                if not is_analysed(lang):
                    missing[lang] = None
    if not missing:
        return
    names = ", ".join(f"{language_name(m)} ({m})" for m in missing)
    if analysed:
        yield ctx.issue(LIST_PATH, f"outcome texts in {names} were not analysed: mcred has no "
                                   "outcome lexicon for that language yet")
        return
    yield ctx.issue(_where(design, reason), f"the outcome rules were not applied: mcred has no "
                                            f"outcome lexicon for {names} yet ({reason})")


def _where(design: Design, reason: str) -> KeyPath:
    """Point at the declaration when there is one, else at the outcomes."""
    if reason.startswith("declared in") and design.language:
        return ("language",)
    if reason.startswith("the first of") and design.languages:
        return ("languages", 0)
    return LIST_PATH  # detected from the outcome texts
