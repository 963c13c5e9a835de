"""How long ``load_registry`` takes on a large workbook, and the coverage report from it.

Run: ``python benchmarks/bench_load.py [participants] [--workbook PATH]`` (default 100,000;
the workbook is written to PATH once and reused by later runs, else to a temporary folder).
Prints the machine's load (``uptime``), then, measured in turns in this process (best of
two rounds, wall clock and CPU time):

* the baseline: a bare python-calamine read of the same file — every row of both sheets
  iterated, nothing checked (the least any reader of this file costs);
* for reference, the same bare read with openpyxl (``read_only=True``);
* ``load_registry`` (header matching, reading each cell by its column's kind, validation,
  link checks on top of the bare read);
* the whole target: ``load_registry`` plus the coverage report (``report.coverage``) rendered
  to XLSX from it (target: under 5 s for 100,000 participants);

and the ratios against the baseline. Then the same target as a curator meets it, each in a
fresh process, in turns: ``nastavnik-docs render report.coverage`` of a data file naming
the workbook (start-up, the read, the registry's warnings, the report), against the bare
calamine read in a fresh process. With ``--batch N``, it then splits one whole
``nastavnik-docs batch award.certificate`` of a registry workbook of ``N`` participants
(``-j 2``, files in /dev/shm), three times, each in a fresh process, and prints the
median run's time (with the best) and how it splits: start-up (the interpreter, measured
against ``python -c pass`` of the same run, and the imports before the command runs),
reading the workbook (``load_registry``), the registry's warnings and the records
(``records_from_source``), and ``render_batch`` (filling and writing the documents).
On a loaded machine the wall clock measures the queue
for the cores as well; the CPU time and the ratio to the baseline of the same run do not.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
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
            gender="м" if i % 7 == 3 else "ж",
            # believable ages (no warnings to print): teachers born 1965–1997, pupils 2010–2017
            birth_date=date(1965, 1, 1) + timedelta(days=i * 37 % 11700) if teacher
            else date(2010, 1, 1) + timedelta(days=i * 3 % 2900),
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
    """The bare calamine read: every cell of both sheets, nothing checked."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in ("Участники", "Пары"):
        for row in workbook.get_sheet_by_name(name).iter_rows():
            cells += sum(v != "" for v in row)
    workbook.close()
    return cells


def openpyxl_read(path: Path) -> int:
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
            start, cpu = time.perf_counter(), time.process_time()
            results[i] = func(arg)
            seconds = time.perf_counter() - start
            if seconds < best[i]:
                best[i], CPU[i], LOADS[i] = seconds, time.process_time() - cpu, os.getloadavg()[0]
    return best, results


#: The one-minute load average at the end of each call's best run, and its CPU seconds.
LOADS: dict[int, float] = {}
CPU: dict[int, float] = {}


def coverage_data(registry: Registry | Path, participants: int) -> dict:
    """The sample coverage report's data over ``registry``: its headcounts scaled to the
    registry (the report refuses totals smaller than the registry's counts)."""
    import yaml

    from nastavnik_docs._resources import sample_path

    data = yaml.safe_load(sample_path("reports/coverage.yaml").read_text("utf-8"))
    data["organization"] = str(sample_path("organization.yaml"))
    data["registry"] = registry if isinstance(registry, Registry) else str(registry)
    data["totals"] = {key: participants for key in data["totals"]}
    return data


def coverage_report(path: Path) -> Path:
    """The target: load the workbook and write the coverage report from it."""
    import nastavnik_docs as nd

    registry = load_registry(path)
    data = coverage_data(registry, len(registry.participants))
    return nd.render("report.coverage", data, path.with_name("охват.xlsx"), overwrite=True)


#: :func:`baseline` on its own in a fresh process (importing this module would add openpyxl).
BARE_CHILD = """
import sys
from python_calamine import CalamineWorkbook
workbook = CalamineWorkbook.from_path(sys.argv[1])
for name in ("Участники", "Пары"):
    for row in workbook.get_sheet_by_name(name).iter_rows():
        sum(v != "" for v in row)
"""


def fresh_bare(path: Path) -> None:
    """The baseline in a fresh process: the interpreter and the bare calamine read."""
    subprocess.run([sys.executable, "-c", BARE_CHILD, str(path)], check=True)


def cli_coverage(data: Path) -> None:
    """The target as a curator meets it: the command line, in a fresh process."""
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-m", "nastavnik_docs", "render", "report.coverage", str(data),
                           "-o", str(data.with_name("охват из командной строки.xlsx")), "--force"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(root)})
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])


#: The child of ``--batch``: the console script's own ``main`` (the collector paused while it
#: starts, as ``nastavnik_docs._entry`` does), its steps timed from inside.
SPLIT_CHILD = r"""
import json, sys, time
started = time.perf_counter()
from nastavnik_docs._gc import pause_for_start
pause_for_start()
from nastavnik_docs import batch, cli, io
imported = time.perf_counter()
steps = {}
def timed(module, name):
    func = getattr(module, name)
    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            steps[name] = steps.get(name, 0.0) + time.perf_counter() - t
    setattr(module, name, wrapper)
for module, name in ((io, "load_registry"), (batch, "records_from_source"), (batch, "render_batch")):
    timed(module, name)
sys.argv = ["nastavnik-docs", *sys.argv[1:]]
try:
    cli.main()
except SystemExit as exc:
    assert not exc.code, exc.code
steps.update(imports=imported - started, command=time.perf_counter() - imported)
print(json.dumps(steps))
"""


