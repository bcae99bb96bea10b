"""The design as the rules read it: plain classes generated from the pydantic model.

The pydantic model (`mcred.model`) stays the single source of truth of the format (schema,
docs, editors). A lint run validates with :mod:`mcred.plain.validate` instead, which reads
the specification generated from that model into :mod:`mcred.plain.classes` and needs no
pydantic import: pydantic and building the model cost more than linting one file.
"""

from mcred.plain.classes import Design

__all__ = ["Design"]
