"""The committed built-in templates are exactly what tools/build_templates builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.build_templates import ROOT, build_all
from tools.build_templates._compare import differing_parts

TEMPLATES = ROOT / "templates"
SUFFIXES = (".docx", ".xlsx")


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.suffix in SUFFIXES}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("templates")
    written = build_all(target)
    assert written, "the build script wrote nothing"
    return target


def test_every_built_template_is_committed(built):
    missing = _files(built) - _files(TEMPLATES)
    assert not missing, f"run `python -m tools.build_templates` and commit: {sorted(missing)}"


def test_no_committed_template_lacks_a_builder(built):
    orphans = _files(TEMPLATES) - _files(built)
    assert not orphans, f"committed but not built by any builder: {sorted(orphans)}"


@pytest.mark.parametrize("name", sorted(_files(TEMPLATES)))
def test_committed_template_equals_the_built_one(built, name):
    assert (built / name).exists(), f"{name} is not built"
    assert differing_parts(TEMPLATES / name, built / name) == [], (
        f"{name} differs from the build; run `python -m tools.build_templates` and commit")


def test_build_is_deterministic(tmp_path):
    from tools.build_templates import registry

    first = registry.build(tmp_path / "a", _mkdir(tmp_path / "a"))[0]
    second = registry.build(tmp_path / "b", _mkdir(tmp_path / "b"))[0]
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == (TEMPLATES / "xlsx" / first.name).read_bytes()


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path
