"""Reading a table (a sheet of the registry workbook or a CSV file) row by row.

Shared by the XLSX and CSV readers: finding the header row (tolerating case, spaces,
ё/е and a few title rows above it), reading each cell by its column's kind, and turning
every problem into a Problem that names the file, sheet, row, column and value.

Workbooks are opened with :func:`open_workbook`: python-calamine (a Rust reader, several
times faster than openpyxl on a large registry) where it is installed, openpyxl otherwise;
both give the same rows (empty cells as None, whole numbers as int, from cell A1).
calamine parses a whole sheet at once, in Rust, letting other Python threads run:
:meth:`Workbook.prefetch` parses the sheets a reader will need, in order, in one thread
of its own while the reader checks the file and reads the rows of the sheets before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .._privacy import is_personal
from ..errors import InputError, Problem
from ..models import AliasedEnum, Case, Category, Gender, PairEventKind, PairStatus, Participant, Role
from ._columns import CASES, DATE, ENUM, EXPERIENCE, INTEGER, NUMBER, PEOPLE, TEXT, Column
from ._problems import Loc, annotation_at, problem_code, russian_message
from ._values import cell_text, header_key, parse_date, parse_number
from ._workbook import FORMULA_MESSAGE

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

#: The problem code of a cell that could not be read, by its column's kind.
_KIND_CODES = {DATE: "date.invalid", NUMBER: "number.invalid", INTEGER: "number.invalid",
               ENUM: "value.not_allowed", EXPERIENCE: "number.invalid"}

ENUMS: dict[str, type[AliasedEnum]] = {"gender": Gender, "role": Role, "category": Category, "status": PairStatus,
                                        "kind": PairEventKind}
#: Cell values remembered per column before its memory is started afresh.
_MEMO_LIMIT = 50_000
#: How many rows above the header a curator may have added (a title, a note).
HEADER_SEARCH_ROWS = 10
#: Messages of record-level checks in the models, and the column each one is about.
RECORD_CHECKS = {
    "стаж задан дважды": "experience",
    "дата окончания": "end",
    "наставник не может быть наставляемым": "mentees",
    "наставляемый указан в паре дважды": "mentees",
    "для смены наставника укажите прежнего": "previous_mentor",
    "для смены наставника укажите нового": "new_mentor",
    "при смене наставника прежний и новый наставник совпадают": "new_mentor",
    "наставники указываются только для смены наставника": "kind",
    "для события": "mentee",
    "наставляемый указывается только для событий": "kind",
}


#: How a column's cells are read (``_Slot.how``): a text field, a text field nested in
#: another («representative.full_name»), people resolved by the reader, by the column's kind.
_TEXT, _NESTED_TEXT, _PEOPLE, _KIND = range(4)


class _Slot(NamedTuple):
    """A column found in the header, as a row is read: its position in the row, its field,
    how its cells are read, the field's path in the nested data, the values of its cells
    read so far (None for a column read each time) and its spec."""

    position: int
    field: str
    how: int
    path: tuple[str, ...]
    memo: dict[Any, list[tuple[tuple[str, ...], Any]]] | None
    col: Column


def _slot(position: int, col: Column) -> _Slot:
    path = tuple(col.field.split("."))
    how = (_TEXT if len(path) == 1 else _NESTED_TEXT) if col.kind == TEXT else _PEOPLE if col.kind == PEOPLE else _KIND
    return _Slot(position, col.field, how, path, None if col.kind in (PEOPLE, CASES) else {}, col)


class Workbook:
    """The sheets of a workbook, read row by row as openpyxl's ``values_only`` rows."""

    def __init__(self, path: str | os.PathLike[str]):
        self._calamine: Any = None
        self._openpyxl: Any = None
        self._parser: ThreadPoolExecutor | None = None  # the thread of prefetch
        self._parsed: dict[str, Future[Any]] = {}  # sheet name -> its sheet, being parsed
        try:
            from python_calamine import CalamineWorkbook
        except ImportError:
            import openpyxl
            from openpyxl.utils.exceptions import InvalidFileException

            try:
                self._openpyxl = openpyxl.load_workbook(path, read_only=True, data_only=True)
            except InvalidFileException as exc:
                raise ValueError(f"not a workbook: {exc}") from None
            self.sheetnames: list[str] = list(self._openpyxl.sheetnames)
        else:
            try:
                self._calamine = CalamineWorkbook.from_path(os.fspath(path))
            except Exception as exc:  # calamine's errors are of its own classes
                raise ValueError(f"not a workbook: {exc}") from None
            self.sheetnames = list(self._calamine.sheet_names)

    def prefetch(self, names: Sequence[str]) -> None:
        """Start parsing the sheets ``names`` (as in the workbook), in this order, in a thread
        (calamine only: openpyxl reads a sheet as its rows are asked for). A sheet's
        error is raised where its rows are asked for."""
        if self._calamine is None or self._parser is not None:
            return
        from concurrent.futures import ThreadPoolExecutor  # only where a workbook is read

        self._parser = ThreadPoolExecutor(1, thread_name_prefix="nastavnik-docs-sheets")
        self._parsed = {name: self._parser.submit(self._calamine.get_sheet_by_name, name) for name in names}

    def rows(self, name: str) -> Iterator[Sequence[Any]]:
        if self._openpyxl is not None:
            return iter(self._openpyxl[name].iter_rows(values_only=True))
        parsed = self._parsed.pop(name, None)
        sheet = parsed.result() if parsed is not None else self._calamine.get_sheet_by_name(name)
        return _calamine_rows(sheet)

    def close(self) -> None:
        """Release the file; closing twice is harmless."""
        if self._parser is not None:  # a sheet still being parsed is finished, the rest dropped
            self._parser.shutdown(wait=True, cancel_futures=True)
            self._parser, self._parsed = None, {}
        if self._openpyxl is not None:
            self._openpyxl.close()
        elif self._calamine is not None:
            self._calamine.close()
        self._openpyxl = self._calamine = None


