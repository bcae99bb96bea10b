"""The one rule registry: metadata plus a check function, registered by decorator.

Docs (`docs/rules.md`), `mcred rules` and `mcred explain` are all generated from what is
registered here, so a rule is documented exactly once: in its docstring.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, Literal, TypeVar

from mcred.findings import Issue, KeyPath, Severity
from mcred.options import NoOptions, RuleOptions, option

__all__ = ["NoOptions", "Rule", "RuleContext", "RuleOptions", "option", "rule"]

Scope = Literal["design", "catalogue", "loader"]
OptionsT = TypeVar("OptionsT", bound=RuleOptions)

SECTION_TITLES = ("What it does", "Why is this bad?", "Example", "Use instead", "Options")
_SECTION = re.compile(r"^(What it does|Why is this bad\?|Example|Use instead|Options|"
                      r"References)\s*$", re.MULTILINE)


class OutOfTime(Exception):
    """The file's time budget ran out while a rule was checking it (reported as MC009)."""


@dataclass
class RuleContext(Generic[OptionsT]):
    """What a check may know besides the design: its options and the active profile.

    ``deadline`` (``time.monotonic()``) is the file's budget: a rule whose work grows with
    the design calls :meth:`check_time` in its loop, so a hostile file cannot hold the run.
    """

    options: OptionsT
    profile: str | None = None
    path: str = ""
    deadline: float | None = None

    def check_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise OutOfTime

    def issue(self, key_path: KeyPath, message: str, *, fix: str = "",
              severity: Severity | None = None) -> Issue:
        return Issue("", message, key_path, fix, None, severity)


Check = Callable[..., Iterator[Issue]]


@dataclass(frozen=True)
class Rule:
    """A rule's metadata and its check; the engine stamps code, name and severity."""

    code: str
    name: str
    severity: Severity
    fix: str
    source: str
    check: Check
    options: type[RuleOptions] = NoOptions
    scope: Scope = "design"
    doc: str = ""

    @cached_property
    def sections(self) -> dict[str, str]:
        """The docstring's headed sections; perf: parsed only when docs are shown."""
        return parse_sections(self.doc)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].rstrip(".") if self.doc.strip() else self.name

    def option_defaults(self) -> dict[str, Any]:
        return self.options().values()


_RULES: dict[str, Rule] = {}
_loaded = False


def rule(code: str, name: str, severity: Severity, *, fix: str, source: str,
         options: type[RuleOptions] = NoOptions,
         scope: Scope = "design") -> Callable[[Check], Check]:
    """Register ``check`` as rule ``code``; a duplicate code or name is a programming error."""

    def register(check: Check) -> Check:
        doc = (check.__doc__ or "").strip()
        entry = Rule(code, name, severity, fix, source, check, options, scope, doc)
        for other in _RULES.values():
            if other.code == code or other.name == name:
                raise RuntimeError(f"rule {code} {name} registered twice")
        _RULES[code] = entry
        return check

    return register


def parse_sections(doc: str) -> dict[str, str]:
    """Split a ruff-style docstring into its headed sections (the summary is 'What it does')."""
    import textwrap

    lines = doc.splitlines()
    body = textwrap.dedent("\n".join(lines[1:])) if len(lines) > 1 else ""
    text = f"{lines[0] if lines else ''}\n{body}".strip()
    parts = _SECTION.split(text)
    sections = {"What it does": parts[0].strip()}
    for title, content in zip(parts[1::2], parts[2::2], strict=True):
        sections[title] = content.strip()
    return sections


def load_all(*, walk: bool = False) -> dict[str, Rule]:
    """Import every rule module once; each registers its rule.

    perf: the modules come from the generated index (``mcred.rules.index``) rather than a
    walk of the package; ``walk=True`` (docgen, which writes the index) walks instead, so a
    rule added since the index was written is found and the staleness test fails.
    """
    global _loaded
    if walk:
        for name in rule_modules():
            importlib.import_module(name)
        _loaded = True
    elif not _loaded:
        from mcred.rules.index import RULES

        for _code, _name, _scope, module in RULES:
            importlib.import_module(module)
        _loaded = True
    return _RULES


def rule_modules() -> list[str]:
    """Every rule module under ``mcred.rules``, found by walking the package (slow path)."""
    import mcred.rules as package

    return sorted(info.name for info in pkgutil.walk_packages(package.__path__,
                                                               package.__name__ + ".")
                  if not info.ispkg and info.name != INDEX_MODULE)


INDEX_MODULE = "mcred.rules.index"


def index_text() -> str:
    """The source of ``mcred.rules.index`` (written by ``python -m mcred.docgen``)."""
    rules = load_all(walk=True)
    rows = "".join(f'    ("{r.code}", "{r.name}", "{r.scope}",\n     "{r.check.__module__}"),\n'
                   for r in sorted(rules.values(), key=lambda r: r.code))
    return ('"""Generated by `python -m mcred.docgen`: every rule\'s code, name, scope and '
            'module.\n\nperf: a run knows the rule set (selection, cache keys) without '
            'importing it;\nthe rule modules are imported only when a design is checked.\n'
            '"""\n\nfrom __future__ import annotations\n\n'
            f"RULES: tuple[tuple[str, str, str, str], ...] = (\n{rows})\n")


def all_rules() -> list[Rule]:
    return sorted(load_all().values(), key=lambda r: r.code)


def lookup(code_or_name: str) -> Rule | None:
    rules = load_all()
    key = code_or_name.strip()
    if key.upper() in rules:
        return rules[key.upper()]
    return next((r for r in rules.values() if r.name == key.lower()), None)
