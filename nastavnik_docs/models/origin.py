"""Where a record was read from: the sheet and row of the curator's workbook.

A reader (``io``) marks each participant, pair and history event it reads from a workbook
with its ``Origin``; the consistency checks put it into a finding's ``rows`` so the curator
finds the line to fix. The origin is not part of the record's value: it is not serialised,
and two records that differ only in where they were read from compare equal (a registry
read from the workbook equals the same registry read from YAML).
"""

from __future__ import annotations

from typing import Self

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

    @property
    def origin(self) -> Origin | None:
        """The sheet and row this record was read from, or None (YAML, JSON, code)."""
        return self._origin

    def set_origin(self, sheet: str, row: int) -> Self:
        """Remember where this record was read from; returns the record itself."""
        self._origin = Origin(sheet, row)
        return self
