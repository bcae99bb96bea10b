"""Runs the registered rules over a loaded document and stamps positions onto findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from mcred.findings import Finding, Issue, KeyPath
from mcred.loader import Document
from mcred.positions import Span
from mcred.settings import RuleSettings

if TYPE_CHECKING:  # perf: a cache hit needs neither pydantic, the model nor the rules
    from mcred.options import RuleOptions
    from mcred.plain import Design
    from mcred.registry import Rule


@dataclass
class FileResult:
    """The outcome of linting one file: its findings and, when it validated, its design."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    design: Design | None = None
    document: Document | None = None


def check_design(design: Design, settings: RuleSettings, path: str = "",
                 deadline: float | None = None) -> list[Issue]:
    """Issues from every enabled design-scope rule, code-stamped.

    When the file's ``deadline`` passes, the remaining rules are not run and one MC009
    issue says so: a hostile design gets a finding, not a hang.
    """
    from mcred.registry import OutOfTime, RuleContext, all_rules

    issues: list[Issue] = []
    rules = [e for e in all_rules() if e.scope == "design" and settings.is_enabled(e.code)]
    for done, entry in enumerate(rules):
        ctx = RuleContext(_options(entry, settings), settings.profile, path, deadline)
        try:
            ctx.check_time()
            found = [replace(issue, code=entry.code) for issue in entry.check(design, ctx)]
        except OutOfTime:
            issues.append(_out_of_time(rules[done:]))
            break
        issues.extend(found)
    return issues


def _out_of_time(skipped: list[Rule]) -> Issue:
    from mcred.tree import Limits

    codes = ", ".join(e.code for e in skipped[:5]) + (", …" if len(skipped) > 5 else "")
    return Issue("MC009", f"checking the design took longer than the limit of "
                 f"{Limits().max_seconds:g} s; {len(skipped)} rule(s) were not run ({codes})",
                 (),
                 "Split the design or shorten its lists; a design is checked in milliseconds")


def _under_any(path: KeyPath, roots: list[KeyPath]) -> bool:
    """A rule's "missing X" about a value the model already rejected is the same problem."""
    return any(root and path[: len(root)] == root for root in roots)


def _options(entry: Rule, settings: RuleSettings) -> RuleOptions:
    return settings.options.get(entry.code) or entry.options()


def lint_document(doc: Document, settings: RuleSettings) -> FileResult:
    """Validate the document's data and run the rules; never raises for bad input."""
    from mcred.validate import validate

    issues = list(doc.issues)
    design = None
    if doc.data is not None and not any(i.code == "MC004" for i in issues):
        design, shape_issues = validate(doc.data)
        issues.extend(shape_issues)
        if design is not None:
            dropped = [i.key_path for i in shape_issues if i.code in ("MC005", "MC006")]
            issues.extend(i for i in check_design(design, settings, doc.path, doc.deadline)
                          if not _under_any(i.key_path, dropped))
    findings = apply_suppressions(doc, to_findings(doc, issues, settings), settings)
    return FileResult(doc.path, findings, design, doc)


def apply_suppressions(doc: Document, findings: list[Finding],
                       settings: RuleSettings) -> list[Finding]:
    """`# mcred: ignore[...]` comments, applied once findings have their lines (issue 4)."""
    from mcred.suppressions import apply

    kept, problems = apply(doc.text, findings, settings)
    if problems:
        kept = sorted([*kept, *to_findings(doc, problems, settings)], key=Finding.sort_key)
    return kept


def to_findings(doc: Document, issues: Iterable[Issue], settings: RuleSettings) -> list[Finding]:
    """Attach rule metadata, effective severity and position; drop disabled codes."""
    from mcred.registry import load_all

    rules = load_all()
    findings = []
    for issue in issues:
        if not settings.is_enabled(issue.code):
            continue
        meta = rules[issue.code]
        severity = settings.severities.get(issue.code) or issue.severity or meta.severity
        span = Span(*issue.span) if issue.span else doc.index.locate(issue.key_path)[0]
        findings.append(Finding(
            path=doc.path, line=span.line, column=span.column, code=meta.code,
            name=meta.name, severity=severity, message=issue.message,
            fix=issue.fix or meta.fix, key_path=issue.key_path,
            end_line=span.end_line, end_column=span.end_column,
        ))
    findings.sort(key=Finding.sort_key)
    return findings
