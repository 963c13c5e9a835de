"""The registry workbook (база наставников и наставляемых): reading it and filling a copy
of the built-in template (``templates/xlsx/registry.xlsx``, built by
``tools/build_templates/registry.py``). openpyxl is imported for writing only: a reader
(python-calamine where installed) does not pay for it."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator, Sequence
from copy import copy
from dataclasses import replace
from datetime import date
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from typing import Any

from .._files import atomic_path
from .._gc import no_collection
from .._resources import templates_dir
from .._textsafe import excel_text
from ..errors import InputError, Problem
from ..models import AliasedEnum, Pair, Registry
from ..ru import agree
from ._columns import (
    CASES,
    ENUM,
    EXPERIENCE,
    HISTORY_COLUMNS,
    HISTORY_SHEET,
    LISTS_SHEET,
    MAX_MENTEES_COLUMN,
    MAX_MENTEES_LABEL,
    NUMBER,
    PAIR_COLUMNS,
    PAIR_READ_COLUMNS,
    PAIRS_SHEET,
    PARTICIPANT_COLUMNS,
    PARTICIPANTS_SHEET,
    PEOPLE,
    Column,
)
from ._form_lists import FormLists, read_lists, write_lists
from ._links import finish_registry
from ._people import UNKNOWN_PERSON, PeopleIndex, resolve_people
from ._problems import Loc
from ._registry_history import history_rows, read_history
from ._shared_strings import share_strings
from ._table import HEADER_SEARCH_ROWS, Table, Workbook, format_cases, open_workbook, read_participants
from ._values import cell_text, header_key
from ._workbook import check_workbook, damaged_workbook, formulas_without_values
from ._yaml import existing_file

TEMPLATE_NAME = "registry.xlsx"
DATE_FORMAT = "DD.MM.YYYY"
MONEY_FORMAT = "#,##0.00"


def template_path() -> Path:
    return templates_dir() / "xlsx" / TEMPLATE_NAME


# ---------------------------------------------------------------------------- reading


def read_registry_xlsx(path: str | os.PathLike[str]) -> Registry:
    """Read the curator's workbook; every problem of the file is reported together."""
    path = existing_file(path)
    file = str(path)
    check_workbook(path)
    try:
        workbook = open_workbook(path)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise damaged_workbook(file) from None
    try:
        names = {header_key(name): name for name in workbook.sheetnames}
        missing = [s for s in (PARTICIPANTS_SHEET, PAIRS_SHEET) if header_key(s) not in names]
        if missing:
            found = ", ".join(f"«{n}»" for n in workbook.sheetnames)
            raise InputError([Problem(f"нет листа «{s}»; в книге есть листы: {found}", file=file, sheet=s,
                                      code="sheet.missing")
                              for s in missing], file=file)
        # parsed in a thread while formulas are looked for and the rows of the sheets before are read
        workbook.prefetch([names[header_key(s)] for s in (PARTICIPANTS_SHEET, LISTS_SHEET, PAIRS_SHEET, HISTORY_SHEET)
                           if header_key(s) in names])
        blanks = formulas_without_values(path, list(names.values()))
        with no_collection():  # millions of small objects, no cycles (see nastavnik_docs._gc)
            return _read(workbook, names, file, blanks)
    except InputError:
        raise
    except Exception as exc:  # a sheet is parsed lazily, while its rows are read
        raise damaged_workbook(file, exc) from None
    finally:
        workbook.close()




def _rows(workbook: Workbook, name: str) -> Iterator[Sequence[Any]]:
    return workbook.rows(name)


