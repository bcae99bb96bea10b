"""CTDL (Credential Engine) JSON-LD → designs: credentials and learning opportunities, as
the registry publishes them (one resource, or a ``@graph`` with its organisations)."""

from __future__ import annotations

from typing import Any

from mcred.importers import vocab
from mcred.importers.draft import Draft, language_maps, plain_text, text_value
from mcred.importers.jsonld import Graph, Node, compact, langmap

OPPORTUNITIES = {"LearningOpportunityProfile", "Course", "LearningProgram"}
DELIVERY = {"OnlineOnly": "online", "InPerson": "onsite", "BlendedDelivery": "blended"}
READS = {"name", "description", "ownedBy", "offeredBy", "estimatedDuration", "creditValue",
         "inLanguage", "learningDeliveryType", "requires", "teaches", "estimatedCost",
         "subjectWebpage", "ctid", "@id", "@type", "id", "type"}


def _key(node: Node, name: str) -> str:
    return f"ceterms:{name}" if f"ceterms:{name}" in node.data else name


def _get(node: Node, name: str) -> Any:
    return node.data.get(_key(node, name))


def _resources(graph: Graph) -> list[Node]:
    root = graph.root
    items = root.get("@graph")
    nodes = ([Node(v, ("@graph", i)) for i, v in enumerate(items) if isinstance(v, dict)]
             if isinstance(items, list) else [root])
    for node in nodes:
        ident = node.get("@id")
        if isinstance(ident, str):
            graph.by_id.setdefault(ident, node)
    return [n for n in nodes if _is_offer(n)]


def _is_offer(node: Node) -> bool:
    types = node.types
    return bool(types & OPPORTUNITIES) or any(
        t.endswith(("Credential", "Certificate", "Badge", "Certification", "Degree",
                    "Diploma", "License")) for t in types)


def import_ctdl(graph: Graph, source: str) -> list[Draft]:
    drafts = []
    for node in _resources(graph):
        draft = Draft(source, "ctdl", root=node.path)
        _read(graph, draft, node)
        drafts.append(draft)
    return drafts


def _text(draft: Draft, path: tuple[str | int, ...], node: Node, name: str) -> None:
    lang = draft.data.get("language")
    primary = lang if isinstance(lang, str) else None
    texts = {(primary or t) if t == "und" else t: v for t, v in langmap(_get(node, name)).items()}
    value = text_value(texts, primary)
    draft.put(path, value, node.at(_key(node, name)))
    for tag in value if isinstance(value, dict) else ():
        draft.where((*path, tag), node.at(_key(node, name), tag))


def _read(graph: Graph, draft: Draft, node: Node) -> None:
    languages = _get(node, "inLanguage")
    first = languages[0] if isinstance(languages, list) and languages else languages
    if language_maps():
        draft.put(("language",), vocab.language_tag(first), node.at(_key(node, "inLanguage")))
    _text(draft, ("title",), node, "name")
    _text(draft, ("summary",), node, "description")
    owners = list(graph.nodes(node, _key(node, "ownedBy"))) or list(
        graph.nodes(node, _key(node, "offeredBy")))
    for n, owner in enumerate(owners):
        draft.where(("awarding_bodies", n), owner.path)
        draft.put(("awarding_bodies", n, "name"), plain_text(langmap(_get(owner, "name")), "en"),
                  owner.at(_key(owner, "name")))
    _workload(graph, draft, node)
    for i, tag in enumerate(languages if isinstance(languages, list) else [languages]):
        draft.put(("languages", i), vocab.language_tag(tag), node.at(_key(node, "inLanguage")))
    _delivery(draft, node)
    condition = next(graph.nodes(node, _key(node, "requires")), None)
    if condition is not None:
        _text(draft, ("prerequisites",), condition, "description")
    for n, competency in enumerate(graph.nodes(node, _key(node, "teaches"))):
        draft.where(("learning_outcomes", n), competency.path)
        _text(draft, ("learning_outcomes", n, "text"), competency, "targetNodeName")
        target = _get(competency, "targetNode")
        if isinstance(target, str) and target.startswith("http://data.europa.eu/esco/"):
            draft.put(("learning_outcomes", n, "esco", 0), target,
                      competency.at(_key(competency, "targetNode")))
    cost = next(graph.nodes(node, _key(node, "estimatedCost")), None)
    if cost is not None:
        currency = _get(cost, "currency")
        draft.put(("fee", "amount"), vocab.number(_get(cost, "price")), cost.path)
        draft.put(("fee", "currency"), currency if isinstance(currency, str) else None, cost.path)
    page = _get(node, "subjectWebpage")
    draft.put(("further_information",), page if isinstance(page, str) else None,
              node.at(_key(node, "subjectWebpage")))
    _leftovers(draft, node)


def _workload(graph: Graph, draft: Draft, node: Node) -> None:
    for duration in graph.nodes(node, _key(node, "estimatedDuration")):
        hours = vocab.duration_hours(_get(duration, "exactDuration"))
        draft.put(("workload", "hours_total"), hours, duration.at(_key(duration, "exactDuration")))
    for credit in graph.nodes(node, _key(node, "creditValue")):
        value = vocab.number(credit.get("schema:value") or credit.get("value"))
        units = str(credit.get("ceterms:creditUnitType") or credit.get("schema:unitText") or "")
        if "ECTS" in units.upper() or "EuropeanCredit" in units:
            draft.put(("workload", "ects"), value, credit.path)
        elif value is not None:
            draft.put(("workload", "other_credits", "value"), value, credit.path)
            draft.put(("workload", "other_credits", "system"), units[:80] or "CTDL credit",
                      credit.path)


def _leftovers(draft: Draft, node: Node) -> None:
    for key, value in node.data.items():
        short = key.split(":")[-1]
        if short in READS:
            continue
        small = compact(value)
        if small is None:
            draft.drop(short)
        else:
            draft.keep(short, small, node.at(key))


def _delivery(draft: Draft, node: Node) -> None:
    kinds = _get(node, "learningDeliveryType")
    for kind in kinds if isinstance(kinds, list) else [kinds]:
        target = kind.get("ceterms:targetNode") if isinstance(kind, dict) else kind
        value = DELIVERY.get(str(target or "").split(":")[-1])
        if value:
            draft.put(("participation",), value, node.at(_key(node, "learningDeliveryType")))
            return
