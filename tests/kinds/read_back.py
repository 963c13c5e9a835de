"""Helpers of the kinds tests: documents read back, samples changed, shared checks.

The documents are read with python-docx; texts come back with plain spaces (no-break
spaces and soft hyphens folded) so that the expected phrases read as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

import nastavnik_docs as nd
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_registry
from nastavnik_docs.kinds import all_kinds, get_kind
from nastavnik_docs.models import Category

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
NBSP = "\u00a0"
REGISTRY = load_registry(SAMPLES / "registry.yaml")
PUPILS = [p.full_name for p in REGISTRY.participants if p.category is Category.PUPIL]


def plain(text: str) -> str:
    return text.replace(NBSP, " ").replace("\u00ad", "")


def texts(path: Path) -> list[str]:
    """Every paragraph of the body, the tables and the headers, in plain spaces."""
    return [plain(t) for t in paragraph_texts(Document(path))]


def paragraph_texts(doc: Any) -> list[str]:
    """Every paragraph of a python-docx document: body, tables, headers, in order, as written."""
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                out.extend(p.text for p in cell.paragraphs)
    for section in doc.sections:
        for header in (section.header, section.first_page_header):
            out.extend(p.text for p in header.paragraphs)
    return out


def table(path: Path, header: str) -> tuple[list[str], list[list[str]]]:
    """The table whose header row holds ``header``: its header and body rows as cell texts."""
    doc = Document(path)
    for found in doc.tables:
        heads = [plain(c.text) for c in found.rows[0].cells]
        if header in heads:
            return heads, [[plain(c.text) for c in row.cells] for row in found.rows[1:]]
    raise AssertionError(f"no table with the column «{header}»")


def write_input(tmp_path: Path, data: dict, name: str = "input.yaml") -> Path:
    """A sample changed in a test, with its links made absolute."""
    text = yaml.safe_dump(data, allow_unicode=True)
    text = text.replace("../organization.yaml", str(SAMPLES / "organization.yaml"))
    text = text.replace("../registry.yaml", str(SAMPLES / "registry.yaml"))
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def sample_data(sample: str) -> dict:
    return yaml.safe_load((SAMPLES / sample).read_text(encoding="utf-8"))


def render_samples(folder: Path, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Path]:
    """(kind, sample) → the DOCX rendered from that sample."""
    return {(kind, sample): nd.render(kind, SAMPLES / sample, folder / f"{kind}-{Path(sample).stem}.docx")
            for kind, sample in keys}


def assert_content(path: Path, phrases: Sequence[str]) -> None:
    """Every phrase is in the document, and nothing is left over from the template or typing."""
    joined = "\n".join(texts(path))
    for phrase in phrases:
        assert phrase in joined, phrase
    for bad in ("None", "{{", "}}", "{%", "%}", "  ", " ,", ",,", "..", "г.."):
        assert bad not in joined.replace("...", ""), bad
    assert "№ 12" in joined and f"№{NBSP}12" in "\n".join(p.text for p in Document(path).paragraphs)


def assert_bad_input(tmp_path: Path, sample: str, change: Callable[[dict], object], words: Sequence[str]) -> None:
    """The sample changed by ``change`` fails with a Russian error naming ``words``; no file is left."""
    data = sample_data(sample)
    change(data)
    kind = next(k.id for k in all_kinds() if sample in k.samples)
    with pytest.raises(InputError) as info:
        nd.render(kind, write_input(tmp_path, data), tmp_path / "bad.docx")
    message = str(info.value)
    for word in words:
        assert word in message, (word, message)
    assert any("а" <= ch <= "я" for ch in message.lower())
    assert not (tmp_path / "bad.docx").exists()


def assert_templates_check(kind_id: str) -> None:
    """The kind's built-in templates ask for nothing its context lacks."""
    kind = get_kind(kind_id)
    for name in filter(None, (kind.docx, kind.xlsx)):
        folder = "docx" if name.endswith(".docx") else "xlsx"
        report = nd.check_template(ROOT / "templates" / folder / name, kind)
        assert report.ok, report.issues
