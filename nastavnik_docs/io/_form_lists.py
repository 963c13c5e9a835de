"""The lists sheet of the registry workbook («Списки»): the organisation's own pair types and
formats below the built-in ones, the optional limit of mentees per mentor, and the form
columns of the pairs sheet (two columns now, one in older workbooks).

An older workbook has one list «Форма наставничества» and one column of that name on the
pairs sheet: each of its values goes to the pair type or the format it belongs to
(``models.form_dimension``); a value in no list is an error naming the nearest listed one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._textsafe import xml_text
from ..errors import Problem
from ..models import (
    FORMATS,
    PAIR_TYPES,
    MentoringForm,
    MentoringFormat,
    PairType,
    Registry,
    find_form,
    find_format,
    find_pair_type,
    form_dimension,
    unknown_form_message,
)
from ._columns import LEGACY_FORM_COLUMN, LEGACY_FORM_LIST, LIST_BY_NAME, MAX_MENTEES_LABEL, PAIR_COLUMNS
from ._table import Table
from ._values import cell_text, header_key, parse_number

#: The pair sheet's fields that say something about the form.
FORM_FIELDS = ("pair_type", "format", "form")
_TYPE_LIST = LIST_BY_NAME["lst_pair_type"].title
_FORMAT_LIST = LIST_BY_NAME["lst_format"].title


@dataclass
class FormLists:
    """What the lists sheet adds: the organisation's own pair types and formats, the limit."""

    pair_types: list[PairType] = field(default_factory=list)
    formats: list[MentoringFormat] = field(default_factory=list)
    max_mentees: int | None = None

    def forms(self) -> list[MentoringForm]:
        return [*self.pair_types, *self.formats]

    def add(self, title: str, dimension: str | None = None) -> None:
        """A value of a list, unless it is already listed (built in or above)."""
        if dimension is None:
            if find_form(title, self.forms()) is not None:
                return
            dimension = form_dimension(title, self.pair_types, self.formats)
        if dimension == "pair_type" and find_pair_type(title, self.pair_types) is None:
            self.pair_types.append(PairType(title=title))
        elif dimension == "format" and find_format(title, self.formats) is None:
            self.formats.append(MentoringFormat(title=title))

    def check_header(self, table: Table, head: Sequence[Sequence[Any]]) -> bool:
        """The pairs sheet names at least one form column; else a problem is added."""
        found = [table.match(row) for row in head]
        if any(f in hit for hit in found for f in FORM_FIELDS):
            return True
        row = next((i for i, hit in enumerate(found, start=1) if hit), 1)
        expected = ", ".join(f"«{c.header}»" for c in PAIR_COLUMNS)
        table.problems.append(Problem(
            f"нет обязательного столбца «{LEGACY_FORM_COLUMN.header}»: нужны столбцы «{_TYPE_LIST}» "
            f"и (или) «{_FORMAT_LIST}»; в строке заголовков ожидаются столбцы: {expected}",
            file=table.file, sheet=table.sheet, row=row, column=LEGACY_FORM_COLUMN.header, code="column.missing"))
        return False

    def check_legacy(self, table: Table, row: int, data: dict[str, Any], failed: set[str]) -> None:
        """A value of the old one-column «Форма наставничества» must be in a list."""
        value = data.get("form")
        if value is None or find_form(value, self.forms()) is not None:
            return
        table.problem(row, "form", value, unknown_form_message(value, self.forms()), code="form.unknown")
        failed.add("form")


def read_lists(rows: Iterable[Sequence[Any]], file: str, sheet: str, problems: list[Problem]) -> FormLists:
    """The organisation's own values below the built-in ones, and the optional mentee limit."""
    rows = iter(rows)
    header = next(rows, ())
    keys = [header_key(c) if c is not None else "" for c in header]

    def column(title: str) -> int | None:
        return keys.index(header_key(title)) if header_key(title) in keys else None

    columns = [(column(_TYPE_LIST), "pair_type"), (column(_FORMAT_LIST), "format"),
               (column(LEGACY_FORM_LIST), None)]
    max_col = column(MAX_MENTEES_LABEL)
    lists = FormLists()
    for number, row in enumerate(rows, start=2):
        for col, dimension in columns:
            if col is not None and col < len(row) and cell_text(row[col]):
                lists.add(cell_text(row[col]), dimension)
        if number == 2 and max_col is not None and max_col < len(row) and cell_text(row[max_col]):
            value = row[max_col]
            try:
                limit = parse_number(value)
                if limit < 1 or limit != limit.to_integral_value():
                    raise ValueError
                lists.max_mentees = int(limit)
            except ValueError:
                problems.append(Problem("нужно целое число не меньше 1", file=file, sheet=sheet, row=2,
                                        column=MAX_MENTEES_LABEL, value=cell_text(value), code="number.range"))
    return lists


def write_lists(sheet: Any, registry: Registry) -> None:
    """The registry's own pair types and formats below the built-in ones on the lists sheet."""
    columns = {header_key(c.value): c.column for c in sheet[1] if c.value is not None}
    for title, own, builtin in ((_TYPE_LIST, registry.pair_types, PAIR_TYPES),
                                (_FORMAT_LIST, registry.formats, FORMATS)):
        col = columns[header_key(title)]
        row = 2 + len(builtin)
        for form in own:
            if find_form(form.title) is None:
                # text from the data by the one XML rule, typed as text (never a formula)
                sheet.cell(row=row, column=col, value=xml_text(form.title)).data_type = "s"
                row += 1
