"""How long ``load_registry`` takes on a 10,000-participant workbook.

Run: ``python benchmarks/bench_load.py [participants]``. Prints the time and the ratio
against a baseline in the same process: plain ``openpyxl.load_workbook(read_only=True)``
iterating over every row of both sheets of the same file, i.e. what the loader adds on
top of just reading the cells (header matching, parsing, validation, link checks).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nastavnik_docs.io import load_registry, write_registry
from nastavnik_docs.models import Pair, Participant, Registry

LAST = ["Кравченко", "Сидорук", "Иванова", "Мамедов", "Семёнова", "Павлюк", "Соколова-Мельникова"]
FIRST = ["Ольга", "Наталья", "Анна", "Эльдар", "Алёна", "Ксения", "Дарья"]
MIDDLE = ["Викторовна", "Ивановна", "Сергеевна", "Рашид оглы", "Петровна", "Андреевна", "Олеговна"]


def make_registry(n: int) -> Registry:
    people = []
    for i in range(n):
        teacher = i % 4 == 0
        people.append(Participant(
            id=f"У{i:05d}", last_name=LAST[i % 7], first_name=FIRST[i % 7], middle_name=MIDDLE[i % 7],
            gender="м" if i % 7 == 3 else "ж", birth_date=date(1970, 1, 1) + timedelta(days=i * 3 % 15000),
            role="наставник" if teacher else "наставляемый", category="педагог" if teacher else "обучающийся",
            post="учитель" if teacher else f"{5 + i % 7} «А» класс", consent_date=date(2026, 9, 1),
            representative=None if teacher else {"full_name": "Иванова Мария Петровна", "relation": "мать"},
        ))
    pairs = [
        Pair(mentor=people[m].id, mentees=[people[m + 1].id, people[m + 2].id, people[m + 3].id],
             form="учитель – ученик", start=date(2026, 9, 1), end=date(2027, 5, 31))
        for m in range(0, n - 3, 4)
    ]
    return Registry(participants=people, pairs=pairs)


def baseline(path: Path) -> int:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for name in ("Участники", "Пары"):
        for row in workbook[name].iter_rows(values_only=True):
            cells += sum(v is not None for v in row)
    workbook.close()
    return cells


def interleaved(rounds: int, *calls):
    """Best time of each call over ``rounds``, the calls taking turns so that a busy
    machine slows them alike."""
    best = [float("inf")] * len(calls)
    results = [None] * len(calls)
    for _ in range(rounds):
        for i, (func, arg) in enumerate(calls):
            start = time.perf_counter()
            results[i] = func(arg)
            best[i] = min(best[i], time.perf_counter() - start)
    return best, results


def main(n: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_registry(make_registry(n), Path(folder) / "registry.xlsx")
        (base_time, load_time), (cells, registry) = interleaved(5, (baseline, path), (load_registry, path))
    assert len(registry.participants) == n
    print(f"participants: {n}, pairs: {len(registry.pairs)}, cells: {cells}")
    print(f"baseline (openpyxl read_only iteration): {base_time:.2f} s")
    print(f"load_registry:                           {load_time:.2f} s")
    print(f"ratio load_registry / baseline:          {load_time / base_time:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
