"""Design → ELM 3 ``Qualification`` in JSON-LD (contexts credentials/v1 + edc-ap).

Controlled values use the EU vocabularies' URIs (EQF, ISCED-F, modes, assessment types,
credit systems, the language and country authorities). Validation (rdflib + pyshacl, the
``elm`` extra) is imported only by :func:`validate`.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcred.export.common import (
    COUNTRY_URI,
    EQF_URI,
    ISCED_URI,
    LANGUAGE_URI,
    ExportError,
    MissingExtra,
    country_code3,
    data_file,
    design_id,
    hours_text,
    is_iri,
    isced_label,
    iso_duration_hours,
    language_code3,
    language_name,
    text_language,
)
from mcred.langtext import LangText, has_text, prerequisite_text, variants
from mcred.links import is_link, published
from mcred.model import Design
from mcred.model.identity import AwardingBody

CONTEXT = [
    "https://www.w3.org/2018/credentials/v1",
    "http://data.europa.eu/snb/model/context/edc-ap",
]
CONTEXT_FILES = {
    CONTEXT[0]: "w3c/credentials-v1.jsonld",
    CONTEXT[1]: "elm3/edc-ap-context.jsonld",
}
GENERIC_SHAPES = ("elm3/EDC-generic-no-cv.ttl", "elm3/EDC-generic-full.ttl")
LOQ_SHAPES = ("elm3/LOQ-constraints.ttl",)
ELM = "http://data.europa.eu/snb/model/elm/"

SNB = "http://data.europa.eu/snb/"
SCHEMES = {
    "eqf": SNB + "eqf/25831c2",
    "isced": SNB + "isced-f/25831c2",
    "mode": SNB + "learning-assessment/25831c2",
    "assessment": SNB + "assessment/25831c2",
    "credit": SNB + "education-credit/25831c2",
    "accreditation": SNB + "accreditation/25831c2",
    "qdr": SNB + "qdr/25831c2",
    "language": "http://publications.europa.eu/resource/authority/language",
    "country": "http://publications.europa.eu/resource/authority/country",
    "esco": "http://data.europa.eu/esco/concept-scheme/skills",
}
ECTS = (SNB + "education-credit/6fcec5c5af", "European Credit Transfer System")
MODES = {
    "online": ("920fbb3cbe", "Online"),
    "onsite": ("9191af2ed9", "Presential"),
    "blended": ("e92d221e4d", "Blended"),
    "work-experience": ("729f3bed4b", "Workbased"),
}
ASSESSMENT_TYPES = {
    "written-exam": ("6e6cb2cc78", "written examination"),
    "oral-exam": ("d30284d7df", "oral examination"),
    "project": ("795dac4096", "project work"),
    "portfolio": ("4f03b91c0e", "portfolio"),
    "quiz": ("b1b68f6735", "quiz"),
    "practical": ("6a4db9f11d", "practical assessment"),
    "peer-assessment": ("19a2e5e671", "peer assessment"),
    "assignment": ("2939dae15f", "marked assignment"),
    "attendance": ("7331eb4762", "level of attendance"),
    "participation": ("3484bd7e51", "continuous evaluation"),
}
ACCREDITATION_TYPES = {
    "external-institutional": ("bb4618238e", "Institutional Quality Assurance"),
    "external-programme": ("820101cba6", "Program Quality Assurance"),
}


def qualification(design: Design, path: str, lang: str | None = None,
                  base_url: str | None = None) -> dict[str, Any]:
    """The ELM ``Qualification`` for a design.

    ELM texts are language maps: a language map of the design is exported whole, a plain
    text under ``lang`` (default: the design's `language`, else the first of `languages`,
    else English).
    """
    lang = lang or text_language(design) or "en"
    return _Builder(design, design_id(design, path), lang, base_url).build()


@dataclass
class _Builder:
    design: Design
    ident: str
    lang: str
    base_url: str | None
    counters: dict[str, int] = field(default_factory=dict)
    orgs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def uri(self, kind: str) -> str:
        n = self.counters[kind] = self.counters.get(kind, 0) + 1
        if self.base_url:
            return f"{self.base_url.rstrip('/')}/{self.ident}/{kind}/{n}"
        return f"urn:epass:{kind}:{self.ident}-{n}"

    def text(self, value: LangText) -> dict[str, str]:
        """A JSON-LD language map: every language of a map, a plain text in ``lang``."""
        found = {tag or self.lang: text for tag, text in variants(value) if text.strip()}
        return found or {self.lang: ""}

    def note(self, value: LangText) -> dict[str, Any]:
        return {"id": self.uri("note"), "type": "Note", "noteLiteral": self.text(value)}

    def build(self) -> dict[str, Any]:
        d = self.design
        q: dict[str, Any] = {
            "@context": CONTEXT,
            "id": self.qid(),
            "type": "Qualification",
        }
        if d.title:
            q["title"] = self.text(d.title)
        if d.summary:
            q["description"] = self.text(d.summary)
        outcomes = [self.outcome(i, lo.id, lo.text, lo.esco)
                    for i, lo in enumerate(d.learning_outcomes, 1) if lo.text]
        if outcomes:
            q["learningOutcome"] = outcomes
        self.level(q)
        if d.field_of_education:
            code = d.field_of_education
            q["thematicArea"] = _concept(ISCED_URI.format(code=code), "isced",
                                         isced_label(code) or f"ISCED-F 2013 {code}")
        self.workload(q)
        if d.participation in MODES:
            code, label = MODES[d.participation]
            q["mode"] = _concept(f"{SNB}learning-assessment/{code}", "mode", label)
        languages = {three: language_name(tag) for tag in d.languages
                     if (three := language_code3(tag))}
        if languages:
            q["language"] = [_concept(LANGUAGE_URI.format(code=three), "language", name)
                             for three, name in languages.items()]
        requirement = _prerequisites(d)
        if requirement:
            q["entryRequirement"] = self.note(requirement)
        assessments = [self.assessment(a.type, a.weight, a.criteria)
                       for a in d.assessment if a.type]
        if assessments:
            q["provenBy"] = assessments
        accreditation = self.accreditation()
        if accreditation:
            q["accreditation"] = [accreditation]
        bodies = [self.organisation(b) for b in d.awarding_bodies
                  if b.name and country_code3(b.country or "")]
        if bodies:
            q["awardingOpportunity"] = [{"id": self.uri("awardingOpportunity"),
                                         "type": "AwardingOpportunity",
                                         "awardingBody": bodies,
                                         "learningAchievementSpecification": q["id"]}]
        notes = _recognition_notes(d)
        if notes:
            q["additionalNote"] = [self.note(n) for n in notes]
        page = published(d.further_information)
        if page:
            q["homepage"] = [{"id": self.uri("webResource"), "type": "WebResource",
                              "contentURL": page}]
        return q

    def qid(self) -> str:
        if self.base_url:
            return f"{self.base_url.rstrip('/')}/{self.ident}"
        return f"urn:epass:qualification:{self.ident}"

    def outcome(self, n: int, ident: str | None, text: LangText | None,
                esco: list[str]) -> dict[str, Any]:
        lo: dict[str, Any] = {"id": self.uri("learningOutcome"), "type": "LearningOutcome",
                              "title": self.text(text or "")}
        if esco:
            lo["relatedESCOSkill"] = [_concept(uri, "esco") for uri in esco if is_iri(uri)]
            if not lo["relatedESCOSkill"]:
                del lo["relatedESCOSkill"]
        return lo

    def level(self, q: dict[str, Any]) -> None:
        level = self.design.level
        if level is None:
            return
        if level.eqf is not None:
            q["eqfLevel"] = _concept(EQF_URI.format(level=level.eqf), "eqf",
                                     f"Level {level.eqf}")
        if level.nqf and level.nqf.startswith(SNB + "qdr/") and is_iri(level.nqf):
            q["nqfLevel"] = _concept(level.nqf, "qdr")

    def workload(self, q: dict[str, Any]) -> None:
        w = self.design.workload
        if w is None:
            return
        if w.ects is not None:
            q["creditPoint"] = {"id": self.uri("creditPoint"), "type": "CreditPoint",
                                "framework": _concept(ECTS[0], "credit", ECTS[1]),
                                "point": hours_text(w.ects)}
        if w.hours_total is not None:
            q["volumeOfLearning"] = iso_duration_hours(w.hours_total)
        if w.duration_weeks is not None and float(w.duration_weeks).is_integer():
            # xsd:duration has no weeks: express them in days.
            q["maximumDuration"] = f"P{int(w.duration_weeks) * 7}D"

    def assessment(self, kind: str | None, weight: float | None,
                   criteria: LangText | None) -> dict[str, Any]:
        title = str(kind) + (f" ({hours_text(weight)} %)" if weight is not None else "")
        spec: dict[str, Any] = {"id": self.uri("learningAssessmentSpec"),
                                "type": "LearningAssessmentSpecification",
                                "title": self.text(title)}
        if has_text(criteria):
            spec["description"] = self.text(criteria or "")
        if kind in ASSESSMENT_TYPES:
            code, label = ASSESSMENT_TYPES[kind]
            spec["dcType"] = _concept(f"{SNB}assessment/{code}", "assessment", label)
        return spec

    def accreditation(self) -> dict[str, Any] | None:
        """External QA as an ``Accreditation``.

        The format does not record the QA body's country, so its location is taken from
        the (first) awarding body: national agencies accredit institutions of their country.
        """
        qa = self.design.quality_assurance
        body = next((b for b in self.design.awarding_bodies
                     if b.name and country_code3(b.country or "")), None)
        if qa is None or qa.external is None or not qa.external.body or body is None:
            return None
        kind = "external-institutional" if "external-institutional" in qa.type else \
            "external-programme"
        code, label = ACCREDITATION_TYPES[kind]
        agent = AwardingBody(name=qa.external.body, country=body.country)
        accreditation: dict[str, Any] = {
            "id": self.uri("accreditation"), "type": "Accreditation",
            "dcType": _concept(f"{SNB}accreditation/{code}", "accreditation", label),
            "title": self.text(f"{label} by {qa.external.body}"),
            "accreditingAgent": self.organisation(agent),
            "organisation": self.organisation(body),
        }
        if qa.external.last_review:
            accreditation["dateIssued"] = _datetime(qa.external.last_review)
        return accreditation

    def organisation(self, body: AwardingBody) -> dict[str, Any]:
        """An ``Organisation`` node; the same body always gets the same id."""
        key = body.legal_id or body.name or ""
        if key in self.orgs:
            return self.orgs[key]
        legal_iri = body.legal_id if body.legal_id and is_iri(body.legal_id) else None
        org: dict[str, Any] = {"id": legal_iri or self.uri("org"), "type": "Organisation",
                               "legalName": self.text(body.name or "")}
        if body.legal_id and not legal_iri and not is_link(body.legal_id):  # a registry number
            org["identifier"] = {"id": self.uri("identifier"), "type": "Identifier",
                                 "notation": body.legal_id}
        country = country_code3(body.country or "")
        if country:
            org["location"] = {
                "id": self.uri("location"), "type": "Location",
                "address": {"id": self.uri("address"), "type": "Address",
                            "countryCode": _concept(COUNTRY_URI.format(code=country),
                                                    "country", country)},
            }
        if published(body.url):
            org["homepage"] = {"id": self.uri("webResource"), "type": "WebResource",
                               "contentURL": published(body.url)}
        self.orgs[key] = org
        return org


def _concept(uri: str, scheme: str, label: str | None = None) -> dict[str, Any]:
    concept: dict[str, Any] = {"id": uri, "type": "Concept",
                               "inScheme": {"id": SCHEMES[scheme], "type": "ConceptScheme"}}
    if label:
        concept["prefLabel"] = {"en": label}
    return concept


def _datetime(day: dt.date) -> str:
    return day.isoformat() + "T00:00:00Z"


def _prerequisites(design: Design) -> LangText | None:
    text = prerequisite_text(design.prerequisites)
    return text if has_text(text) else None


def _recognition_notes(design: Design) -> list[LangText]:
    rec = design.recognition
    if rec is None:
        return []
    notes: list[LangText] = [p.description for p in rec.pathways if has_text(p.description)
                             and p.description is not None]
    notes += [f"Counts towards {t.name or t.id}" + (f" ({hours_text(t.ects)} ECTS)"
                                                     if t.ects is not None else "")
              for t in rec.towards if t.name or t.id]
    if has_text(rec.rpl):
        notes.append({tag or "": f"Recognition of prior learning: {text}"
                      for tag, text in variants(rec.rpl)} if isinstance(rec.rpl, dict)
                     else f"Recognition of prior learning: {rec.rpl}")
    return notes


# ---------------------------------------------------------------- validation (elm extra)

@dataclass
class ShaclReport:
    """The outcome of SHACL validation: violations, and the types the graph really has."""

    violations: list[str]
    types: dict[str, int]
    profile: str

    @property
    def conforms(self) -> bool:
        return not self.violations


def loq_ready(design: Design) -> list[str]:
    """What the LOQ publishing profile needs that the design lacks (empty: check it)."""
    missing = []
    if not design.title:
        missing.append("title")
    if not design.learning_outcomes:
        missing.append("learning_outcomes")
    if not (design.level and design.level.eqf):
        missing.append("level.eqf")
    nqf = design.level.nqf if design.level else None
    if not (nqf and nqf.startswith(SNB + "qdr/") and is_iri(nqf)):
        missing.append("level.nqf as a URI of the EU NQF vocabulary (http://data.europa.eu/"
                       "snb/qdr/...)")
    if not design.field_of_education:
        missing.append("field_of_education")
    return missing


def validate(document: dict[str, Any], data_dir: Path | None = None,
             profile: str = "generic") -> ShaclReport:
    """SHACL-validate an exported document offline (``generic`` EDC shapes or ``loq``)."""
    try:
        import pyshacl
        from rdflib import RDF, Graph
    except ImportError:
        raise MissingExtra("ELM validation needs rdflib and pyshacl: "
                           "pip install 'mcred[elm]'") from None
    data = _graph(document, data_dir)
    shapes = Graph()
    for name in (LOQ_SHAPES if profile == "loq" else GENERIC_SHAPES):
        shapes.parse(data=_read(name, data_dir), format="turtle")
    _pythonise_patterns(shapes)
    _conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", abort_on_first=False,
        allow_warnings=True, advanced=False)
    types: dict[str, int] = {}
    for cls in data.objects(None, RDF.type):
        name = str(cls).removeprefix(ELM)
        types[name] = types.get(name, 0) + 1
    return ShaclReport(_violations(results), types, profile)


def _pythonise_patterns(shapes: Any) -> None:
    """Rewrite the shapes' Java-flavoured ``sh:pattern``s so Python's ``re`` compiles them.

    The LOQ profile writes ``^(?i)...`` and ``\\p{L}``; Python wants global flags first and
    has no Unicode property classes (``\\w`` is the closest). A pattern that still does not
    compile is dropped rather than crashing the whole validation.
    """
    import re

    from rdflib import Literal, Namespace

    warnings.filterwarnings("ignore", "Possible nested set", FutureWarning)

    sh = Namespace("http://www.w3.org/ns/shacl#")
    for subject, pattern in list(shapes.subject_objects(sh.pattern)):
        text = str(pattern)
        try:
            re.compile(text)
            continue
        except re.error:
            pass
        fixed = text.replace("^(?i)", "(?i)^").replace(r"\p{L}\p{Nl}\p{Nd}", r"\w")
        shapes.remove((subject, sh.pattern, pattern))
        try:
            re.compile(fixed)
        except re.error:
            continue
        shapes.add((subject, sh.pattern, Literal(fixed)))


def _read(name: str, data_dir: Path | None) -> str:
    if data_dir is not None:
        path = data_dir / name
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ExportError(f"{path}: cannot read ({exc.strerror or exc}); --schema-dir "
                              f"must hold {name}") from None
    return data_file(name).read_text(encoding="utf-8")


def _graph(document: dict[str, Any], data_dir: Path | None) -> Any:
    """Parse with every remote context replaced by the local copy: never a network fetch."""
    from rdflib import Graph

    local = dict(document)
    contexts = document.get("@context", [])
    contexts = contexts if isinstance(contexts, list) else [contexts]
    resolved = []
    for ctx in contexts:
        if isinstance(ctx, str):
            if ctx not in CONTEXT_FILES:
                raise ExportError(f"unknown JSON-LD context {ctx!r}: only "
                                  f"{', '.join(CONTEXT_FILES)} are available offline")
            ctx = json.loads(_read(CONTEXT_FILES[ctx], data_dir))["@context"]
        resolved.append(ctx)
    local["@context"] = resolved
    with warnings.catch_warnings():  # rdflib's own use of its deprecated ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        return Graph().parse(data=json.dumps(local), format="json-ld")


def _violations(results: Any) -> list[str]:
    from rdflib import Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    found = []
    for result in results.subjects(sh.resultSeverity, sh.Violation):
        focus = results.value(result, sh.focusNode)
        path = results.value(result, sh.resultPath)
        message = results.value(result, sh.resultMessage)
        found.append(f"{focus} {_short(path)}: {message}")
    return sorted(found)


def _short(node: object) -> str:
    text = str(node) if node is not None else ""
    for prefix in (ELM, "http://purl.org/dc/terms/", "http://www.w3.org/2004/02/skos/core#"):
        text = text.replace(prefix, "")
    return text