def _calamine_rows(sheet: Any) -> Iterator[Sequence[Any]]:
    """calamine's rows as openpyxl gives them: starting at A1, "" as None, 28.0 as 28."""
    top, left = sheet.start or (0, 0)
    yield from ((),) * top
    pad = (None,) * left
    for row in sheet.iter_rows():
        cells = [None if v == "" else int(v) if type(v) is float and v.is_integer() else v for v in row]
        yield pad + tuple(cells) if pad else cells


def open_workbook(path: str | os.PathLike[str]) -> Workbook:
    """The workbook at ``path`` for reading (ValueError, OSError or a zip error when it is
    not one)."""
    return Workbook(path)


class Table:
    """One table of input: its columns as found in the header, and the problems so far."""

    def __init__(self, columns: Sequence[Column], *, file: str, sheet: str | None,
                 blanks: AbstractSet[tuple[int, int]] | None = None):
        self.specs = columns
        self.file = file
        self.sheet = sheet
        #: (row, 0-based column) of cells with a formula and no saved value
        self.blanks: AbstractSet[tuple[int, int]] = blanks or frozenset()
        self.header_row = 1
        self.index: dict[str, tuple[int, str]] = {}  # field -> (position, header as typed)
        self.problems: list[Problem] = []
        #: IDs typed in rows that were rejected: links to them are not reported again
        self.rejected_ids: set[str] = set()
        #: headers of the header row that name no known column (a renamed one among them?)
        self.unknown_headers: list[str] = []
        self._enum_memo: dict[tuple[str, str], AliasedEnum] = {}  # the same few words in 10,000 rows
        self._keys: dict[str, Column] = {}
        for col in columns:
            for name in (col.header, *col.aliases):
                self._keys.setdefault(header_key(name), col)

    # ----------------------------------------------------------------- header
    def read_header(self, rows: Iterator[Sequence[Any]]) -> bool:
        """Consume rows up to and including the header; False (with problems) if none fits."""
        best: tuple[int, dict[str, tuple[int, str]]] | None = None
        for number, row in enumerate(rows, start=1):
            found = self.match(row)
            if all(c.field in found for c in self.specs if c.required):
                self.header_row, self.index = number, found
                used = {i for i, _ in found.values()}
                self.unknown_headers = [cell_text(c) for i, c in enumerate(row) if i not in used and cell_text(c)]
                return True
            if found and (best is None or len(found) > len(best[1])):
                best = (number, found)
            if number >= HEADER_SEARCH_ROWS:
                break
        row_no, found = best if best else (1, {})
        expected = ", ".join(f"«{c.header}»" for c in self.specs)
        for col in self.specs:
            if col.required and col.field not in found:
                self.problems.append(Problem(
                    f"нет обязательного столбца «{col.header}»; в строке заголовков ожидаются "
                    f"столбцы: {expected}", file=self.file, sheet=self.sheet, row=row_no, column=col.header,
                    code="column.missing"))
        return False

    def match(self, row: Sequence[Any]) -> dict[str, tuple[int, str]]:
        """The columns a row names: field -> (position, header as typed)."""
        found: dict[str, tuple[int, str]] = {}
        canonical: set[str] = set()
        for position, cell in enumerate(row):
            key = header_key(cell) if cell is not None else ""
            col = self._keys.get(key)
            if col is None or col.field in canonical:
                continue
            # the column's own header wins over an alias («ID» over a «№» row counter)
            if col.field not in found or key == header_key(col.header):
                found[col.field] = (position, cell_text(cell))
            if key == header_key(col.header):
                canonical.add(col.field)
        return found

    def header_of(self, field: str) -> str | None:
        hit = self.index.get(field)
        return hit[1] if hit else None

    # ------------------------------------------------------------------- rows
    def read_rows(self, rows: Iterator[Sequence[Any]]) -> Iterator[tuple[int, dict[str, Any], set[str]]]:
        """(row number, cell values read by their column's kind as nested data for a model,
        the fields whose cells could not be read — already reported) for every non-empty
        row after the header.

        The columns are resolved once, from the header: each row is read at the positions
        of its columns only. A cell value read once is remembered per column (categories,
        roles, posts, dates repeat on thousands of rows); people and cases, which the
        reader nests or resolves further, are read each time."""
        slots = [_slot(self.index[col.field][0], col) for col in self.specs if col.field in self.index]
        positions = [slot.position for slot in slots]
        width = max(positions, default=-1) + 1
        blanks = self.blanks
        for number, row in enumerate(rows, start=self.header_row + 1):
            if len(row) >= width:
                values = [row[i] for i in positions]
            else:
                size = len(row)
                values = [row[i] if i < size else None for i in positions]
            for value in values:
                if value is not None and (type(value) is not str or value.strip()):
                    break
            else:  # empty rows, including Excel's trailing formatted ones
                if not (blanks and any((number, i) in blanks for i in positions)):
                    continue
            yield number, *self._convert(number, slots, values)

    def problem(self, row: int, field: str | None, value: Any, message: str, code: str = "input.invalid",
                hint: str | None = None) -> None:
        """Record a problem in a cell; the value of a personal field (a phone, a birth
        date…) is never printed in its message (``nastavnik_docs._privacy``)."""
        column = self.header_of(field) if field else None
        self.problems.append(Problem(message, file=self.file, sheet=self.sheet, row=row,
                                     column=column, value=cell_text(value) if value is not None else None,
                                     code=code, hint=hint, personal=is_personal(field)))

    def _convert(self, row: int, slots: list[_Slot], values: list[Any]) -> tuple[dict[str, Any], set[str]]:
        """One row's values (``values[i]`` in the column of ``slots[i]``) read."""
        data: dict[str, Any] = {}
        failed: set[str] = set()
        items: list[tuple[tuple[str, ...], Any]] | None
        blanks = self.blanks
        for slot, value in zip(slots, values):
            position, field, how, path, memo, _ = slot
            if value is None:
                if blanks and (row, position) in blanks:
                    self.problem(row, field, None, FORMULA_MESSAGE, code="cell.formula")
                    failed.add(field)
                continue
            if how == _TEXT and type(value) is str:  # names, posts, IDs: mostly distinct, read as typed
                value = value.strip()
                if value:
                    data[field] = value
                continue
            if how == _PEOPLE:  # resolved by the reader
                if type(value) is not str or value.strip():
                    data[field] = value
                continue
            if how == _NESTED_TEXT and type(value) is str:
                value = value.strip()
                if not value:
                    continue
                items = [(path, value)]
            else:
                key = value if type(value) is str else (type(value), value)  # True == 1 == 1.0
                items = memo.get(key) if memo is not None else None
                if items is None:
                    items = self._read_cell(row, slot, key, value)
                if items is None:
                    failed.add(field)
                    continue
            for path, item in items:
                if len(path) == 1:
                    data[path[0]] = item
                    continue
                target = data
                for parent in path[:-1]:
                    target = target.setdefault(parent, {})
                target[path[-1]] = item
        return data, failed

    def _read_cell(self, row: int, slot: _Slot, key: Any, value: Any) -> list[tuple[tuple[str, ...], Any]] | None:
        """A cell's value the column's memo does not hold, read by the column's kind and
        remembered under ``key``: [] for a blank cell, None when it could not be read (reported)."""
        if type(value) is str and not value.strip():
            return []
        col = slot.col
        try:
            items = [(tuple(name.split(".")), item) for name, item in self._read(col, value)]
        except ValueError as exc:
            self.problem(row, col.field, value, str(exc), _KIND_CODES.get(col.kind, "input.invalid"))
            return None
        memo = slot.memo
        if memo is not None:
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[key] = items
        return items

    def _read(self, col: Column, value: Any) -> list[tuple[str, Any]]:
        if col.kind == DATE:
            return [(col.field, parse_date(value, past=col.field.endswith("birth_date")))]
        if col.kind == NUMBER:
            return [(col.field, parse_number(value))]
        if col.kind == INTEGER:
            number = parse_number(value)
            if number != number.to_integral_value():
                raise ValueError("нужно целое число")
            return [(col.field, int(number))]
        if col.kind == ENUM:
            enum = ENUMS[col.field]
            text = cell_text(value)
            member = self._enum_memo.get((col.field, text))
            if member is not None:
                return [(col.field, member)]
            try:
                member = self._enum_memo[(col.field, text)] = enum(text)
                return [(col.field, member)]
            except ValueError:
                allowed = ", ".join(f"«{w}»" for w in enum.allowed())
                raise ValueError(f"недопустимое значение; допустимо: {allowed}") from None
        if col.kind == EXPERIENCE:
            try:
                number = parse_number(value)
            except ValueError:
                try:
                    return [("experience_since", parse_date(value))]
                except ValueError:
                    raise ValueError("стаж: укажите число лет или дату начала педагогической работы") from None
            return [("experience_years", float(number))]
        if col.kind == PEOPLE:
            return [(col.field, value)]
        if col.kind == CASES:
            return [(col.field, parse_cases(cell_text(value)))]
        return [(col.field, cell_text(value))]

    def validate(self, model: type[BaseModel], row: int, data: dict[str, Any],
                 failed: AbstractSet[str] = frozenset()) -> Any:
        """``model`` from one row's data; errors attached to the row's cells.

        Errors about a field whose cell could not be read are not repeated.
        """
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                loc: Loc = tuple(error.get("loc", ()))
                field = self._field_of(loc, error)
                if field in failed:
                    continue
                value = error.get("input") if error.get("type") != "missing" and loc else None
                if isinstance(value, (dict, list)):
                    value = None
                if value is None and field in self.index:
                    value = self._cell_value(data, field)
                self.problem(row, field, value, russian_message(error, annotation_at(model, loc)),
                             problem_code(error))
            return None

    def _field_of(self, loc: Loc, error: ErrorDetails) -> str | None:
        names = [p for p in loc if isinstance(p, str)]
        for end in range(len(names), 0, -1):
            field = ".".join(names[:end])
            if field in ("experience_years", "experience_since"):
                return "experience"
            if field in self.index or any(c.field == field for c in self.specs):
                return field
        if not names and error.get("type") == "value_error":
            text = str((error.get("ctx") or {}).get("error", ""))
            for start, field in RECORD_CHECKS.items():
                if text.startswith(start):
                    return field
        return None

    @staticmethod
    def _cell_value(data: dict[str, Any], field: str) -> Any:
        target: Any = data
        for part in field.split("."):
            if not isinstance(target, dict) or part not in target:
                return None
            target = target[part]
        return target if not isinstance(target, (dict, list)) else None

    def raise_if_problems(self) -> None:
        if self.problems:
            raise InputError(self.problems, file=self.file)


