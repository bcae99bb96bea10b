"""Free text a learner reads: one string, or the same text in several languages (as in ELM).

A language map is written `{es: "Analizar …", en: "Analyse …"}`. Its keys are only shaped
like BCP 47 tags here (so editors can complete and flag them); whether each tag is
registered is a rule's job (MC802), which names the tag that was probably meant.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BaseModel, Field

from mcred.langtext import looks_like_language_map

# Well-formed enough to be a tag (language, then subtags); editors validate keys with it.
TAG_SHAPE = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
# Looser: what a designer means as a tag, underscores included (`en_GB`), for telling a
# language map from a mapping of format keys.

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


def branch_by_keys(model: type[BaseModel]) -> Callable[[Any], str]:
    """Discriminator for ``text | texts by language | model``: a mapping of the model's keys
    goes to the model, one of language tags to the map (a plain pydantic union cannot tell
    `{description: x}` from `{es: x}`)."""
    keys = frozenset(model.model_fields)

    def branch(value: Any) -> str:
        if isinstance(value, str):
            return "text"
        return "map" if looks_like_language_map(value, keys) else "model"

    # The generated validator (mcred.plain) reproduces this choice from the description.
    branch.__dict__["mcred_spec"] = ("by_keys", model.__name__)
    return branch
