"""What every part of a page needs: the design, the page's language, escaping and links.

Every value from a design is user text: it goes through :func:`e` (``html.escape``) and
links are emitted only for ``http(s):`` and ``mailto:`` targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from mcred.langtext import LangText, pick, primary_subtag, variants
from mcred.model import Design
from mcred.render.i18n import Wording
from mcred.render.labels import label


def e(value: object) -> str:
    """Escape user text for HTML (content and attribute values alike)."""
    return escape(str(value), quote=True)


def link(url: str | None, text: str | None = None) -> str:
    """A link for web links (and e-mail) only, via mcred.links; `javascript:` and other
    non-web links never reach the page, other text is shown escaped."""
    from mcred.links import is_link, published

    if not url:
        return ""
    shown = e(text or url)
    target = published(url)
    if target:
        return f'<a href="{e(target)}">{shown}</a>'
    if "@" in url and " " not in url.strip() and ":" not in url:
        return f'<a href="mailto:{e(url.strip())}">{shown}</a>'
    if is_link(url):
        return e(text) if text else ""
    return shown


@dataclass(frozen=True)
class View:
    """One design as seen in one language: picks the side of each language map."""

    design: Design
    path: str
    words: Wording

    def plain(self, value: LangText | None) -> str | None:
        """The text in the page's language (else the first there is), unescaped."""
        return pick(value, self.words.lang)

    def text(self, value: LangText | None) -> str:
        """Escaped text; marked with its own ``lang`` when it is not in the page's language,
        so screen readers pronounce it right."""
        chosen = pick(value, self.words.lang)
        if chosen is None:
            return ""
        tag = next((t for t, x in variants(value) if x == chosen), None)
        if tag and primary_subtag(tag.lower()) != primary_subtag(self.words.lang.lower()):
            return f'<span lang="{e(tag)}">{e(chosen)}</span>'
        return e(chosen)

    def _(self, message: str, **values: object) -> str:
        """A translated message with escaped values filled in."""
        return self.markup(message, **{k: e(v) for k, v in values.items()})

    def markup(self, message: str, **html: str) -> str:
        """A translated message whose values are already HTML (escaped by the caller)."""
        translated = e(self.words.translations.gettext(message))
        return translated % html if html else translated

    def label(self, value: str | None) -> str:
        return e(label(value, self.words))

    def labels(self, values: list[str]) -> str:
        return e(self.words.join([label(v, self.words) for v in values]))

    def number(self, value: float) -> str:
        return e(self.words.number(value))

    def plural(self, singular: str, plural: str, n: float) -> str:
        return e(self.words.ngettext(singular, plural, n))
