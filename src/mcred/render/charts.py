"""Small inline SVG bar charts: no scripts, no external assets, readable without colour.

Each bar's label stands on its own line above the bar, wrapped to the chart's width, so a
long title is never cut off; the value is written next to the bar (the chart is also text).
The SVG scales down to narrow screens.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from html import escape

BAR_HEIGHT = 18
LINE = 17  # height of one label line at 13 px
GAP = 10
CHART_WIDTH = 480
VALUE_ROOM = 80  # space kept right of the longest bar for its value
CHAR_WIDTH = 7.5  # generous average advance of a 13 px system-ui glyph
MAX_LINES = 2


def label_lines(label: str, width: int = CHART_WIDTH) -> list[str]:
    """The label wrapped to the chart's width, at most two lines (then an ellipsis)."""
    per_line = max(int(width / CHAR_WIDTH), 10)
    lines = textwrap.wrap(" ".join(label.split()), per_line, break_long_words=True) or [""]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: per_line - 1].rstrip() + "…"
    return lines


def bar_chart(title: str, description: str, rows: list[tuple[str, float]],
              unit: str = "", number: Callable[[float], str] = lambda v: f"{v:g}") -> str:
    """Horizontal bars, each with its label above and its value as text beside it."""
    if not rows:
        return ""
    peak = max((value for _, value in rows), default=0) or 1
    span = CHART_WIDTH - VALUE_ROOM
    body = []
    y = GAP
    for label, value in rows:
        lines = label_lines(label)
        for line in lines:
            y += LINE
            body.append(f'<text x="0" y="{y - 4}">{escape(line)}</text>')
        width = max(value / peak * span, 1 if value else 0)
        shown = f"{number(value)}{unit}"
        body.append(
            f'<rect x="0" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" class="bar">'
            f"<title>{escape(label)}: {escape(shown)}</title></rect>"
            f'<text x="{width + 6:.1f}" y="{y + BAR_HEIGHT * 0.75:.1f}">{escape(shown)}</text>')
        y += BAR_HEIGHT + GAP
    ident = _id(title)
    head = (f'<svg class="chart" role="img" viewBox="0 0 {CHART_WIDTH} {y}" '
            f'width="{CHART_WIDTH}" height="{y}" aria-labelledby="{ident}-t {ident}-d" '
            f'xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-t">{escape(title)}</title>'
            f'<desc id="{ident}-d">{escape(description)}</desc>')
    return head + "".join(body) + "</svg>"


def _id(title: str) -> str:
    return "chart-" + "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
