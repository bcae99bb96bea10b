"""Design → Open Badges 3.0: an ``Achievement`` and an unsigned ``OpenBadgeCredential`` template.

Only what the design states is exported; nothing is invented except identifiers, which are
``urn:mcred:`` URNs unless a ``base_url`` is given.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from mcred.export.common import (
    EQF_URI,
    ISCED_URI,
    ExportError,
    design_id,
    is_iri,
    isced_label,
    outcome_lines,
    text_language,
)
from mcred.langtext import pick
from mcred.links import published
from mcred.model import Design

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
SCHEMA_FILE = "ob3/ob_v3p0_achievementcredential_schema.json"
SCHEMA_ID = ("https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/"
             "ob_v3p0_achievementcredential_schema.json")
# The schema's own pattern for inLanguage; tags it rejects are left out rather than mangled.
_LANGUAGE = re.compile(r"^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def achievement(design: Design, path: str, base_url: str | None = None, *,
                lang: str | None = None) -> dict[str, Any]:
    """The OB 3.0 ``Achievement`` describing the micro-credential (what a badge is *for*).

    OB 3.0 texts are single strings, so the texts are taken in one language: ``lang``, else
    the design's own (`language`, else the first of `languages`); ``inLanguage`` says which.
    """
    ident = design_id(design, path)
    lang = lang or text_language(design)
    title, summary = pick(design.title, lang), pick(design.summary, lang)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": _uri(base_url, "achievements", ident),
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": title,
        "description": summary or title,
        "criteria": _criteria(design, lang),
        "humanCode": ident,
    }
    if title is None:
        del data["name"], data["description"]
    alignments = _alignments(design, lang)
    if alignments:
        data["alignment"] = alignments
    if design.workload and design.workload.ects is not None:
        ects = design.workload.ects
        data["creditsAvailable"] = int(ects) if float(ects).is_integer() else ects
    if design.field_of_education:
        code = design.field_of_education
        data["fieldOfStudy"] = isced_label(code) or f"ISCED-F 2013 {code}"
    if lang and _LANGUAGE.match(lang):
        data["inLanguage"] = lang
    creator = _profile(design, base_url, lang)
    if creator:
        data["creator"] = creator
    data["tag"] = ["micro-credential", *([design.participation] if design.participation else [])]
    return data


def credential(design: Design, path: str, base_url: str | None = None,
               today: dt.date | None = None, *, lang: str | None = None) -> dict[str, Any]:
    """An unsigned ``OpenBadgeCredential`` template: the issuer fills in the learner and signs."""
    lang = lang or text_language(design)
    inner = achievement(design, path, base_url, lang=lang)
    del inner["@context"]
    issuer = inner.get("creator")
    if issuer is None:
        raise ExportError("a credential needs an issuer: add `awarding_bodies` with a `name`")
    # Awarded at the earliest when the offer ends; the issuer overwrites this when signing.
    ends = design.schedule.end if design.schedule and design.schedule.end else None
    valid_from = (ends or today or dt.date.today()).isoformat() + "T00:00:00Z"
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": _uri(base_url, "credentials", design_id(design, path)) + ":TEMPLATE",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": inner.get("name") or design_id(design, path),
        "issuer": issuer,
        "validFrom": valid_from,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": inner,
        },
    }
    summary = pick(design.summary, lang)
    if summary:
        data["description"] = summary
    return data


def _criteria(design: Design, lang: str | None) -> dict[str, str]:
    """The narrative, and `further_information` as the page describing the criteria."""
    criteria = {"narrative": criteria_narrative(design, lang)}
    page = published(design.further_information)
    if page:
        criteria["id"] = page
    return criteria


def criteria_narrative(design: Design, lang: str | None) -> str:
    """Markdown (as OB 3.0 allows) listing the outcomes and how they are assessed, worded
    in ``lang`` like the rendered page (the same gettext catalogues)."""
    from mcred.render.i18n import wording
    from mcred.render.labels import label

    w = wording(lang)
    parts: list[str] = []
    outcomes = outcome_lines(design, lang)
    if outcomes:
        parts.append(w._("Learners who earn this micro-credential are able to:") + "\n\n"
                     + "\n".join(f"- {text}" for text in outcomes))
    tasks = [a for a in design.assessment if a.type]
    if tasks:
        lines = []
        for task in tasks:
            weight = f" ({w.number(task.weight)} %)" if task.weight is not None else ""
            text = pick(task.criteria, lang)
            criteria = f": {text}" if text else ""
            lines.append(f"- {label(task.type, w)}{weight}{criteria}")
        parts.append(w._("Achievement is verified by assessment:") + "\n\n" + "\n".join(lines))
    workload = design.workload
    if workload and (workload.ects is not None or workload.hours_total is not None):
        bits = []
        if workload.ects is not None:
            bits.append(w.ngettext("%(n)s ECTS credit", "%(n)s ECTS credits", workload.ects))
        if workload.hours_total is not None:
            bits.append(w.ngettext("%(n)s hour of learning", "%(n)s hours of learning",
                                   workload.hours_total))
        parts.append(w._("Workload: %(parts)s.", parts=", ".join(bits)))
    return "\n\n".join(parts) or w._("The criteria have not been written yet.")


def _alignments(design: Design, lang: str | None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for lo in design.learning_outcomes:
        for uri in filter(is_iri, lo.esco):
            found.append({
                "type": ["Alignment"],
                "targetName": f"ESCO skill for outcome {lo.id or ''}".strip(),
                "targetDescription": pick(lo.text, lang) or "",
                "targetUrl": uri,
                "targetFramework": "ESCO",
                "targetType": "ceasn:Competency",
            })
    if design.level and design.level.eqf is not None:
        found.append({
            "type": ["Alignment"],
            "targetName": f"EQF level {design.level.eqf}",
            "targetUrl": EQF_URI.format(level=design.level.eqf),
            "targetCode": str(design.level.eqf),
            "targetFramework": "European Qualifications Framework",
        })
    if design.field_of_education:
        code = design.field_of_education
        found.append({
            "type": ["Alignment"],
            "targetName": isced_label(code) or f"ISCED-F 2013 field {code}",
            "targetUrl": ISCED_URI.format(code=code),
            "targetCode": code,
            "targetFramework": "ISCED-F 2013",
        })
    return found


def _profile(design: Design, base_url: str | None, lang: str | None) -> dict[str, Any] | None:
    body = next((b for b in design.awarding_bodies if b.name), None)
    if body is None or body.name is None:
        return None
    profile: dict[str, Any] = {
        "id": next((i for i in (body.legal_id, body.url) if i and is_iri(i)), None)
        or _uri(base_url, "issuers", _slug(body.name)),
        "type": ["Profile"],
        "name": body.name,
    }
    if published(body.url):
        profile["url"] = published(body.url)
    contact = pick(design.contact, lang)
    if contact and _EMAIL.match(contact):
        profile["email"] = contact
    if body.country:
        profile["address"] = {"type": ["Address"], "addressCountryCode": body.country}
    return profile


def _uri(base_url: str | None, kind: str, ident: str) -> str:
    if base_url:
        return f"{base_url.rstrip('/')}/{kind}/{ident}"
    return f"urn:mcred:{kind.rstrip('s')}:{ident}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "issuer"


def validate(document: dict[str, Any], schema_dir: Path, *, bare: bool) -> list[str]:
    """Errors from the OB 3.0 JSON Schema copy in ``schema_dir`` (offline); empty when valid.

    A bare ``Achievement`` is checked against the schema's ``$defs/Achievement``.
    """
    from jsonschema import Draft201909Validator
    from referencing import Registry, Resource

    schema_path = schema_dir / SCHEMA_FILE
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExportError(f"{schema_path}: cannot read the OB 3.0 JSON Schema ({exc})") from None
    resource = Resource.from_contents(schema)
    registry: Registry[Any] = Registry().with_resource(schema.get("$id", SCHEMA_ID), resource)
    target = {"$ref": f"{schema.get('$id', SCHEMA_ID)}#/$defs/Achievement"} if bare else schema
    validator = Draft201909Validator(target, registry=registry,
                                     format_checker=Draft201909Validator.FORMAT_CHECKER)
    return [_describe(e.absolute_path, e.message)
            for e in sorted(validator.iter_errors(document), key=lambda e: list(e.path))]


def _describe(path: Any, message: str) -> str:
    where = "/" + "/".join(str(p) for p in path)
    return f"{where}: {message}"
