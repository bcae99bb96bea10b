"""MC503 stackable-without-target."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.plain import Design
from mcred.registry import NoOptions, RuleContext, rule


@rule("MC503", "stackable-without-target", Severity.WARNING,
      fix="Add `recognition.towards` naming the credential(s) it stacks towards.",
      source="European Learning Model (ELM 3): stackability names the target "
             "qualification")
def stackable_without_target(design: Design, ctx: RuleContext[NoOptions]) -> Iterator[Issue]:
    """The design says it is stackable but names nothing it stacks towards.

    Why is this bad?
    "Stackable" is a promise only when learners can see into what: a programme, a larger
    credential, another design of the catalogue. The European Learning Model records
    stackability as a link to the target; without one, the claim cannot be checked.

    Example
    ```yaml
    recognition:
      stackability: stackable
    ```

    Use instead
    ```yaml
    recognition:
      stackability: stackable
      towards:
        - name: Master in Public Management
          provider: Universidad de Ejemplo
          ects: 5
    ```
    """
    r = design.recognition
    if r and r.stackability == "stackable" and not r.towards:
        yield ctx.issue(("recognition", "stackability"),
                        "the design is stackable but names nothing it stacks towards")
