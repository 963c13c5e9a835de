"""What reading a registry workbook does and does not do: no openpyxl on the reading path,
column letters as openpyxl names them, link checks without warnings when only errors count,
origins kept on every record read, and sheets parsed ahead in a thread that never outlives
the read."""

from __future__ import annotations

import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_registry
from nastavnik_docs.io._table import open_workbook
from nastavnik_docs.io._workbook import _sheet_parts, column_letter
from nastavnik_docs.models import Pair, Participant, Registry, check_registry

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "registry.xlsx"


def test_reading_a_workbook_imports_no_openpyxl():
    code = ("import sys; from nastavnik_docs.io import load_registry; "
            f"registry = load_registry({str(SAMPLE)!r}); "
            "print(len(registry.participants), 'openpyxl' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    count, imported = done.stdout.split()
    assert int(count) > 0 and imported == "False"


def test_column_letters_are_openpyxl_s():
    assert [column_letter(i) for i in (1, 26, 27, 52, 53, 702, 703, 18278)] == \
        ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "ZZZ"]
    assert all(column_letter(i) == get_column_letter(i) for i in range(1, 18279))


def test_errors_only_and_warnings_only_checks_give_the_parts_of_the_full_check():
    people = [Participant(id=f"u{i}", last_name="Иванова", first_name="Анна", category="обучающийся",
                          birth_date="1950-01-01") for i in range(4)]
    pairs = [Pair(mentor="u0", mentees=["u1"], start="2026-09-01", end="2026-09-10"),
             Pair(mentor="u2", mentees=["nobody"], start="2026-09-01")]
    draft = Registry.model_construct(participants=people + people[:1], pairs=pairs, forms=[], pair_types=[],
                                     formats=[], max_mentees_per_mentor=None)
    full = check_registry(draft)
    errors = check_registry(draft, warnings=False)
    assert {p.severity for p in full} == {"error", "warning"}
    assert errors == [p for p in full if p.severity == "error"]
    assert {p.code for p in errors} == {"participant.duplicate_id", "pair.person_unknown"}
    warnings = check_registry(draft, errors=False)
    assert warnings == [p for p in full if p.severity == "warning"]
    assert {p.code for p in warnings} == {"participant.birth_date", "pair.duration"}
    assert draft.warnings() == [f"пара {p.pair + 1}: {p.message}" if p.pair is not None else p.message
                                for p in warnings]


def test_every_record_read_knows_its_row():
    registry = load_registry(SAMPLE)
    rows = [p.origin.row for p in registry.participants if p.origin is not None]
    assert len(rows) == len(registry.participants) and rows == sorted(set(rows))
    assert all(p.origin is not None and p.origin.sheet == "Пары" for p in registry.pairs)
    copy = registry.participants[0].model_copy()
    assert copy.origin is not None and copy.origin.row == rows[0]


def _parser_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("nastavnik-docs-sheets")]


def test_sheets_parsed_ahead_give_the_rows_read_on_demand():
    ahead, on_demand = open_workbook(SAMPLE), open_workbook(SAMPLE)
    try:
        ahead.prefetch(["Пары", "Участники"])
        for name in ("Участники", "Пары", "Списки"):  # «Списки» was not asked for ahead
            assert [tuple(r) for r in ahead.rows(name)] == [tuple(r) for r in on_demand.rows(name)]
    finally:
        ahead.close()
        on_demand.close()
    assert _parser_threads() == []


def _with_sheet(tmp_path: Path, sheet: str, xml: bytes) -> Path:
    """The sample workbook with the XML of ``sheet`` replaced."""
    with zipfile.ZipFile(SAMPLE) as source:
        part = _sheet_parts(source)[sheet]
        target = tmp_path / "база.xlsx"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for item in source.infolist():
                out.writestr(item, xml if item.filename == part else source.read(item.filename))
    return target


def test_a_damaged_sheet_parsed_ahead_is_said_in_russian_and_leaves_no_thread(tmp_path):
    path = _with_sheet(tmp_path, "Пары", b"<worksheet><sheetData><row r='1'><c r='A1' t='n'><v>1")  # cut short
    with pytest.raises(InputError) as caught:
        load_registry(path)
    assert "не удалось открыть книгу Excel: файл повреждён" in str(caught.value)
    assert _parser_threads() == []


def test_a_read_refused_at_the_first_sheet_leaves_no_thread(tmp_path):
    source = load_workbook(SAMPLE)
    sheet = source["Участники"]
    for cell in sheet[1]:
        cell.value = f"Столбец {cell.column}"  # no header the reader knows
    path = tmp_path / "база.xlsx"
    source.save(path)
    with pytest.raises(InputError) as caught:
        load_registry(path)
    assert "нет обязательного столбца" in str(caught.value)
    assert _parser_threads() == []
