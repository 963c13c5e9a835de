"""The console script (``nastavnik_docs._entry``): the collector paused while it starts and resumed — with
start-up's objects frozen — when the command begins its work (``_gc``); a broken installation in Russian."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

from nastavnik_docs import _gc
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


def test_a_broken_installation_is_said_in_russian_without_a_traceback():
    broken = "import sys; sys.modules['typer'] = None; from nastavnik_docs._entry import main; main()"
    result = subprocess.run([sys.executable, "-c", broken, "kinds"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("Ошибка: nastavnik-docs не запускается — установка повреждена (ModuleNotFoundError")
    assert "Traceback" not in result.stderr and "pip install --force-reinstall" in result.stderr
