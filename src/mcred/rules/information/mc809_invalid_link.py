"""MC809 invalid-link."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, KeyPath, Severity
from mcred.langtext import text_path, variants
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


def link_fields(design: Design) -> Iterator[tuple[KeyPath, str, bool, bool]]:
    """(key path, value, always a link, e-mail allowed) of every link field of a design."""
    if design.further_information:
        yield ("further_information",), design.further_information, True, False
    for tag, text in variants(design.contact):  # one contact per language, maybe
        yield text_path(("contact",), tag), text, False, True
    for index, body in enumerate(design.awarding_bodies):
        if body.url:
            yield ("awarding_bodies", index, "url"), body.url, True, False
        if body.legal_id:
            yield ("awarding_bodies", index, "legal_id"), body.legal_id, False, False


@rule("MC809", "invalid-link", Severity.WARNING,
      fix="Write the full web address, starting with `https://`.",
      source="Council Recommendation 2022/C 243/02, Annex II (information and guidance)")
def invalid_link(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """A link field holds something that is not an `https://` (or `http://`) link.

    Checked: `further_information`, the awarding bodies' `url`, and `legal_id` and
    `contact` when they are written as links (`contact` may also be an e-mail address or a
    `mailto:` link). ESCO references are checked by MC808. `www.example.edu` without
    `https://` is a warning with a safe fix; a `javascript:`, `data:`, `file:` or other
    non-web link is an error, and mcred never puts it on a page or into an export.

    Why is this bad?
    Links are what learners and employers follow from the published page and what badge
    platforms render from an Open Badges or ELM export. A link without its scheme is read
    as a relative path and leads nowhere; a `javascript:` link runs code in the reader's
    browser when clicked.

    Example
    ```yaml
    further_information: www.example.edu/gpp
    awarding_bodies:
      - name: Universidad de Ejemplo
        url: "javascript:alert(document.domain)"
    ```

    Use instead
    ```yaml
    further_information: https://www.example.edu/gpp
    awarding_bodies:
      - name: Universidad de Ejemplo
        url: https://www.example.edu
    ```
    """
    from mcred.links import check_link, is_link

    for path, value, always, mailto in link_fields(design):
        if not always and not is_link(value):
            continue  # a registry number or a contact written as text
        problem = check_link(value, mailto=mailto)
        if problem is not None:
            yield ctx.issue(path, problem.message, fix=problem.fix,
                            severity=Severity.ERROR if problem.dangerous else None)
