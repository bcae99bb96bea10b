"""Free text a learner reads: one string, or the same text in several languages (as in ELM).

A language map is written `{es: "Analizar …", en: "Analyse …"}`. Its keys are only shaped
like BCP 47 tags here (so editors can complete and flag them); whether each tag is
registered is a rule's job (MC802), which names the tag that was probably meant.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BaseModel, Field

# Well-formed enough to be a tag (language, then subtags); editors validate keys with it.
TAG_SHAPE = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
# Looser: what a designer means as a tag, underscores included (`en_GB`), for telling a
# language map from a mapping of format keys.
_TAG_LIKE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")

LangMap = Annotated[
    dict[str, str],
    Field(
        title="Texts by language",
        description="The same text in several languages: BCP 47 tag → text "
        "(e.g. `es: …`, `en: …`). Include the design's language.",
        json_schema_extra={
            "propertyNames": {"pattern": TAG_SHAPE},
            "examples": [{"es": "Texto en español.", "en": "Text in English."}],
        },
    ),
]

LangText = str | LangMap
"""A plain string (in the design's language) or a language map."""

TEXT_HELP = " Text, or a mapping of language tags to texts (`{es: …, en: …}`)."


def looks_like_language_map(value: Any, format_keys: frozenset[str]) -> bool:
    """True for a mapping meant as texts by language rather than as the format's keys."""
    if not isinstance(value, dict) or not value:
        return False
    return all(isinstance(k, str) and k not in format_keys and _TAG_LIKE.fullmatch(k)
               and isinstance(v, str) for k, v in value.items())


def branch_by_keys(model: type[BaseModel]) -> Callable[[Any], str]:
    """Discriminator for ``text | texts by language | model``: a mapping of the model's keys
    goes to the model, one of language tags to the map (a plain pydantic union cannot tell
    `{description: x}` from `{es: x}`)."""
    keys = frozenset(model.model_fields)

    def branch(value: Any) -> str:
        if isinstance(value, str):
            return "text"
        return "map" if looks_like_language_map(value, keys) else "model"

    return branch
