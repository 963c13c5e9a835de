"""Batch benchmark: the engine against the plain docxtpl loop and docxcompose, in one run.

    python benchmarks/bench_batch.py                      # 10,000 files, 1,000 merged
    python benchmarks/bench_batch.py --files 2000 --merge 500 --memory 1000,5000
    python benchmarks/bench_batch.py --dir /dev/shm       # where the files go

The files go into a temporary folder under ``--dir`` (default ``benchmarks/``), removed at
the end. Creating files costs very differently on different file systems (on a loaded
ext4 volume it can exceed the whole rendering of a certificate), so the folder is printed.

Everything is timed end to end in this process, from records in memory to files on disk:

* individual DOCX files — the plain loop (``DocxTemplate(path).render(ctx); save`` per
  record, through the render layer's sandboxed environment: ``render_docx``) is run on
  ``--baseline`` records and extrapolated per document; the engine (``render_batch``) on
  ``--files`` records with 1 and with ``--jobs`` processes;
* one merged print file of ``--merge`` records — docxcompose (``Composer.append`` per
  document) on ``--merge-baseline`` documents, extrapolated; ``merge_documents`` on all;
* peak memory of ``render_batch`` for each size of ``--memory``, each in a fresh process;
* context building (validation + Russian declension) per record, measured on its own.

Figures are printed, never asserted: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KIND = "award.certificate"


def make_records(n: int, tag: str = "") -> list[dict]:
    """``n`` certificate records: the sample registry's participants, renamed per copy.

    Every copy (and every ``tag``: one per measurement) gets surnames of its own, so that no
    measurement profits from names another one has already declined; first names and
    patronymics repeat, as they do in a real school.
    """
    from nastavnik_docs._resources import sample_path
    from nastavnik_docs.batch import records_from_source

    base = records_from_source(KIND, sample_path("registry.yaml"), common=sample_path("awards/common.yaml"))
    records = []
    for i in range(n):
        r = base[i % len(base)]
        copy = i // len(base)
        suffix = f"-{tag}{copy}" if tag or copy else ""
        recipient = dict(r["recipient"], last_name=f"{r['recipient']['last_name']}{suffix}")
        records.append(dict(r, recipient=recipient, logo=None))
    return records


def per_second(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f}/s".replace(",", " ") if seconds > 0 else "—"


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def bench_context(records: list[dict]) -> float:
    from nastavnik_docs.kinds import get_kind

    kind = get_kind(KIND)
    start = time.perf_counter()
    for r in records:
        context = kind.build_context(kind.input_model.model_validate(r))
        _ = context.recipient.dative  # the declension happens on first use
    return (time.perf_counter() - start) / len(records)


def bench_plain(records: list[dict], folder: Path) -> float:
    """Seconds per document of the plain path: validate, build, DocxTemplate render, save."""
    from nastavnik_docs.engine.docx import render_docx
    from nastavnik_docs.engine.lookup import find_template
    from nastavnik_docs.kinds import get_kind

    kind = get_kind(KIND)
    template = find_template(kind.docx)
    folder.mkdir(parents=True)
    start = time.perf_counter()
    for i, r in enumerate(records):
        context = kind.build_context(kind.input_model.model_validate(r))
        render_docx(template, context, folder / f"{i}.docx")
    return (time.perf_counter() - start) / len(records)


def bench_in_memory(records: list[dict], plain_n: int) -> tuple[float, float]:
    """Seconds per document, plain vs fast, making the DOCX bytes without the file system."""
    import io

    from nastavnik_docs.engine.docx import SafeDocxTemplate, template_context
    from nastavnik_docs.engine.fast import FastDocxTemplate
    from nastavnik_docs.engine.lookup import find_template
    from nastavnik_docs.kinds import get_kind

    kind = get_kind(KIND)
    template = find_template(kind.docx)
    start = time.perf_counter()
    for r in records[:plain_n]:
        tpl = SafeDocxTemplate(template)
        tpl.render(template_context(kind.build_context(kind.input_model.model_validate(r))))
        tpl.save(io.BytesIO())
    plain = (time.perf_counter() - start) / plain_n
    start = time.perf_counter()
    fast = FastDocxTemplate(template)
    rest = records[plain_n:]  # names the plain loop has not declined yet
    for r in rest:
        fast.render_bytes(kind.build_context(kind.input_model.model_validate(r)))
    return plain, (time.perf_counter() - start) / len(rest)


def bench_engine(records: list[dict], folder: Path, jobs: int) -> float:
    from nastavnik_docs.batch import render_batch

    report, seconds = timed(render_batch, KIND, records, folder, jobs=jobs)
    assert not report.failed and len(report.written) == len(records), report.summary()
    return seconds


def bench_merge(paths: list[Path], baseline_n: int, folder: Path) -> tuple[float, float]:
    from nastavnik_docs.engine.merge import merge_documents, merge_with_docxcompose

    _, ours = timed(merge_documents, paths, folder / "merged.docx")
    _, theirs = timed(merge_with_docxcompose, paths[:baseline_n], folder / "docxcompose.docx")
    return ours, theirs / baseline_n * len(paths)


MEMORY_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
sys.setrecursionlimit(10000)
from benchmarks.bench_batch import make_records, KIND
from nastavnik_docs.batch import render_batch

def rss_kb():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() // 1024

records = make_records({n})
before = rss_kb()
start = time.perf_counter()
report = render_batch(KIND, records, {out!r}, jobs=1)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"before_kb": before, "peak_kb": peak, "seconds": seconds,
                   "written": len(report.written)}}))
"""


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


