"""Statistics benchmark: the coverage table of a large registry, and the municipal summary
of many organisations' tables. Every measurement runs in a fresh process.

    python benchmarks/bench_stats.py                         # 100,000 people; 500 files
    python benchmarks/bench_stats.py --people 20000 --files 100 --memory 100,500

1. A registry of ``--people`` participants (pupils, teachers, students, employers in pairs
   and groups of every type and format, some with a history) is built in memory; then the
   table is computed (``stats.coverage``) and written (``report.coverage`` to XLSX). The
   baseline is the least any count needs: one pass over the pairs collecting the distinct
   mentors and mentees of the period and their categories.
2. ``--files`` coverage tables of different organisations are made (one rendered table,
   renamed per organisation) and summed by ``nastavnik_docs.aggregate`` with 1 and with
   ``--jobs`` processes. The baseline is the bare read: opening each workbook with
   python-calamine (the reader ``aggregate`` uses) and iterating its rows, nothing checked;
   the same with openpyxl read-only is printed for reference. Peak memory (RSS) is measured for each count of
   ``--memory`` files, each in a fresh process: it should not grow with the number of files.

The load of the machine (``uptime``) is printed before each part: the machine may be
shared, so figures are printed and compared with the baseline of the same run, never
asserted. Next to each wall-clock time the CPU time of the measured work is printed (the
process's own, and its worker processes' for ``--jobs``): on a loaded machine the wall
clock measures the queue for the cores, the CPU time what the work itself costs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


# ------------------------------------------------------------------ a large registry


def make_registry(people: int):
    """``people`` participants in pairs: per block of 20 — 12 pupils, 5 teachers, 2 students,
    1 employer; pairs of every type, groups of three pupils, a mentor change in some."""
    from nastavnik_docs.models import Pair, Participant, Registry

    participants, pairs = [], []
    start, end = date(2026, 9, 1), date(2027, 5, 31)
    for block in range(people // 20):
        ids = [f"b{block}-{i}" for i in range(20)]
        cats = ["обучающийся"] * 12 + ["педагог"] * 5 + ["студент"] * 2 + ["работодатель"]
        for i, (pid, cat) in enumerate(zip(ids, cats)):
            born = date(2010 - (i % 8), 1 + i % 12, 1) if cat == "обучающийся" else date(1980 + i % 20, 5, 5)
            extra = {"experience_years": i % 6, "experience_as_of": start} if cat == "педагог" else {}
            participants.append(Participant(id=pid, last_name=f"Фамилия{block}", first_name="Имя", category=cat,
                                            birth_date=born, **extra))
        p, t, s, e = ids[:12], ids[12:17], ids[17:19], ids[19]
        history = [{"date": "2027-01-15", "kind": "смена наставника", "previous_mentor": t[4],
                    "new_mentor": t[3]}] if block % 10 == 0 else []
        pairs += [
            Pair(mentor=t[0], mentees=[t[1]], pair_type="учитель – учитель", start=start, end=end),
            Pair(mentor=t[2], mentees=p[0:3], format="групповое", start=start, end=end),
            Pair(mentor=t[3], mentees=[p[3]], start=start, end=end, history=history),
            Pair(mentor=p[4], mentees=[p[5]], start=start, end=end, format="виртуальное"),
            Pair(mentor=s[0], mentees=[p[6]], start=start, end=end),
            Pair(mentor=e, mentees=[s[1]], start=start, end=end, status="прекращена досрочно",
                 end_reason="переезд"),
            Pair(mentor=e, mentees=p[7:10], start=start, end=end, format="групповое"),
            Pair(mentor=t[1], mentees=[p[10]], start=start, end=end, format="реверсивное"),
        ]
    return Registry(participants=participants, pairs=pairs)


def baseline_count(registry, period) -> int:
    """The least any count needs: distinct people of the period's pairs by category."""
    by_id = {p.id: p.category for p in registry.participants}
    mentors, mentees = set(), set()
    for pair in registry.pairs:
        if pair.start <= period.end and (pair.end is None or pair.end >= period.start):
            mentors.add(pair.mentor)
            mentees.update(pair.mentees)
    categories: dict = {}
    for pid in mentors | mentees:
        categories[by_id[pid]] = categories.get(by_id[pid], 0) + 1
    return len(categories)


