"""Batch benchmark: every batch target against its baseline, measured in one run.

    python benchmarks/bench_batch.py                      # 10,000 files, 300 merged, 400 PDF pages
    python benchmarks/bench_batch.py --files 2000 --merge 100 --pdf 0 --memory 1000,5000
    python benchmarks/bench_batch.py --dir benchmarks/    # files on the disk instead of /dev/shm

Files go into a temporary folder under ``--dir`` (default /dev/shm where it exists, else
benchmarks/), removed at the end. Creating files costs very differently on different file
systems (on a loaded ext4 volume a file's creation can exceed the whole rendering of a
certificate), so the folder is printed. The machine's load is printed before and after:
on a shared machine the absolute figures move with it, the ratios far less.

Each target prints its ratio against its baseline from this same run:

* render_batch of ``--files`` certificates with fresh surnames, 1 and ``--jobs`` processes
  (targets ≥ 5,500/s and ≥ 10,000/s) — against the plain docxtpl loop
  (``DocxTemplate(path).render(ctx); save`` per record through the sandboxed environment),
  measured on ``--baseline`` records; the render-only throughput (validation, context,
  rendering and the zip in memory, no file system) is printed next to it as the practical
  limit of the engine on this machine;
* one merged print file of ``--merge`` documents — ``merge_documents`` against docxcompose on
  the same ``--merge`` documents (never extrapolated);
* PDF of ``--pdf`` certificates with ``--jobs`` processes, per page including the split
  (target ≤ 10 ms) — against converting single documents, one LibreOffice call each (3 measured);
* peak RSS of render_batch at each size of ``--memory`` in a fresh process (exec, measured
  by ``/usr/bin/time -v``; target: the largest within 10 % of the smallest) — the baseline
  is the smallest size; the records are made inside the child, once one by one as a reader
  yields them (render_batch then writes them as they come) and once held in a list first
  (the list itself grows with the size: its resident size, measured in the child before
  render_batch starts, is printed, and the peak without it).

Figures are printed, never asserted: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KIND = "award.certificate"
#: Syllables that make fresh, declinable surnames: «Бовакравченко», «Гуделебедева» …
SYLLABLES = ("Бо", "Ва", "Гу", "Де", "Жи", "Зо", "Ки", "Лу", "Ма", "Но", "Пе", "Ро", "Су", "Ти",
             "Фе", "Ха", "Це", "Чу", "Ша", "Ю")


def fresh_prefix(k: int, tag: str) -> str:
    """A distinct prefix for each ``k`` (and each measurement ``tag``)."""
    out = SYLLABLES[sum(map(ord, tag)) % len(SYLLABLES)] if tag else ""
    while True:
        out += SYLLABLES[k % len(SYLLABLES)]
        k //= len(SYLLABLES)
        if not k:
            return out


def make_records(n: int, tag: str = "") -> list[dict]:
    """``n`` certificate records: the sample registry's participants with a fresh surname each.

    Every record (and every ``tag``: one per measurement) gets a surname of its own made of
    syllables and a real surname («Бовакравченко»), so that no measurement profits from
    surnames another has already declined; first names and patronymics repeat, as they do in
    a real school.
    """
    from nastavnik_docs._resources import sample_path
    from nastavnik_docs.batch import records_from_source

    base = records_from_source(KIND, sample_path("registry.yaml"), common=sample_path("awards/common.yaml"))
    records = []
    for i in range(n):
        r = base[i % len(base)]
        last = r["recipient"]["last_name"]
        fresh = "-".join(p[:1].upper() + p[1:] for p in (fresh_prefix(i, tag) + last).lower().split("-"))
        recipient = dict(r["recipient"], last_name=fresh)
        records.append(dict(r, recipient=recipient, logo=None))
    return records


def per_second(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f}/s".replace(",", " ") if seconds > 0 else "—"


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def at_load() -> str:
    """The one-minute load average, printed after every figure."""
    return f"[load {os.getloadavg()[0]:.2f}]"


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def bench_plain(records: list[dict], folder: Path) -> float:
    """Seconds per document of the plain path: validate, build, DocxTemplate render, save."""
    from nastavnik_docs.engine.docx import render_docx
    from nastavnik_docs.engine.lookup import find_template
    from nastavnik_docs.kinds import get_kind

    kind = get_kind(KIND)
    template = find_template(kind.docx)
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for i, r in enumerate(records):
        context = kind.build_context(kind.input_model.model_validate(r))
        render_docx(template, context, folder / f"{i}.docx")
    return (time.perf_counter() - start) / len(records)


def bench_render_only(records: list[dict]) -> float:
    """Seconds per document making the DOCX bytes in memory as render_batch's worker makes
    them (in blocks, stage by stage: bulk validation, context, rendering, the zip):
    everything render_batch does but the file names and the file system."""
    from nastavnik_docs.batch._workers import Job, Worker
    from nastavnik_docs.engine.lookup import find_template
    from nastavnik_docs.kinds import get_kind

    kind = get_kind(KIND)
    worker = Worker(Job(kind.id, str(find_template(kind.docx)), ".docx"))
    start = time.perf_counter()
    made = sum(data is not None for _, data, _ in worker.documents(enumerate(records)))
    seconds = time.perf_counter() - start
    assert made == len(records)
    return seconds / len(records)


def bench_engine(records: list[dict], folder: Path, jobs: int) -> float:
    from nastavnik_docs.batch import render_batch

    report, seconds = timed(render_batch, KIND, records, folder, jobs=jobs)
    assert not report.failed and len(report.written) == len(records), report.summary()
    return seconds


def bench_merge(paths: list[Path], folder: Path) -> tuple[float, float]:
    from nastavnik_docs.engine.merge import merge_documents, merge_with_docxcompose

    _, ours = timed(merge_documents, paths, folder / "merged.docx")
    _, theirs = timed(merge_with_docxcompose, paths, folder / "docxcompose.docx")
    return ours, theirs


def bench_pdf(paths: list[Path], jobs: int, folder: Path) -> tuple[float, float]:
    """(seconds per page of make_pdfs with ``jobs``, seconds per document converted alone)."""
    from nastavnik_docs.batch._pdf import make_pdfs
    from nastavnik_docs.engine.pdf import convert_to_pdf

    singles = folder / "single-pdf"
    singles.mkdir()
    start = time.perf_counter()
    for path in paths[:3]:
        convert_to_pdf([path], singles)
    single = (time.perf_counter() - start) / 3
    result, seconds = timed(make_pdfs, paths, jobs=jobs)
    assert len(result.files) == len(paths) and all(p.exists() for p in result.files)
    return seconds / len(paths), single


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def parallel_headroom(jobs: int) -> float:
    """How much faster ``jobs`` processes do ``jobs`` units of pure Python work than one
    process: near ``jobs`` on an idle machine, near 1 when other programs take the cores."""
    from concurrent.futures import ProcessPoolExecutor

    n = 3_000_000
    _, serial = timed(lambda: [_spin(n) for _ in range(jobs)])
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_spin, [1] * jobs))  # start the processes first
        _, parallel = timed(lambda: list(pool.map(_spin, [n] * jobs)))
    return serial / parallel


MEMORY_CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from benchmarks.bench_batch import make_records, KIND
from nastavnik_docs.batch import render_batch

def one_by_one(n, size=500):
    for start in range(0, n, size):  # made in small blocks, as a reader yields them
        yield from make_records(min(size, n - start), f"р{{start}}")

def rss_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))

make_records(1, "и")  # imports and the sample registry, so that only the records are counted below
before = rss_kb()
records = make_records({n}, "р") if {held} else one_by_one({n})
made = rss_kb() - before  # the list of records the caller holds (0 for a generator)
start = time.perf_counter()
report = render_batch(KIND, records, {out!r}, jobs=1)
print(json.dumps({{"seconds": time.perf_counter() - start, "written": len(report.written), "records_kb": made}}))
"""


