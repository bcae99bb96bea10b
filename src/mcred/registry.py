"""The one rule registry: metadata plus a check function, registered by decorator.

Docs (`docs/rules.md`), `mcred rules` and `mcred explain` are all generated from what is
registered here, so a rule is documented exactly once: in its docstring.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel

from mcred.findings import Issue, KeyPath, Severity

Scope = Literal["design", "catalogue", "loader"]
OptionsT = TypeVar("OptionsT", bound=BaseModel)

SECTION_TITLES = ("What it does", "Why is this bad?", "Example", "Use instead", "Options")
_SECTION = re.compile(r"^(What it does|Why is this bad\?|Example|Use instead|Options|"
                      r"References)\s*$", re.MULTILINE)


class NoOptions(BaseModel):
    """Options of a rule that has none."""

    model_config = {"extra": "forbid", "frozen": True}


@dataclass
class RuleContext(Generic[OptionsT]):
    """What a check may know besides the design: its options and the active profile."""

    options: OptionsT
    profile: str | None = None
    path: str = ""

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
    options: type[BaseModel] = NoOptions
    scope: Scope = "design"
    doc: str = ""
    sections: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].rstrip(".") if self.doc.strip() else self.name

    def option_defaults(self) -> dict[str, Any]:
        return self.options().model_dump()


_RULES: dict[str, Rule] = {}
_loaded = False


def rule(code: str, name: str, severity: Severity, *, fix: str, source: str,
         options: type[BaseModel] = NoOptions, scope: Scope = "design") -> Callable[[Check], Check]:
    """Register ``check`` as rule ``code``; a duplicate code or name is a programming error."""

    def register(check: Check) -> Check:
        doc = (check.__doc__ or "").strip()
        entry = Rule(code, name, severity, fix, source, check, options, scope, doc,
                     parse_sections(doc))
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


def load_all() -> dict[str, Rule]:
    """Import every module under ``mcred.rules`` once; each registers its rule."""
    global _loaded
    if not _loaded:
        import mcred.rules as package

        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)
        _loaded = True
    return _RULES


def all_rules() -> list[Rule]:
    return sorted(load_all().values(), key=lambda r: r.code)


def lookup(code_or_name: str) -> Rule | None:
    rules = load_all()
    key = code_or_name.strip()
    if key.upper() in rules:
        return rules[key.upper()]
    return next((r for r in rules.values() if r.name == key.lower()), None)