def child_registry(people: int) -> dict:
    import nastavnik_docs as nd
    from nastavnik_docs._resources import sample_path
    from nastavnik_docs.stats import ReportingPeriod, Totals, coverage

    warm = time.perf_counter()  # imports and the catalogue, once per process: not the data's cost
    with tempfile.TemporaryDirectory() as folder:
        nd.render("report.coverage", sample_path("reports/coverage.yaml"), Path(folder) / "sample.xlsx")
    warm = time.perf_counter() - warm
    built = time.perf_counter()
    registry = make_registry(people)
    built = time.perf_counter() - built
    period = ReportingPeriod.school_year(2026)
    t, c = time.perf_counter(), time.process_time()
    baseline_count(registry, period)
    baseline, baseline_cpu = time.perf_counter() - t, time.process_time() - c
    totals = Totals(pupils=people, teachers=people, students=people, young_specialists=people,
                    pupils_10_19=people, pupils_15_19=people)
    t, c = time.perf_counter(), time.process_time()
    report = coverage(registry, period, totals)
    computed, computed_cpu = time.perf_counter() - t, time.process_time() - c
    assert not report.control_problems(), report.control_problems()
    org = {"full_name": "Школа", "short_name": "Школа", "city": "Вологда",
           "head": {"last_name": "Иванова", "first_name": "Анна", "middle_name": "Петровна", "post": "Директор"}}
    with tempfile.TemporaryDirectory() as folder:
        t, c = time.perf_counter(), time.process_time()
        nd.render("report.coverage", {"organization": org, "registry": registry, "school_year": 2026,
                                      "totals": totals.model_dump()}, Path(folder) / "охват.xlsx")
        written, written_cpu = time.perf_counter() - t, time.process_time() - c
    return {"participants": len(registry.participants), "pairs": len(registry.pairs), "build": built, "warm": warm,
            "baseline": baseline, "compute": computed, "compute_and_write": written,
            "baseline_cpu": baseline_cpu, "compute_cpu": computed_cpu, "compute_and_write_cpu": written_cpu,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


# ------------------------------------------------------------------ many tables


def make_tables(folder: Path, count: int) -> None:
    """``count`` tables of different organisations: one rendered table, renamed per copy."""
    import openpyxl

    import nastavnik_docs as nd
    from nastavnik_docs._resources import sample_path

    first = nd.render("report.coverage", sample_path("reports/coverage.yaml"), folder / "template.xlsx")
    book = openpyxl.load_workbook(first)
    sheet = book["Охват"]
    name_cell = next(r[1] for r in sheet.iter_rows() if r[0].value == "Организация")
    inn_cell = next(r[1] for r in sheet.iter_rows() if r[0].value == "ИНН")
    for i in range(count):
        name_cell.value, inn_cell.value = f"МБОУ «Школа № {i + 1}»", f"{3500000000 + i}"
        book.save(folder / f"school_{i:05d}.xlsx")
    Path(first).unlink()


def child_aggregate(folder: str, jobs: int, limit: int | None) -> dict:
    import nastavnik_docs as nd

    files = sorted(str(p) for p in Path(folder).glob("school_*.xlsx"))[:limit]
    nd.aggregate(files[:1])  # imports (the package imports lazily), once per process: not the files' cost
    t, c = time.perf_counter(), _cpu()
    summary = nd.aggregate(files, jobs=jobs)
    elapsed, cpu = time.perf_counter() - t, _cpu() - c
    assert len(summary.rows) == len(files) and not summary.failed, summary.failed[:3]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"files": len(files), "seconds": elapsed, "cpu": cpu, "rss_mb": own, "children_rss_mb": children}