def _read(workbook: Any, names: dict[str, str], file: str,
          blanks: dict[str, set[tuple[int, int]]]) -> Registry:
    people_sheet, pairs_sheet = names[header_key(PARTICIPANTS_SHEET)], names[header_key(PAIRS_SHEET)]
    people = Table(PARTICIPANT_COLUMNS, file=file, sheet=people_sheet, blanks=blanks.get(people_sheet))
    rows = _rows(workbook, people_sheet)
    people_ok = people.read_header(rows)
    participants, person_rows = read_participants(people, rows) if people_ok else ([], [])

    for person, number in zip(participants, person_rows):
        person.set_origin(people_sheet, number)

    problems: list[Problem] = []
    lists = FormLists()
    if header_key(LISTS_SHEET) in names:
        lists = read_lists(_rows(workbook, names[header_key(LISTS_SHEET)]), file,
                           names[header_key(LISTS_SHEET)], problems)

    couples = Table(PAIR_READ_COLUMNS, file=file, sheet=pairs_sheet, blanks=blanks.get(pairs_sheet))
    rows = _rows(workbook, pairs_sheet)
    head = list(islice(rows, HEADER_SEARCH_ROWS))
    rows = chain(head, rows)
    index = PeopleIndex(participants, people.rejected_ids)
    pairs: list[Pair] = []
    pair_rows: list[int] = []
    pairs_ok = couples.read_header(rows)
    forms_ok = lists.check_header(couples, head)
    if not people_ok:  # every pair would miss its people: only the headers are reported
        raise InputError(people.problems + couples.problems + problems, file=file)
    if forms_ok and pairs_ok:
        pairs, pair_rows = _read_pairs(couples, rows, index, lists)
    for pair, number in zip(pairs, pair_rows):
        pair.set_origin(pairs_sheet, number)

    history_sheet = names.get(header_key(HISTORY_SHEET))
    events = Table(HISTORY_COLUMNS, file=file, sheet=history_sheet,
                   blanks=blanks.get(history_sheet) if history_sheet else None)
    if events.sheet is not None and pairs_ok:  # without pairs, every event would miss its pair
        pairs = read_history(events, _rows(workbook, events.sheet), index, pairs, couples.rejected_ids)

    problems = people.problems + _without_id_cascade(people, couples.problems + events.problems) + problems

    def locate(loc: Loc) -> dict[str, Any]:
        if len(loc) >= 4 and loc[0] == "pairs" and loc[2] == "history":
            origin = pairs[int(loc[1])].history[int(loc[3])].origin
            if origin is not None:
                return {"sheet": origin.sheet, "row": origin.row, "field": None,
                        "column": events.header_of(str(loc[4])) if len(loc) > 4 else None}
        if len(loc) >= 2 and loc[0] == "pairs":
            return {"sheet": couples.sheet, "row": pair_rows[int(loc[1])], "field": None,
                    "column": couples.header_of(str(loc[2])) if len(loc) > 2 else None}
        if len(loc) >= 2 and loc[0] == "participants":
            return {"sheet": people.sheet, "row": person_rows[int(loc[1])], "field": None,
                    "column": people.header_of(str(loc[2])) if len(loc) > 2 else None}
        return {}

    try:
        registry = finish_registry(participants, pairs, lists.forms(), lists.max_mentees, file=file,
                                   locate=locate)
    except InputError as exc:
        problems.extend(exc.problems)
    if problems:
        raise InputError(problems, file=file)
    return registry


def _without_id_cascade(people: Table, problems: list[Problem]) -> list[Problem]:
    """Problems of the other sheets, with the references to nobody that only a missing
    «ID» column on sheet «Участники» explains (a renamed header) told once, at the header."""
    if "id" in people.index:
        return problems
    lost = [p for p in problems if p.message.startswith(UNKNOWN_PERSON)]
    if len(lost) < 2:
        return problems
    renamed = ", ".join(f"«{h}»" for h in people.unknown_headers)
    first = lost[0]
    cause = Problem(
        "на листе нет столбца «ID»" + (f" (не распознаны столбцы {renamed} — не переименован ли он?)" if renamed
                                       else "") + f", поэтому не найдены {agree(len(lost), 'ссылка')} на участников по ID "
        f"(первая — лист «{first.sheet}», строка {first.row}); верните столбцу заголовок «ID»",
        file=people.file, sheet=people.sheet, row=people.header_row)
    return [cause, *(p for p in problems if p not in lost)]


def _read_pairs(table: Table, rows: Iterator[Sequence[Any]], index: PeopleIndex,
                lists: FormLists) -> tuple[list[Pair], list[int]]:
    pairs: list[Pair] = []
    numbers: list[int] = []
    for number, data, failed in table.read_rows(rows):
        lists.check_legacy(table, number, data, failed)
        resolve_people(table, number, data, failed, index, {
            "mentor": "у пары один наставник; наставляемых укажите в столбце «Наставляемые»", "mentees": None})
        pair = table.validate(Pair, number, data, failed)
        if pair is not None and not failed & {"mentor", "mentees"}:
            pairs.append(pair)
            numbers.append(number)
        elif data.get("id") is not None:
            table.rejected_ids.add(cell_text(data["id"]))  # its history rows are not reported again
    return pairs, numbers


# ---------------------------------------------------------------------------- writing


