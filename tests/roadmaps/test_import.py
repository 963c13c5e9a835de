"""Importing roadmaps from Word: the rendered seeds round-trip, hand-made tables are read."""

from __future__ import annotations

import pytest
from _roadmap_samples import SAMPLES, load_sample
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from typer.testing import CliRunner

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path
from nastavnik_docs.cli import app
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import import_roadmap, load_yaml
from nastavnik_docs.models import Roadmap


def _shape(roadmap: Roadmap) -> list:
    return [(s.number, s.title, [r.model_dump() for r in s.rows],
             [(sub.number, sub.title, [r.model_dump() for r in sub.rows]) for sub in s.substages])
            for s in roadmap.stages]


def test_rendered_seed_round_trips(sample_key, tmp_path) -> None:
    original = load_sample(sample_key)
    docx = tmp_path / "roadmap.docx"
    nd.render("roadmap", sample_path(SAMPLES[sample_key]), docx)
    result = import_roadmap(docx)
    got = result.roadmap
    assert result.unplaced == []
    assert _shape(got) == _shape(original)
    assert [(c.role, c.heading) for c in got.columns] == [(c.role, c.heading) for c in original.columns]
    assert got.column_numbers == original.column_numbers
    assert got.title == original.title
    assert got.stamps == original.stamps
    assert got.organization_lines == original.organization_lines
    assert (got.cover_title, got.approval_note, got.place_line) == (
        original.cover_title, original.approval_note, original.place_line)
    assert [t.wording for t in got.targets] == [t.wording for t in original.targets if original.show_targets]
    if original.note:
        assert got.note == original.note


def test_cli_import_roadmap(tmp_path) -> None:
    docx = tmp_path / "spb.docx"
    nd.render("roadmap", sample_path(SAMPLES["spb"]), docx)
    out = tmp_path / "roadmap.yaml"
    result = CliRunner().invoke(app, ["import-roadmap", str(docx), "-o", str(out)])
    assert result.exit_code == 0, result.output
    again = Roadmap.model_validate(load_yaml(out))
    assert _shape(again) == _shape(load_sample("spb"))


# --------------------------------------------------------------------------- hand-made tables


def _runs(paragraph, *parts: tuple[str, bool]) -> None:
    for text, bold in parts:
        paragraph.add_run(text).bold = bold or None


def _fill(table, row: int, values: list[str], first: int = 0) -> None:
    for i, text in enumerate(values):
        table.cell(row, first + i).text = text


def _mark_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def _handmade_rows_layout(path) -> None:
    doc = Document()
    for line in ("УТВЕРЖДАЮ", "Директор МБОУ «СОШ № 5»", "__________ И.И. Петров", "«___» ________ 2025 г."):
        doc.add_paragraph(line)
    doc.add_paragraph("")
    doc.add_paragraph("План мероприятий (дорожная карта) по внедрению наставничества на 2025/2026 учебный год")
    table = doc.add_table(rows=8, cols=4)
    headings = ["№ п/п", "Мероприятие", "Сроки", "Ответственный"]
    for cell, text in zip(table.rows[0].cells, headings):
        cell.text = text
    _mark_header(table.rows[0])
    stage = table.cell(1, 0).merge(table.cell(1, 3))
    stage.paragraphs[0].add_run("I. Подготовительный этап").bold = True
    table.cell(2, 0).text = "1."
    _runs(table.cell(2, 1).paragraphs[0], ("Издание ", False), ("приказа", True), (" о наставничестве", False))
    table.cell(2, 2).text = "сентябрь 2025 г."
    p = table.cell(2, 3).paragraphs[0]
    p.add_run("Директор")
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run("Куратор")
    table.cell(3, 0).text = "2."
    cell = table.cell(3, 1)
    cell.text = "Формирование базы наставляемых:"
    cell.add_paragraph("• анкетирование обучающихся;")
    cell.add_paragraph("сбор согласий на обработку персональных данных", style="List Bullet")
    table.cell(3, 2).text = "до 15 октября 2025 г."
    table.cell(3, 3).text = "Куратор"
    for cell, text in zip(table.rows[4].cells, headings):  # the header typed again on page 2
        cell.text = text
    stage = table.cell(5, 0).merge(table.cell(5, 3))
    stage.text = "II. Основной этап"
    _fill(table, 6, ["3.", "Регулярные встречи наставников и наставляемых", "ежемесячно", "Наставники"])
    _fill(table, 7, ["4.", "Итоговая конференция", "май 2026 г.", "Заместитель директора по УВР"])
    doc.add_paragraph("Целевые показатели:")
    doc.add_paragraph("доля педагогов-наставников: не менее 20 % в 2026 году")
    doc.save(str(path))