def _cpu() -> float:
    """CPU seconds of this process and of its finished worker processes."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def child_bare_read(folder: str, reader: str = "calamine") -> dict:
    """Open each table and iterate the rows of its first sheet, nothing checked: with
    python-calamine (the reader ``aggregate`` uses where installed) or openpyxl."""
    files = sorted(Path(folder).glob("school_*.xlsx"))
    t, c = time.perf_counter(), _cpu()
    for path in files:
        if reader == "calamine":
            from python_calamine import CalamineWorkbook

            calamine = CalamineWorkbook.from_path(str(path))
            for _ in calamine.get_sheet_by_index(0).iter_rows():
                pass
            calamine.close()
        else:
            import openpyxl

            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            for _ in book.worksheets[0].iter_rows(values_only=True):
                pass
            book.close()
    return {"files": len(files), "seconds": time.perf_counter() - t, "cpu": _cpu() - c}


# ------------------------------------------------------------------ driver


def fresh(*args: str) -> dict:
    """Run this script's child measurement in a new process; its JSON result."""
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--memory", default="100,500", help="file counts whose peak memory is compared")
    parser.add_argument("--dir", default=str(ROOT / "benchmarks"), help="where the tables are written")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "registry":
            result = child_registry(int(rest[0]))
        elif kind == "aggregate":
            result = child_aggregate(rest[0], int(rest[1]), int(rest[2]) if len(rest) > 2 else None)
        else:
            result = child_bare_read(*rest)
        print(json.dumps(result))
        return

    print(f"[load] {load()}")
    r = fresh("registry", str(args.people))
    print(f"registry: {r['participants']} participants, {r['pairs']} pairs (built and validated in "
          f"{r['build']:.2f} s, not counted)")
    print(f"  first document of the process (imports, catalogue; not counted): {r['warm']:.2f} s")
    print(f"  baseline (distinct people by category): {r['baseline']:.3f} s (CPU {r['baseline_cpu']:.3f} s)")
    print(f"  coverage computed: {r['compute']:.2f} s (CPU {r['compute_cpu']:.2f} s; "
          f"{r['compute_cpu'] / r['baseline_cpu']:.1f}× the baseline's CPU)")
    print(f"  computed and written (report.coverage, XLSX): {r['compute_and_write']:.2f} s "
          f"(CPU {r['compute_and_write_cpu']:.2f} s)  [target < 5 s]; peak RSS {r['rss_mb']:.0f} MB")

    folder = Path(tempfile.mkdtemp(prefix="bench_stats_", dir=args.dir))
    try:
        t = time.perf_counter()
        make_tables(folder, args.files)
        print(f"\n[load] {load()}")
        print(f"{args.files} tables made in {time.perf_counter() - t:.1f} s (not counted), in {folder}")
        bare = fresh("bare", str(folder), "calamine")
        print(f"  baseline (bare python-calamine open and row scan): {bare['seconds']:.2f} s "
              f"(CPU {bare['cpu']:.2f} s)")
        slow = fresh("bare", str(folder), "openpyxl")
        print(f"  for reference, the same with openpyxl read-only: {slow['seconds']:.2f} s (CPU {slow['cpu']:.2f} s, "
              f"{slow['cpu'] / bare['cpu']:.2f}× the baseline's)")
        for jobs in dict.fromkeys((1, args.jobs)):
            a = fresh("aggregate", str(folder), str(jobs))
            print(f"  aggregate, {jobs} process(es): {a['seconds']:.2f} s ({a['seconds'] / bare['seconds']:.2f}× the "
                  f"baseline; CPU {a['cpu']:.2f} s, {a['cpu'] / bare['cpu']:.2f}× the baseline's)  "
                  f"[target < 10 s on 2 cores]")
        print(f"\n[load] {load()}")
        for n in (int(x) for x in args.memory.split(",")):
            m = fresh("aggregate", str(folder), "1", str(n))
            print(f"  peak RSS aggregating {m['files']} files: {m['rss_mb']:.0f} MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
