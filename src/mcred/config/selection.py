"""Which rules are on: select / extend-select / ignore, decided in one place.

Selectors are codes (`MC303`), prefixes (`MC3`), names (`hours-per-ects-out-of-band`) or
`ALL`. Within one layer the most specific selector that matches a code decides (a name
counts as its full code; on a tie, ignore wins), so `ignore = ["MC3"]` with
`extend-select = ["MC303"]` keeps MC303. Layers apply in order (profile, config file,
overrides, per-file-ignores, command line); a layer with `select` starts from nothing,
one without it starts from the previous layer's result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


class UnknownSelector(ValueError):
    """A selector matches no registered rule; ``selector`` is what the user wrote."""

    def __init__(self, selector: str, suggestion: str | None) -> None:
        self.selector = selector
        hint = f" (did you mean `{suggestion}`?)" if suggestion else ""
        super().__init__(f"unknown rule code, prefix or name `{selector}`{hint}")


@dataclass(frozen=True)
class Selector:
    """One parsed selector: the codes it matches and how specific it is."""

    text: str
    codes: frozenset[str]
    specificity: int
    origin: str = ""


def parse_selector(text: str, names: dict[str, str], origin: str = "") -> Selector:
    """Parse against the registry (``names`` maps every code and name to its code)."""
    key = text.strip()
    if key.upper() == "ALL":
        return Selector(key, frozenset(names.values()), 0, origin)
    code = names.get(key.upper()) or names.get(key.lower())
    if code is not None:
        return Selector(key, frozenset({code}), len(code), origin)
    matched = frozenset(c for c in set(names.values()) if c.startswith(key.upper()))
    if key and matched:
        return Selector(key, matched, len(key), origin)
    import difflib

    close = difflib.get_close_matches(key, list(names), n=1)
    raise UnknownSelector(key, close[0] if close else None)


@dataclass(frozen=True)
class Layer:
    """One source's selection; ``select`` of ``None`` means "keep what came before"."""

    select: Sequence[Selector] | None = None
    extend_select: Sequence[Selector] = ()
    ignore: Sequence[Selector] = ()
    origin: str = ""


@dataclass
class Selection:
    """The running result: enabled codes and, for `mcred config`, why each is off."""

    enabled: set[str]
    reasons: dict[str, str] = field(default_factory=dict)

    def apply(self, layer: Layer, codes: Iterable[str]) -> None:
        candidates = [(s, True) for s in (*(layer.select or ()), *layer.extend_select)]
        candidates += [(s, False) for s in layer.ignore]
        for code in codes:
            matching = [(s.specificity, not on, s) for s, on in candidates if code in s.codes]
            if matching:
                _, ignored, selector = max(matching, key=lambda m: m[:2])
                self._set(code, not ignored, f"ignored by `{selector.text}`"
                          f"{_at(selector.origin)}")
            elif layer.select is not None:
                chosen = ", ".join(f"`{s.text}`" for s in layer.select)
                self._set(code, False, f"not selected by {chosen or 'an empty select'}"
                          f"{_at(layer.origin)}")

    def _set(self, code: str, on: bool, why: str) -> None:
        if on:
            self.enabled.add(code)
            self.reasons.pop(code, None)
        else:
            self.enabled.discard(code)
            self.reasons[code] = why


def _at(origin: str) -> str:
    return f" ({origin})" if origin else ""