def bench_memory(n: int, folder: Path) -> dict:
    out = folder / f"memory-{n}"
    code = MEMORY_CHILD.format(root=str(ROOT), n=n, out=str(out))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"memory run for {n} records failed:\n{result.stderr}")
    shutil.rmtree(out, ignore_errors=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=10_000, help="documents for the engine")
    parser.add_argument("--baseline", type=int, default=200, help="documents for the plain loop")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel run")
    parser.add_argument("--merge", type=int, default=1_000, help="documents in the merged file")
    parser.add_argument("--merge-baseline", type=int, default=100, help="documents for docxcompose")
    parser.add_argument("--memory", default="1000,20000", help="sizes for the memory runs, comma-separated")
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks",
                        help="where to make the temporary folder of files (default: benchmarks/)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="nastavnik-bench-", dir=args.dir))
    try:
        print(f"CPU cores: {os.cpu_count()}; load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())}; "
              f"files in {work}")
        print(f"free cores now: {args.jobs} processes run pure Python "
              f"{parallel_headroom(args.jobs):.1f}× as fast as 1")
        n = max(args.files, args.baseline, args.merge)
        print(f"template: award_certificate.docx; records: {n} (new surnames for every measurement)")

        ctx = bench_context(make_records(min(n, 5000), "к"))
        print(f"\ncontext building (validation + declension): {ctx * 1e3:.3f} ms per record")

        plain = bench_plain(make_records(args.baseline, "п"), work / "plain")
        print(f"\nplain docxtpl loop, {args.baseline} documents measured, extrapolated per document:")
        print(f"  {plain * 1e3:.1f} ms per document = {per_second(1, plain)}; "
              f"{args.files} documents would take {plain * args.files:.0f} s")

        mem_plain, mem_fast = bench_in_memory(make_records(args.files, "м"), min(args.baseline, 100))
        print("\nDOCX bytes in memory (no file system), validation + context + render + zip:")
        print(f"  plain {mem_plain * 1e3:.1f} ms, fast path {mem_fast * 1e3:.3f} ms per document: "
              f"{mem_plain / mem_fast:.0f}×")

        print(f"\nengine (render_batch) writing files, {args.files} documents:")
        one = bench_engine(make_records(args.files, "о"), work / "one", 1)
        print(f"  1 process:  {one:.2f} s = {per_second(args.files, one)}; "
              f"{plain * args.files / one:.0f}× the plain loop")
        many = bench_engine(make_records(args.files, "д"), work / "many", args.jobs)
        print(f"  {args.jobs} processes: {many:.2f} s = {per_second(args.files, many)}; "
              f"{plain * args.files / many:.0f}× the plain loop")

        paths = sorted((work / "one").iterdir())[: args.merge]
        ours, theirs = bench_merge(paths, min(args.merge_baseline, len(paths)), work)
        print(f"\none merged DOCX of {len(paths)} documents:")
        print(f"  docxcompose ({min(args.merge_baseline, len(paths))} measured, extrapolated): {theirs:.1f} s")
        print(f"  merge_documents: {ours:.2f} s; {theirs / ours:.0f}× docxcompose")
        shutil.rmtree(work / "one", ignore_errors=True)
        shutil.rmtree(work / "many", ignore_errors=True)

        sizes = [int(s) for s in args.memory.split(",") if s.strip()]
        if sizes:
            print("\npeak memory of render_batch (fresh process per size, 1 process):")
        for n in sizes:
            m = bench_memory(n, work)
            print(f"  {n:>6} records: resident before {m['before_kb'] / 1024:.0f} MB, peak "
                  f"{m['peak_kb'] / 1024:.0f} MB (+{(m['peak_kb'] - m['before_kb']) / 1024:.0f} MB "
                  f"while rendering); {m['seconds']:.1f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
