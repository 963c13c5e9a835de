"""The console script (``nastavnik_docs._entry``): the collector paused while it starts and resumed — with
start-up's objects frozen — when the command begins its work (``_gc``); what a large read makes frozen in
that process only, never in the web server's or a program's that embeds the library; openpyxl imported
without NumPy there only (``_imports``); a broken installation in Russian."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from nastavnik_docs import _gc, _imports
from nastavnik_docs._resources import sample_path

CHILD = r"""
import gc, json, sys
from nastavnik_docs import _gc, _entry
seen = []
resume = _gc.resume_after_start
def spy():
    seen.append(["at the command", gc.isenabled()])
    resume()
    seen.append(["in the command", gc.isenabled(), gc.get_freeze_count() > 0])
_gc.resume_after_start = spy
sys.argv = ["nastavnik-docs", *sys.argv[1:]]
try:
    _entry.main()
except SystemExit as exc:
    seen.append(["exit", exc.code])
print(json.dumps(seen))
"""


def test_the_console_script_starts_without_collections_and_works_with_them(tmp_path):
    out = tmp_path / "приказ.docx"
    result = subprocess.run([sys.executable, "-c", CHILD, "render", "order.appoint_curator",
                             str(sample_path("orders/appoint_curator.yaml")), "-o", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == [["at the command", False], ["in the command", True, True], ["exit", 0]]
    assert out.stat().st_size > 0


def test_a_process_that_did_not_pause_keeps_its_collector_as_it_is():
    frozen = gc.get_freeze_count()
    _gc.resume_after_start()  # as the command wrapper does under a test runner
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_a_pause_is_resumed_once():
    try:
        _gc.pause_for_start()
        assert not gc.isenabled()
        _gc.resume_after_start()
        assert gc.isenabled()
        gc.disable()
        _gc.resume_after_start()  # nothing left to resume: the caller's choice stands
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
        _gc.keep_collecting()  # this test process is not the console script's


READ = r"""
import gc, json, sys
from nastavnik_docs import _gc, _imports
if sys.argv[1] != "library":  # started by the console script
    _gc.pause_for_start()
    _gc.resume_after_start()
if sys.argv[1] == "server":
    _gc.keep_collecting()
if sys.argv[2] == "own":  # the program froze objects of its own (before forking workers, say)
    gc.freeze()
before = gc.get_freeze_count()
with _gc.no_collection():  # as a large read does
    rows = [{"row": i, "values": [i]} for i in range(20_000)]
oldest = {id(o) for o in gc.get_objects(generation=2)}
print(json.dumps([gc.get_freeze_count() - before, gc.isenabled(), id(rows[0]) in oldest, id(rows[-1]) in oldest]))
"""


@pytest.mark.parametrize(("process", "own", "frozen", "oldest"), [
    ("console script", "none", True, False),  # one command, then the process ends: nothing to walk again
    ("server", "none", False, True),  # runs on: freezing would keep another thread's cycles forever, so the
    ("library", "none", False, True),  # rows go straight to the oldest generation, unwalked by young collections
    ("library", "own", False, False),  # its own frozen objects stay frozen: nothing is moved
])
def test_what_a_large_read_makes_is_frozen_in_the_console_scripts_process_else_made_old(process, own, frozen, oldest):
    result = subprocess.run([sys.executable, "-c", READ, process, own], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    count, enabled, first_old, last_old = json.loads(result.stdout)
    assert enabled
    assert (count >= 40_000) is frozen and (count == 0) is not frozen  # 20,000 dicts and their lists
    assert first_old is oldest and last_old is oldest


def test_the_web_server_keeps_collecting_and_imports_openpyxl_as_is(monkeypatch, tmp_path):
    import nastavnik_docs.web as web
    from nastavnik_docs.cli import app

    seen = []
    hidden = lambda: any(type(f).__name__ == "_NumpyHiddenFinder" for f in sys.meta_path)  # noqa: E731
    monkeypatch.setattr(web, "serve", lambda settings, open_browser: seen.append((_gc._one_command, hidden())))
    monkeypatch.setattr(_gc, "_one_command", True)  # as if the console script had started it
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    sys.meta_path.insert(0, _imports._NumpyHiddenFinder())  # as the console script installs it
    result = CliRunner().invoke(app, ["serve", str(tmp_path), "--no-browser"])
    assert result.exit_code == 0, result.output
    assert seen == [(False, False)]  # collecting, and openpyxl with NumPy as usual


def test_a_broken_installation_is_said_in_russian_without_a_traceback():
    broken = "import sys; sys.modules['typer'] = None; from nastavnik_docs._entry import main; main()"
    result = subprocess.run([sys.executable, "-c", broken, "kinds"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("Ошибка: nastavnik-docs не запускается — установка повреждена (ModuleNotFoundError")
    assert "Traceback" not in result.stderr and "pip install --force-reinstall" in result.stderr


WORKBOOK_THEN_CHART = r"""
import json, sys
from nastavnik_docs import _entry
coverage, table, analytical, report = sys.argv[1:]
sys.argv = ["nastavnik-docs", "render", "report.coverage", coverage, "-o", table]
try:
    _entry.main()
