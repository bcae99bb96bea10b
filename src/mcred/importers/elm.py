"""ELM 3 (Europass) JSON-LD → designs: credentials, qualifications, achievement
specifications and learning opportunities, wherever ELM puts the Annex I elements."""

from __future__ import annotations

import datetime as dt
import re

from mcred.importers import vocab
from mcred.importers.draft import Draft, text_value
from mcred.importers.elm_parts import assessments, bodies, quality, recognition
from mcred.importers.jsonld import Graph, Node, compact, ident, langmap
from mcred.importers.jsonpos import JsonPath

SPEC_TYPES = {"Qualification", "LearningAchievementSpecification"}
# What each part of the importer reads from the specification node.
SPEC_READS = {"id", "type", "title", "description", "learningOutcome", "eqfLevel", "nqfLevel",
              "thematicArea", "creditPoint", "volumeOfLearning", "maximumDuration", "mode",
              "language", "entryRequirement", "provenBy", "accreditation",
              "awardingOpportunity", "additionalNote", "isPartOf", "learningOutcomeSummary"}


def import_elm(graph: Graph, source: str) -> list[Draft]:
    """One design per specification the document describes (usually one)."""
    drafts = []
    for spec, context in _specifications(graph):
        draft = Draft(source, "elm", root=spec.path)
        ElmReader(graph, draft, spec, context).read()
        drafts.append(draft)
    return drafts


def _specifications(graph: Graph) -> list[tuple[Node, list[Node]]]:
    """(specification, the nodes around it: opportunity, claim, credential), once each.

    The document is one node, or a ``@graph`` of them; learning opportunities and
    credentials come first, so a specification they point at is read with them.
    """
    items = graph.root.get("@graph")
    nodes = ([Node(v, ("@graph", i)) for i, v in enumerate(items) if isinstance(v, dict)]
             if isinstance(items, list) else [graph.root])
    found: dict[JsonPath, tuple[Node, list[Node]]] = {}
    for node in sorted(nodes, key=lambda n: bool(n.types & SPEC_TYPES)):
        for spec, around in _around(graph, node):
            found.setdefault(spec.path, (spec, around))
    return list(found.values())


def _around(graph: Graph, node: Node) -> list[tuple[Node, list[Node]]]:
    if node.types & SPEC_TYPES:
        return [(node, [])]
    if "LearningOpportunity" in node.types:
        spec = graph.first(node, "learningAchievementSpecification")
        return [(spec or node, [node])]
    return [(spec, [claim, node]) for subject in graph.nodes(node, "credentialSubject")
            for claim in graph.nodes(subject, "hasClaim")
            if "LearningAchievement" in claim.types
            and (spec := graph.first(claim, "specifiedBy")) is not None]