def test_handmade_table_of_stage_rows(tmp_path) -> None:
    path = tmp_path / "handmade.docx"
    _handmade_rows_layout(path)
    result = import_roadmap(path)
    r = result.roadmap
    assert result.unplaced == []
    assert r.title.startswith("План мероприятий (дорожная карта) по внедрению")
    assert r.period is not None and r.period.school_year and r.period.year == 2025
    assert [c.role.value for c in r.columns] == ["number", "title", "deadline", "responsible"]
    assert [(s.number, s.title) for s in r.stages] == [("I.", "Подготовительный этап"),
                                                      ("II.", "Основной этап")]
    first, second = r.stages[0].rows
    assert (first.number, first.title, first.deadline) == ("1.", "Издание приказа о наставничестве",
                                                           "сентябрь 2025 г.")
    assert first.responsible == "Директор\nКуратор"
    assert second.title == "Формирование базы наставляемых:"
    assert [(b.bullet, b.text) for b in second.details] == [
        ("•", "анкетирование обучающихся;"), ("•", "сбор согласий на обработку персональных данных")]
    assert [row.title for row in r.stages[1].rows] == ["Регулярные встречи наставников и наставляемых",
                                                       "Итоговая конференция"]
    stamp = r.stamps[0]
    assert (stamp.heading, stamp.post, stamp.signer, stamp.signature_line) == (
        "УТВЕРЖДАЮ", "Директор МБОУ «СОШ № 5»", "И.И. Петров", True)
    assert stamp.signed == "«___» ________ 2025 г."
    assert [(t.comparison.value, int(t.value), t.year) for t in r.targets] == [("не менее", 20, 2026)]
    # what it read is due where the wording says
    assert [d.row.title for d in r.due_in(2026, 1)] == ["Регулярные встречи наставников и наставляемых"]


def _handmade_stage_column(path) -> None:
    doc = Document()
    doc.add_paragraph("Дорожная карта реализации программы наставничества")
    table = doc.add_table(rows=5, cols=5)
    for cell, text in zip(table.rows[0].cells, ["Этап", "Мероприятия", "Срок", "Ответственные", "Примечание"]):
        cell.text = text
    stage = table.cell(1, 0).merge(table.cell(2, 0))
    stage.text = "Подготовка"
    cell = table.cell(1, 1)
    cell.text = "1) Изучение документов."
    cell.add_paragraph("2) Разработка положения:")
    cell.add_paragraph("- проект;")
    cell.add_paragraph("- согласование.")
    _fill(table, 1, ["Сентябрь – октябрь 2025", "Куратор", "см. приказ № 12"], first=2)
    _fill(table, 2, ["Назначение куратора", "до 1 октября 2025 г.", "Директор"], first=1)
    _fill(table, 3, ["Завершение", "Итоговая встреча", "когда-нибудь весной", "Куратор"])
    table.cell(4, 1).text = ""
    table.cell(4, 3).text = "Куратор"  # a responsible without an event: reported
    doc.save(str(path))


def test_handmade_table_with_a_merged_stage_column(tmp_path) -> None:
    path = tmp_path / "stages.docx"
    _handmade_stage_column(path)
    result = import_roadmap(path)
    r = result.roadmap
    assert [c.heading for c in r.columns] == ["Этап", "Мероприятия", "Срок", "Ответственные"]
    assert [s.title for s in r.stages] == ["Подготовка", "Завершение"]
    group, single = r.stages[0].rows
    assert [(a.number, a.text) for a in group.activities] == [("1)", "Изучение документов."),
                                                             ("2)", "Разработка положения:")]
    assert [(b.bullet, b.text) for b in group.activities[1].items] == [("-", "проект;"),
                                                                       ("-", "согласование.")]
    assert (single.title, single.deadline) == ("Назначение куратора", "до 1 октября 2025 г.")
    assert r.stages[1].rows[0].deadline == "когда-нибудь весной"  # kept, flagged by the parser
    text = "\n".join(result.unplaced)
    assert "Примечание" in text and "см. приказ № 12" in text
    assert "нет наименования мероприятия" in text and "Куратор" in text


def test_a_document_without_a_roadmap_table_is_an_input_error(tmp_path) -> None:
    path = tmp_path / "letter.docx"
    doc = Document()
    doc.add_paragraph("Письмо")
    doc.add_table(rows=2, cols=2).cell(0, 0).text = "Имя"
    doc.save(str(path))
    with pytest.raises(InputError):
        import_roadmap(path)
