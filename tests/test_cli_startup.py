"""A short command loads only what it uses (no timing here: what is imported is checked).

``nastavnik-docs render`` of one order, run in a fresh interpreter, must write the order
without loading the rest of the catalogue, the models it does not need, rich, or a
format library or optional package that the order does not use; a workbook is written
without python-docx and docxtpl; the catalogue's index of kinds must match what the
modules register.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from nastavnik_docs.cli import _app_for, app

ROOT = Path(__file__).resolve().parents[1]
ORDER = ROOT / "samples" / "orders" / "appoint_curator.yaml"

#: Loaded by no render of an order: the other kinds' modules, the models of other
#: documents, the JSON Schema of the inputs, and packages for other formats and commands.
NOT_FOR_AN_ORDER = (
    "rich", "openpyxl", "python_calamine", "fastapi", "uvicorn", "matplotlib", "segno", "pypdf", "pikepdf", "icalendar",
    "ruamel", "num2words", "urllib.request", "http.client",
    # the order's posts and titles are made of words in ru/post_words.json: no dictionary to load
    "pymorphy3",
    # pydantic's plugin loader, which reads every installed package's metadata, stays out (cli._lean)
    "importlib.metadata", "email",
    "nastavnik_docs.kinds.orders.pairs", "nastavnik_docs.kinds.orders.change", "nastavnik_docs.kinds.orders.closing",
    "nastavnik_docs.kinds.orders.reward", "nastavnik_docs.kinds.awards", "nastavnik_docs.kinds.programmes",
    "nastavnik_docs.kinds.protocols", "nastavnik_docs.kinds.roadmap", "nastavnik_docs.kinds.reports",
    "nastavnik_docs.kinds.consents", "nastavnik_docs.kinds.labour", "nastavnik_docs.kinds.questionnaires",
    "nastavnik_docs.models.roadmap", "nastavnik_docs.models.target", "nastavnik_docs.models.year_checks",
    "nastavnik_docs.models.schema", "nastavnik_docs.models.statistics", "nastavnik_docs.batch", "nastavnik_docs.stats", "nastavnik_docs.web",
    "nastavnik_docs.engine.xlsx", "nastavnik_docs.engine.pdf",
)

RUN_ORDER = """
import json, sys
from nastavnik_docs.cli import main
kind, data, out, watched = sys.argv[1:]
sys.argv = ["nastavnik-docs", "render", kind, data, "-o", out]
try:
    main()
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "loaded": sorted(m for m in json.loads(watched) if m in sys.modules)}))
"""


def _fresh(code: str, *args: str) -> str:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                            cwd=ROOT, check=True)
    return result.stdout.strip().splitlines()[-1]


def test_rendering_an_order_loads_only_what_the_order_needs(tmp_path):
    out = tmp_path / "приказ.docx"
    report = json.loads(_fresh(RUN_ORDER, "order.appoint_curator", str(ORDER), str(out), json.dumps(NOT_FOR_AN_ORDER)))
    assert report == {"code": 0, "loaded": []}
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "О\u00a0назначении куратора внедрения целевой модели наставничества" in text
    assert "Контроль за исполнением настоящего приказа оставляю за собой." in text


def test_a_workbook_is_written_without_the_word_libraries(tmp_path):
    out = tmp_path / "охват.xlsx"
    data = ROOT / "samples" / "reports" / "coverage.yaml"
    report = json.loads(_fresh(RUN_ORDER, "report.coverage", str(data), str(out),
                               json.dumps(["docx", "docxtpl", "docxcompose", "nastavnik_docs.engine.docx"])))
    assert report == {"code": 0, "loaded": []}
    rows = list(load_workbook(out).active.iter_rows(max_row=6, values_only=True))
    assert rows[0][0] == "Сведения об охвате участников программами наставничества"
    assert rows[3][:2] == ("Организация", "Муниципальное бюджетное общеобразовательное учреждение "
                                          "«Средняя общеобразовательная школа №\u00a012»")


def test_the_models_load_per_name():
    code = ("import sys, nastavnik_docs.models as m; before = sorted(x for x in sys.modules if x.startswith("
            "'nastavnik_docs.models.')); m.Person; after = sorted(x for x in sys.modules if x.startswith("
            "'nastavnik_docs.models.')); print(before, 'nastavnik_docs.models.person' in after, "
            "'nastavnik_docs.models.statistics' in after, 'nastavnik_docs.models.registry' in after)")
    assert _fresh(code) == "[] True False False"


FIND_REGISTRARS = """
import json, sys
import nastavnik_docs.kinds._base as base
registrars, register = {}, base.register

