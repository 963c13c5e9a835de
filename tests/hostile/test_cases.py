"""The issue's remaining cases, each a test: calamine (the fast registry reader) never opens
a workbook the package check refuses; one renamed header is one error, not thirty; a
list typed without spaces is typographed pair by pair; a field longer than its limit is a
located Russian error, never cut; docxtpl's escapes in the data are printed as typed."""

from __future__ import annotations

import io

import openpyxl
import pytest
import yaml
from docx import Document
from hostile_files import (
    OLE_HEADER,
    HostileCtx,
    docx_template,
    hostile_kind,
    many_entries,
    registry_styles_bomb,
    with_doctype,
    xlsx_template,
)
from hostile_harness import hostile_settings
from hypothesis import given
from hypothesis import strategies as st

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.engine.fast import FastDocxTemplate
from nastavnik_docs.errors import InputError, NastavnikError
from nastavnik_docs.io import load_registry
from nastavnik_docs.models.person import TEXT_MAX
from nastavnik_docs.ru._typography import typograph

REGISTRY = sample_path("registry.xlsx")


@pytest.mark.hostile("packages")
def test_calamine_never_opens_a_workbook_the_check_refuses(tmp_path, monkeypatch, tally):
    calamine = pytest.importorskip("python_calamine")
    opened: list[str] = []
    real = calamine.CalamineWorkbook.from_path

    def watched(path, *args, **kwargs):
        opened.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(calamine.CalamineWorkbook, "from_path", watched)
    data = REGISTRY.read_bytes()
    hostile = {"doctype": with_doctype(data, "xl/workbook.xml"), "entries": many_entries(data, 10_001),
               "ole": OLE_HEADER, "styles": registry_styles_bomb(REGISTRY, tmp_path / "bomb.xlsx", 200).read_bytes()}
    for name, content in hostile.items():
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(content)
        with pytest.raises(NastavnikError):
            load_registry(path)
        tally.add("packages", "отклонён до calamine")
    assert opened == []
    load_registry(REGISTRY)  # the reader does use calamine: the watch above can see it
    assert opened == [str(REGISTRY)]


@pytest.mark.hostile("commands")
@pytest.mark.parametrize("header", ["Код участника", "Шифр", ""])
def test_one_renamed_header_is_one_error_not_thirty(tmp_path, header, tally):
    book = openpyxl.load_workbook(REGISTRY)
    cell = next(c for row in book["Участники"].iter_rows(max_row=3) for c in row if c.value == "ID")
    cell.value = header or None
    path = tmp_path / "база.xlsx"
    book.save(path)
    with pytest.raises(InputError) as info:
        load_registry(path)
    (problem,) = info.value.problems
    assert (problem.sheet, problem.row) == ("Участники", 1)
    assert "нет столбца «ID»" in problem.message and "ссылк" in problem.message
    if header:
        assert f"«{header}»" in problem.message  # the renamed column is named
    tally.add("commands", "одна ошибка вместо каскада")


_WORDS = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщэюяАБВГДУЧ", min_size=1, max_size=12)


@pytest.mark.hostile("escaping")
@hostile_settings(200)
@given(words=st.lists(_WORDS, min_size=2, max_size=6), separator=st.sampled_from([",", ";", ", ", "; "]))
def test_a_quoted_list_typed_without_spaces_is_quoted_pair_by_pair(words, separator, tally):
    typed = separator.join(f'"{w}"' for w in words)
    assert typograph(typed) == separator.join(f"«{w}»" for w in words)
    tally.add("escaping", "кавычки по парам")


def test_the_quotes_of_the_issue():
    assert typograph('"Учитель","Ученик"') == "«Учитель»,«Ученик»"


@pytest.mark.hostile("commands")
def test_a_name_longer_than_its_limit_is_a_located_error(tmp_path, tally):
    book = openpyxl.load_workbook(REGISTRY)
    sheet = book["Участники"]
    column = next(c.column for c in sheet[1] if c.value == "Фамилия")
    sheet.cell(row=2, column=column, value="Ж" * 201)
    path = tmp_path / "база.xlsx"
    book.save(path)
    with pytest.raises(InputError) as info:
        load_registry(path)
    (problem,) = info.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("Участники", 2, "Фамилия")
    assert "200" in problem.message and any("а" <= ch <= "я" for ch in problem.message), problem.message
    tally.add("commands", "длина поля — ошибка с адресом")


@pytest.mark.hostile("commands")
def test_a_text_field_longer_than_its_limit_is_a_located_error(tmp_path, tally):
    data = yaml.safe_load(sample_path("awards/gramota.yaml").read_text(encoding="utf-8"))
    data["text"] = "ж" * (TEXT_MAX + 1)
    path = tmp_path / "грамота.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_input("award.gramota", path)
    (problem,) = [p for p in info.value.problems if p.field == "text"]
    assert f"{TEXT_MAX:,}".replace(",", "") in problem.message.replace("\u00a0", "").replace(" ", ""), problem.message
    assert problem.row is not None  # the line of the YAML file
    tally.add("commands", "длина поля — ошибка с адресом")


@pytest.mark.hostile("escaping")
@pytest.mark.parametrize("value", ["%_}", "{_%", "{_{ x }_}", "a%_}b & <c>", "{_{{_{", "_}_}_"])
def test_docxtpl_escapes_in_data_are_printed_as_typed(tmp_path, value, tally):
    """docxtpl turns «{_{», «%_}» … into «{{», «%}» in the whole rendered part; a value
    holding them is printed as typed, on both DOCX paths and in XLSX, while the template's
    own «{_{» still prints «{{»."""
    docx_template(tmp_path / "hostile.docx", ["{{ school }}", "{_{ литерал }_}"])
    xlsx_template(tmp_path / "hostile.xlsx", {"A1": "{{ school }}", "A2": "x {{ school }}"})
    fast = Document(io.BytesIO(FastDocxTemplate(tmp_path / "hostile.docx").render_bytes(HostileCtx(school=value))))
    nd.render(hostile_kind(), HostileCtx(school=value), tmp_path / "o.docx", templates=tmp_path)
    plain = Document(tmp_path / "o.docx")
    nd.render(hostile_kind(docx=None, xlsx="hostile.xlsx"), HostileCtx(school=value), tmp_path / "o.xlsx",
              templates=tmp_path)
    sheet = openpyxl.load_workbook(tmp_path / "o.xlsx").active
    assert [p.text for p in fast.paragraphs] == [p.text for p in plain.paragraphs] == [value, "{{ литерал }}"]
    assert (sheet["A1"].value, sheet["A2"].value) == (value, f"x {value}")
    tally.add("escaping", "напечатан как текст")
