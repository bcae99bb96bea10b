"""ELM organisations → ``awarding_bodies`` (name, country, legal identifier, web site)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mcred.importers import vocab
from mcred.importers.draft import plain_text
from mcred.importers.jsonld import Graph, Node, ident, langmap

if TYPE_CHECKING:
    from mcred.importers.elm import ElmReader


def awarding_bodies(reader: ElmReader) -> list[Node]:
    """The specification's awarding bodies; else the credential's awarding process; else
    its issuer (who, in a credential, is the awarding body's delegate at least)."""
    graph, spec = reader.graph, reader.spec
    found = [body for opp in graph.nodes(spec, "awardingOpportunity")
             for body in graph.nodes(opp, "awardingBody")]
    for node in reader.around:
        if not found:
            found = [body for process in graph.nodes(node, "awardedBy")
                     for body in graph.nodes(process, "awardingBody")]
    if not found and reader.around:
        found = list(graph.nodes(reader.around[-1], "issuer"))
    unique: dict[str, Node] = {}
    for body in found:
        unique.setdefault(ident(body) or str(body.path), body)
    return list(unique.values())


def read(reader: ElmReader) -> None:
    for n, body in enumerate(awarding_bodies(reader)):
        base = ("awarding_bodies", n)
        reader.draft.where(base, body.path)
        organisation(reader.graph, reader.draft.put, base, body, reader.lang)


def organisation(graph: Graph, put: object, base: tuple[str | int, ...], body: Node,
                 lang: str | None) -> None:
    """Name, country, legal identifier and web site of one organisation."""
    assert callable(put)
    name = plain_text(langmap(body.get("legalName") or body.get("prefLabel")), lang)
    key = "legalName" if body.get("legalName") else "prefLabel"
    put((*base, "name"), name, body.at(key))
    countries = [country for location in graph.nodes(body, "location")
                 for address in graph.nodes(location, "address")
                 if (country := graph.first(address, "countryCode")) is not None]
    if countries:
        put((*base, "country"), vocab.country_code(ident(countries[0])), countries[0].path)
    legal = ident(body)
    if legal and legal.startswith(("http://", "https://")):
        put((*base, "legal_id"), legal, body.at("id"))
    else:
        for key in ("registration", "vatIdentifier", "eoriNumber", "identifier"):
            node = graph.first(body, key)
            notation = node.get("notation") if node is not None else None
            if node is not None and isinstance(notation, str | int) and str(notation).strip("0"):
                put((*base, "legal_id"), str(notation), node.at("notation"))
                break
    homepage = graph.first(body, "homepage")
    url = homepage.get("contentURL") if homepage is not None else None
    if homepage is not None and isinstance(url, str):
        put((*base, "url"), url, homepage.at("contentURL"))
