"""The roadmap model and its context: validation, stamps composed by ГОСТ, layout."""

from __future__ import annotations

from datetime import date

import pytest
from _roadmap_samples import load_sample
from pydantic import ValidationError

from nastavnik_docs.kinds.roadmap import GRID, build_context, column_spans, stamp_lines
from nastavnik_docs.models import ColumnRole, Period, Roadmap, Stamp

MINIMAL = {
    "title": "Дорожная карта",
    "columns": [{"role": "number"}, {"role": "title"}, {"role": "deadline"}],
    "stages": [{"number": "I.", "title": "Подготовка",
                "rows": [{"number": "1.", "title": "Приказ", "deadline": "сентябрь 2025 г."}]}],
}


def test_default_headings_and_validation() -> None:
    roadmap = Roadmap.model_validate(MINIMAL)
    assert [c.heading for c in roadmap.columns] == ["№ п/п", "Наименование мероприятия", "Срок исполнения"]
    with pytest.raises(ValidationError):
        Roadmap.model_validate({**MINIMAL, "columns": [{"role": "number"}, {"role": "deadline"}]})
    with pytest.raises(ValidationError):
        Roadmap.model_validate({**MINIMAL, "columns": [{"role": "title"}, {"role": "title"}]})
    with pytest.raises(ValidationError):  # a row needs an event
        Roadmap.model_validate({**MINIMAL, "stages": [{"title": "I", "rows": [{"deadline": "май"}]}]})


def test_new_stamp_is_composed_by_gost() -> None:
    stamp = Stamp(heading="УТВЕРЖДЕНО", act="приказом директора", act_date=date(2025, 9, 1),
                  act_number="45-о")
    assert stamp_lines(stamp) == ["УТВЕРЖДЕНО", "приказом директора от 01.09.2025 №\u00a045-о"]
    stamp = Stamp(heading="УТВЕРЖДАЮ", post="Директор МБОУ «СОШ № 5»", signer="И.И. Петров",
                  signature_line=True, signed_on=date(2025, 9, 1))
    assert stamp_lines(stamp) == ["УТВЕРЖДАЮ", "Директор МБОУ «СОШ №\u00a05»", "______________ И.И.\u00a0Петров",
                                  "«1»\u00a0сентября 2025\u00a0г."]
    # an act without date or number leaves blanks to fill in by hand, never «None»
    lines = stamp_lines(Stamp(heading="УТВЕРЖДЕНО", act="приказом директора"))
    assert "None" not in lines[1] and "№\u00a0______" in lines[1]


def test_period_months() -> None:
    assert Period(year=2024, school_year=True).months()[0] == (2024, 9)
    assert Period(year=2024, school_year=True).months()[-1] == (2025, 8)
    assert len(Period(year=2022).months()) == 12
    assert Period(year=2023, school_year=True, first_month="2023-08").label == "2023/2024 учебный год"


def test_spans_fill_the_grid() -> None:
    for roles in ([ColumnRole.NUMBER, ColumnRole.TITLE],
                  [ColumnRole.STAGE_NUMBER, ColumnRole.STAGE, ColumnRole.TITLE],
                  list(ColumnRole)):
        spans = column_spans(roles)
        assert sum(spans) == GRID and min(spans) >= 3


def test_context_of_a_stage_column_roadmap() -> None:
    context = build_context(load_sample("spb"))
    table = context.table
    assert table.lead_stage and not table.lead_stage_number
    assert [s.title for s in table.stages][0] == "Подготовка условий для запуска программы наставничества"
    first = table.stages[0].rows[0]
    # the stage sits in the merged lead cell; the row holds the four other columns
    assert len(first.cells) == 4 and sum(c.span for c in first.cells) + table.stage_span == GRID
    assert first.cells[0].paragraphs[0].text.startswith("1) Изучение нормативной базы")
    assert context.has_targets and context.targets[0] == "1) обучающихся: не менее 10% в 2025 году;"


