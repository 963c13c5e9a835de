"""The wheel ships the templates, the samples and the type marker inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _data_files(folder: str) -> set[str]:
    base = ROOT / folder
    return {
        f"nastavnik_docs/{folder}/{p.relative_to(base).as_posix()}"
        for p in base.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
    }


@pytest.mark.slow
def test_wheel_contains_templates_samples_and_py_typed(tmp_path):
    # --no-isolation: use the installed hatchling instead of downloading one
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
                   cwd=ROOT, check=True, capture_output=True)
    (wheel,) = tmp_path.glob("nastavnik_docs-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    expected = _data_files("templates") | _data_files("samples")
    assert any(n.endswith("registry.xlsx") for n in expected)
    assert expected - names == set()
    assert "nastavnik_docs/py.typed" in names
    wording = {f"nastavnik_docs/{p.relative_to(ROOT / 'nastavnik_docs').as_posix()}"
               for suffix in ("*.yaml", "*.json")
               for p in (ROOT / "nastavnik_docs").rglob(suffix)}  # data files beside the code
    assert {"nastavnik_docs/kinds/programmes/programmes.yaml", "nastavnik_docs/ru/post_words.json"} <= wording
    assert wording - names == set()
    assert "nastavnik_docs/io/__init__.py" in names
    assert not any(n.startswith(("tests/", "tools/", "benchmarks/")) for n in names)
