"""CSV files as Excel and other programs save them in Russia: the one reader of every CSV input.

Excel writes «CSV (разделители — запятые)» with «;» and in cp1251 on a Russian Windows,
«CSV UTF-8» with a BOM; other tools write UTF-8 with «,» or tabs. :func:`read_csv` detects the
encoding and the delimiter; :func:`load_participants_csv` reads a registry's participants from
such a file and :func:`read_csv_records` a batch's records (one per row, keyed by the header).
``csv.Sniffer`` guesses poorly on short Cyrillic headers, so the delimiter is the candidate
that splits the header into the most recognised columns, then one that splits it at all,
then the one that splits the most of the first rows into as many cells as the header.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any

from .._files import write_bytes_atomic
from .._textsafe import FORMULA_START, looks_like_formula
from .._textsafe import csv_cell as text_cell
from ..errors import InputError, Problem
from ..models import Participant
from ._columns import PARTICIPANT_COLUMNS
from ._links import finish_registry
from ._problems import Loc
from ._registry_xlsx import cell_value
from ._table import Table, read_participants
from ._values import cell_text
from ._yaml import existing_file, read_limited

__all__ = ["DELIMITERS", "FORMULA_START", "csv_cell", "csv_text", "decode", "detect_delimiter",
           "dump_participants_csv", "load_participants_csv", "read_csv", "read_csv_records", "write_csv"]

DELIMITERS = (";", ",", "\t")
#: Rows read to choose the delimiter.
SAMPLE_ROWS = 50


def decode(data: bytes, file: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or cp1251."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError:
        raise InputError(Problem("не удалось определить кодировку файла: сохраните его как "
                                 "«CSV UTF-8» или в кодировке Windows-1251", file=file, code="file.encoding"), file=file) from None


def detect_delimiter(text: str, known: Callable[[Sequence[str]], int] | None = None) -> str:
    """The delimiter of CSV ``text``: «;», «,» or a tab. ``known`` counts the cells of a
    header row that name expected columns; without it only the shape of the rows counts."""

    def score(delimiter: str) -> tuple[int, bool, int, int]:
        rows = list(islice(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), SAMPLE_ROWS))
        header = rows[0] if rows else []
        even = sum(1 for row in rows[1:] if len(row) == len(header))
        return (known(header) if known else 0), len(header) > 1, even, len(header)

    return max(DELIMITERS, key=score)


def read_csv(path: str | os.PathLike[str], known: Callable[[Sequence[str]], int] | None = None) -> list[list[str]]:
    """The rows of a CSV file as lists of cells, its encoding and delimiter detected
    (``known`` as in :func:`detect_delimiter`). A file over the ``input_bytes`` limit is
    refused; an apostrophe that a writer put before a formula-like cell
    (``nastavnik_docs._textsafe.csv_cell``) is removed."""
    path = existing_file(path)
    text = decode(read_limited(path), str(path))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text, known)))
    except csv.Error as exc:  # a field over csv's own limit, a broken quote
        raise InputError(Problem(f"не удалось прочитать таблицу CSV: {exc}", file=str(path)), file=path) from None
    return [[_unquoted(cell) for cell in row] for row in rows]


def _unquoted(cell: str) -> str:
    return cell[1:] if cell[:1] == "'" and looks_like_formula(cell[1:]) else cell


def read_csv_records(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The rows of a CSV table as records keyed by its header (``last_name``,
    ``recipient.last_name`` …); blank cells, unnamed columns and empty rows are left out."""
    rows = read_csv(path)
    if not rows:
        return []
    header = [cell.strip() for cell in rows[0]]
    records = []
    for row in rows[1:]:
        record = {key: value.strip() for key, value in zip(header, row) if key and value.strip()}
        if record:
            records.append(record)
    return records


def load_participants_csv(path: str | os.PathLike[str]) -> list[Participant]:
    """Participants from a CSV with the columns of sheet «Участники» (any order, any case)."""
    path = existing_file(path)
    file = str(path)
    table = Table(PARTICIPANT_COLUMNS, file=file, sheet=None)
    rows = iter(read_csv(path, known=lambda header: len(table.match(header))))
    if not table.read_header(rows):
        table.raise_if_problems()
    participants, numbers = read_participants(table, rows)

    def locate(loc: Loc) -> dict[str, Any]:
        if len(loc) >= 2 and loc[0] == "participants":
            return {"row": numbers[int(loc[1])], "field": None,
                    "column": table.header_of(str(loc[2])) if len(loc) > 2 else None}
        return {}

    try:
        finish_registry(participants, [], [], None, file=file, locate=locate)
    except InputError as exc:
        table.problems.extend(exc.problems)
    table.raise_if_problems()
    return participants


def csv_cell(value: Any) -> str:
    """A CSV cell from data: empty for None, a date as ДД.ММ.ГГГГ, a number as typed in
    Russian (decimal comma), and text by the formula rule of :mod:`nastavnik_docs._textsafe`
    (behind an apostrophe, which spreadsheets show as text and never evaluate)."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return str(value).replace(".", ",")
    return text_cell(cell_text(value))


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]], delimiter: str = ";") -> str:
    """The one CSV writer: a header and rows as text, every cell through :func:`csv_cell`,
    lines ended with CR LF as Excel writes them."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


def write_csv(path: str | os.PathLike[str], header: Sequence[str], rows: Iterable[Sequence[Any]], *,
              delimiter: str = ";", encoding: str = "utf-8-sig", overwrite: bool = False) -> Path:
    """A CSV file for Excel on a Russian system: «;» and UTF-8 with a BOM by default
    (``encoding="cp1251"`` for older programs); written atomically."""
    data = csv_text(header, rows, delimiter).encode(encoding, errors="replace")
    return write_bytes_atomic(path, data, overwrite=overwrite)


def dump_participants_csv(participants: list[Participant], delimiter: str = ";") -> str:
    """Participants as CSV text with the columns of sheet «Участники» (dates as ДД.ММ.ГГГГ)."""
    return csv_text([c.header for c in PARTICIPANT_COLUMNS],
                    ([cell_value(person, c) for c in PARTICIPANT_COLUMNS] for person in participants), delimiter)
