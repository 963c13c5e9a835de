"""Where a finding points, as addresses of the pages: registry rows and the plan's documents.

A finding of the year's check names the registry rows it is about as the library prints
them («лист «Пары», строка 5», ``models.Origin``) and the documents by their keys. The
registry page marks each row it shows with an anchor (``r-Пары-5``), the plan page each
document (``d-assign_pairs``), so a finding becomes links to exactly those lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Link", "RowPlace", "document_anchor", "row_anchor", "row_link", "row_place"]

_ROW = re.compile(r"^лист «(?P<sheet>.+)», строка (?P<row>\d+)$")


@dataclass(frozen=True)
class RowPlace:
    """A row of a sheet of the registry workbook."""

    sheet: str
    row: int


@dataclass(frozen=True)
class Link:
    """A text and the address it leads to (None: plain text)."""

    text: str
    href: str | None = None


def row_anchor(sheet: str, row: int | str) -> str:
    """The id of a registry row on the registry page: ``r-Пары-5``."""
    return f"r-{sheet.replace(' ', '_')}-{row}"


def document_anchor(key: str) -> str:
    """The id of a document's line on the plan page: ``d-assign_pairs``."""
    return f"d-{key}"


def row_place(text: str) -> RowPlace | None:
    """«лист «Пары», строка 5» → RowPlace("Пары", 5); None for any other wording."""
    match = _ROW.match(text.strip())
    return RowPlace(match["sheet"], int(match["row"])) if match else None


def row_link(text: str) -> Link:
    place = row_place(text)
    return Link(text, f"/registry#{row_anchor(place.sheet, place.row)}" if place else None)
