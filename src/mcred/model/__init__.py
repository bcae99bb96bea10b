"""The design format (version 1) as pydantic models, one module per Annex I area."""

from mcred.model.design import Design, json_schema

__all__ = ["Design", "json_schema"]
