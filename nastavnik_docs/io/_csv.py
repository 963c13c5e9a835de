"""Participants from a CSV file, as Excel and other programs save it in Russia.

Excel writes «CSV (разделители — запятые)» with «;» and in cp1251 on a Russian Windows,
«CSV UTF-8» with a BOM; other tools write UTF-8 with «,». The encoding and the delimiter
are detected here. ``csv.Sniffer`` guesses poorly on short Cyrillic headers, so the
delimiter is the candidate that splits the header row into the most recognised columns.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from pathlib import Path

from ..errors import InputError, Problem
from ..models import Participant
from ._columns import PARTICIPANT_COLUMNS
from ._links import finish_registry
from ._problems import Loc
from ._registry_xlsx import cell_value
from ._table import Table, read_participants
from ._values import cell_text
from ._yaml import existing_file

DELIMITERS = (";", ",", "\t")


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
                                 "«CSV UTF-8» или в кодировке Windows-1251", file=file), file=file) from None


def detect_delimiter(text: str) -> str:
    first = next(iter(text.splitlines()), "")
    table = Table(PARTICIPANT_COLUMNS, file="", sheet=None)

    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        return len(table._match(cells)), len(cells)

    return max(DELIMITERS, key=score)


def load_participants_csv(path: str | os.PathLike[str]) -> list[Participant]:
    """Participants from a CSV with the columns of sheet «Участники» (any order, any case)."""
    path = existing_file(path)
    file = str(path)
    text = decode(Path(path).read_bytes(), file)
    rows = iter(csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text)))
    table = Table(PARTICIPANT_COLUMNS, file=file, sheet=None)
    if not table.read_header(rows):
        table.raise_if_problems()
    participants, numbers = read_participants(table, rows)

    def locate(loc: Loc) -> dict:
        if len(loc) >= 2 and loc[0] == "participants":
            return {"row": numbers[loc[1]], "field": None,
                    "column": table.header_of(str(loc[2])) if len(loc) > 2 else None}
        return {}

    try:
        finish_registry(participants, [], [], None, file=file, locate=locate)
    except InputError as exc:
        table.problems.extend(exc.problems)
    table.raise_if_problems()
    return participants


def dump_participants_csv(participants: list[Participant], delimiter: str = ";") -> str:
    """Participants as CSV text with the columns of sheet «Участники» (dates as ДД.ММ.ГГГГ)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([c.header for c in PARTICIPANT_COLUMNS])
    for person in participants:
        writer.writerow([cell_text(cell_value(person, c)) for c in PARTICIPANT_COLUMNS])
    return out.getvalue()
