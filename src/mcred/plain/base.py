"""What every generated design class shares: frozen, slotted, comparable, dumpable."""

from __future__ import annotations

from typing import Any


class Plain:
    """Frozen like the pydantic models it mirrors, so a rule cannot change the design."""

    __slots__ = ("__weakref__", "_set")
    _set: frozenset[str]

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self.fields())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.fields() if n in self._set)
        return f"{type(self).__name__}({shown})"

    @classmethod
    def fields(cls) -> tuple[str, ...]:
        return tuple(cls.__slots__)

    def to_data(self, *, exclude_unset: bool = False) -> dict[str, Any]:
        """Plain data like pydantic's ``model_dump`` (``exclude_unset``: only keys given)."""
        return {n: _dump(getattr(self, n), exclude_unset) for n in self.fields()
                if not exclude_unset or n in self._set}


def _dump(value: Any, exclude_unset: bool) -> Any:
    if isinstance(value, Plain):
        return value.to_data(exclude_unset=exclude_unset)
    if isinstance(value, list):
        return [_dump(v, exclude_unset) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v, exclude_unset) for k, v in value.items()}
    return value
