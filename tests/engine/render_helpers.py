"""Test-only context models, kinds and template builders for the render tests.

Templates are built with python-docx / openpyxl here rather than committed, so each test
shows the template it renders. The kinds are not registered in the catalogue (``render``
accepts a Kind object); tests that go through the CLI register one with monkeypatch.
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from pydantic import BaseModel, ConfigDict, computed_field

from nastavnik_docs.kinds import Kind
from nastavnik_docs.models import Image
from nastavnik_docs.ru import PersonForms


class Mentor(BaseModel):
    name: str
    post: str | None = None
    dative: str = ""


class PairCtx(BaseModel):
    mentor: Mentor
    mentees: list[str] = []
    hours: int = 0


class Row(BaseModel):
    name: str
    born: dt.date | None = None
    amount: Decimal | None = None
    count: int | None = None
    note: str | None = None


class DocCtx(BaseModel):
    """The context of the test kind: a bit of everything a real kind has."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    school: str = "МБОУ «СОШ № 1»"
    date: dt.date = dt.date(2026, 5, 25)
    note: str | None = None
    show_extra: bool = False
    pairs: list[PairCtx] = []
    rows: list[Row] = []
    extra: dict[str, str] = {}
    head: PersonForms | None = None
    logo: Image | None = None
    font_name: str | None = None
    font_size: float | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def pair_count(self) -> int:
        return len(self.pairs)

    @property
    def first_pair(self) -> PairCtx | None:
        return self.pairs[0] if self.pairs else None


def make_kind(docx: str | None = "test_doc.docx", xlsx: str | None = None, **kwargs) -> Kind:
    return Kind(id=kwargs.pop("id", "test.doc"), title="Тестовый документ", input_model=DocCtx,
                context_model=DocCtx, build_context=lambda data: data, docx=docx, xlsx=xlsx,
                **kwargs)


def sample_pairs() -> list[PairCtx]:
    return [
        PairCtx(mentor=Mentor(name="Иванова М.П.", post="учитель", dative="Ивановой М.П."),
                mentees=["Петров", "Сидоров"], hours=12),
        PairCtx(mentor=Mentor(name="Смирнов А.А.", post=None, dative="Смирнову А.А."), hours=3),
    ]


def build_docx(path: Path, paragraphs: list[str], *, header: str | None = None,
               footer: str | None = None, table: list[list[str]] | None = None,
               page_break_before: int | None = None) -> Path:
    """A DOCX with the given paragraphs (one run each), optional header, footer and table.

    ``table`` rows are lists of cell texts; the table is added after the paragraphs.
    """
    doc = Document()
    for index, text in enumerate(paragraphs):
        para = doc.add_paragraph()
        if page_break_before is not None and index == page_break_before:
            para.add_run().add_break(WD_BREAK.PAGE)
        para.add_run(text)
    if table:
        t = doc.add_table(rows=len(table), cols=max(len(r) for r in table))
        t.style = "Table Grid"
        for r, cells in enumerate(table):
            for c, text in enumerate(cells):
                t.cell(r, c).text = text
    section = doc.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


def docx_texts(path: Path) -> dict[str, list[str]]:
    """Paragraph texts of the body, table cells, headers and footers of a document."""
    doc = Document(path)
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    section = doc.sections[0]
    return {
        "body": [p.text for p in doc.paragraphs],
        "cells": cells,
        "header": [p.text for p in section.header.paragraphs],
        "footer": [p.text for p in section.footer.paragraphs],
    }


def all_text(path: Path) -> str:
    return "\n".join(t for texts in docx_texts(path).values() for t in texts)


def png_bytes(width: int = 4, height: int = 2) -> bytes:
    """A tiny valid red PNG (no imaging library is needed to make one)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))
