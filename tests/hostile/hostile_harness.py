"""The hostile suite's harness: its categories, the tally of inputs tried, and a runner
for bombs under a memory limit (imported by the tests and by conftest.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
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


#: The address-space limit of a bomb's process and the time it may take.
MEMORY_LIMIT_MB = 500
TIME_LIMIT_S = 10.0

_CHILD = """
import json, resource, sys, time, traceback
limit = {limit} * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
import warnings; warnings.simplefilter("ignore")
import nastavnik_docs, nastavnik_docs.io, nastavnik_docs.engine.docx, nastavnik_docs.engine.xlsx  # imports are not the bomb
import nastavnik_docs.engine.check, nastavnik_docs.batch
result = {{}}
started = time.perf_counter()
try:
{body}
    result["outcome"] = "выполнено"
except BaseException as exc:
    result["outcome"] = type(exc).__name__
    result["message"] = str(exc)
result["seconds"] = time.perf_counter() - started
result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result, ensure_ascii=False))
"""


def run_limited(body: str, *, limit_mb: int = MEMORY_LIMIT_MB, timeout: float = 120) -> Limited:
    """Run ``body`` (Python, indented by four spaces inside a ``try``) in a child process
    whose address space is limited to ``limit_mb``; the child measures its own time (after
    its imports) and peak memory. ``timeout`` only guards the test run itself."""
    code = _CHILD.format(limit=limit_mb, body="\n".join("    " + line for line in body.strip().splitlines()))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MALLOC_ARENA_MAX": "2"}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                          env=env, cwd=ROOT)
    seconds = time.perf_counter() - started
    lines = proc.stdout.strip().splitlines()
    result = json.loads(lines[-1]) if lines else {}
    return Limited(proc.returncode, result, proc.stderr, float(result.get("seconds", seconds)),  # type: ignore[arg-type]
                   float(result.get("peak_mb", 0.0)))  # type: ignore[arg-type]


def hostile_settings(examples: int):  # type: ignore[no-untyped-def]
    """Hypothesis settings of the suite (profile «hostile») with ``examples`` inputs."""
    from hypothesis import settings

    return settings(settings.get_profile("hostile"), max_examples=examples)
