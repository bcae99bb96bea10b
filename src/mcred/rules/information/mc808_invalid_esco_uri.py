"""MC808 invalid-esco-uri."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC808", "invalid-esco-uri", Severity.WARNING,
      fix="Use the skill's concept URI, `http://data.europa.eu/esco/skill/<uuid>`, or a "
          "skill-group code such as `S1.2`.",
      source="ESCO (European Skills, Competences, Qualifications and Occupations) "
             "classification")
def invalid_esco_uri(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """An ESCO reference is not a skill URI (`http://data.europa.eu/esco/skill/<uuid>`).

    A skill-group code (`S1.2`, `T4.1`, `L1`), bare or as a skill URI, is accepted too.
    Links to the ESCO portal, `https`, capital letters and trailing slashes are reported
    with the URI that was probably meant.

    Why is this bad?
    ESCO concepts are identified by their URI; that URI, not the portal page, is what
    European Digital Credentials and job-matching services resolve. An occupation URI or a
    misspelt one links the outcome to nothing.

    Example
    ```yaml
    esco: [https://esco.ec.europa.eu/en/classification/skill?uri=http://data.europa.eu/esco/skill/4c1bd0a0-5e5f-4b6c-8c3f-2a0a3c6e1b2d]
    ```

    Use instead
    ```yaml
    esco: [http://data.europa.eu/esco/skill/4c1bd0a0-5e5f-4b6c-8c3f-2a0a3c6e1b2d]
    ```
    """
    from mcred.vocabularies.esco import is_esco_skill, suggest_esco

    for index, outcome in enumerate(design.learning_outcomes):
        for position, reference in enumerate(outcome.esco):
            if is_esco_skill(reference):
                continue
            meant = suggest_esco(reference)
            yield ctx.issue(("learning_outcomes", index, "esco", position),
                            f"'{reference}' is not an ESCO skill URI",
                            fix=f"Write `{meant}`." if meant else "")
