"""Open Badges 3.0 → designs: an Achievement, or the achievement of an AchievementCredential /
OpenBadgeCredential (name, criteria, alignments, credits, language, creator)."""

from __future__ import annotations

import re
from functools import cache

from mcred.importers import vocab
from mcred.importers.draft import Draft, plain_text, text_value
from mcred.importers.jsonld import Graph, Node, compact, ident, langmap
from mcred.importers.narrative import read_narrative

READS = {"id", "type", "name", "description", "criteria", "alignment", "creditsAvailable",
         "fieldOfStudy", "inLanguage", "creator", "humanCode", "tag", "@context",
         "resultDescription"}
CREDENTIAL_READS = {"@context", "id", "type", "credentialSubject", "issuer", "name",
                    "description"}
# OB3 ResultType → the design's grading scheme.
SCHEMES = {"LetterGrade": "letter", "Percent": "numeric", "GradePointAverage": "numeric",
           "RubricScore": "numeric", "ScaledScore": "numeric", "RawScore": "numeric"}


def import_ob3(graph: Graph, source: str) -> list[Draft]:
    root = graph.root
    achievements = [root] if "Achievement" in root.types else [
        a for subject in graph.nodes(root, "credentialSubject")
        for a in graph.nodes(subject, "achievement")]
    drafts = []
    for achievement in achievements:
        draft = Draft(source, "ob3", root=achievement.path)
        _read(graph, draft, achievement, root if achievement is not root else None)
        drafts.append(draft)
    return drafts


def _text(draft: Draft, path: tuple[str | int, ...], node: Node, key: str,
          lang: str | None) -> str | None:
    texts = {(lang or t) if t == "und" else t: v for t, v in langmap(node.get(key)).items()}
    value = text_value(texts, lang)
    draft.put(path, value, node.at(key))
    return next(iter(value.values())) if isinstance(value, dict) else value


def _read(graph: Graph, draft: Draft, ach: Node, credential: Node | None) -> None:
    lang = ach.get("inLanguage") if isinstance(ach.get("inLanguage"), str) else None
    human = ach.get("humanCode")
    if isinstance(human, str) and re.fullmatch(r"[a-z0-9][a-z0-9._-]*", human):
        draft.put(("id",), human, ach.at("humanCode"))
    tag = vocab.language_tag(lang)
    if tag and _maps():
        draft.put(("language",), tag, ach.at("inLanguage"))
    title = _text(draft, ("title",), ach, "name", tag)
    if langmap(ach.get("description")) != langmap(ach.get("name")):
        _text(draft, ("summary",), ach, "description", tag)
    _creator(graph, draft, ach, credential, title)
    skills = _alignments(graph, draft, ach)
    criteria = graph.first(ach, "criteria")
    narrative = criteria.get("narrative") if criteria is not None else None
    if criteria is not None and isinstance(narrative, str):
        read_narrative(draft, narrative, criteria.at("narrative"))
    _skills(draft, skills)
    _grading(graph, draft, ach)
    _assessment_extension(graph, draft, ach)
    credits = vocab.number(ach.get("creditsAvailable"))
    draft.put(("workload", "ects"), credits, ach.at("creditsAvailable"))
    _field(draft, ach)
    draft.put(("languages", 0), tag, ach.at("inLanguage"))
    tags = ach.get("tag")
    for i, word in enumerate(tags if isinstance(tags, list) else []):
        if word in ("online", "onsite", "blended", "volunteering", "work-experience"):
            draft.put(("participation",), word, ach.at("tag", i))
    for key in credential.data if credential is not None else ():
        if key not in CREDENTIAL_READS:
            draft.drop(f"(credential): {key}")
    for key, value in ach.data.items():
        if key not in READS:
            small = compact(value)
            if small is None:
                draft.drop(key)
            else:
                draft.keep(key, small, ach.at(key))


def _grading(graph: Graph, draft: Draft, ach: Node) -> None:
    """The first result description: its type gives the scheme, its values the scale."""
    result = graph.first(ach, "resultDescription")
    if result is None:
        return
    kind = result.get("resultType")
    allowed = [v for v in result.get("allowedValue") or [] if isinstance(v, str)] if isinstance(
        result.get("allowedValue"), list) else []
    scheme = SCHEMES.get(kind) if isinstance(kind, str) else None
    if {v.lower() for v in allowed} in ({"pass", "fail"}, {"passed", "failed"}):
        scheme = "pass-fail"
    draft.put(("grading", "scheme"), scheme, result.at("resultType"))
    low, high = result.get("valueMin"), result.get("valueMax")
    if isinstance(low, str) and isinstance(high, str):
        draft.put(("grading", "scale"), f"{low}-{high}", result.path)
    elif allowed and scheme != "pass-fail":
        draft.put(("grading", "scale"), f"{allowed[0]}-{allowed[-1]}", result.at("allowedValue"))