def cell_value(record: Any, col: Column) -> Any:
    if col.kind == EXPERIENCE:
        if record.experience_since is not None:
            return record.experience_since
        years = record.experience_years
        return int(years) if years is not None and float(years).is_integer() else years
    value: Any = record
    for part in col.field.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    if col.kind == PEOPLE:
        return value if isinstance(value, str) else "; ".join(value)
    if col.kind == CASES:
        return format_cases(value)
    if col.kind == ENUM and isinstance(value, AliasedEnum):
        return value.label
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _fill(sheet: Any, columns: Sequence[Column], records: Sequence[Any]) -> list[Problem]:
    """Write ``records`` from row 2; the cells whose text could not be written."""
    from openpyxl.styles import Alignment  # openpyxl only for writing: reading is calamine's
    from openpyxl.utils import get_column_letter

    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    # A cell's style is set once per kind (its style in the template, wrapped or not, its
    # number format, a quote prefix) and copied to the cells of that kind: setting a style
    # through openpyxl hashes it into the workbook's tables on every cell, half the time of
    # writing a large registry. Copying ``_style`` is how openpyxl copies cells itself
    # (``WorksheetCopy``).
    styles: dict[tuple[tuple[int, ...], bool, str | None, bool], Any] = {}
    problems: list[Problem] = []
    for r, record in enumerate(records, start=2):
        lines = 1
        for c, col in enumerate(columns, start=1):
            value = cell_value(record, col)
            if value is None:
                continue
            formula_like = False
            if isinstance(value, str):  # the one rule of nastavnik_docs._textsafe
                try:
                    value, formula_like = excel_text(value)
                except ValueError as exc:
                    problems.append(Problem(str(exc), sheet=sheet.title, row=r, column=col.header, code="cell.too_long"))
                    continue
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # «=…» typed as a name or a post is text, never a formula
            needed = _lines(value, col.width) if isinstance(value, str) else 1
            lines = max(lines, needed)
            number_format = DATE_FORMAT if isinstance(value, date) else MONEY_FORMAT if col.kind == NUMBER else None
            key = (tuple(cell._style or ()), needed > 1, number_format, formula_like)
            style = styles.get(key)
            if style is not None:
                cell._style = copy(style)
                continue
            if formula_like:
                cell.quotePrefix = True
            if number_format is not None:
                cell.number_format = number_format
            cell.alignment = wrap if needed > 1 else top
            styles[key] = copy(cell._style)
        if lines > 1:  # spreadsheet programs do not re-measure the rows of a file they open
            sheet.row_dimensions[r].height = 15 * lines
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{max(len(records) + 1, 2)}"
    return problems


def _lines(text: str, width: float) -> int:
    """Lines a wrapped text takes in a column of ``width`` characters (a generous estimate)."""
    per_line = max(1, int(width * 1.1))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def fill_workbook(workbook: Any, registry: Registry) -> None:
    """Write the registry into an opened copy of the template; InputError naming every
    cell whose text is longer than Excel holds."""
    problems = _fill(workbook[PARTICIPANTS_SHEET], PARTICIPANT_COLUMNS, registry.participants)
    problems += _fill(workbook[PAIRS_SHEET], PAIR_COLUMNS, registry.pairs)
    events = history_rows(registry)
    if HISTORY_SHEET not in workbook.sheetnames and events:  # a curator's template from before the sheet
        sheet = workbook.create_sheet(HISTORY_SHEET, index=workbook.sheetnames.index(PAIRS_SHEET) + 1)
        for c, col in enumerate(HISTORY_COLUMNS, start=1):
            sheet.cell(row=1, column=c, value=col.header)
    if HISTORY_SHEET in workbook.sheetnames:
        problems += _fill(workbook[HISTORY_SHEET], HISTORY_COLUMNS, events)
    if problems:
        raise InputError(problems)
    lists = workbook[LISTS_SHEET]
    write_lists(lists, registry)
    if registry.max_mentees_per_mentor is not None:
        columns = {header_key(c.value): c.column for c in lists[1] if c.value is not None}
        lists.cell(row=2, column=columns.get(header_key(MAX_MENTEES_LABEL), MAX_MENTEES_COLUMN),
                   value=registry.max_mentees_per_mentor)


def write_registry(registry: Registry, path: str | os.PathLike[str], *, overwrite: bool = False,
                   template: str | os.PathLike[str] | None = None) -> Path:
    """Fill a copy of the registry workbook template with ``registry``; atomic, returns the path.
    Texts are written as shared strings, as Excel does."""
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputError(Problem(f"базу можно записать только в книгу Excel (.xlsx), а не «{path.suffix}»",
                                 file=str(path), code="file.type"), file=path)
    import openpyxl

    workbook = openpyxl.load_workbook(template or template_path())
    try:
        fill_workbook(workbook, registry)
    except InputError as exc:
        raise InputError([replace(p, file=str(path)) for p in exc.problems], file=path) from None
    with atomic_path(path, overwrite=overwrite) as tmp:
        workbook.save(tmp)
        share_strings(tmp)  # as Excel writes them: each distinct text once
    return path
