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
    from mcred.outcomes.language import Decision
    from mcred.plain import Design
    from mcred.registry import Rule


@dataclass
class FileResult:
    """The outcome of linting one file: its findings and, when it validated, its design."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    design: Design | None = None
    document: Document | None = None

    def catalogue_ready(self) -> bool:
        """Validated, and its `id` (if written) survived validation: else references to it
        would mislead the cross-file rules."""
        design = self.design
        if design is None:
            return False
        data = self.document.data if self.document is not None else None
        return not (data and data.get("id") is not None and design.id is None)

    def catalogue_design(self) -> Design | None:
        """The design as the cross-file rules see it (they read only ``CATALOGUE_PARTS``)."""
        return self.design

    def outcome_language(self) -> Decision:
        """The language the outcomes were read in, and why, for the reports."""
        from mcred.outcomes.language import file_language

        return file_language(self)


def check_design(design: Design, settings: RuleSettings, path: str = "",
                 deadline: float | None = None,
                 rejected: tuple[KeyPath, ...] = ()) -> list[Issue]:
    """Issues from every enabled design-scope rule, code-stamped, one per cause.

    When the file's ``deadline`` passes, the remaining rules are not run and one MC009
    issue says so: a hostile design gets a finding, not a hang. ``rejected`` are the
    paths of values another finding rejected (see :func:`one_per_cause`).
    """
    from mcred.registry import OutOfTime, RuleContext, all_rules

    issues: list[Issue] = []
    rules = [e for e in all_rules() if e.scope == "design" and settings.is_enabled(e.code)]
    for done, entry in enumerate(rules):
        ctx = RuleContext(_options(entry, settings), settings.profile, path, deadline,
                          rejected)
        try:
            ctx.check_time()
            found = [replace(issue, code=entry.code) for issue in entry.check(design, ctx)]
        except OutOfTime:
            issues.append(_out_of_time(rules[done:]))
            break
        issues.extend(found)
    return one_per_cause(issues, rejected, settings)


def _out_of_time(skipped: list[Rule]) -> Issue:
    from mcred.tree import Limits

    codes = ", ".join(e.code for e in skipped[:5]) + (", …" if len(skipped) > 5 else "")
    return Issue("MC009", f"checking the design took longer than the limit of "
                 f"{Limits().max_seconds:g} s; {len(skipped)} rule(s) were not run ({codes})",
                 (),
                 "Split the design or shorten its lists; a design is checked in milliseconds")


# How one_per_cause decides; docs/rules.md shows it (docgen).
PRECEDENCE = """\
## One mistake, one finding

A finding that follows from another is not reported again; the rule that names the cause
wins:

- **A rejected value** (MC006 invalid value, MC015 placeholder) wins over every rule about
  the same element, what it holds, or the part of the design that holds it: `ects: "5
  ECTS x"` is MC006 only, not also MC302 "no ECTS" or MC504 "claims credit but states no
  ECTS"; `title: TODO` is MC015, not also MC101 "no title".
- **A misspelt key** (MC005 with "did you mean") stands for the key it was meant to be
  (unless that key is there as well): `learning_outcome:` is MC005 only, not also MC201
  "no learning outcomes" nor MC008 for every reference to an outcome.
- **The same absent element reported by two rules**: the higher severity wins; on equal
  severity the lower code. The ECTS: MC302 over MC504. The EQF level: MC504 (the design
  claims credit) over MC701, unless a profile makes MC701 an error. Disabling the winner
  lets the other rule report it.
- **One rule, one finding per cause**: MC803 lists everything the offer lacks in one
  finding; MC008 is not reported when the design has no outcomes at all.