def test_context_of_a_stage_row_roadmap() -> None:
    context = build_context(load_sample("izhevsk"))
    rows = context.table.stages[0].rows
    assert [p.text for p in rows[0].cells[0].paragraphs] == [
        "I. Подготовка условий для запуска программы наставничества в МБОУ «ИТ- лицей №24»"]
    assert rows[0].cells[0].span == GRID
    assert [c.paragraphs[0].kind for c in rows[1].cells] == ["center", "bolditalic"]
    bullets = [p for row in context.table.stages[2].rows for c in row.cells for p in c.paragraphs
               if p.kind == "bullet"]
    assert bullets[0].text.startswith("✓\tсбор данных о наставляемых")


FULL = {
    "appendix": {"number": "1", "act": "к приказу директора МБОУ «СОШ № 5»", "act_date": "2025-09-01",
                 "act_number": "45"},
    "stamps": [{"kind": "adoption", "heading": "ПРИНЯТО", "reference": "педагогическим советом\nпротокол от 29.08.2025 № 1"},
               {"kind": "agreement", "heading": "СОГЛАСОВАНО", "post": "Председатель профкома", "signer": "О.Н. Рябова",
                "signature_line": True, "side": "right"},
               {"kind": "approval", "heading": "Утверждаю", "signed": "«23» августа 2025 г.", "reference": "приказ № 60",
                "reference_last": True}],
    "title": ["План мероприятий (дорожная карта)", "внедрения наставничества", "на 2025/2026 учебный год"],
    "columns": [{"role": "number"}, {"role": "title", "heading": "Мероприятия"},
                {"role": "content"}, {"role": "deadline"}, {"role": "result"}, {"role": "document"}],
    "stage_layout": "number_cell",
    "stages": [{"number": "1.", "title": "Подготовка",
                "rows": [{"number": "1.1.", "title": "Нормативная база",
                          "content": [{"bullet": "1.", "text": "Приказ"}, {"bullet": "2.", "text": "Положение"}],
                          "deadline": "сентябрь 2025 г.", "result": "Приняты акты", "document": "Приказ"}]},
               {"rows": [{"title": "Строка без этапа"}]}],
}


def test_every_new_field_is_data() -> None:
    roadmap = Roadmap.model_validate(FULL)
    assert roadmap.title == "План мероприятий (дорожная карта)\nвнедрения наставничества\nна 2025/2026 учебный год"
    assert roadmap.title_lines[-1] == "на 2025/2026 учебный год"
    assert [s.placed.value for s in roadmap.stamps] == ["left", "right", "right"]
    assert roadmap.stages[1].heading == "" and not roadmap.stages[1].printed
    assert roadmap.stages[0].rows[0].texts() == ["Нормативная база", "Приказ", "Положение"]
    with pytest.raises(ValidationError):
        Roadmap.model_validate({**FULL, "appendix": {"act_number": "5"}})


def test_context_places_the_appendix_and_stamps() -> None:
    context = build_context(Roadmap.model_validate(FULL))
    assert [b.lines for b in context.agreement] == [["ПРИНЯТО", "педагогическим советом", "протокол от 29.08.2025 №\u00a01"]]
    appendix, agreement, approval = (b.lines for b in context.approval)
    assert appendix == ["Приложение 1", "к приказу директора МБОУ «СОШ №\u00a05» от 01.09.2025 №\u00a045"]
    assert agreement[-1] == "______________ О.Н.\u00a0Рябова"
    assert approval == ["Утверждаю", "«23» августа 2025\u00a0г.", "приказ №\u00a060"]  # the act after the date
    assert context.title_lines == FULL["title"]
    stage_row, event = context.table.stages[0].rows
    assert [c.paragraphs[0].text for c in stage_row.cells] == ["1.", "Подготовка"]
    assert [p.text for p in event.cells[2].paragraphs] == ["1.\tПриказ", "2.\tПоложение"]
    assert event.cells[5].paragraphs[0].text == "Приказ"
    assert [len(r.cells) for r in context.table.stages[1].rows] == [6]  # no stage row for a stage without title