def _assessment_extension(graph: Graph, draft: Draft, ach: Node) -> None:
    """1EdTech's assessment extension: result descriptions with an ``assessmentType``."""
    if draft.data.get("assessment"):
        return  # the criteria narrative already lists the tasks
    n = 0
    for result in graph.nodes(ach, "resultDescription"):
        kind = vocab.lookup("ob3_assessment", result.get("assessmentType"))
        if kind is None:
            continue
        draft.where(("assessment", n), result.path)
        draft.put(("assessment", n, "type"), kind, result.at("assessmentType"))
        description = result.get("description")
        draft.put(("assessment", n, "criteria"),
                  description if isinstance(description, str) else None, result.at("description"))
        n += 1


def _creator(graph: Graph, draft: Draft, ach: Node, credential: Node | None,
             title: str | None) -> None:
    body = graph.first(ach, "creator") or (
        graph.first(credential, "issuer") if credential is not None else None)
    if body is None:
        return
    base = ("awarding_bodies", 0)
    draft.where(base, body.path)
    draft.put((*base, "name"), plain_text(langmap(body.get("name")), None), body.at("name"))
    address = graph.first(body, "address")
    if address is not None:
        draft.put((*base, "country"), vocab.country_code(address.get("addressCountryCode")),
                  address.at("addressCountryCode"))
    legal = ident(body)
    if legal and legal.startswith(("http://", "https://")) and legal != body.get("url"):
        draft.put((*base, "legal_id"), legal, body.at("id"))
    url = body.get("url")
    if isinstance(url, str):
        draft.put((*base, "url"), url, body.at("url"))
    email = body.get("email")
    if isinstance(email, str):
        draft.put(("contact",), email, body.at("email"))


def _alignments(graph: Graph, draft: Draft, ach: Node) -> list[tuple[str, str, Node]]:
    """EQF and ISCED alignments go to the design; ESCO ones are returned, to be attached
    to the outcome whose text they describe."""
    skills = []
    for alignment in graph.nodes(ach, "alignment"):
        url = str(alignment.get("targetUrl") or "")
        code = alignment.get("targetCode")
        framework = str(alignment.get("targetFramework") or "")
        eqf = vocab.eqf_level(url) or (int(code) if framework.startswith("European Qual")
                                       and isinstance(code, str) and code.isdigit() else None)
        if eqf:
            draft.put(("level", "eqf"), eqf, alignment.at("targetUrl"))
        elif vocab.isced_code(url):
            draft.put(("field_of_education",), vocab.isced_code(url), alignment.at("targetUrl"))
        elif "esco" in url or framework.upper() == "ESCO":
            skills.append((str(alignment.get("targetDescription") or ""), url, alignment))
    return skills


def _skills(draft: Draft, skills: list[tuple[str, str, Node]]) -> None:
    outcomes = draft.data.get("learning_outcomes", [])
    unmatched = []
    for text, url, alignment in skills:
        n = next((i for i, lo in enumerate(outcomes) if lo.get("text") == text), None)
        if n is None:
            unmatched.append(url)
            continue
        esco = outcomes[n].setdefault("esco", [])
        draft.put(("learning_outcomes", n, "esco", len(esco)), url, alignment.at("targetUrl"))
    if unmatched:
        draft.keep("esco", unmatched)


def _field(draft: Draft, ach: Node) -> None:
    label = ach.get("fieldOfStudy")
    if "field_of_education" in draft.data or not isinstance(label, str):
        return
    code = _isced_by_label().get(label.strip().lower())
    if code:
        draft.put(("field_of_education",), code, ach.at("fieldOfStudy"))
    else:
        draft.keep("fieldOfStudy", label, ach.at("fieldOfStudy"))


@cache
def _isced_by_label() -> dict[str, str]:
    from mcred.export.common import _isced_labels

    return {label.lower(): code for code, label in _isced_labels().items()}


def _maps() -> bool:
    from mcred.importers.draft import language_maps

    return language_maps()
