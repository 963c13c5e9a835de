"""The hostile suite's harness: its categories, the tally of inputs tried, and a runner
for bombs under a memory limit (imported by the tests and by conftest.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "background" / "hostile.md"
BEGIN, END = "<!-- hostile-table: begin -->", "<!-- hostile-table: end -->"
BOMBS_BEGIN, BOMBS_END = "<!-- hostile-bombs: begin -->", "<!-- hostile-bombs: end -->"

#: The categories, in the order of the page, with their Russian titles.
CATEGORIES = {
    "sandbox": "Выполнение кода из шаблона (SSTI)",
    "escaping": "Jinja и XML в данных",
    "limits": "Исчерпание памяти и времени шаблоном",
    "packages": "Zip-бомбы и испорченные DOCX/XLSX",
    "yaml": "YAML: псевдонимы, вложенность, размер",
    "formulas": "Формулы в CSV и XLSX",
    "xmlchars": "Недопустимые в XML символы",
    "dates": "Даты: двузначные годы, правдоподобие",
    "privacy": "Персональные данные в сообщениях",
    "commands": "Испорченные файлы в командах",
    "batches": "Параллельные и прерванные выпуски",
    "network": "Сеть при конвертации в PDF",
}


@dataclass
class Tally:
    """Inputs tried, their outcomes and the failing tests, by category; the bombs' figures."""

    inputs: Counter[str] = field(default_factory=Counter)
    outcomes: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    failures: Counter[str] = field(default_factory=Counter)
    bombs: list[dict[str, object]] = field(default_factory=list)

    def add(self, category: str, outcome: str) -> None:
        assert category in CATEGORIES, category
        self.inputs[category] += 1
        self.outcomes[category][outcome] += 1


TALLY = Tally()


@dataclass
class Limited:
    """What a child process that ran under a memory limit reported."""

    returncode: int
    result: dict[str, object]
    stderr: str
    seconds: float
    peak_mb: float


#: The address-space limit of a bomb's process, and the CPU seconds after which the system
#: kills it (a bomb that escaped the library's limits fails the test by its exit, not by a
#: wall-clock assertion that a busy machine could break).
MEMORY_LIMIT_MB = 500
CPU_LIMIT_S = 120

_CHILD = """
import json, resource, sys, time
limit = {limit} * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
resource.setrlimit(resource.RLIMIT_CPU, ({cpu}, {cpu}))
import warnings; warnings.simplefilter("ignore")
import nastavnik_docs, nastavnik_docs.io, nastavnik_docs.engine.docx, nastavnik_docs.engine.xlsx  # imports are not the bomb
import nastavnik_docs.engine.check, nastavnik_docs.batch

def bomb(name, run):
    result = {{"name": name}}
    started = time.perf_counter()
    try:
        run()
        result["outcome"] = "выполнено"
    except BaseException as exc:
        result["outcome"] = type(exc).__name__
        result["message"] = str(exc)
    result["seconds"] = time.perf_counter() - started
    # the peak of the process so far (an upper bound of this bomb's own), from VmHWM:
    # ru_maxrss keeps the forking parent's peak across exec, so a child of a large pytest
    # process would report the parent's size
    with open("/proc/self/status") as status:
        hwm = next(line for line in status if line.startswith("VmHWM:"))
    result["peak_mb"] = int(hwm.split()[1]) / 1024
    print(json.dumps(result, ensure_ascii=False), flush=True)
{bodies}
"""


def run_limited_many(bodies: dict[str, str], *, limit_mb: int = MEMORY_LIMIT_MB,
                     timeout: float = 300) -> dict[str, Limited]:
    """Run each of ``bodies`` (name → Python statements) in turn in one child process whose
    address space is limited to ``limit_mb``, each timed on its own (after the imports,
    which are not the bomb), with the peak memory of the process so far (an upper bound of
    each one's own). ``timeout`` only guards the test run itself."""
    blocks = []
    for i, (name, body) in enumerate(bodies.items()):
        lines = "\n".join("    " + line for line in body.strip().splitlines())
        blocks.append(f"def run_{i}():\n{lines}\nbomb({name!r}, run_{i})")
    code = _CHILD.format(limit=limit_mb, cpu=CPU_LIMIT_S, bodies="\n".join(blocks))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MALLOC_ARENA_MAX": "2"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                          env=env, cwd=ROOT)
    found: dict[str, Limited] = {}
    for line in proc.stdout.strip().splitlines():
        result = json.loads(line)
        found[result["name"]] = Limited(proc.returncode, result, proc.stderr, float(result["seconds"]),
                                        float(result["peak_mb"]))
    assert set(found) == set(bodies), proc.stderr[-3000:]
    return found


def run_limited(body: str, *, limit_mb: int = MEMORY_LIMIT_MB, timeout: float = 120) -> Limited:
    """:func:`run_limited_many` with one body."""
    return run_limited_many({"bomb": body}, limit_mb=limit_mb, timeout=timeout)["bomb"]


def hostile_settings(examples: int):  # type: ignore[no-untyped-def]
    """Hypothesis settings of the suite (profile «hostile») with ``examples`` inputs."""
    from hypothesis import settings

    return settings(settings.get_profile("hostile"), max_examples=examples)
