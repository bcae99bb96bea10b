"""What `--fix` may change: edits whose intent is unambiguous, found on the round-trip tree.

Each fixer looks at one scalar (its key path, its current value) and proposes a
replacement or nothing. Safe edits keep the meaning (`hybrid` → `blended`, `Spain` → `ES`,
`"5 ECTS"` → 5); unsafe ones derive a value the author did not write (the total hours from
the parts) and run only with `--unsafe-fixes`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from mcred.findings import KeyPath
from mcred.model.vocab import SYNONYMS

_MISSING = object()
_DECIMAL_COMMA = re.compile(r"^\s*[0-9]+,[0-9]{1,2}\s*$")
_NUMBER = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z%€£]*\.?)\s*$")
_UNITS: dict[str, set[str]] = {
    "ects": {"ects", "credits", "credit", "ects credits", "ec"},
    "hours": {"h", "hours", "hour", "hrs", "hr"},
    "duration_weeks": {"weeks", "week", "w", "wks"},
    "review_interval_months": {"months", "month", "mo"},
    "weight": {"%", "percent"},
}
_CURRENCY_SYMBOLS = {"€": "EUR", "£": "GBP", "zł": "PLN", "kč": "CZK", "ft": "HUF",
                     "лв": "BGN", "lei": "RON", "euro": "EUR", "euros": "EUR"}
_UNSAFE_CURRENCY = {"$": "USD", "us$": "USD"}
_HOUR_PARTS = ("hours_contact", "hours_self_study", "hours_assessment")


@dataclass(frozen=True)
class Edit:
    """Set ``path`` to ``new`` (``old`` is what is there now; absent when adding a key)."""

    path: KeyPath
    old: Any
    new: Any
    reason: str
    safe: bool = True
    after: str | None = None  # when adding a key: insert it after this sibling key
    rename: bool = False  # the key at ``path`` (``old``) is renamed to ``new``, value kept


def find_edits(root: Any, unsafe: bool, quote: Mapping[KeyPath, str] | None = None
               ) -> list[Edit]:
    """Every edit for the document, in file order; unsafe ones only when asked.

    ``quote`` maps the paths of unquoted values YAML reads as numbers, dates or booleans
    where the format expects text (MC012) to the text as written; they get quoted.
    """
    quote = quote or {}
    nodes = _nodes(root)
    edits = [edit for path, value in nodes if not isinstance(value, dict | list)
             if (edit := _quoted(path, value, quote.get(path)) or _scalar_edit(path, value))]
    edits.extend(_derived(root))
    edits.extend(edit for path, node in nodes if path and isinstance(node, dict)
                 and _is_language_map(path, node) for key in node
                 if (edit := _language_key(path, key, node)) is not None)
    return [e for e in edits if e.safe or unsafe]


def edit_for(path: KeyPath, value: Any, quoted_text: str | None = None) -> Edit | None:
    """The edit `--fix` (or `--unsafe-fixes`) would make to the value at ``path``, if any."""
    return _quoted(path, value, quoted_text) or _scalar_edit(path, value)


def _is_language_map(path: KeyPath, node: Mapping[Any, Any]) -> bool:
    fields = _map_fields(_shape(path))
    return fields is not None and all(
        isinstance(k, str) and k not in fields and not isinstance(v, dict | list)
        for k, v in node.items())


def _shape(path: KeyPath) -> KeyPath:
    """The path with every list index as 0: the format is the same at every index, so
    what depends only on the format is memoised per shape (perf: --fix looks at every
    scalar of every design)."""
    return tuple(0 if isinstance(part, int) else part for part in path)


@functools.cache
def _map_fields(shape: KeyPath) -> frozenset[str] | None:
    """The keys of the element a language map at ``shape`` stands in for (a map must use
    none of them); ``None`` where the format has no language map."""
    from mcred.ambiguous import spec_at
    from mcred.plain.classes import SPEC

    kinds = spec_at(shape)
    if not any(leaf[0] == "dict" for leaf in kinds):
        return None
    return frozenset(f for leaf in kinds if leaf[0] == "model" for f, *_ in SPEC[leaf[1]])


def _language_key(path: KeyPath, key: str, node: Mapping[Any, Any]) -> Edit | None:
    from mcred.vocabularies.languages import is_language_tag, suggest_language

    if key.startswith("x-") or is_language_tag(key):
        return None
    meant = suggest_language(key)
    if meant is None or meant in node:
        return None
    return Edit((*path, key), key, meant, f"BCP 47 tag of `{key}`", rename=True)


def _quoted(path: KeyPath, value: Any, text: str | None) -> Edit | None:
    if text is None or isinstance(value, str) or value is None:
        return None
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return Edit(path, value, DoubleQuotedScalarString(text),
                f"`{text}` quoted so that YAML keeps it as text")


def _nodes(root: Any) -> list[tuple[KeyPath, Any]]:
    """Every value of the document with its path, in file order; keys of extensions
    (``x-…``) are not looked into. perf: a loop, not recursive generators (--fix asks this
    of every design of a run)."""
    found: list[tuple[KeyPath, Any]] = []
    stack: list[tuple[KeyPath, Any]] = [((), root)]
    while stack:
        path, node = stack.pop()
        found.append((path, node))
        if isinstance(node, dict):
            stack.extend(reversed([((*path, key), value) for key, value in node.items()
                                   if isinstance(key, str) and not key.startswith("x-")]))
        elif isinstance(node, list):
            stack.extend(reversed([((*path, i), value) for i, value in enumerate(node)]))
    return found


def _scalar_edit(path: KeyPath, value: Any) -> Edit | None:
    if not isinstance(value, str) or not path:
        return None
    fixer = _fixer(_shape(path))
    return None if fixer is None else fixer(path, value)


Fixer = Callable[[KeyPath, str], "Edit | None"]


@functools.cache
def _fixer(shape: KeyPath) -> Fixer | None:
    """The fixer for text at a place of this shape; ``None`` where text is what belongs."""
    from mcred.ambiguous import spec_at

    annotation = spec_at(shape)
    name = next((p for p in reversed(shape) if isinstance(p, str)), "")
    if _is_list(annotation):
        return _split
    if _is_date(annotation):
        return _date
    allowed = literal_values(annotation)
    if allowed:
        return functools.partial(_vocabulary, allowed=allowed)
    if name == "country":
        return _country
    if name in ("language", "languages"):
        return _language
    if name == "currency":
        return _currency
    if name in ("url", "further_information"):
        return _link
    if _accepts_number(annotation):
        return functools.partial(_number, name=name, floats=_accepts_float(annotation))
    return None


def _is_list(leaves: tuple[tuple[Any, ...], ...]) -> bool:
    return any(leaf[0] == "list" for leaf in leaves)


def _is_date(leaves: tuple[tuple[Any, ...], ...]) -> bool:
    return any(leaf[0] == "date" for leaf in leaves)


def _split(path: KeyPath, value: str) -> Edit | None:
    """``pt, en`` where a list is expected → ``[pt, en]`` (each item normalised as well)."""
    from ruamel.yaml.comments import CommentedSeq

    parts = [p.strip() for p in value.split(",") if p.strip()]
    if len(parts) < 2:
        return None
    items = CommentedSeq()
    for index, part in enumerate(parts):
        edit = _scalar_edit((*path, index), part)
        items.append(edit.new if edit is not None and edit.safe else part)
    items.fa.set_flow_style()
    return Edit(path, value, items, f"`{value}` written as a list")


def _date(path: KeyPath, value: str) -> Edit | None:
    """``25/12/2025`` → 2025-12-25 (safe); ``01/09/2025`` assumes the day first (unsafe)."""
    import datetime as dt

    from mcred.messages import day_first

    guess = day_first(value)
    if guess is None:
        return None
    try:
        new = dt.date.fromisoformat(guess[0])
    except ValueError:
        return None
    reason = f"`{value}` written as YYYY-MM-DD" + ("" if guess[1] else ", assuming the day "
                                                   "comes first")
    return Edit(path, value, new, reason, safe=guess[1])


def literal_values(leaves: tuple[tuple[Any, ...], ...]) -> tuple[str, ...]:
    """The vocabulary of a value, from its spec leaves (empty when it is free)."""
    return next((tuple(leaf[1]) for leaf in leaves if leaf[0] == "literal"), ())


def _accepts_number(leaves: tuple[tuple[Any, ...], ...]) -> bool:
    kinds = {leaf[0] for leaf in leaves}
    return bool(kinds & {"int", "float"}) and "str" not in kinds


def _accepts_float(leaves: tuple[tuple[Any, ...], ...]) -> bool:
    return any(leaf[0] == "float" for leaf in leaves)


def _vocabulary(path: KeyPath, value: str, allowed: tuple[str, ...]) -> Edit | None:
    if value in allowed:
        return None
    key = " ".join(value.strip().lower().split())
    candidate = key if key in allowed else SYNONYMS.get(key)
    if candidate is None and key.replace(" ", "-") in allowed:
        candidate = key.replace(" ", "-")
    if candidate in allowed:
        return Edit(path, value, candidate, f"`{value}` means `{candidate}` in the format")
    return None


def _country(path: KeyPath, value: str) -> Edit | None:
    import pycountry

    text = value.strip()
    if len(text) == 2 and text.isalpha() and text.isupper():
        return None
    try:
        code = str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        return None
    return Edit(path, value, code, f"ISO 3166-1 code of `{value}`")


def _language(path: KeyPath, value: str) -> Edit | None:
    import langcodes
    import pycountry

    text = value.strip()
    if langcodes.tag_is_valid(text) or (" " in text and len(text) > 40):
        return None
    try:
        language = pycountry.languages.lookup(text)
    except LookupError:
        return None
    tag = getattr(language, "alpha_2", None) or getattr(language, "alpha_3", None)
    return Edit(path, value, str(tag), f"BCP 47 tag of `{value}`") if tag else None


def _currency(path: KeyPath, value: str) -> Edit | None:
    import pycountry

    text = value.strip()
    if len(text) == 3 and text.isalpha() and text.isupper():
        return None
    lowered = text.lower()
    if lowered in _UNSAFE_CURRENCY:
        code = _UNSAFE_CURRENCY[lowered]
        return Edit(path, value, code, f"`{value}` is most often {code}, but not always",
                    safe=False)
    symbol = _CURRENCY_SYMBOLS.get(lowered)
    if symbol is not None:
        return Edit(path, value, symbol, f"ISO 4217 code of `{value}`")
    try:
        code = str(pycountry.currencies.lookup(text).alpha_3)
    except LookupError:
        return None
    return Edit(path, value, code, f"ISO 4217 code of `{value}`")


def _link(path: KeyPath, value: str) -> Edit | None:
    """`www.example.edu` → `https://www.example.edu` (see mcred.links; MC809)."""
    from mcred.links import check_link

    problem = check_link(value)
    if problem is None or problem.fixed is None:
        return None
    return Edit(path, value, problem.fixed, f"`{value}` → `{problem.fixed}`")


def _number(path: KeyPath, value: str, name: str, floats: bool) -> Edit | None:
    if floats and _DECIMAL_COMMA.match(value):  # `1,500` may be a thousand: not touched
        return Edit(path, value, float(value.strip().replace(",", ".")),
                    f"decimal comma in `{value}`")
    match = _NUMBER.match(value)
    if match is None:
        return None
    digits, unit = match.group(1), match.group(2).lower().rstrip(".")
    family = "hours" if name.startswith("hours_") else name
    if unit and unit not in _UNITS.get(family, set()):
        return None
    if "." in digits and not floats:
        return None
    number: int | float = float(digits) if "." in digits else int(digits)
    return Edit(path, value, number, f"a number written as text: `{value}`")


def _derived(root: Any) -> Iterator[Edit]:
    """Unsafe: the total hours as the sum of its parts, when every part is a number."""
    workload = root.get("workload") if isinstance(root, dict) else None
    if not isinstance(workload, dict) or workload.get("hours_total") is not None:
        return
    parts = [workload.get(k) for k in _HOUR_PARTS]
    numbers = [p for p in parts if isinstance(p, int | float) and not isinstance(p, bool)]
    if len(numbers) == len(parts):
        total = sum(numbers)
        after = next((k for k in ("ects",) if k in workload), None)
        yield Edit(("workload", "hours_total"), _MISSING, total,
                   "hours_total derived from contact + self-study + assessment hours",
                   safe=False, after=after)


def is_addition(edit: Edit) -> bool:
    return edit.old is _MISSING
