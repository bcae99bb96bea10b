"""``mcred render``: an escaped, self-contained HTML supplement and a catalogue page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from mcred.cli import cli
from mcred.export.common import load_design
from mcred.render.html import Entry, catalogue, link, page

EXEMPLARY = EXAMPLES / "green-public-procurement.yaml"
HOSTILE = "<script>alert(1)</script>"


class Collector(HTMLParser):
    """The tags, attributes and visible text of a page, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "script", "title"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "title"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    return collector


def hostile_design(tmp_path):
    text = EXEMPLARY.read_text(encoding="utf-8")
    text = text.replace("title: Green Public Procurement in Practice",
                        f"title: \"{HOSTILE}\"")
    text = text.replace("further_information: https://www.example.es/micro/gpp",
                        "further_information: \"javascript:alert(2)\"")
    text = text.replace("    text: Justify the choice of award criteria to internal auditors.",
                        "    text: \"Justify <b onmouseover=alert(3)>this</b> & that\"")
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_page_shows_the_annex_one_elements():
    design = load_design(EXEMPLARY).design
    assert design is not None and design.workload is not None
    html = page(Entry(design, "gpp.yaml"))
    visible = " ".join(parse(html).text)
    assert design.title and design.title in visible
    for lo in design.learning_outcomes:
        assert lo.text and lo.text in visible
    assert "5 ECTS credits, 135 hours of learning" in visible
    for label in ("Awarding body", "Level", "Workload", "Assessment", "Quality assurance",
                  "Recognition and stacking", "Price", "Dates"):
        assert label in visible
    assert "€450.00" in visible and "EQF level 6" in visible
    assert "Management and administration (ISCED-F 2013 0413)" in visible


def test_page_is_self_contained():
    design = load_design(EXEMPLARY).design
    assert design is not None
    tags = parse(page(Entry(design, "gpp.yaml"))).tags
    names = {tag for tag, _ in tags}
    assert not names & {"script", "link", "img", "iframe", "object"}
    assert all(not attrs.get("src") for _, attrs in tags)
    assert ("html", {"lang": "en"}) in tags


def test_hostile_values_are_escaped(tmp_path):
    path = hostile_design(tmp_path)
    out = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["render", "--force", str(path), "--html", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    parsed = parse(html)
    assert not any(tag == "script" for tag, _ in parsed.tags)
    assert not any(tag == "b" for tag, _ in parsed.tags)
    assert all(not k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert not any((attrs.get("href") or "").startswith("javascript") for _, attrs in parsed.tags)
    assert "javascript:alert(2)" not in html  # a non-web link never reaches the page


@pytest.mark.parametrize("url, linked", [
    ("https://example.org/a?b=1&c=2", True), ("mail@example.org", True),
    ("javascript:alert(1)", False), ("data:text/html,x", False), ("", False),
])
def test_only_safe_links(url, linked):
    assert ("<a href=" in link(url)) is linked


def test_refuses_a_design_with_errors_unless_forced(tmp_path):
    draft = EXAMPLES / "blended-sustainability-draft.yaml"
    out = tmp_path / "p.html"
    refused = CliRunner().invoke(cli, ["render", str(draft), "--html", str(out)])
    assert refused.exit_code == 1 and not out.exists()
    assert "MC007" in refused.stderr
    forced = CliRunner().invoke(cli, ["render", str(draft), "--html", str(out), "--force"])
    assert forced.exit_code == 0 and out.exists()


def test_catalogue_has_index_and_charts(tmp_path):
    out = tmp_path / "catalogue.html"
    result = CliRunner().invoke(cli, ["render", str(EXAMPLES), "--html", str(out),
                                      "--title", "Our offer"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    parsed = parse(html)
    loaded = [load_design(p) for p in sorted(EXAMPLES.rglob("*.yaml"))]
    rendered = [item for item in loaded if item.design is not None and not item.errors]
    anchors = [a["href"] for t, a in parsed.tags if t == "a" and (a.get("href") or "")
               .startswith("#d-")]
    assert len(anchors) == len(rendered)
    assert sum(1 for t, _ in parsed.tags if t == "svg") == 2
    assert all(a.get("role") == "img" for t, a in parsed.tags if t == "svg")
    assert "left out" in result.stderr
    # every chart bar carries its value as text too
    assert re.search(r">5 ECTS</text>", html)


def test_catalogue_charts_escape_titles(tmp_path):
    design = load_design(EXEMPLARY).design
    assert design is not None
    hostile = design.model_copy(update={"title": HOSTILE})
    html = catalogue([Entry(hostile, "a.yaml")], "<i>x</i>")
    assert HOSTILE not in html and "<i>x</i>" not in html


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "a", "main", "p", "h1", "h2",
                "h3", "dl", "dt", "dd", "section", "ol", "ul", "li", "span", "table", "thead",
                "tbody", "tr", "th", "td", "footer", "br"}


@settings(max_examples=60, deadline=None)
@given(title=st.text(min_size=1, max_size=40), outcome=st.text(min_size=1, max_size=40),
       url=st.text(max_size=30))
def test_no_user_text_becomes_markup(title, outcome, url):
    design = load_design(EXEMPLARY).design
    assert design is not None
    lo = design.learning_outcomes[0].model_copy(update={"text": outcome})
    hostile = design.model_copy(update={"title": title, "further_information": url,
                                        "learning_outcomes": [lo]})
    parsed = parse(page(Entry(hostile, "x.yaml")))
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    hrefs = [a.get("href") or "" for t, a in parsed.tags if t == "a"]
    assert all(h.startswith(("http://", "https://", "mailto:", "#")) for h in hrefs)
