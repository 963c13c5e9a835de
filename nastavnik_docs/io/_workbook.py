"""A workbook looked at before openpyxl reads it: the package checked, formulas found.

* :func:`check_workbook` — the package limits, encryption, DOCTYPE
  (:func:`nastavnik_docs._zipcheck.inspect_package`), as a located ``InputError``;
* :func:`damaged_workbook` — the one message for a workbook a reader could not read;
* :func:`formulas_without_values` — cells holding a formula but no saved value. Excel and
  LibreOffice save the value of every formula with it; a workbook written by another
  program (a script, a web service) may hold only the formula, and every reader — openpyxl,
  calamine — then sees an empty cell. Such cells are reported, not read as empty.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath

from lxml import etree

from .._zipcheck import inspect_package
from ..errors import InputError, Problem

__all__ = ["FORMULA_MESSAGE", "check_workbook", "column_letter", "damaged_workbook", "formulas_without_values",
           "split_coordinate"]

FORMULA_MESSAGE = ("в ячейке формула без сохранённого значения (книгу записала не Excel); "
                   "откройте её в Excel или LibreOffice и сохраните — значения формул запишутся")

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_COORDINATE = re.compile(r"^([A-Z]+)(\d+)$")


def check_workbook(path: Path) -> None:
    """Refuse a workbook the readers should not open (see the module docstring)."""
    file = str(path)
    inspect_package(path, label="не удалось открыть книгу Excel",
                    limit_label=f"не удалось открыть книгу Excel «{path.name}»", kind="XLSX", part_limit="part_bytes",
                    error=lambda message: InputError(Problem(message, file=file), file=file))


def damaged_workbook(file: str, exc: BaseException | None = None) -> InputError:
    """The error of a workbook that turned out damaged while it was read (a sheet is parsed
    lazily, as its rows are read), with the reader's own words in brackets."""
    detail = f" ({' '.join(str(exc).split())})" if exc is not None and str(exc).strip() else ""
    return InputError(Problem("не удалось открыть книгу Excel: файл повреждён или это не .xlsx "
                              f"(старый формат .xls сохраните в Excel как .xlsx){detail}", file=file,
                              code="file.unreadable"), file=file)


def split_coordinate(coordinate: str) -> tuple[int, int]:
    """«B5» → (5, 1): the row number and the 0-based column position."""
    match = _COORDINATE.match(coordinate)
    if match is None:
        raise ValueError(coordinate)
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - 64
    return int(match.group(2)), column - 1


def column_letter(position: int) -> str:
    """1 → «A», 28 → «AB»: a column's letters from its 1-based position (what openpyxl's
    ``get_column_letter`` gives, without importing openpyxl to read a workbook)."""
    letters = ""
    while position > 0:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → partname of its worksheet XML."""
    book = etree.fromstring(archive.read("xl/workbook.xml"))
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{{{_NS_PKG}}}Relationship")}
    parts = {}
    for sheet in book.iter(f"{{{_NS_MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{_NS_REL}}}id"), "")
        partname = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        parts[sheet.get("name", "")] = partname
    return parts


def _has_formulas(archive: zipfile.ZipFile, partname: str) -> bool:
    with archive.open(partname) as fh:
        tail = b""
        while chunk := fh.read(1 << 20):
            text = tail + chunk
            # every match holds «<f» or «:f» (a prefixed name): a plain search rules most chunks out
            if (b"<f" in text or b":f" in text) and _FORMULA.search(text):
                return True
            tail = chunk[-8:]
    return False


def formulas_without_values(path: Path, sheets: list[str]) -> dict[str, set[tuple[int, int]]]:
    """For each of ``sheets`` (names as in the workbook): the (row, 0-based column) of
    every cell with a formula and no saved value. A sheet without formulas costs one
    pass over its bytes."""
    found: dict[str, set[tuple[int, int]]] = {}
    with zipfile.ZipFile(path) as archive:
        parts = _sheet_parts(archive)
        for sheet in sheets:
            partname = parts.get(sheet)
            if partname is None or partname not in archive.namelist() or not _has_formulas(archive, partname):
                continue
            cells: set[tuple[int, int]] = set()
            with archive.open(partname) as fh:
                for _, cell in etree.iterparse(fh, tag=f"{{{_NS_MAIN}}}c", resolve_entities=False):
                    formula = cell.find(f"{{{_NS_MAIN}}}f")
                    value = cell.find(f"{{{_NS_MAIN}}}v")
                    if formula is not None and (value is None or not (value.text or "").strip()):
                        try:
                            cells.add(split_coordinate(cell.get("r", "")))
                        except ValueError:
                            pass
                    cell.clear()
            if cells:
                found[sheet] = cells
    return found
