"""Stable identities for findings, so CI tools track one problem across runs and edits.

A finding's identity is its file, its rule and the key it is about (its JSON Pointer) —
never its line, which moves whenever someone edits above it. When one file has several
findings with the same identity (two YAML syntax errors, say), their order of appearance
tells them apart.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator

from mcred.findings import Finding

VERSION = "v1"


def fingerprints(findings: Iterable[Finding]) -> Iterator[tuple[Finding, str]]:
    """Pair each finding with a hex digest of path + code + pointer + occurrence index."""
    seen: Counter[tuple[str, str, str]] = Counter()
    for finding in findings:
        identity = (finding.path, finding.code, finding.pointer)
        occurrence = seen[identity]
        seen[identity] += 1
        text = "\0".join((VERSION, *identity, str(occurrence)))
        yield finding, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
