"""MC406 unverified-online-assessment."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import RuleContext, RuleOptions, option, rule

VERIFIED = frozenset({"supervised-online-id", "supervised-onsite-id"})
REMOTE = frozenset({"online", "blended"})


class IdentityOptions(RuleOptions):
    """Options of MC406."""

    require_identity_verification: bool = option(False, description="Require a verified "
                                                 "assessment whatever the form of "
                                                 "participation (the `cmf` profile sets this).")


@rule("MC406", "unverified-online-assessment", Severity.WARNING, options=IdentityOptions,
      fix="State `supervision: supervised-online-id` (or `supervised-onsite-id`) for at least "
          "one assessment task.",
      source="Council Recommendation 2022/C 243/02, Annex I (optional: supervision and "
             "identity verification); Common Microcredential Framework")
def unverified_online_assessment(design: Design,
                                 ctx: RuleContext[IdentityOptions]) -> Iterator[Issue]:
    """An online or blended design verifies the learner's identity in no assessment.

    With `require_identity_verification` (the `cmf` profile) every design is checked,
    whatever its form of participation.

    Why is this bad?
    When learning happens at a distance, nothing ties the assessed work to the person who
    will hold the credential unless an assessment is supervised with identity
    verification. Annex I lists this as an element of the credential, and frameworks such
    as the CMF require it for recognition.

    Example
    ```yaml
    participation: online
    assessment:
      - id: a1
        type: quiz
        covers: [lo1]
    ```

    Use instead
    ```yaml
    participation: online
    assessment:
      - id: a1
        type: quiz
        covers: [lo1]
        supervision: supervised-online-id
    ```

    Options
    - `require_identity_verification` (bool, default false): check every design.
    """
    if not design.assessment:
        return  # MC401 reports the missing assessment
    if design.participation not in REMOTE and not ctx.options.require_identity_verification:
        return
    if not any(task.supervision in VERIFIED for task in design.assessment):
        yield ctx.issue(("assessment", 0, "supervision"),
                        f"the design is {design.participation or 'assessed'}, but no "
                        "assessment verifies the learner's identity")