class ElmReader:
    """Reads one specification, and the nodes around it that hold what a specification
    cannot (a learning opportunity's dates and price, a credential's awarding body)."""

    def __init__(self, graph: Graph, draft: Draft, spec: Node, around: list[Node]) -> None:
        self.graph, self.draft, self.spec, self.around = graph, draft, spec, around
        self.lang = _primary_language(graph, spec)

    def text(self, design_path: tuple[str | int, ...], node: Node, key: str) -> None:
        texts = {(self.lang or t) if t == "und" else t: v
                 for t, v in langmap(node.get(key)).items()}
        value = text_value(texts, self.lang)
        if value is None:
            return
        if isinstance(value, dict):
            self.draft.put(design_path, value, node.at(key))
            for lang in value:
                self.draft.where((*design_path, lang), node.at(key, lang))
            return
        tag = next((t for t, v in texts.items() if v == value), None)
        others = sorted(t for t in texts if t != tag)
        if others:
            self.draft.drop(f"{'/'.join(map(str, node.at(key)))} in {', '.join(others)}")
        inner = node.at(key, tag) if tag and isinstance(node.get(key), dict) else node.at(key)
        self.draft.put(design_path, value, inner)

    def read(self) -> None:
        spec, d = self.spec, self.draft
        d.put(("id",), _design_id(ident(spec)), None)
        if self.lang and _languages_supported():
            d.put(("language",), self.lang, spec.at("language"))
        self.text(("title",), spec, "title")
        self.text(("summary",), spec, "description")
        bodies.read(self)
        self.level()
        self.outcomes()
        self.workload()
        self.setting()
        entry = self.note(spec, "entryRequirement")
        if entry is not None:
            self.text(("prerequisites",), entry, "noteLiteral")
        assessments.read(self)
        quality.read(self)
        recognition.read(self)
        for around in self.around:
            if "LearningOpportunity" in around.types:
                self.opportunity(around)
        self.leftovers()

    def note(self, node: Node, key: str) -> Node | None:
        found = self.graph.first(node, key)
        return found if found is not None and "noteLiteral" in found.data else None

    def level(self) -> None:
        eqf = self.graph.first(self.spec, "eqfLevel")
        level = vocab.eqf_level(ident(eqf))
        if eqf is not None:
            self.draft.put(("level", "eqf"), level, eqf.path)
            if level is None:  # not a URI of the EQF vocabulary: kept as published
                self.draft.keep("eqfLevel", ident(eqf), eqf.path)
        nqf = self.graph.first(self.spec, "nqfLevel")
        if nqf is not None:
            self.draft.put(("level", "nqf"), ident(nqf), nqf.path)
        areas = list(self.graph.nodes(self.spec, "thematicArea"))
        codes = [(vocab.isced_code(ident(a)), a) for a in areas]
        known = [(c, a) for c, a in codes if c]
        if known:
            self.draft.put(("field_of_education",), known[0][0], known[0][1].path)
        if len(known) > 1:
            self.draft.keep("thematicArea", [c for c, _ in known[1:]], self.spec.at("thematicArea"))

    def outcomes(self) -> None:
        n = 0
        summary = self.note(self.spec, "learningOutcomeSummary")
        for lo in self.graph.nodes(self.spec, "learningOutcome"):
            if not langmap(lo.get("title")):
                continue
            base = ("learning_outcomes", n)
            self.draft.where(base, lo.path)
            self.text((*base, "text"), lo, "title")
            esco = [(ident(s), s) for s in self.graph.nodes(lo, "relatedESCOSkill")]
            for i, (uri, skill) in enumerate((u, s) for u, s in esco if u):
                self.draft.put((*base, "esco", i), uri, skill.path)
            n += 1
        if summary is not None and n == 0:
            # Outcomes only as a summary note: one outcome per line of it.
            texts = langmap(summary.get("noteLiteral"))
            text = texts.get(self.lang or "", next(iter(texts.values()), ""))
            for i, line in enumerate(t.strip(" -•*\t") for t in text.splitlines()):
                self.draft.put(("learning_outcomes", i, "text"), line or None,
                               summary.at("noteLiteral"))
        elif summary is not None:
            self.draft.keep("learningOutcomeSummary", compact(summary.data), summary.path)

    def workload(self) -> None:
        spec, d = self.spec, self.draft
        for credit in self.graph.nodes(spec, "creditPoint"):
            framework = ident(self.graph.first(credit, "framework"))
            system = vocab.lookup("credit_systems", framework)
            points = vocab.number(credit.get("point"))
            if system == "ECTS":
                d.put(("workload", "ects"), points, credit.at("point"))
            elif points is not None:
                d.put(("workload", "other_credits", "system"), system or framework, credit.path)
                d.put(("workload", "other_credits", "value"), points, credit.at("point"))
        d.put(("workload", "hours_total"), vocab.duration_hours(spec.get("volumeOfLearning")),
              spec.at("volumeOfLearning"))
        weeks = vocab.duration_weeks(spec.get("maximumDuration"))
        d.put(("workload", "duration_weeks"), weeks, spec.at("maximumDuration"))
        if weeks is None:
            d.keep("maximumDuration", spec.get("maximumDuration"), spec.at("maximumDuration"))

    def setting(self) -> None:
        for node in (self.spec, *self.around):
            mode = self.graph.first(node, "mode")
            value = vocab.lookup("participation", ident(mode))
            if mode is not None and "participation" not in self.draft.data:
                self.draft.put(("participation",), value, mode.path)
                if value is None:  # e.g. "Project based": no design value says that
                    self.draft.keep("mode", ident(mode), mode.path)
        tags = [(vocab.language_tag(ident(n)), n) for n in self.graph.nodes(self.spec, "language")]
        for i, (tag, node) in enumerate((t, n) for t, n in tags if t):
            self.draft.put(("languages", i), tag, node.path)

    def opportunity(self, opp: Node) -> None:
        d = self.draft
        period = self.graph.first(opp, "temporal")
        if period is not None:
            for key, name in (("startDate", "start"), ("endDate", "end")):
                day = _date(period.get(key))
                d.put(("schedule", name), day, period.at(key))
        for price in self.graph.nodes(opp, "priceDetail"):
            amount = vocab.number(price.get("amount"))
            currency = re.search(r"/currency/([A-Z]{3})$", ident(self.graph.first(
                price, "currency")) or "")
            if amount == 0:
                d.put(("fee", "free"), True, price.at("amount"))
            else:
                d.put(("fee", "amount"), amount, price.at("amount"))
            d.put(("fee", "currency"), currency.group(1) if currency else None,
                  price.at("currency"))
            break

    def leftovers(self) -> None:
        """Specification properties not mapped are kept under ``x-elm``; the rest of the
        credential (the learner, display images, signatures) is listed as dropped."""
        for key, value in self.spec.data.items():
            if key in SPEC_READS or key.startswith("@"):
                continue
            small = compact(value)
            if small is None:
                self.draft.drop(key)
            else:
                self.draft.keep(key, small, self.spec.at(key))
        for node in self.around:
            for key in node.data:
                if key not in _READ_AROUND:
                    where = "/".join(map(str, node.path)) or "/".join(sorted(node.types))
                    self.draft.drop(f"{where}: {key}")


_READ_AROUND = {"id", "type", "@context", "specifiedBy", "credentialSubject", "awardedBy",
                "provenBy", "title", "learningAchievementSpecification", "temporal", "hasPart",
                "priceDetail", "mode"}


def _primary_language(graph: Graph, spec: Node) -> str | None:
    display = graph.first(graph.root, "displayParameter")
    if display is not None:
        tag = vocab.language_tag(ident(graph.first(display, "primaryLanguage")))
        if tag:
            return tag
    for node in graph.nodes(spec, "language"):
        tag = vocab.language_tag(ident(node))
        if tag:
            return tag
    title = [t for t in langmap(spec.get("title")) if t != "und"]
    return title[0].split("-")[0] if title else None


def _languages_supported() -> bool:
    from mcred.importers.draft import language_maps

    return language_maps()


def _design_id(uri: str | None) -> str | None:
    """The last segment of the specification's id, when it makes a valid design id."""
    if not uri:
        return None
    tail = re.split(r"[:/#]", uri.rstrip("/"))[-1].lower()
    return tail if re.fullmatch(r"[a-z0-9][a-z0-9._-]*", tail) and not tail.isdigit() else None


def _date(value: object) -> dt.date | None:
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