def recording(kind):
    registrars[kind.id] = sys._getframe(1).f_globals["__name__"].removeprefix("nastavnik_docs.kinds.")
    return register(kind)

base.register = recording
base._discover()
print(json.dumps(registrars))
"""


def test_the_index_of_kinds_names_the_module_that_registers_each():
    from nastavnik_docs.kinds._index import KIND_MODULES

    registrars = json.loads(_fresh(FIND_REGISTRARS))
    missing = {kind: module for kind, module in registrars.items() if KIND_MODULES.get(kind) != module}
    assert not missing, "add to nastavnik_docs/kinds/_index.py: " + ", ".join(
        f'"{kind}": "{module}"' for kind, module in sorted(missing.items()))
    assert set(KIND_MODULES) == set(registrars)


def test_finding_a_kind_imports_its_module_only():
    code = ("import sys; from nastavnik_docs.kinds import get_kind; k = get_kind('order.reward'); "
            "print(k.id, sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('nastavnik_docs.kinds.orders.')"
            " and not m.rsplit('.', 1)[1].startswith('_')))")
    assert _fresh(code) == "order.reward ['reward']"


def test_a_command_is_run_by_an_app_of_that_command_alone():
    only = _app_for(["render", "order.appoint_curator"])
    assert [info.callback.__name__ for info in only.registered_commands if info.callback] == ["render"]
    assert len(app.registered_commands) > 1  # the app itself keeps every command
    for args in ([], ["--help"], ["--version"], ["rendr"]):
        assert _app_for(args) is app
    runner = CliRunner()
    whole, alone = (runner.invoke(a, ["render", "--help"], terminal_width=120) for a in (app, only))
    assert whole.exit_code == alone.exit_code == 0
    assert whole.output == alone.output


def test_pydantic_asks_its_plugin_loader_for_get_plugins_alone():
    """The stand-in loader of cli._lean answers get_plugins: pydantic must ask it for nothing else."""
    import re

    import pydantic

    asked = set()
    for source in Path(pydantic.__file__).parent.rglob("*.py"):
        for names in re.findall(r"from (?:\.|pydantic\.plugin\.)_loader import ([^\n]+)", source.read_text("utf-8")):
            asked.update(n.strip(" ()") for n in names.split(","))
    assert asked == {"get_plugins"}


STAND_IN = """
import os, sys
from nastavnik_docs.cli._lean import LOADER, skip_plugin_loader
stands_in = skip_plugin_loader()
from pydantic import TypeAdapter
assert TypeAdapter(int).validate_python("7") == 7
print(stands_in, getattr(sys.modules[LOADER], "__file__", None) is None, "importlib.metadata" in sys.modules)
"""


def test_the_plugin_loader_stands_in_only_while_plugins_are_disabled():
    import os

    for value, expected in (("__all__", "True True False"), ("1", "True True False"), ("", "False False True"),
                            ("some_plugin", "False False True")):
        env = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": value}
        result = subprocess.run([sys.executable, "-c", STAND_IN], capture_output=True, text=True, timeout=120,
                                cwd=ROOT, check=True, env=env)
        assert result.stdout.split("\n")[-2] == expected, value