def batch_split(n: int, workbook: Path | None) -> None:
    """The whole ``nastavnik-docs batch`` of ``n`` certificates from a registry workbook,
    and how its time splits (see the module docstring)."""
    import shutil

    root = Path(__file__).resolve().parents[1]
    common = root / "samples/awards/common.yaml"
    env = {**os.environ, "PYTHONPATH": str(root)}
    print(f"\n[load] {uptime()}")
    with tempfile.TemporaryDirectory(dir="/dev/shm" if Path("/dev/shm").is_dir() else None) as folder:
        path = workbook or Path(folder) / "база.xlsx"
        if not path.exists():
            write_registry(make_registry(n), path)
        out = Path(folder) / "batch"
        runs: list[dict] = []
        bare = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            bare = min(bare, time.perf_counter() - t)
            shutil.rmtree(out, ignore_errors=True)
            t = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", SPLIT_CHILD, "batch", "award.certificate", str(path),
                                   "-c", str(common), "-o", str(out), "-j", "2"],
                                  capture_output=True, text=True, env=env)
            whole = time.perf_counter() - t
            if done.returncode:
                raise SystemExit(done.stderr[-2000:])
            steps = json.loads(done.stdout.strip().splitlines()[-1])
            steps["whole"], steps["load"] = whole, os.getloadavg()[0]
            runs.append(steps)
        documents = len(list(out.glob("*.docx")))
    runs.sort(key=lambda r: r["whole"])
    best, median = runs[0], runs[len(runs) // 2]  # the split shown is the median run's
    other = median["command"] - median["load_registry"] - median["records_from_source"] - median["render_batch"]
    startup = median["whole"] - median["command"]
    print(f"nastavnik-docs batch, {documents} certificates from a workbook of {n} participants, -j 2: "
          f"median of {len(runs)} runs {median['whole']:.2f} s whole (best {best['whole']:.2f} s)  "
          f"[target ≤ 2.5 s for 10,000]  [load {median['load']:.2f}]")
    print(f"  the median run: start-up {startup:.2f} s (python alone {bare:.2f} s, imports {median['imports']:.2f} s); "
          f"reading the workbook {median['load_registry']:.2f} s ({median['load_registry'] / median['whole']:.0%}); "
          f"warnings and the rest of the command {other:.2f} s; records {median['records_from_source']:.2f} s; "
          f"render_batch (filling and writing) {median['render_batch']:.2f} s")


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("participants", type=int, nargs="?", default=100_000)
    parser.add_argument("--workbook", type=Path, help="the registry workbook, written once if absent")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch", type=int, default=0, help="also split a whole CLI batch of N participants")
    parser.add_argument("--skip-load", action="store_true", help="only the --batch split")
    args = parser.parse_args()
    n = args.participants
    print(f"[load] {uptime()} ({os.cpu_count()} cores)")
    if not args.skip_load:
        load_targets(n, args.workbook, args.rounds)
    if args.batch:
        batch_split(args.batch, None)
    print(f"[load] {uptime()}")


def load_targets(n: int, workbook: Path | None, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = workbook or Path(folder) / "registry.xlsx"
        if not path.exists():
            start = time.perf_counter()
            write_registry(make_registry(n), path)
            print(f"workbook written in {time.perf_counter() - start:.1f} s (not counted): {path}")
        calls = [(baseline, path), (openpyxl_read, path), (load_registry, path), (coverage_report, path)]
        best, (cells, _, registry, _) = interleaved(rounds, *calls)
        assert len(registry.participants) == n, "the workbook holds another number of participants"
        base, base_cpu = best[0], CPU[0]
        print(f"participants: {n}, pairs: {len(registry.pairs)}, cells: {cells}")
        labels = ["baseline (bare calamine read)", "openpyxl read_only iteration", "load_registry",
                  "load + coverage report written"]
        for i, label in enumerate(labels):
            ratio = "" if i == 0 else f"  {best[i] / base:.2f}× the baseline (CPU {CPU[i] / base_cpu:.2f}×)"
            target = "  [target < 5 s]" if i >= 2 else ""
            print(f"{label + ':':32s}{best[i]:6.2f} s  CPU {CPU[i]:6.2f} s{ratio}{target}  [load {LOADS[i]:.2f}]")
        del registry
        data = Path(folder) / "охват.yaml"
        data.write_text(json.dumps(coverage_data(path, n), ensure_ascii=False, default=str), "utf-8")
        (bare, cli), _ = interleaved(rounds, (fresh_bare, path), (cli_coverage, data))
    print(f"{'the same, command line:':32s}{cli:6.2f} s  {cli / bare:.2f}× the bare read in a fresh process "
          f"({bare:.2f} s)  [target < 5 s]  [load {LOADS[1]:.2f}]")

if __name__ == "__main__":
    main()