except SystemExit as exc:
    assert not exc.code, exc.code
import openpyxl.compat.numbers
seen = ["numpy" in sys.modules, openpyxl.compat.numbers.NUMPY]
import nastavnik_docs as nd  # a chart after the workbook: matplotlib imports NumPy as usual
nd.render("report.analytical", analytical, report)
print(json.dumps(seen + ["numpy" in sys.modules]))
"""


def test_the_console_script_writes_a_workbook_without_importing_numpy_and_still_draws_charts(tmp_path):
    table, report = tmp_path / "охват.xlsx", tmp_path / "справка.docx"
    result = subprocess.run([sys.executable, "-c", WORKBOOK_THEN_CHART, str(sample_path("reports/coverage.yaml")),
                             str(table), str(sample_path("reports/analytical.yaml")), str(report)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [False, False, True]

    from docx import Document
    from openpyxl import load_workbook

    assert "охват" in " ".join(str(c.value) for row in load_workbook(table).active.iter_rows() for c in row).lower()
    assert Document(str(report)).inline_shapes, "the analytical report's chart"


EMBEDDED = r"""
import json, sys
import nastavnik_docs as nd
nd.render("report.coverage", sys.argv[1], sys.argv[2])
import openpyxl.compat.numbers
print(json.dumps(openpyxl.compat.numbers.NUMPY))
"""


def test_a_program_that_embeds_the_library_keeps_openpyxl_as_it_is(tmp_path):
    """Its own workbooks may hold NumPy numbers: openpyxl counts them as numbers there."""
    result = subprocess.run([sys.executable, "-c", EMBEDDED, str(sample_path("reports/coverage.yaml")),
                             str(tmp_path / "охват.xlsx")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) is True


HOOK = r"""
import json, sys
from nastavnik_docs._imports import import_openpyxl_without_numpy
import_openpyxl_without_numpy()
import_openpyxl_without_numpy()  # twice: one finder
finders = [type(f).__name__ for f in sys.meta_path].count("_NumpyHiddenFinder")
if sys.argv[1] == "numpy first":
    import numpy
import openpyxl.compat.numbers
import numpy
left = any(type(f).__name__ == "_NumpyHiddenFinder" for f in sys.meta_path)
print(json.dumps([finders, openpyxl.compat.numbers.NUMPY, left, numpy.__name__]))
"""


@pytest.mark.parametrize(("order", "numpy_types"), [
    ("openpyxl first", False),  # hidden while openpyxl's module runs, importable right after
    ("numpy first", True),  # already imported: nothing to save, nothing hidden
])
def test_numpy_is_hidden_from_openpyxl_only_while_it_is_imported(order, numpy_types):
    result = subprocess.run([sys.executable, "-c", HOOK, order], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    finders, numpy_in_openpyxl, finder_left, numpy_name = json.loads(result.stdout)
    assert finders == 1 and numpy_in_openpyxl is numpy_types and finder_left is False and numpy_name == "numpy"
