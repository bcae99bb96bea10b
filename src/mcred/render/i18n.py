"""The page's own wording in the reader's language: gettext catalogues read with Babel.

The catalogues are the ``.po`` files under ``locale/`` (one per language, English being the
message ids themselves). They are compiled in memory when a page is first rendered, so
there is no compiled file that could go stale; ``tests/test_render_i18n.py`` keeps them
complete. Numbers, dates, money and language names come from Babel's CLDR data.
Babel is imported only here, and only ``mcred render`` (and the exports) import this.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

DOMAIN = "mcred"
SUPPORTED = ("en", "es", "de", "fr", "it", "pt", "nl")
"""Languages the page's wording is translated into (others get English wording)."""


def N_(message: str) -> str:
    """Mark a message for the catalogues without translating it yet (labels in tables)."""
    return message


@dataclass(frozen=True)
class Wording:
    """Everything language-dependent about a page: messages, numbers, dates, names."""

    lang: str
    """The page's language tag (``lang`` attribute); its primary subtag picks the catalogue."""
    translations: gettext.NullTranslations
    locale: Any  # babel.Locale

    def _(self, message: str, **values: object) -> str:
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: float, **values: object) -> str:
        """The right plural form for ``n`` (``1 ECTS credit``, ``5 ECTS credits``)."""
        count = int(n) if float(n).is_integer() else 2  # fractions take the plural (CLDR)
        text = self.translations.ngettext(singular, plural, count)
        return text % {"n": self.number(n), **values}

    def number(self, value: float) -> str:
        from babel.numbers import format_decimal

        return str(format_decimal(value, locale=self.locale))

    def money(self, amount: float, currency: str | None) -> str:
        from babel.numbers import UnknownCurrencyError, format_currency

        if not currency:
            return self.number(amount)
        try:
            return str(format_currency(amount, currency.upper(), locale=self.locale,
                                       format_type="standard"))
        except (UnknownCurrencyError, ValueError):
            return f"{self.number(amount)} {currency}"

    def date(self, day: dt.date) -> str:
        from babel.dates import format_date

        return str(format_date(day, "long", locale=self.locale))

    def language(self, tag: str) -> str:
        """A language tag as a name in the page's language (``en`` → ``inglés``)."""
        from babel import Locale, UnknownLocaleError

        try:
            name = Locale.parse(tag.strip(), sep="-").get_display_name(self.locale)
        except (UnknownLocaleError, ValueError, TypeError):
            return tag
        return str(name) if name else tag

    def country(self, code: str | None) -> str | None:
        """An ISO 3166-1 code as the country's name (``ES`` → ``Spain``, ``España``)."""
        if not code:
            return None
        return str(self.locale.territories.get(code.strip().upper(), code))

    def join(self, items: list[str]) -> str:
        """A list in the page's language (``español e inglés``)."""
        from babel.lists import format_list

        return str(format_list(items, locale=self.locale)) if items else ""


def wording(lang: str | None) -> Wording:
    """The wording for a page in ``lang`` (English wording where no catalogue exists)."""
    from babel import Locale, UnknownLocaleError

    tag = (lang or "en").strip() or "en"
    primary = tag.split("-")[0].lower()
    catalogue = primary if primary in SUPPORTED else "en"
    try:
        locale = Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse(catalogue)
    return Wording(tag, _translations(catalogue), locale)


@cache
def _translations(primary: str) -> gettext.NullTranslations:
    if primary == "en":
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    source = resources.files(__package__).joinpath(f"locale/{primary}/LC_MESSAGES/{DOMAIN}.po")
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=primary, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def catalogue_path(primary: str) -> Any:
    """Where the catalogue of one language lives in the package (for tests and tools)."""
    return resources.files(__package__).joinpath(f"locale/{primary}/LC_MESSAGES/{DOMAIN}.po")
