"""The shared base of every model in the format: closed to unknown keys, open to ``x-``."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.config import JsonDict

EXTENSIONS: JsonDict = {"^x-": {"description": "User extension; never reported as unknown."}}


class FormatModel(BaseModel):
    """Strict so that the file's types are judged as written (``"5"`` is not a number)."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        json_schema_extra={"patternProperties": EXTENSIONS},
    )
