"""MC215 two-languages-in-one-outcome."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.outcomes.design import analysed_outcomes
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


def _opening(text: str, words: int = 3) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


@rule("MC215", "two-languages-in-one-outcome", Severity.WARNING,
      fix="Write each language as an entry of a language map, e.g. text: {es: \"Analizar …\", "
          "en: \"Analyse …\"}.",
      source="ELM: multilingual texts as language-tagged values")
def two_languages_in_one_outcome(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """One outcome string holds the same outcome in two languages ("Analisar … / Analyse …").

    Detected when a plain text splits at " / ", " | " or a line break into two parts of at
    least three words, one opening with a verb of the design's language and the other with a
    verb of another analysed language. Only the part in the design's language is analysed, so
    the translation is not mistaken for a second verb (MC204).

    Why is this bad?
    Readers of the credential, Europass and Open Badges exports cannot tell the languages
    apart: the page shows both halves as one sentence, and an ELM export claims the whole
    string is in one language. A language map keeps each version separate and tagged.

    Example
    ```yaml
    language: pt
    learning_outcomes:
      - text: Analisar modelos de negócio circulares / Analyse circular business models
    ```

    Use instead
    ```yaml
    language: pt
    learning_outcomes:
      - text:
          pt: Analisar modelos de negócio circulares
          en: Analyse circular business models
    ```
    """
    for item in analysed_outcomes(design):
        mixed = item.mixed
        if mixed is None:
            continue
        own = item.analysis.language
        yield ctx.issue(item.path,
                        f"the outcome holds two languages, {own} and {mixed.other_language}: "
                        f"'{_opening(mixed.own)}' and '{_opening(mixed.other)}'",
                        fix=f"Write each language as an entry of a language map: text: "
                            f"{{{own}: \"{_opening(mixed.own)}\", {mixed.other_language}: "
                            f"\"{_opening(mixed.other)}\"}}.")
