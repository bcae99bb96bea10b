"""MC802 invalid-language-tag."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC802", "invalid-language-tag", Severity.WARNING,
      fix="Write a BCP 47 tag: an ISO 639 language code, optionally with a region "
          "(`en`, `pt-PT`, `de-AT`).",
      source="European Learning Model (ELM 3) language list; BCP 47 (RFC 5646), ISO 639")
def invalid_language_tag(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """A language is not a valid BCP 47 tag.

    Tags are checked with langcodes: well-formed, with registered language, script and
    region subtags. Names (`English`) and underscores (`en_GB`) are reported with the tag
    that was probably meant.

    Why is this bad?
    Digital credentials and course catalogues identify languages by code. A name or a
    malformed tag is lost or mistranslated when the design is published or issued as a
    European Digital Credential.

    Example
    ```yaml
    languages: [Spanish, en_GB]
    ```

    Use instead
    ```yaml
    languages: [es, en-GB]
    ```
    """
    from mcred.vocabularies.languages import is_language_tag, suggest_language

    for index, tag in enumerate(design.languages):
        if not tag.strip() or is_language_tag(tag):
            continue
        meant = suggest_language(tag)
        yield ctx.issue(("languages", index), f"'{tag}' is not a valid BCP 47 language tag",
                        fix=f"Write `{meant}`." if meant else "")
