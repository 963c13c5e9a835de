"""The layers of DESIGN.md hold: the import-linter contracts of pyproject.toml, each checked.

``lint-imports`` sees every import statement, also those inside functions; a copy of the
package with a deliberate import inside a function shows that the contracts catch it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

pytest.importorskip("importlinter")

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "nastavnik_docs"
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]

#: Contracts still broken by code outside this branch's area, each with what breaks it. The
#: marks are strict: once the code is fixed the test passes, xpasses, and the entry must go.
BROKEN_ELSEWHERE: dict[str, str] = {}


def lint_imports(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``lint-imports`` on the package under ``root`` with that folder's pyproject.toml."""
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "400"}  # one contract per line
    code = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    return subprocess.run([sys.executable, "-c", code, "--no-logo", "--no-cache", *args],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def report() -> str:
    result = lint_imports(ROOT)
    assert "Contracts:" in result.stdout, result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize(
    "contract",
    [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(reason=BROKEN_ELSEWHERE[c["id"]], strict=True)]
                  if c["id"] in BROKEN_ELSEWHERE else []) for c in CONTRACTS],
)
def test_contract_is_kept(report, contract):
    lines = [line for line in report.splitlines() if line.startswith(contract["name"] + " ")]
    assert lines, f"contract «{contract['name']}» missing from the report:\n{report}"
    assert lines[0].endswith(" KEPT"), report[report.find("Broken contracts"):]


def test_every_top_level_module_is_in_a_layer_contract():
    """A new subpackage has to be placed in the layers explicitly."""
    named = {m.strip() for c in CONTRACTS for key in ("layers", "source_modules", "modules", "protected_modules")
             for entry in c.get(key, []) for m in entry.split("|")}
    top = {f"nastavnik_docs.{p.stem if p.is_file() else p.name}" for p in PACKAGE.iterdir()
           if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()}
    assert top - named == set()


def test_an_import_inside_a_function_breaks_the_layers(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "nastavnik_docs", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "nastavnik_docs" / "models" / "target.py"
    source = target.read_text(encoding="utf-8")
    line = source.count("\n") + 4
    target.write_text(source + "\n\ndef _probe() -> None:\n    from ..kinds import get_kind  # noqa: F401\n",
                      encoding="utf-8")
    result = lint_imports(tmp_path, "--contract", "layers")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "nastavnik_docs.models is not allowed to import nastavnik_docs.kinds" in result.stdout
    assert f"nastavnik_docs.models.target -> nastavnik_docs.kinds (l.{line})" in result.stdout


def test_importing_the_language_layer_loads_no_format_library():
    code = ("import sys, nastavnik_docs.ru, nastavnik_docs.models, nastavnik_docs.stats; "
            "print(sorted(m for m in ('docx', 'docxtpl', 'openpyxl', 'docxcompose') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
