"""Templates of the consents, sheets and registries (``nastavnik_docs.kinds.consents``,
``nastavnik_docs.kinds.sheets``, ``nastavnik_docs.kinds.registries``).

* ``consent_personal_data.docx`` / ``consent_publication.docx`` — portrait A4: the addressee
  at the top right, the title, the introduction, numbered clauses with dashed sub-items (the
  publication consent adds the table of categories), the date, the signature and its
  transcript with captions, and for a pupil of 14–17 the pupil's own line and signature;
* ``sheet_registration.docx`` / ``sheet_acquaintance.docx`` — the organisation, the title,
  the details and a bordered table with room to sign;
* ``registry_mentors.docx`` / ``registry_mentees.docx`` — landscape A4 with the approval
  stamp, the table and the curator's signature; and the same registries as XLSX workbooks
  whose data row repeats (``{%row for r in rows %}``).
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from . import _gost as g
from . import _xlsx as x
from .registry import save_reproducibly

C = WD_ALIGN_PARAGRAPH.CENTER
R = WD_ALIGN_PARAGRAPH.RIGHT
L = WD_ALIGN_PARAGRAPH.LEFT


# --------------------------------------------------------------------------- consents


def _title(doc) -> None:
    g.centered(doc, "{{ title }}", bold=True, space_before=18, keep_with_next=True)
    g.centered(doc, "{{ subtitle }}", bold=True, space_after=12, keep_with_next=True)


def _intro(doc) -> None:
    """Running text justified with an indent; fill-in lines left-aligned without one."""
    g.loop(doc, "for l in intro")
    g.loop(doc, "if l.form")
    g.plain(doc, "{{ l.text }}")
    g.loop(doc, "elif l.indent")
    g.body(doc, "{{ l.text }}")
    g.loop(doc, "else")
    g.body(doc, "{{ l.text }}").paragraph_format.first_line_indent = Mm(0)
    g.end_loop(doc, "endif")
    g.end_loop(doc)


def _clauses(doc, var: str) -> None:
    """Numbered clauses with dashed sub-items. A clause's lead keeps with its first sub-item,
    and the last clause with what follows it (the table of categories or the signature)."""
    g.loop(doc, f"for c in {var}")
    g.loop(doc, "if c.items or loop.last")
    g.body(doc, "{{ c.number }} {{ c.text }}", keep_with_next=True)
    g.loop(doc, "else")
    g.body(doc, "{{ c.number }} {{ c.text }}")
    g.end_loop(doc, "endif")
    g.loop(doc, "for i in c.items")
    g.body(doc, "\u2013 {{ i }}")
    g.end_loop(doc)
    g.end_loop(doc)


def _signature_row(doc, name: str, caption: str, space_before: float):
    """Date, signature line and transcript on one row, captions under them; kept together."""
    table = g.date_and_signature(doc, "{{ date }}", name, space_before=space_before,
                                 captions=("(дата)", caption, "(расшифровка подписи)"),
                                 widths=(0.40, 0.28, 0.32), aligns=(L, C, C), sign_line="______________")
    for cell in table.rows[1].cells[:1]:
        cell.paragraphs[0].paragraph_format.left_indent = Mm(12)
    return table


def _consent_signature(doc) -> None:
    """The signer's row; for a pupil of 14–17, the pupil's own line and row under it (kept on
    the page of the representative's signature)."""
    table = _signature_row(doc, "{{ signer_name }}", "{{ signer_caption }}", 18)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    g.loop(doc, "if co_signer")
    g.body(doc, "{{ co_signer.text }}", keep_with_next=True, space_before=12)
    _signature_row(doc, "{{ co_signer.name }}", "{{ co_signer.caption }}", 6)
    g.end_loop(doc, "endif")


def consent_document(*, publication: bool):
    doc = g.new_document()
    g.corner_lines(doc, "addressee")
    _title(doc)
    _intro(doc)
    _clauses(doc, "clauses")
    if publication:
        g.loop_table(doc, ["№ п/п", "Категория персональных данных", "Перечень персональных данных",
                           "Разрешаю к распро\u00adстранению (да/нет)", "Условия и запреты"],
                     ["{{ r.number }}", "{{ r.category }}", "{{ r.data }}", "{{ r.allowed }}",
                      "{{ r.conditions }}"],
                     "for r in rows", [12, 33, 52, 28, 40], aligns=[C, None, None, C, None], size=11)
        _clauses(doc, "after")
    _consent_signature(doc)
    return doc


# --------------------------------------------------------------------------- sheets


def _sheet_head(doc) -> None:
    g.loop(doc, "for line in letterhead")
    g.centered(doc, "{{ line }}", bold=True)
    g.end_loop(doc)
    g.centered(doc, "{{ title }}", bold=True, space_before=18, size=16, keep_with_next=True)
    g.loop(doc, "for line in subtitle")
    g.centered(doc, "{{ line }}", bold=True, keep_with_next=True)
    g.end_loop(doc)
    g.plain(doc, "", keep_with_next=True)
    g.loop(doc, "for line in details")
    g.plain(doc, "{{ line }}", keep_with_next=True)
    g.end_loop(doc)
    g.loop(doc, "if details")
    g.plain(doc, "", keep_with_next=True)
    g.end_loop(doc, "endif")


def registration_document():
    doc = g.new_document()
    _sheet_head(doc)
    g.loop_table(doc, ["№ п/п", "Фамилия, имя, отчество", "Должность, класс", "Подпись"],
                 ["{{ r.number }}", "{{ r.name }}", "{{ r.post }}", ""],
                 "for r in rows", [13, 62, 58, 32], aligns=[C, None, None, None], min_height_mm=10,
                 keep_last_with_next=True)
    g.loop(doc, "if responsible_post")
    g.signature(doc, "{{ responsible_post }}", "______________ {{ responsible_name }}", space_before=24)
    g.end_loop(doc, "endif")
    return doc


def acquaintance_document():
    doc = g.new_document()
    _sheet_head(doc)
    g.loop_table(doc, ["№ п/п", "Фамилия, имя, отчество", "Должность", "Дата ознакомления", "Подпись"],
                 ["{{ r.number }}", "{{ r.name }}", "{{ r.post }}", "", ""],
                 "for r in rows", [12, 55, 48, 25, 25], aligns=[C, None, None, None, None],
                 min_height_mm=10)
    return doc


# --------------------------------------------------------------------------- registries


#: (header, cell, DOCX width in mm, DOCX alignment, XLSX width in characters)
MENTOR_COLUMNS = (
    ("№ п/п", "{{ r.number }}", 10, C, 5),
    ("Фамилия, имя, отчество", "{{ r.name }}", 38, None, 24),
    ("Категория", "{{ r.category }}", 26, None, 15),
    ("Должность (место работы, учёбы), класс", "{{ r.post }}", 36, None, 28),
    ("Пед. стаж", "{{ r.experience }}", 16, C, 8),
    ("Форма наставни\u00adчества", "{{ r.forms }}", 30, None, 16),
    ("Наставляемые", "{{ r.partners }}", 38, None, 26),
    ("Период наставничества", "{{ r.periods }}", 32, C, 22),
    ("Дата согласия на обработку ПД", "{{ r.consent }}", 26, C, 12),
)

MENTEE_COLUMNS = (
    ("№ п/п", "{{ r.number }}", 10, C, 5),
    ("Фамилия, имя, отчество", "{{ r.name }}", 38, None, 24),
    ("Категория", "{{ r.category }}", 26, None, 15),
    ("Должность, класс", "{{ r.post }}", 32, None, 24),
    ("Молодой специа\u00adлист", "{{ r.young }}", 20, C, 11),
    ("Форма наставни\u00adчества", "{{ r.forms }}", 30, None, 16),
    ("Наставник", "{{ r.partners }}", 36, None, 24),
    ("Период наставничества", "{{ r.periods }}", 34, C, 22),
    ("Дата согласия на обработку ПД", "{{ r.consent }}", 26, C, 12),
)


def registry_document(columns) -> object:
    doc = g.new_document()
    width = g.landscape(doc)
    g.corner_lines(doc, "approval", text_width_mm=width)
    g.centered(doc, "{{ org_name }}", bold=True, space_before=12)
    g.centered(doc, "{{ title }}", bold=True, space_before=12, keep_with_next=True)
    g.centered(doc, "{{ subtitle }}", bold=True, keep_with_next=True)
    g.centered(doc, "{{ as_of }}", space_after=12, keep_with_next=True)
    g.loop_table(doc, [c[0] for c in columns], [c[1] for c in columns], "for r in rows",
                 [c[2] for c in columns], aligns=[c[3] for c in columns], size=10,
                 keep_last_with_next=True)
    g.plain(doc, "{{ total }}", space_before=6, keep_with_next=True)
    g.signature(doc, "{{ curator_post }}", "______________ {{ curator_name }}", space_before=24,
                width_mm=width)
    return doc


def registry_workbook(columns, sheet_title: str, doc_title: str) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title
    n = len(columns)
    last = chr(ord("A") + n - 1)
    for i, column in enumerate(columns):
        ws.column_dimensions[chr(ord("A") + i)].width = column[4]

    def merged(row: int, text: str, font: Font, align: Alignment, first: str = "A") -> None:
        ws.merge_cells(f"{first}{row}:{last}{row}")
        cell = ws[f"{first}{row}"]
        cell.value, cell.font, cell.alignment = text, font, align

    approval_from = chr(ord("A") + n - 3)
    merged(1, "{{ approval_text }}", x.FONT, x.WRAP, approval_from)
    ws.row_dimensions[1].height = 60
    merged(3, "{{ org_name }}", x.BOLD, x.CENTER)
    ws.row_dimensions[3].height = 30
    merged(4, "{{ title }}", x.TITLE, x.CENTER)
    merged(5, "{{ subtitle }}", x.BOLD, x.CENTER)
    merged(6, "{{ as_of }}", x.FONT, x.CENTER)
    header_row, data_row = 8, 9
    for i, (header, value, _width, align, _chars) in enumerate(columns):
        col = chr(ord("A") + i)
        head = ws[f"{col}{header_row}"]
        head.value = header.replace("\u00ad", "")  # Excel prints a soft hyphen as a gap
        head.font, head.alignment, head.border = x.BOLD, x.CENTER, x.BOX
        cell = ws[f"{col}{data_row}"]
        cell.value = ("{%row for r in rows %}" + value) if i == 0 else value
        cell.font, cell.border = x.FONT, x.BOX
        cell.alignment = x.CENTER_TOP if align is C else x.WRAP
    ws.row_dimensions[header_row].height = 45
    # Neither Excel nor LibreOffice fits the height of a row to wrapped text on opening: the
    # repeated row is three lines high (its copies keep the height).
    ws.row_dimensions[data_row].height = 44
    ws[f"A{data_row + 2}"] = "{{ total }}"
    ws[f"A{data_row + 2}"].font = x.FONT
    ws[f"A{data_row + 4}"] = "{{ curator_post }}"
    ws[f"A{data_row + 4}"].font = x.FONT
    sign = chr(ord("A") + n - 3)
    ws[f"{sign}{data_row + 4}"] = "______________ {{ curator_name }}"
    ws[f"{sign}{data_row + 4}"].font = x.FONT

    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.freeze_panes = f"A{data_row}"
    x.print_on_a4(ws, "landscape")
    ws.page_margins.left, ws.page_margins.right = 1.18, 0.59
    ws.page_margins.top = ws.page_margins.bottom = 0.79
    wb.properties.title = doc_title
    wb.properties.creator = wb.properties.lastModifiedBy = "nastavnik-docs"
    return wb


# --------------------------------------------------------------------------- build


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    docs = {
        "consent_personal_data": consent_document(publication=False),
        "consent_publication": consent_document(publication=True),
        "sheet_registration": registration_document(),
        "sheet_acquaintance": acquaintance_document(),
        "registry_mentors": registry_document(MENTOR_COLUMNS),
        "registry_mentees": registry_document(MENTEE_COLUMNS),
    }
    written = [g.save(doc, docx_dir / f"{name}.docx") for name, doc in docs.items()]
    xlsx_dir.mkdir(parents=True, exist_ok=True)
    for name, columns, sheet, title in (
        ("registry_mentors", MENTOR_COLUMNS, "Наставники", "Реестр (база) наставников"),
        ("registry_mentees", MENTEE_COLUMNS, "Наставляемые", "Реестр (база) наставляемых"),
    ):
        written.append(save_reproducibly(registry_workbook(columns, sheet, title), xlsx_dir / f"{name}.xlsx"))
    return written