def parse_cases(text: str) -> dict[Case, str]:
    """«дательный: Золя Эмилю; творительный: Золя Эмилем» → {Case.DATIVE: …, …}."""
    forms: dict[Case, str] = {}
    for part in (p.strip() for p in text.replace("\n", ";").split(";")):
        if not part:
            continue
        case, sep, name = part.partition(":")
        try:
            if not sep or not name.strip():
                raise ValueError
            forms[Case(case.strip())] = name.strip()
        except ValueError:
            raise ValueError("пишите падеж и имя через двоеточие, пары — через «;»: "
                             "«дательный: Золя Эмилю; творительный: Золя Эмилем»") from None
    return forms


def format_cases(forms: dict[Case, str]) -> str | None:
    return "; ".join(f"{Case(case).label}: {name}" for case, name in forms.items()) or None


def read_participants(table: Table, rows: Iterator[Sequence[Any]]) -> tuple[list[Participant], list[int]]:
    """Participants of a table (sheet «Участники» or a CSV) and the row each came from.

    A blank ID becomes the row number, so pairs can still name the person by full name.
    """
    participants: list[Participant] = []
    numbers: list[int] = []
    for number, data, failed in table.read_rows(rows):
        data.setdefault("id", str(number))
        person = table.validate(Participant, number, data, failed)
        if person is not None:
            participants.append(person)
            numbers.append(number)
        else:
            table.rejected_ids.add(str(data["id"]))
    return participants, numbers