def bench_memory(n: int, folder: Path, held: bool) -> dict:
    """Peak RSS of a fresh process (exec'd, not forked) rendering ``n`` records, either held
    in a list made first (``held``) or made one by one as render_batch takes them."""
    out = folder / f"memory-{n}"
    code = MEMORY_CHILD.format(root=str(ROOT), n=n, out=str(out), held=held)
    result = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-c", code], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"memory run for {n} records failed:\n{result.stderr}")
    shutil.rmtree(out, ignore_errors=True)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return {**json.loads(result.stdout.strip().splitlines()[-1]), "peak_kb": peak}


def _bench_files(args: argparse.Namespace, work: Path) -> None:
    """The throughput, merge and PDF targets on ``--files`` documents."""
    plain = bench_plain(make_records(args.baseline, "п"), work / "plain")
    shutil.rmtree(work / "plain", ignore_errors=True)
    print(f"\nbaseline, the plain docxtpl loop: {plain * 1e3:.1f} ms per document = {per_second(1, plain)} "
          f"({args.baseline} documents measured) {at_load()}")

    render_only = bench_render_only(make_records(args.files, "м"))
    print(f"render only (in memory, no file system): {render_only * 1e6:.0f} µs per document = "
          f"{per_second(1, render_only)}; {plain / render_only:.0f}× the loop — the practical limit of "
          f"one process here {at_load()}")

    print(f"\nrender_batch writing {args.files} files (end to end, records in memory → files):")
    one = bench_engine(make_records(args.files, "о"), work / "one", 1)
    print(f"  1 process:  {one:.2f} s = {per_second(args.files, one)}; {plain * args.files / one:.0f}× the loop "
          f"(target ≥ 5,500/s) {at_load()}")
    many = bench_engine(make_records(args.files, "д"), work / "many", args.jobs)
    print(f"  {args.jobs} processes: {many:.2f} s = {per_second(args.files, many)}; "
          f"{plain * args.files / many:.0f}× the loop (target ≥ 10,000/s) {at_load()}")
    shutil.rmtree(work / "many", ignore_errors=True)

    paths = sorted((work / "one").iterdir())
    if args.merge:
        ours, theirs = bench_merge(paths[: args.merge], work)
        print(f"\none merged DOCX of {min(args.merge, len(paths))} documents (both measured on all of them):")
        print(f"  docxcompose {theirs:.1f} s; merge_documents {ours:.2f} s: {theirs / ours:.0f}× docxcompose {at_load()}")
    if args.pdf:
        pdf_dir = work / "pdf"
        pdf_dir.mkdir()
        for p in paths[: args.pdf]:
            shutil.copy(p, pdf_dir / p.name)
        page, single = bench_pdf(sorted(pdf_dir.iterdir()), args.jobs, work)
        print(f"\nPDF of {args.pdf} certificates, {args.jobs} LibreOffice processes, split with pikepdf:")
        print(f"  {page * 1e3:.1f} ms per page (target ≤ 10 ms); one document per LibreOffice call: "
              f"{single:.2f} s each: {single / page:.0f}× {at_load()}")
    shutil.rmtree(work / "one", ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=10_000, help="documents for the engine")
    parser.add_argument("--baseline", type=int, default=200, help="documents for the plain loop")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel runs")
    parser.add_argument("--merge", type=int, default=300, help="documents in the merged file (both ways)")
    parser.add_argument("--pdf", type=int, default=400, help="certificates converted to PDF (0: skip)")
    parser.add_argument("--memory", default="1000,20000", help="sizes for the memory runs, comma-separated")
    shm = Path("/dev/shm")
    parser.add_argument("--dir", type=Path, default=shm if shm.is_dir() else ROOT / "benchmarks",
                        help="where to make the temporary folder of files")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="nastavnik-bench-", dir=args.dir))
    try:
        print(f"CPU cores: {os.cpu_count()}; load average: {load()}; files in {work}")
        print(f"free cores now: {args.jobs} processes run pure Python {parallel_headroom(args.jobs):.1f}× as fast as 1")
        print(f"template: award_certificate.docx; {args.files} records with fresh surnames per measurement")

        if args.files:  # 0: only the memory runs
            _bench_files(args, work)

        sizes = [int(s) for s in args.memory.split(",") if s.strip()]
        if sizes:
            print("\npeak RSS of render_batch, 1 process, a fresh process per run (/usr/bin/time -v):")
            for held, how in ((False, "records made one by one (a generator)"),
                              (True, "records held in a list made first")):
                first = own_first = None
                for n in sizes:
                    m = bench_memory(n, work, held)
                    own = m["peak_kb"] - m["records_kb"]
                    first, own_first = first or m["peak_kb"], own_first or own
                    print(f"  {how}, {n:>6}: peak {m['peak_kb'] / 1024:.1f} MB ({m['peak_kb'] / first:.3f}× the "
                          f"{sizes[0]}-record run; target ≤ 1.10×); rendering took {m['seconds']:.1f} s {at_load()}")
                    if held:
                        print(f"  {'':>{len(how)}}  the list of records takes {m['records_kb'] / 1024:.1f} MB; "
                              f"without it {own / 1024:.1f} MB ({own / own_first:.3f}×)")
        print(f"\nload average at the end: {load()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
