"""What every exporter shares: loading a design for export, ids, language and label lookups."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from mcred.engine import FileResult
from mcred.findings import Finding, Severity
from mcred.langtext import declared_language, pick
from mcred.model import Design
from mcred.plain import Design as PlainDesign

EQF_URI = "http://data.europa.eu/snb/eqf/{level}"
ISCED_URI = "http://data.europa.eu/snb/isced-f/{code}"
LANGUAGE_URI = "http://publications.europa.eu/resource/authority/language/{code}"
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
COUNTRY_URI = "http://publications.europa.eu/resource/authority/country/{code}"


def data_file(name: str) -> Traversable:
    """A standards file shipped with mcred (see ``data/NOTICE.md``)."""
    return resources.files("mcred.export") / "data" / name


class ExportError(Exception):
    """The design cannot be exported; the message says why and what to do."""


class MissingExtra(ExportError):
    """An optional dependency is not installed (an environment problem: exit 2)."""


@dataclass
class Loaded:
    """A design ready to export, with the findings that linting it produced."""

    path: str
    design: Design | None
    findings: list[Finding] = field(default_factory=list)
    result: FileResult | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity >= Severity.ERROR]


def load_design(path: Path, display: str | None = None) -> Loaded:
    """Read, load and lint one design with the default rules (the same engine as ``lint``)."""
    from mcred.runner import lint_source
    from mcred.settings import LintSettings
    from mcred.sources import read_path

    name = display or path.as_posix()
    settings = LintSettings()
    source = read_path(path, name, settings.max_file_size)
    result = lint_source(source, settings)
    design = without_controls(result.design) if result.design is not None else None
    return Loaded(name, design, result.findings, result)


def without_controls(design: Design | PlainDesign) -> Design:
    """Drop C0 control characters (e.g. a `"\\a"` escape in a quoted string) from every string.

    Published documents must carry the text a reader sees, never invisible bytes.
    """
    data = (design.to_data(exclude_unset=True) if isinstance(design, PlainDesign)
            else design.model_dump(exclude_unset=True))
    return Design.model_validate(_clean(data))


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _CONTROLS.sub("", value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def design_id(design: Design, path: str) -> str:
    """The catalogue id: the design's ``id`` or the file stem (as the format documents)."""
    if design.id:
        return design.id
    stem = Path(path).stem.lower()
    cleaned = "".join(c if c.isalnum() or c in "._-" else "-" for c in stem).strip("-.")
    return cleaned or "design"


def language_code3(tag: str) -> str | None:
    """ISO 639-3 code (upper case, as the EU language authority uses) for a BCP 47 tag."""
    import pycountry

    primary = tag.split("-")[0].lower()
    entry = (pycountry.languages.get(alpha_2=primary) if len(primary) == 2
             else pycountry.languages.get(alpha_3=primary))
    code = getattr(entry, "alpha_3", None)
    return code.upper() if isinstance(code, str) else None


def country_code3(alpha2: str) -> str | None:
    """ISO 3166-1 alpha-3 code (the EU country authority's notation) for an alpha-2 code."""
    import pycountry

    entry = pycountry.countries.get(alpha_2=alpha2.upper())
    code = getattr(entry, "alpha_3", None)
    return code if isinstance(code, str) else None


@cache
def _isced_labels() -> dict[str, str]:
    loaded: dict[str, str] = json.loads(data_file("elm3/isced-f-labels.json").read_text("utf-8"))
    return loaded


def isced_label(code: str) -> str | None:
    """English label of an ISCED-F 2013 code from the EU vocabulary (``0413`` → ``Management
    and administration``); ``None`` for a code the vocabulary does not have."""
    return _isced_labels().get(code)


def is_iri(text: str) -> bool:
    """An absolute IRI JSON-LD keeps (a relative or spaced one silently vanishes from the
    graph); only web links (see mcred.links) and `urn:` names, never `javascript:` & co."""
    from mcred.links import scheme, web_link

    if _IRI.match(text) is None:
        return False
    return scheme(text) == "urn" or web_link(text) is not None


def language_name(tag: str) -> str | None:
    """English name of a language (``es`` → ``Spanish``), for labels."""
    import pycountry

    primary = tag.split("-")[0].lower()
    entry = (pycountry.languages.get(alpha_2=primary) if len(primary) == 2
             else pycountry.languages.get(alpha_3=primary))
    name = getattr(entry, "name", None)
    return name if isinstance(name, str) else None


def iso_duration_hours(hours: float) -> str:
    """``135`` → ``PT135H``; ``67.5`` → ``PT67H30M`` (xsd:duration: decimals in seconds only)."""
    minutes = round(hours * 60)
    whole, rest = divmod(minutes, 60)
    return f"PT{whole}H" + (f"{rest}M" if rest else "") if minutes else "PT0H"


def hours_text(value: float) -> str:
    """``135`` → ``135``, ``7.5`` → ``7.5``: numbers as a designer wrote them."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def outcome_lines(design: Design, lang: str | None) -> list[str]:
    """The outcome texts in ``lang`` (see :func:`mcred.langtext.pick`), skipping empty ones."""
    texts = (pick(lo.text, lang) for lo in design.learning_outcomes)
    return [text.strip() for text in texts if text is not None]


def text_language(design: Design) -> str | None:
    """The language an export's single-language texts are taken in: the design's own."""
    return declared_language(design.language, design.languages)
