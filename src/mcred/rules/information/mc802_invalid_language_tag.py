"""MC802 invalid-language-tag."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, KeyPath, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC802", "invalid-language-tag", Severity.WARNING,
      fix="Write a BCP 47 tag: an ISO 639 language code, optionally with a region "
          "(`en`, `pt-PT`, `de-AT`).",
      source="European Learning Model (ELM 3) language list; BCP 47 (RFC 5646), ISO 639")
def invalid_language_tag(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """A language is not a valid BCP 47 tag.

    Checks `language`, every entry of `languages` and the keys of language maps
    (`title: {es: …, en: …}`). Tags are checked with langcodes: well-formed, with
    registered language, script and region subtags. Names (`English`) and underscores
    (`en_GB`) are reported with the tag that was probably meant.

    Why is this bad?
    Digital credentials and course catalogues identify languages by code. A name or a
    malformed tag is lost or mistranslated when the design is published or issued as a
    European Digital Credential, and a text under a wrong tag is shown to nobody.

    Example
    ```yaml
    language: Spanish
    languages: [Spanish, en_GB]
    title:
      Spanish: Compra pública verde
    ```

    Use instead
    ```yaml
    language: es
    languages: [es, en-GB]
    title:
      es: Compra pública verde
    ```
    """
    from mcred.langtext import tags
    from mcred.plain.texts import learner_texts

    found: list[tuple[KeyPath, str, str]] = []
    if design.language is not None:
        found.append((("language",), design.language, "language"))
    found.extend((("languages", i), tag, "language") for i, tag in enumerate(design.languages))
    for base, value in learner_texts(design):
        found.extend(((*base, tag), tag, "key") for tag in tags(value))
    for path, tag, kind in found:
        issue = _judge(path, tag, kind, ctx)
        if issue is not None:
            yield issue


def _judge(path: KeyPath, tag: str, kind: str, ctx: RuleContext[NoOptions]) -> Issue | None:
    from mcred.vocabularies.languages import is_language_tag, suggest_language

    if not tag.strip() or is_language_tag(tag):
        return None
    meant = suggest_language(tag)
    if kind == "key":
        return ctx.issue(path, f"the text under '{tag}' is not marked with a valid BCP 47 "
                         "language tag", fix=f"Rename the key to `{meant}`." if meant else
                         "Rename the key to the BCP 47 tag of the text's language "
                         "(`es`, `en`, `pt-PT`).")
    return ctx.issue(path, f"'{tag}' is not a valid BCP 47 language tag",
                     fix=f"Write `{meant}`." if meant else "")
