"""MC106 unplanned-learner-identification."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC106", "unplanned-learner-identification", Severity.INFO,
      fix="Add `credential.learner_identification` listing the learner data the credential "
          "will carry (e.g. full name, date of birth).",
      source="Council Recommendation 2022/C 243/02, Annex I (identification of the learner); "
             "Annex II (authentic)")
def unplanned_learner_identification(design: Design,
                                     ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design does not say how the issued credential will identify the learner.

    Why is this bad?
    Every issued micro-credential must identify its holder (Annex I), and an authentic
    credential (Annex II) is one a verifier can tie to a person. Deciding which learner
    data to record belongs in the design, before enrolment forms and data-protection
    notices are written.

    Example
    ```yaml
    credential:
      formats: [europass-edc]
    ```

    Use instead
    ```yaml
    credential:
      formats: [europass-edc]
      learner_identification: [full name, date of birth]
    ```
    """
    credential = design.credential
    if not (credential and any(item.strip() for item in credential.learner_identification)):
        yield ctx.issue(("credential", "learner_identification"),
                        "the design does not plan how the credential identifies the learner")
