"""The catalogue's "at a glance" charts: credits per micro-credential, designs per EQF level."""

from __future__ import annotations

from collections.abc import Callable

from mcred.export.common import design_id
from mcred.render.view import View

Chart = Callable[..., str]


def charts(views: list[View], bar_chart: Chart) -> str:
    if not views:
        return ""
    w = views[0]
    ects = [(w.plain(v.design.title) or design_id(v.design, v.path),
             float(v.design.workload.ects))
            for v in views if v.design.workload and v.design.workload.ects is not None]
    levels: dict[int, int] = {}
    for v in views:
        if v.design.level and v.design.level.eqf:
            levels[v.design.level.eqf] = levels.get(v.design.level.eqf, 0) + 1
    eqf = [(w.words._("EQF %(level)s", level=level), float(levels.get(level, 0)))
           for level in range(1, 9)]
    heading = w._("At a glance")
    parts = [f'<section aria-labelledby="charts-h"><h2 id="charts-h">{heading}</h2>']
    if ects:
        parts.append("<h3>" + w._("ECTS credits per micro-credential") + "</h3>")
        parts.append(bar_chart(w.words._("ECTS credits"),
                               w.words._("ECTS credits of each micro-credential in the "
                                         "catalogue"), ects, " ECTS", w.words.number))
    if levels:
        parts.append("<h3>" + w._("Micro-credentials per EQF level") + "</h3>")
        parts.append(bar_chart(w.words._("EQF levels"),
                               w.words._("Number of micro-credentials at each EQF level 1 to "
                                         "8"), eqf, "", w.words.number))
    parts.append("</section>")
    return "".join(parts) if ects or levels else ""
