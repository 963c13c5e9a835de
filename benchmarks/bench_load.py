"""How long ``load_registry`` takes on a large workbook, and the coverage report from it.

Run: ``python benchmarks/bench_load.py [participants]`` (default 100,000). Prints the machine's
load, then, measured in turns in this process:

* the baseline: plain ``openpyxl.load_workbook(read_only=True)`` iterating over every row of
  both sheets of the same file (only reading the cells);
* ``load_registry`` (python-calamine where installed: header matching, parsing, validation,
  link checks on top of reading);
* the whole target: ``load_registry`` plus the coverage report (``report.coverage``) rendered
  to XLSX from it (target: under 5 s for 100,000 participants);

and the ratios against the baseline.
"""

from __future__ import annotations

import os
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
            seconds = time.perf_counter() - start
            if seconds < best[i]:
                best[i], LOADS[i] = seconds, os.getloadavg()[0]
    return best, results


#: The one-minute load average at the end of each call's best run.
LOADS: dict[int, float] = {}


def coverage_report(path: Path) -> Path:
    """The target: load the workbook and write the coverage report from it."""
    import yaml

    import nastavnik_docs as nd
    from nastavnik_docs._resources import sample_path

    data = yaml.safe_load(sample_path("reports/coverage.yaml").read_text("utf-8"))
    data["organization"] = str(sample_path("organization.yaml"))
    data["registry"] = registry = load_registry(path)
    # The organisation counts at least everyone in its registry (the report refuses totals
    # smaller than the registry's counts): the sample's headcounts scaled to the registry.
    data["totals"] = {key: len(registry.participants) for key in data["totals"]}
    out = path.with_name("охват.xlsx")
    return nd.render("report.coverage", data, out, overwrite=True)


def main(n: int = 100_000) -> None:
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        path = write_registry(make_registry(n), Path(folder) / "registry.xlsx")
        (base_time, load_time, report_time), (cells, registry, _) = interleaved(
            2, (baseline, path), (load_registry, path), (coverage_report, path))
    assert len(registry.participants) == n
    print(f"participants: {n}, pairs: {len(registry.pairs)}, cells: {cells}")
    print(f"baseline (openpyxl read_only iteration): {base_time:.2f} s  [load {LOADS[0]:.2f}]")
    print(f"load_registry:                           {load_time:.2f} s  ({load_time / base_time:.2f}× the baseline) "
          f"[load {LOADS[1]:.2f}]")
    print(f"load + coverage report written:          {report_time:.2f} s  ({report_time / base_time:.2f}× the baseline; "
          f"target < 5 s) [load {LOADS[2]:.2f}]")
    print(f"load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
