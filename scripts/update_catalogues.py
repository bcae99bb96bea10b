"""Extract the rendered page's messages and merge them into every language's catalogue.

Run after changing a message in ``src/mcred/render`` (``python scripts/update_catalogues.py``);
new messages arrive untranslated and ``tests/test_render_i18n.py`` fails until a
translator fills them in. Uses Babel's extractor and merge, as ``pybabel extract/update``.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
RENDER = ROOT / "src" / "mcred" / "render"
KEYWORDS = {"_": None, "N_": None, "markup": None, "ngettext": (1, 2), "plural": (1, 2)}
LANGUAGES = ("es", "de", "fr", "it", "pt", "nl")


# The rendered page, and the Open Badges criteria narrative worded like it.
SOURCES = (("render", "**.py"), ("export", "ob3.py"))


def template() -> Catalog:
    """Every message the page code marks, as Babel extracts them."""
    catalog = Catalog(domain="mcred", project="mcred", charset="utf-8")
    for folder, pattern in SOURCES:
        for filename, line, message, comments, context in extract_from_dir(
                RENDER.parent / folder, method_map=[(pattern, "python")], keywords=KEYWORDS,
                comment_tags=("TRANSLATORS:",)):
            catalog.add(message, None, [(f"src/mcred/{folder}/{filename}", line)],
                        auto_comments=comments, context=context)
    return catalog


def main() -> None:
    pot = template()
    for lang in LANGUAGES:
        path = RENDER / "locale" / lang / "LC_MESSAGES" / "mcred.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=lang)
        else:
            catalog = Catalog(locale=lang, domain="mcred", project="mcred", charset="utf-8")
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, sort_output=True,
                     include_lineno=False)
        print(f"updated {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
