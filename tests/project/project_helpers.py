"""Helpers of the project tests: a copy of the sample project folder, changed on purpose."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from docx import Document

from nastavnik_docs import load_registry, write_registry
from nastavnik_docs._resources import sample_path
from nastavnik_docs.models import Registry

SAMPLE = sample_path("project")
REGISTRY = "База наставников и наставляемых.xlsx"
#: «… от 27.08.2026 № 108-о/д» in a document's text.
CITATION = re.compile(r"от\s(\d{2}\.\d{2}\.\d{4})\s№[\s\u00a0]*([0-9][0-9A-Za-zА-Яа-яЁё/\-]*)")
#: The federal acts documents cite (facts, not acts of the folder).
FEDERAL = {("29.12.2012", "273-ФЗ"), ("21.05.2025", "1264-р"), ("02.03.2018", "94"), ("27.07.2006", "152-ФЗ"),
           ("09.11.2024", "381-ФЗ"), ("24.02.2021", "18")}  # the last: Roskomnadzor's order on distribution consents


def copy_sample(target: Path) -> Path:
    """A fresh copy of ``samples/project`` (no journal, nothing issued)."""
    shutil.copytree(SAMPLE, target)
    return target


def edit_project(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Change ``nastavnik.yaml`` of ``folder`` (comments are lost, the data kept)."""
    path = folder / "nastavnik.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def document(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(d for d in data["documents"] if d["key"] == key)


def edit_registry(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the registry workbook of ``folder`` through its data."""
    path = folder / REGISTRY
    data = load_registry(path).model_dump(mode="python", exclude_none=True)
    change(data)
    write_registry(Registry.model_validate(data), path, overwrite=True)


def pair(data: dict[str, Any], label: str) -> dict[str, Any]:
    return next(p for p in data["pairs"] if p["id"] == label)


def docx_text(path: Path) -> str:
    """Every paragraph of a DOCX, body and tables, one per line."""
    doc = Document(str(path))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return "\n".join(lines)


def citations(path: Path) -> set[tuple[str, str]]:
    """(date, number) of every «от DD.MM.YYYY № N» in a DOCX."""
    return {(d, n.rstrip("-/")) for d, n in CITATION.findall(docx_text(path))}
