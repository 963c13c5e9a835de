"""Where a record was read from: the sheet and row of the curator's workbook.

A reader (``io``) marks each participant, pair and history event it reads from a workbook
with its ``Origin``; the consistency checks put it into a finding's ``rows`` so the curator
finds the line to fix. The origin is not part of the record's value: it is not serialised,
and two records that differ only in where they were read from compare equal (a registry
read from the workbook equals the same registry read from YAML).
"""

from __future__ import annotations

from typing import Any, Self

from pydantic import PrivateAttr

from .person import Model

__all__ = ["HasOrigin", "Origin"]


class Origin:
    """A sheet and a row of a workbook, printed as «лист «Пары», строка 5»."""

    __slots__ = ("row", "sheet")

    def __init__(self, sheet: str, row: int):
        self.sheet = sheet
        self.row = row

    def __str__(self) -> str:
        return f"лист «{self.sheet}», строка {self.row}"

    def __repr__(self) -> str:
        return f"Origin({self.sheet!r}, {self.row})"

    def __eq__(self, other: object) -> bool:
        # pydantic compares private attributes in ``==``; a location must not make two
        # equal records differ, so an origin equals any other origin and no origin.
        return other is None or isinstance(other, Origin)

    __hash__ = None  # type: ignore[assignment]


class HasOrigin(Model):
    """A record that may remember the workbook row it was read from."""

    _origin: Origin | None = PrivateAttr(default=None)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """A record whose only private attribute is its origin starts with none, set
        directly: pydantic's generic initialisation of private attributes (run twice for a
        model with two bases) cost more than validating a registry row's fields."""
        super().__pydantic_init_subclass__(**kwargs)
        if set(cls.__private_attributes__) == {"_origin"}:
            cls.model_post_init = _no_origin  # type: ignore[method-assign,assignment]

    @property
    def origin(self) -> Origin | None:
        """The sheet and row this record was read from, or None (YAML, JSON, code)."""
        return self._origin

    def set_origin(self, sheet: str, row: int) -> Self:
        """Remember where this record was read from; returns the record itself."""
        self.__pydantic_private__["_origin"] = Origin(sheet, row)  # type: ignore[index]
        return self


def _no_origin(self: HasOrigin, context: Any, /) -> None:
    """``model_post_init`` of a record with no private attribute but its origin."""
    object.__setattr__(self, "__pydantic_private__", {"_origin": None})
