"""The five seed roadmaps rendered as DOCX, XLSX and iCalendar, read back and checked."""

from __future__ import annotations

from _docx_read import document_text, table_rows
from _roadmap_samples import NEW_SAMPLE, SAMPLES, load_sample
from openpyxl import load_workbook

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path
from nastavnik_docs.kinds import get_kind
from nastavnik_docs.models.roadmap import months_due, parse_deadline, roadmap_months


def _render(key: str, tmp_path, ext: str):
    out = tmp_path / f"{key}{ext}"
    nd.render("roadmap", sample_path(SAMPLES[key]), out)
    return out


def _flat(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def test_kind_is_in_the_catalogue_with_every_sample() -> None:
    kind = get_kind("roadmap")
    assert kind.formats == (".docx", ".xlsx", ".ics")
    assert set(kind.samples) == {*SAMPLES.values(), NEW_SAMPLE}
    assert kind.family == "Дорожные карты"


def test_docx_table_has_the_seed_headings_rows_and_deadlines(sample_key, tmp_path) -> None:
    roadmap = load_sample(sample_key)
    rows = table_rows(_render(sample_key, tmp_path, ".docx"))
    headings = [c.heading for c in roadmap.columns]
    assert [_flat(c) for c in rows[0]] == headings
    body = rows[1:]
    if roadmap.column_numbers:
        assert rows[1] == [str(i) for i in range(1, len(headings) + 1)]
        body = rows[2:]
    cells = [_flat(c) for row in body for c in row]
    joined = "\n".join(cells)
    position = 0
    for _stage, _sub, row in roadmap.rows():
        for text in row.texts():
            found = joined.find(_flat(text), position)
            assert found >= 0, f"{sample_key}: «{text[:60]}» missing or out of order"
            position = found
        if row.deadline:
            # the deadline sits in the same table row as the event title
            title = _flat(row.texts()[0])
            table_row = next(r for r in body if any(title in _flat(c) for c in r))
            assert _flat(row.deadline) in [_flat(c) for c in table_row]
    for stage in roadmap.stages:
        assert _flat(stage.title) in joined


def test_docx_stage_layout(tmp_path) -> None:
    rows = table_rows(_render("essentuki", tmp_path, ".docx"))
    # a stage spans the table: one cell
    stage_rows = [r for r in rows if len(r) == 1]
    assert [r[0] for r in stage_rows][0] == "I этап. Подготовка условий для реализации системы наставничества"
    assert len(stage_rows) == 7
    rows = table_rows(_render("spb", tmp_path, ".docx"))
    # stages in a merged first column: text on the first row, merged continuation below
    first_col = [r[0] for r in rows[1:]]
    assert first_col[0] == "Подготовка условий для запуска программы наставничества"
    assert first_col[1] == "" and first_col[2] == ""
    assert "Формирование базы наставляемых" in first_col


def test_docx_has_no_leftover_tags_or_none(sample_key, tmp_path) -> None:
    text = document_text(_render(sample_key, tmp_path, ".docx"))
    assert "{{" not in text and "{%" not in text and "None" not in text
    assert "__________" not in text.replace("______________ С.В.", "").replace("______________ Бондаренко", "")


def test_docx_stamps_as_published(tmp_path) -> None:
    raw = document_text(_render("izhevsk", tmp_path, ".docx"))
    assert "О.М.\u00a0Грудцина" in raw  # typography: initials stay with the surname
    text = raw.replace("\u00a0", " ")
    for line in ("СОГЛАСОВАНО", "УТВЕРЖДЕНО", "Директор МБОУ «ИТ- лицей №24»", "О.М. Грудцина",
                 "20.04.2022 года", "19.04.2022, №01", "Ижевск, 2022 год"):
        assert line in text
    text = document_text(_render("spb", tmp_path, ".docx")).replace("\u00a0", " ")
    assert "Приказом № 30-9 о/д от 02.09.2024" in text
    assert "Директор ГБУ ЦППМСП Пушкинского района Санкт – Петербурга" in text
    assert "Целевые показатели:" in text and "1) обучающихся: не менее 10% в 2025 году;" in text
    text = document_text(_render("spassk", tmp_path, ".docx")).replace("\u00a0", " ")
    assert "УТВЕРЖДАЮ" not in text and "Бондаренко Е.Г." in text
    assert "Пояснительная записка." in text and "Целевые показатели" not in text


def _grid(path):
    wb = load_workbook(path)
    assert wb.sheetnames == ["Дорожная карта", "По месяцам"]
    return wb["Дорожная карта"], wb["По месяцам"]


def test_xlsx_table_sheet(sample_key, tmp_path) -> None:
    roadmap = load_sample(sample_key)
    table, _ = _grid(_render(sample_key, tmp_path, ".xlsx"))
    assert table.cell(1, 1).value == roadmap.title
    assert [table.cell(3, i + 1).value for i in range(len(roadmap.columns))] == [
        c.heading for c in roadmap.columns]
    values = "\n".join(str(c.value) for row in table.iter_rows(min_row=4) for c in row if c.value)
    for _stage, _sub, row in roadmap.rows():
        assert row.texts()[0] in values
        if row.deadline:
            assert row.deadline in values
    assert table.page_setup.orientation == "landscape" and table.page_setup.fitToWidth == 1


def test_xlsx_month_grid_marks_where_due(sample_key, tmp_path) -> None:
    roadmap = load_sample(sample_key)
    _, grid = _grid(_render(sample_key, tmp_path, ".xlsx"))
    horizon = roadmap_months(roadmap)
    header = [c.value for c in grid[3]]
    month_cols = {ym: header.index(f"{['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'][ym[1] - 1]}\n{ym[0]}")
                  for ym in horizon}
    assert len(month_cols) == len(horizon)
    data = list(grid.iter_rows(min_row=4, values_only=True))
    rows = roadmap.rows()
    assert len(data) == len(rows)
    for values, (_stage, _sub, row) in zip(data, rows):
        assert values[3] == (row.deadline or None)
        due = set(months_due(parse_deadline(row.deadline), horizon))
        marked = {ym for ym, col in month_cols.items() if values[col] == "●"}
        assert marked == due
    assert grid.auto_filter.ref.startswith("A3:")
    assert grid.freeze_panes == "D4"


def test_xlsx_grid_by_hand_spb(tmp_path) -> None:
    _, grid = _grid(_render("spb", tmp_path, ".xlsx"))
    header = [c.value for c in grid[3]]
    row = next(r for r in grid.iter_rows(min_row=4, values_only=True) if r[3] == "Октябрь 2024 – май 2025")
    assert row[header.index("сен\n2024")] is None
    assert row[header.index("окт\n2024")] == "●" and row[header.index("май\n2025")] == "●"
    assert row[header.index("июн\n2025")] is None
    assert grid.cell(2, header.index("окт\n2024") + 1).value.startswith("=SUBTOTAL(103,")


def test_new_roadmap_by_gost(tmp_path) -> None:
    out = tmp_path / "new.docx"
    nd.render("roadmap", sample_path(NEW_SAMPLE), out)
    text = document_text(out)
    assert "{{" not in text and "None" not in text
    for line in ("Управление образования Администрации города Вологды", "СОГЛАСОВАНО", "УТВЕРЖДЕНА",
                 "приказом директора МБОУ «СОШ №\u00a012» от 29.08.2025 №\u00a0112-о",
                 "Целевые показатели",
                 "Доля обучающихся, вовлечённых в программы наставничества в роли наставляемых: "
                 "не менее 10\u00a0% в\u00a02026 году"):
        assert line in text
    rows = table_rows(out)
    assert rows[0] == ["№\u00a0п/п", "Наименование мероприятия", "Срок", "Ответственный", "Результат, документ"]


def test_docx_of_every_new_field(tmp_path) -> None:
    from test_model import FULL

    out = tmp_path / "full.docx"
    nd.render("roadmap", FULL, out)
    text = document_text(out).replace("\u00a0", " ")
    for line in ("Приложение 1", "к приказу директора МБОУ «СОШ № 5» от 01.09.2025 № 45", "ПРИНЯТО",
                 "План мероприятий (дорожная карта)", "внедрения наставничества", "на 2025/2026 учебный год"):
        assert line in text
    rows = table_rows(out)
    assert [_flat(c) for c in rows[0]] == ["№ п/п", "Мероприятия", "Содержание деятельности", "Срок исполнения",
                                           "Ожидаемый результат", "Вид документа"]
    assert [_flat(c) for c in rows[1]] == ["1.", "Подготовка"]
    assert rows[2][2] == "1.\tПриказ\n2.\tПоложение"
