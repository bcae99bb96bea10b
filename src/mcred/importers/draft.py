"""A design under construction: values with where each came from, and what was left out."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.util import find_spec
from typing import Any

from mcred.findings import Issue, KeyPath

SourcePath = tuple[str | int, ...]  # a JSON path, or (row, column) in a spreadsheet


@dataclass
class Draft:
    """One imported design.

    ``origins`` maps each design key path to the source element it came from; a finding
    about a missing key is placed on the nearest enclosing element that has one, down to
    ``root`` (the object the design describes). ``mapped``, ``kept`` and ``dropped`` feed
    ``--report``; ``issues`` are problems with the source itself (a bad cell, an unknown
    context).
    """

    source: str
    format: str
    root: SourcePath = ()
    data: dict[str, Any] = field(default_factory=lambda: {"mcred": 1})
    origins: dict[KeyPath, SourcePath] = field(default_factory=dict)
    mapped: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    label: str = ""

    def put(self, path: KeyPath, value: Any, origin: SourcePath | None) -> None:
        """Set ``value`` at ``path``, creating the mappings and list items on the way."""
        if value is None or value == [] or value == {}:
            return
        target: Any = self.data
        for i, part in enumerate(path[:-1]):
            nxt: Any = [] if isinstance(path[i + 1], int) else {}
            target = _child(target, part, nxt)
        last = path[-1]
        if isinstance(last, int) and isinstance(target, list):
            while len(target) <= last:
                target.append(None)
            target[last] = value
        elif isinstance(target, dict):
            target[last] = value
        if origin is not None:
            self.origins.setdefault(path, origin)
            if not str(path[0]).startswith("x-"):
                self.mapped.append(".".join(str(p) for p in path))

    def where(self, path: KeyPath, origin: SourcePath) -> None:
        """Record the source element of a container (where its missing keys would go)."""
        self.origins.setdefault(path, origin)

    def keep(self, name: str, value: Any, origin: SourcePath | None = None) -> None:
        """Keep a source property the format cannot hold under ``x-<format>``."""
        if value is None:
            return
        self.put((f"x-{self.format}", name), value, origin)
        self.kept.append(name)

    def drop(self, name: str) -> None:
        self.dropped.append(name)

    def origin_of(self, path: KeyPath) -> SourcePath:
        """The source element for a design key path: its own, else its nearest ancestor's."""
        probe = path
        while probe:
            found = self.origins.get(probe)
            if found is not None:
                return found
            probe = probe[:-1]
        return self.root


def _child(target: Any, part: str | int, empty: Any) -> Any:
    if isinstance(target, list) and isinstance(part, int):
        while len(target) <= part:
            target.append(None)
        if target[part] is None:
            target[part] = empty
        return target[part]
    if isinstance(target, dict):
        return target.setdefault(part, empty)
    raise TypeError(f"cannot set {part!r} inside {type(target).__name__}")


def language_maps() -> bool:
    """Whether the design model takes language maps (``{en: …, es: …}``) for texts."""
    return find_spec("mcred.langtext") is not None


def plain_text(texts: dict[str, str], primary: str | None) -> str | None:
    """One string from a language map (names are never language maps in the format)."""
    value = text_value(texts, primary)
    if isinstance(value, dict):
        return next(iter(value.values()), None)
    return value


def text_value(texts: dict[str, str], primary: str | None) -> str | dict[str, str] | None:
    """A design text from a language map: the map itself when the model takes maps and
    there is more than one language; otherwise the text in the design's language."""
    texts = {k: v for k, v in texts.items() if isinstance(v, str) and v.strip()}
    if not texts:
        return None
    if set(texts) == {"und"}:
        return texts["und"]  # a plain string: the design's own language
    same = [text for tag, text in texts.items() if primary is not None
            and tag.split("-")[0].lower() == primary.split("-")[0].lower()]
    if language_maps() and (len(texts) > 1 or not same):
        return texts  # other languages than the design's stay tagged
    return same[0] if same else next(iter(texts.values()))
