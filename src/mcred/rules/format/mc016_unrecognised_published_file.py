"""MC016 unrecognised-published-file: reported while importing a published JSON-LD file;
this module is its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from mcred.findings import Issue, Severity
from mcred.registry import rule


@rule("MC016", "unrecognised-published-file", Severity.ERROR, scope="loader",
      fix="Lint a published ELM, Open Badges 3.0 or CTDL file with its standard context URL.",
      source="JSON-LD 1.1 §3.1 (contexts); ELM 3, Open Badges 3.0, CTDL; mcred safety rules")
def unrecognised_published_file(*_: object) -> Iterator[Issue]:
    """A published JSON file (`mcred lint credential.jsonld`) names a JSON-LD context mcred
    does not know, or is not an ELM, Open Badges 3.0 or CTDL document at all.

    mcred reads published credentials with the contexts of those standards, recognised by
    their URL. It never fetches a context from the network: a context it does not know is
    reported, and the terms it would define are read as written.

    Why is this bad?
    A context decides what every property of a JSON-LD document means. An unknown context
    can rename `title` or `creditPoint` into something else, so what mcred checks may not be
    what a wallet, Europass or a registry will show. Fetching it would let any published
    file make mcred contact an arbitrary server, leak where it runs, or hang on a slow one.

    Example
    ```json
    {"@context": ["https://www.w3.org/2018/credentials/v1",
                  "https://example.org/my-context.jsonld"],
     "type": "Qualification", "title": {"en": "Green procurement"}}
    ```

    Use instead
    ```json
    {"@context": ["https://www.w3.org/2018/credentials/v1",
                  "http://data.europa.eu/snb/model/context/edc-ap"],
     "type": "Qualification", "title": {"en": "Green procurement"}}
    ```
    """
    return iter(())
