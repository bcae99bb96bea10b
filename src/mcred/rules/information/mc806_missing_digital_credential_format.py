"""MC806 missing-digital-credential-format."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule

DIGITAL = frozenset({"europass-edc", "open-badges-3"})


@rule("MC806", "missing-digital-credential-format", Severity.INFO,
      fix="Add `europass-edc` or `open-badges-3` to `credential.formats`.",
      source="Council Recommendation 2022/C 243/02, Annex II (portable; European Digital "
             "Credentials for Learning)")
def missing_digital_credential_format(design: Design,
                                      ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The credential will not be issued in a verifiable digital format.

    Why is this bad?
    Annex II asks that micro-credentials be portable: owned by the learner, stored and
    shared through secure digital wallets, and verifiable, using the European Digital
    Credentials for Learning (Europass) or comparable standards such as Open Badges 3.0.
    A PDF certificate cannot be verified automatically.

    Example
    ```yaml
    credential:
      formats: [pdf]
    ```

    Use instead
    ```yaml
    credential:
      formats: [europass-edc, pdf]
    ```
    """
    credential = design.credential
    if not (credential and DIGITAL & set(credential.formats)):
        yield ctx.issue(("credential", "formats"),
                        "the credential will not be issued in a verifiable digital format")
