"""Templates of the programmes: the personalised mentoring programme and the individual route.

Both are portrait A4 on the ГОСТ frame of :mod:`._gost`: the organisation, the corner stamps
(РАССМОТРЕНА at the left, УТВЕРЖДАЮ / УТВЕРЖДЕНА at the right, each within 8 cm), the title,
a passport table, numbered sections, tables whose header repeats on every page and whose
rows never split, and the signatures. They place the context of
``nastavnik_docs.kinds.programmes``.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from . import _gost as g

C = WD_ALIGN_PARAGRAPH.CENTER
R = WD_ALIGN_PARAGRAPH.RIGHT
TABLE_SIZE = 12
SIGN_LINE = "_______________"


def _top(doc) -> None:
    """The organisation, the stamps and the title with its subtitle lines."""
    g.loop(doc, "for line in letterhead")
    g.centered(doc, "{{ line }}", bold=True)
    g.end_loop(doc)
    g.plain(doc, "", space_after=12)
    gap = g.TEXT_WIDTH_MM - 2 * g.CORNER_WIDTH_MM
    table = g.grid_table(doc, [["", "", ""]], [g.CORNER_WIDTH_MM, gap, g.CORNER_WIDTH_MM])
    for cell, var in ((table.rows[0].cells[0], "stamps.left"), (table.rows[0].cells[2], "stamps.right")):
        cell.paragraphs[0].text = f"{{%p for line in {var} %}}"
        g.para(cell, "{{ line }}")
        g.para(cell, "{%p endfor %}")
        g.para(cell, "")  # a cell keeps a paragraph when its stamp is empty
    g.plain(doc, "", space_after=12)
    g.centered(doc, "{{ title }}", bold=True, keep_with_next=True)
    g.loop(doc, "for line in subtitle")
    g.centered(doc, "{{ line }}", keep_with_next=True)
    g.end_loop(doc)
    g.plain(doc, "", space_after=6)


def _section(doc, text: str) -> None:
    g.plain(doc, text, bold=True, space_before=12, space_after=6, keep_with_next=True)


def _table(doc, headers, widths, *, size: float = TABLE_SIZE):
    """A bordered table with a repeated, unsplittable header row; returns it (rows added later)."""
    table = doc.add_table(rows=1, cols=len(widths))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    g.fixed_widths(table, widths)
    header = table.rows[0]
    g.repeat_header(header)
    g.set_cant_split(header)
    for cell, text in zip(header.cells, headers):
        # keep_with_next: the header row never stays alone at the foot of a page
        g.cell_text(cell, text, align=C, bold=True, size=size, keep_with_next=True)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return table


def _row(table, texts, *, aligns=None, size: float = TABLE_SIZE, bold: bool = False, merge: bool = False):
    row = table.add_row()
    g.set_cant_split(row)
    if merge:
        cell = row.cells[0].merge(row.cells[-1])
        g.cell_text(cell, texts[0], bold=bold, size=size)
        return row
    for c, (cell, text) in enumerate(zip(row.cells, texts)):
        g.cell_text(cell, text, align=aligns[c] if aligns else None, bold=bold, size=size)
    return row


def _tag_row(table, tag: str):
    row = table.add_row()
    g.cell_text(row.cells[0], tag)
    return row


def _passport(doc) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _tag_row(table, "{%tr for r in passport %}")
    row = _row(table, ["{{ r.label }}", ""])
    cell = row.cells[1]
    cell.paragraphs[0].text = "{%p for line in r.lines %}"
    g.para(cell, "{{ line }}", style=g.TABLE_TEXT)
    g.para(cell, "{%p endfor %}", style=g.TABLE_TEXT)
    _tag_row(table, "{%tr endfor %}")
    g.fixed_widths(table, [52, g.TEXT_WIDTH_MM - 52])


def _signatures(doc, title: str) -> None:
    """Signatures: role at the left, a line to sign, И.О. Фамилия at the right margin."""
    g.plain(doc, title, bold=True, space_before=18, space_after=0, keep_with_next=True)
    widths = [52, 38, g.TEXT_WIDTH_MM - 90]  # the name column holds a 30-character blank at 14 pt
    table = g.grid_table(doc, [["{%tr for s in signatures %}", "", ""],
                               ["{{ s.role }}", SIGN_LINE, "{{ s.name }}"],
                               ["{%tr endfor %}", "", ""]], widths,
                         aligns=[None, C, R], valign_bottom=True)
    row = table.rows[1]
    g.set_cant_split(row)
    for cell in row.cells:
        pf = cell.paragraphs[0].paragraph_format
        pf.space_before = Pt(18)
        pf.keep_with_next = True


def _opening():
    """A new document with the organisation, the stamps, the title and «1. Общие сведения»."""
    doc = g.new_document()
    _top(doc)
    _section(doc, "1. Общие сведения")
    _passport(doc)
    return doc


def build_personal(docx_dir: Path) -> Path:
    doc = _opening()
    _section(doc, "2. Цель программы")
    g.body(doc, "{{ goal }}")
    _section(doc, "3. Задачи программы")
    g.numbered_items(doc, "tasks")
    _section(doc, "4. План встреч")
    widths = [11, 70, 32, 24, 28]
    table = _table(doc, ["№ п/п", "Встреча и её тема", "Форма работы", "Дата", "Отметка о проведении"],
                   widths)
    _tag_row(table, "{%tr for m in plan %}")
    row = _row(table, ["{{ m.number }}", "{{ m.title }}", "{{ m.form }}", "{{ m.date }}", ""],
               aligns=[C, None, None, C, None])
    row.cells[1].paragraphs[0].runs[0].bold = True
    g.para(row.cells[1], "{{ m.topic }}", style=g.TABLE_TEXT)
    _tag_row(table, "{%tr endfor %}")
    _section(doc, "5. Ожидаемые результаты")
    g.numbered_items(doc, "results")
    _section(doc, "6. Оценка результатов")
    g.body(doc, "Формы отчётности:", keep_with_next=True)
    g.numbered_items(doc, "reporting")
    g.body(doc, "Критерии оценки:", keep_with_next=True, space_before=6)
    g.numbered_items(doc, "criteria", keep_last=True)
    _signatures(doc, "Подписи участников программы:")
    return g.save(doc, docx_dir / "programme_personal.docx")


def build_route(docx_dir: Path) -> Path:
    doc = _opening()
    _section(doc, "2. Выявленные профессиональные дефициты")
    table = _table(doc, ["№ п/п", "Компетенция (область)", "Выявленный дефицит", "Способ выявления"],
                   [11, 42, 67, 45])
    _tag_row(table, "{%tr for d in deficits %}")
    _row(table, ["{{ d.number }}", "{{ d.area }}", "{{ d.deficit }}", "{{ d.diagnosed_by }}"],
         aligns=[C, None, None, None])
    _tag_row(table, "{%tr endfor %}")
    _section(doc, "3. Задачи маршрута")
    g.numbered_items(doc, "tasks")
    _section(doc, "4. План мероприятий по преодолению дефицитов")
    size = 10.5
    table = _table(doc, ["№ п/п", "Мероприятие", "Вид (форма)", "Срок", "Ответст\u00adвенный",
                         "Форма результата (отчёта)", "Отметка о выпол\u00adнении"], [10, 31, 22, 26, 30, 25, 22],
                   size=size)
    _tag_row(table, "{%tr for a in actions %}")
    heading = _row(table, ["{{ a.heading }}"], bold=True, merge=True, size=size)
    heading.cells[0].paragraphs[0].paragraph_format.keep_with_next = True
    _tag_row(table, "{%tr for r in a.rows %}")
    _row(table, ["{{ r.number }}", "{{ r.action }}", "{{ r.kind }}", "{{ r.deadline }}", "{{ r.responsible }}",
                 "{{ r.result }}", ""], aligns=[C, None, None, C, None, None, None], size=size)
    _tag_row(table, "{%tr endfor %}")
    _tag_row(table, "{%tr endfor %}")
    _section(doc, "5. Ожидаемые результаты")
    g.numbered_items(doc, "results", keep_last=True)
    _signatures(doc, "С маршрутом ознакомлены и согласны:")
    return g.save(doc, docx_dir / "programme_individual_route.docx")


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    return [build_personal(docx_dir), build_route(docx_dir)]
