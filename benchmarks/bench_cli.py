"""Start-up and whole-process times of the command line, each against its baseline, in one run.

    python benchmarks/bench_cli.py [--rounds 5] [--batch 10000]

Every figure is the best and the median of ``--rounds`` fresh processes, the candidates
and their baselines taking turns (so that a busy machine slows them alike), with the
one-minute load average after each; the ratio is of the medians. The package's bytecode is
compiled first, as installing a wheel does (a checkout run with PYTHONDONTWRITEBYTECODE
would otherwise compile every module on every start).

* ``import nastavnik_docs`` (target ≤ 0.1 s) against ``python -c pass``;
* one ``nastavnik-docs render`` of an order (target ≤ 0.5 s) against a plain docxtpl script
  filling the same template with the same context (built beforehand and stored as JSON);
* ``nastavnik-docs batch`` of ``--batch`` certificates from a registry workbook, end to end
  (target ≤ 2.5 s for 10,000), against the plain docxtpl loop's rate measured in this run
  on ``--loop`` certificates (the size is printed; ten thousand would take minutes, and
  no time is extrapolated: the ratio is the ratio of the two rates).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ORDER = "order.appoint_curator"

PLAIN_SCRIPT = """
import json, sys
from docxtpl import DocxTemplate
tpl = DocxTemplate(sys.argv[1])
tpl.render(json.load(open(sys.argv[2], encoding="utf-8")))
tpl.save(sys.argv[3])
"""


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def at_load() -> str:
    """The one-minute load average, printed after every figure."""
    return f"[load {os.getloadavg()[0]:.2f}]"


def run(cmd: list[str], cwd: Path | None = None) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


class Timing:
    """Wall times of one command's runs: the best and the median."""

    def __init__(self, times: list[float]) -> None:
        self.best = min(times)
        self.median = statistics.median(times)

    def __str__(self) -> str:
        return f"{self.median:.3f} s (best {self.best:.3f} s)"


def timings(rounds: int, commands: list[tuple[list[str], Path | None, Path | None]]) -> list[Timing]:
    """Wall times of each command; each round runs them all in turn. The third item of a
    command is a path removed before each run (its output)."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(rounds):
        for i, (cmd, cwd, output) in enumerate(commands):
            if output is not None:
                shutil.rmtree(output, ignore_errors=True) if output.is_dir() else output.unlink(missing_ok=True)
            times[i].append(run(cmd, cwd))
    return [Timing(t) for t in times]


def order_context(folder: Path) -> tuple[Path, Path]:
    """The order's template and its context as plain JSON (strings of the case forms)."""
    from pydantic import BaseModel

    from nastavnik_docs import get_kind, load_input
    from nastavnik_docs._resources import sample_path
    from nastavnik_docs.engine._jinja import template_context
    from nastavnik_docs.engine.lookup import find_template

    kind = get_kind(ORDER)
    context = template_context(kind.build_context(load_input(kind, sample_path("orders/appoint_curator.yaml"))))

    def plain(value):
        if hasattr(value, "__template_fields__"):
            return {name: plain(getattr(value, name)) for name in value.__template_fields__}
        if isinstance(value, BaseModel):
            return {name: plain(getattr(value, name)) for name in type(value).model_fields}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value if isinstance(value, (int, float, bool)) or value is None else str(value)

    path = folder / "context.json"
    path.write_text(json.dumps({k: plain(v) for k, v in context.items()}, ensure_ascii=False), "utf-8")
    return find_template(kind.docx), path


def batch_registry(folder: Path, n: int) -> Path:
    from benchmarks.bench_load import make_registry
    from nastavnik_docs.io import write_registry

    return write_registry(make_registry(n), folder / "база.xlsx")


def plain_loop_per_document(folder: Path, n: int) -> float:
    from benchmarks.bench_batch import bench_plain, make_records

    return bench_plain(make_records(n, "п"), folder / "plain")


def batch_run(folder: Path, args: argparse.Namespace, py: str) -> None:
    """``nastavnik-docs batch`` from a registry workbook against the plain docxtpl loop's rate."""
    registry = batch_registry(folder, args.batch)
    common = ROOT / "samples/awards/common.yaml"
    batch_out = folder / "batch"
    (batch,) = timings(min(args.rounds, 3), [
        ([py, "-m", "nastavnik_docs", "batch", "award.certificate", str(registry), "-c", str(common),
          "-o", str(batch_out), "-j", "2"], None, batch_out)])
    print(f"\nnastavnik-docs batch, {args.batch} certificates from a registry workbook, end to end, 2 processes: "
          f"{batch} = {args.batch / batch.median:,.0f}/s; target ≤ 2.5 s {at_load()}")
    per_doc = plain_loop_per_document(folder, args.loop)
    print(f"  the plain docxtpl loop, in this process, {args.loop} certificates: {per_doc * 1e3:.1f} ms each = "
          f"{1 / per_doc:,.0f}/s; ratio of the rates {per_doc * args.batch / batch.median:.0f}× {at_load()}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch", type=int, default=10_000, help="certificates in the batch run (0: no batch run)")
    parser.add_argument("--loop", type=int, default=200, help="certificates for the plain docxtpl loop")
    parser.add_argument("--dir", type=Path, default=Path("/dev/shm") if Path("/dev/shm").is_dir() else None,
                        help="where the files go (default /dev/shm: the disk's own speed is not measured)")
    args = parser.parse_args(argv)
    py = sys.executable
    print(f"load average: {load()} on {os.cpu_count()} cores")
    subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "nastavnik_docs")], check=True, stdout=subprocess.DEVNULL,
                   env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        print(f"files in {folder}")
        template, context = order_context(folder)
        out, plain_out = folder / "order.docx", folder / "plain.docx"
        imp, bare, cli, plain = timings(args.rounds, [
            ([py, "-c", "import nastavnik_docs"], None, None),
            ([py, "-c", "pass"], None, None),
            ([py, "-m", "nastavnik_docs", "render", ORDER, str(ROOT / "samples/orders/appoint_curator.yaml"),
              "-o", str(out)], None, out),
            ([py, "-c", PLAIN_SCRIPT, str(template), str(context), str(plain_out)], None, plain_out),
        ])
        print(f"\nimport nastavnik_docs: {imp} (python alone {bare}; the import adds "
              f"{imp.median - bare.median:.3f} s); target ≤ 0.1 s; ratio {imp.median / bare.median:.2f}× "
              f"python -c pass {at_load()}")
        print(f"nastavnik-docs render {ORDER}: {cli}; a plain docxtpl script: {plain}; "
              f"ratio {cli.median / plain.median:.2f}× (best to best {cli.best / plain.best:.2f}×); "
              f"target ≤ 0.5 s {at_load()}")

        if args.batch:
            batch_run(folder, args, py)
    print(f"\nload average at the end: {load()}")


if __name__ == "__main__":
    main()
