"""MC810 missing-text-in-design-language."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.langtext import declared_language, primary_subtag, tags
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC810", "missing-text-in-design-language", Severity.WARNING,
      fix="Add the text in the design's language to the map (e.g. `es: …`), or set "
          "`language` to the language the design is written in.",
      source="European Learning Model (ELM 3) language maps; Council Recommendation "
             "2022/C 243/02, Annex II (information)")
def missing_text_in_design_language(design: Design,
                                    ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """A language map has no text in the design's language.

    The design's language is `language`, else the first of `languages`. A map matches it
    with the same tag or the same language (`pt-PT` matches `pt`). Plain strings are taken
    to be in the design's language and are not checked.

    Why is this bad?
    The page, the Open Badges export and the outcome analysis use the design's language.
    When a map lacks it, they fall back to whichever language comes first, so a Spanish
    course page shows an English title, and the credential states a language its text is
    not in.

    Example
    ```yaml
    language: es
    title:
      en: Green Public Procurement in Practice
    ```

    Use instead
    ```yaml
    language: es
    title:
      es: Compra pública verde en la práctica
      en: Green Public Procurement in Practice
    ```
    """
    from mcred.plain.texts import learner_texts

    lang = declared_language(design.language, design.languages)
    if lang is None:
        return  # no language stated: MC801's finding
    wanted = primary_subtag(lang.lower())
    for path, value in learner_texts(design):
        present = tags(value)
        if present and all(primary_subtag(t.lower()) != wanted for t in present):
            where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)[1:]
            listed = ", ".join(present)
            yield ctx.issue(path, f"`{where}` has no text in '{lang}', the design's "
                            f"language (only {listed})",
                            fix=f"Add `{lang}: …` with the text in the design's language, or "
                                "set `language` to the language the design is written in.")
