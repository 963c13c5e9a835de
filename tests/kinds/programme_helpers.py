"""Helpers of the programme tests: samples, inline pairs, documents read back.

A :class:`Doc` reads a rendered programme back with python-docx — paragraphs, tables (with
plain spaces), the passport table, the signature rows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.io import load_organization, load_registry
from nastavnik_docs.kinds.programmes import Holiday

NBSP = "\u00a0"
REGISTRY = load_registry(sample_path("registry.yaml"))
ORG = load_organization(sample_path("organization.yaml")).model_dump()
HOLIDAYS = [Holiday(start=dt.date(2026, 10, 26), end=dt.date(2026, 11, 4)),
            Holiday(start=dt.date(2026, 12, 31), end=dt.date(2027, 1, 11)),
            Holiday(start=dt.date(2027, 3, 22), end=dt.date(2027, 3, 31))]


def _norm(text: str) -> str:
    """Plain spaces, no soft hyphens: the text as a reader reads it."""
    return text.replace(NBSP, " ").replace("\u00ad", "")


class Doc:
    """A rendered document read back: paragraphs, tables, header texts."""

    def __init__(self, path: Path):
        self.doc = Document(str(path))
        self.paragraphs = [_norm(p.text) for p in self.doc.paragraphs]
        self.tables = [[[_norm(c.text) for c in row.cells] for row in t.rows] for t in self.doc.tables]
        headers = [p.text for s in self.doc.sections for h in (s.header, s.first_page_header)
                   for p in h.paragraphs]
        self.all = "\n".join([*self.paragraphs, *(c for t in self.tables for r in t for c in r), *headers])

    def table(self, first_header: str, second_header: str) -> list[list[str]]:
        for t in self.tables:
            if t[0][:2] == [first_header, second_header]:
                return t[1:]
        raise AssertionError(f"no table «{second_header}»")

    def passport(self) -> dict[str, str]:
        for t in self.tables:
            if t and t[0][0] in ("Образовательная организация", "Педагог"):
                return {row[0]: row[1] for row in t}
        raise AssertionError("no passport table")

    def signatures(self) -> list[tuple[str, str]]:
        rows = [r for t in self.tables for r in t if len(r) == 3 and r[1].startswith("_____")]
        return [(r[0], r[2]) for r in rows]


def assert_clean(doc: Doc) -> None:
    for leftover in ("{{", "}}", "{%", "%}", "None"):
        assert leftover not in doc.all, leftover


def render(kind: str, data, folder: Path, name: str = "out") -> Doc:
    return Doc(nd.render(kind, data, folder / f"{name}.docx"))


def sample(name: str, **changes) -> dict:
    data = load_input("programme.personal", sample_path(f"programmes/{name}.yaml")).model_dump()
    data.update(changes)
    return data


def inline_pair(**changes) -> dict:
    data = {
        "organization": ORG,
        "mentor": {"last_name": "Зорина", "first_name": "Вера", "middle_name": "Павловна",
                   "category": "педагог", "post": "учитель биологии", "experience_years": 15},
        "mentees": [{"last_name": "Ильин", "first_name": "Павел", "middle_name": "Сергеевич",
                     "category": "обучающийся", "post": "8 «В» класс"}],
        "form": "учитель – ученик",
        "start": "2026-10-05",
        "end": "2027-01-29",
        "frequency": "еженедельно",
    }
    data.update(changes)
    return data


def route(**changes) -> dict:
    data = load_input("programme.individual_route", sample_path("programmes/individual_route.yaml")).model_dump()
    data.update(changes)
    return data


def assert_plan_table_layout(path: Path, second_header: str) -> None:
    """The plan table repeats its header row on each page and keeps each row whole; the page
    is portrait A4 with the margins of ГОСТ Р 7.0.97-2025."""
    doc = Document(str(path))
    [table] = [t for t in doc.tables if t.rows[0].cells[1].text == second_header]
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    first, *rest = table.rows
    assert first._tr.trPr.find(f"{w}tblHeader") is not None
    assert rest and all(r._tr.trPr is not None and r._tr.trPr.find(f"{w}cantSplit") is not None for r in rest)
    section = doc.sections[0]
    assert section.page_width < section.page_height  # portrait A4
    assert round(section.left_margin.mm) == 30 and round(section.top_margin.mm) == 20
