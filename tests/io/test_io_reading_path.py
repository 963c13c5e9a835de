"""What reading a registry workbook does and does not do: no openpyxl on the reading path,
column letters as openpyxl names them, link checks without warnings when only errors count,
and origins kept on every record read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from openpyxl.utils import get_column_letter

from nastavnik_docs.io import load_registry
from nastavnik_docs.io._workbook import column_letter
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


def test_errors_only_check_gives_the_errors_of_the_full_check():
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


def test_every_record_read_knows_its_row():
    registry = load_registry(SAMPLE)
    rows = [p.origin.row for p in registry.participants if p.origin is not None]
    assert len(rows) == len(registry.participants) and rows == sorted(set(rows))
    assert all(p.origin is not None and p.origin.sheet == "Пары" for p in registry.pairs)
    copy = registry.participants[0].model_copy()
    assert copy.origin is not None and copy.origin.row == rows[0]
