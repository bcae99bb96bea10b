"""The headed sections of a credential supplement, one small function per Annex I area."""

from __future__ import annotations

from collections.abc import Iterable

from mcred.render.view import View, e, link


def outcomes(v: View) -> str:
    items = []
    for lo in v.design.learning_outcomes:
        text = v.text(lo.text)
        if not text:
            continue
        skill = v.words._("ESCO skill")
        esco = ", ".join(link(uri, skill) for uri in lo.esco)
        items.append(f"<li>{text}" + (f' <span class="esco">({esco})</span>' if esco
                                      else "") + "</li>")
    if not items:
        return ""
    intro = v._("On completion, learners are able to:")
    return f'<p>{intro}</p><ol class="outcomes">{"".join(items)}</ol>'


def assessment(v: View) -> str:
    d = v.design
    numbers = {lo.id: str(n) for n, lo in
               enumerate((lo for lo in d.learning_outcomes if v.plain(lo.text)), 1) if lo.id}
    heads = [v._("Type"), v._("Weight"), v._("Outcomes (numbers above)"), v._("Criteria"),
             v._("Supervision and identity check")]
    rows = []
    for a in d.assessment:
        covered = ", ".join(numbers.get(c, c) for c in a.covers)
        weight = f"{v.number(a.weight)} %" if a.weight is not None else ""
        cells = [weight, e(covered), v.text(a.criteria), v.label(a.supervision)]
        tds = "".join(f'<td data-label="{heads[i + 1]}">{cell}</td>' if cell else "<td></td>"
                      for i, cell in enumerate(cells))
        kind = v.label(a.type) or v._("not stated")
        rows.append(f'<tr><th scope="row">{kind}</th>{tds}</tr>')
    html = ""
    if rows:
        head = "".join(f'<th scope="col">{h}</th>' for h in heads)
        html = (f'<table class="stack"><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table>")
    g = d.grading
    if g and (g.scheme or v.plain(g.scale)):
        scale = f" ({v.text(g.scale)})" if v.plain(g.scale) else ""
        grading = v.markup("Grading: %(scheme)s", scheme=v.label(g.scheme) + scale)
        html += f"<p>{grading}</p>"
    return html


def quality(v: View) -> str:
    qa = v.design.quality_assurance
    if qa is None:
        return ""
    items = []
    if qa.type:
        items.append(v.markup("Type: %(types)s", types=v.labels(list(qa.type))))
    if v.plain(qa.internal):
        items.append(v.markup("Internal: %(process)s", process=v.text(qa.internal)))
    if qa.external and qa.external.body:
        if qa.external.last_review:
            items.append(v._("External: %(body)s, last reviewed %(date)s",
                             body=qa.external.body, date=v.words.date(qa.external.last_review)))
        else:
            items.append(v._("External: %(body)s", body=qa.external.body))
    if qa.review_interval_months:
        items.append(v.plural("Reviewed every month", "Reviewed every %(n)s months",
                              qa.review_interval_months))
    if qa.feedback:
        items.append(v.markup("Feedback collected from %(sources)s",
                              sources=v.labels(list(qa.feedback))))
    return bullets(items)


def recognition(v: View) -> str:
    r = v.design.recognition
    if r is None:
        return ""
    items = []
    if r.stackability:
        items.append(v.markup("Stackability: %(kind)s", kind=v.label(r.stackability)))
    for t in r.towards:
        name = e(t.name or t.id or "") + (f", {e(t.provider)}" if t.provider else "")
        if t.ects is not None:
            credits = v.plural("%(n)s ECTS credit", "%(n)s ECTS credits", t.ects)
            name += f" ({credits})"
        items.append(v.markup("Counts towards %(target)s", target=name))
    for p in r.pathways:
        kind = v.label(p.type) or v._("Recognition")
        items.append(f"{kind}: {v.text(p.description)}" if v.plain(p.description) else kind)
    if v.plain(r.rpl):
        items.append(v.markup("Recognition of prior learning: %(route)s", route=v.text(r.rpl)))
    return bullets(items)


def credential(v: View) -> str:
    c = v.design.credential
    if c is None:
        return ""
    items = []
    if c.formats:
        items.append(v.markup("Issued as: %(formats)s", formats=v.labels(list(c.formats))))
    if c.learner_identification:
        items.append(v._("Identifies the learner by: %(data)s",
                         data=", ".join(c.learner_identification)))
    if v.plain(c.validity):
        items.append(v.markup("Validity: %(validity)s", validity=v.text(c.validity)))
    return bullets(items)


def contact(v: View) -> str:
    items = []
    if v.plain(v.design.contact):
        items.append(v.markup("Contact: %(contact)s", contact=link(v.plain(v.design.contact))))
    if v.design.further_information:
        items.append(v.markup("More information: %(page)s",
                              page=link(v.design.further_information)))
    return bullets(items)


def enrol(v: View) -> str:
    """The call to action: where to enrol or read more, when the design gives a web page."""
    from mcred.links import published

    url = published(v.design.further_information)
    if not url:
        return ""
    text = v.words._("Enrol or find out more")
    return f'<p class="cta">{link(url, text)}</p>'


def bullets(items: Iterable[str]) -> str:
    lines = "".join(f"<li>{item}</li>" for item in items)
    return f"<ul>{lines}</ul>" if lines else ""