A finding about a missing key points where the key would be written in the format's
order: the last line of the key before it (at the new key's indentation), else the first
key after it.
"""


def _related(path: KeyPath, roots: tuple[KeyPath, ...]) -> bool:
    """``path`` is a rejected value, inside one, or the element holding one (not the root)."""
    return bool(path) and any(
        root and (path[: len(root)] == root or root[: len(path)] == path) for root in roots)


def one_per_cause(issues: list[Issue], rejected: tuple[KeyPath, ...],
                  settings: RuleSettings) -> list[Issue]:
    """Drop what follows from another finding.

    A finding at, inside or around a value another finding rejected (invalid, placeholder,
    misspelt key) is that finding's consequence. When two rules report the same absent
    element (``Issue.about``), the higher severity wins, on a tie the lower code.
    """
    kept = [i for i in issues if not _related(i.key_path, rejected)
            and not any(_related(a, rejected) for a in i.about)]
    best: dict[KeyPath, Issue] = {}
    for issue in kept:
        for element in issue.about:
            other = best.get(element)
            if other is None or _rank(issue, settings) > _rank(other, settings):
                best[element] = issue
    return [i for i in kept if all(best[a] is i for a in i.about)]


def _rank(issue: Issue, settings: RuleSettings) -> tuple[int, int]:
    """Higher severity first, then the lower code (the element's own area comes first)."""
    from mcred.registry import load_all

    severity = (settings.severities.get(issue.code) or issue.severity
                or load_all()[issue.code].severity)
    return int(severity), -int(issue.code[2:])


def _options(entry: Rule, settings: RuleSettings) -> RuleOptions:
    return settings.options.get(entry.code) or entry.options()


def lint_document(doc: Document, settings: RuleSettings) -> FileResult:
    """Validate the document's data and run the rules; never raises for bad input."""
    from mcred.validate import validate

    issues = list(doc.issues)
    design = None
    if doc.data is not None and not any(i.code == "MC004" for i in issues):
        data, held = _placeholders(doc.data, settings)
        issues.extend(held)
        design, shape_issues = validate(data)
        issues.extend(shape_issues)
        if design is not None:
            issues.extend(check_design(design, settings, doc.path, doc.deadline,
                                       rejected_paths([*held, *shape_issues])))
    findings = apply_suppressions(doc, to_findings(doc, issues, settings), settings)
    from mcred.fixable import mark

    findings = mark(findings, doc.data, doc.quotable, doc.text)
    return FileResult(doc.path, findings, design, doc)


def _placeholders(data: dict[str, object], settings: RuleSettings
                  ) -> tuple[dict[str, object], list[Issue]]:
    """MC015 issues, and the data without those values: a placeholder is not yet a value."""
    if not settings.is_enabled("MC015"):
        return data, []
    from mcred.placeholders import issues, without

    held = issues(data)
    return (without(data, [i.key_path for i in held]) if held else data), held


def rejected_paths(issues: Iterable[Issue]) -> tuple[KeyPath, ...]:
    """Where the design wrote something the format rejected, or meant a key it misspelt."""
    paths: list[KeyPath] = []
    for issue in issues:
        if issue.code in ("MC005", "MC006", "MC015"):
            paths.append(issue.key_path)
            paths.extend(issue.about)
    return tuple(paths)


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
        span = Span(*issue.span) if issue.span else _place(doc, issue.key_path)
        findings.append(Finding(
            path=doc.path, line=span.line, column=span.column, code=meta.code,
            name=meta.name, severity=severity, message=issue.message,
            fix=issue.fix or meta.fix, key_path=issue.key_path,
            end_line=span.end_line, end_column=span.end_column,
        ))
    findings.sort(key=Finding.sort_key)
    return findings


_NOT_YAML = (".json", ".jsonld")


def _place(doc: Document, path: KeyPath) -> Span:
    """The value or key at ``path``; for a missing key, where it would be written."""
    span, found = doc.index.locate(path)
    if found == path or not path or doc.path.endswith(_NOT_YAML):
        return span  # a published credential (JSON-LD) has no place to write a design key
    from mcred.validate import canonical_keys

    return doc.index.insertion_point(path, canonical_keys, doc.lines) or span
