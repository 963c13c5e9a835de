"""Templates of the reports: the coverage table (XLSX, ФСН-style), the analytical report
(DOCX, shared by the school's and the authority's), the municipal summary (XLSX), the
personified list (XLSX) and the blank for questionnaire results (XLSX).

The coverage table's headers come from ``nastavnik_docs/stats/coverage_form.yaml`` and the
results blank's columns from the questionnaires' questions, so the templates follow the data.
When building in place, ``samples/reports/survey_results.xlsx`` is made from
``samples/reports/survey_results.yaml``, ``samples/reports/coverage_2025.xlsx`` (the
previous year's table the sample report compares with) from ``coverage_2025.yaml`` over the
previous year's registry ``registry_2025.yaml``, and the municipal summaries of both years.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from nastavnik_docs.stats import COVERAGE_FORM, PERSONIFIED_COLUMNS

from . import ROOT
from . import _gost as g
from . import _xlsx as x
from .registry import save_reproducibly

C = WD_ALIGN_PARAGRAPH.CENTER
_PERCENT = "0.0"
_DATE = "DD.MM.YYYY"
#: The end of a period, printed after its start: «– 31.08.2027» (the cell stays a date).
_DATE_AFTER_DASH = '"\u2013 "DD.MM.YYYY'
#: The summary's widths below were chosen in wider digits; in Times New Roman's (the
#: workbook's default font) a column needs this many more to hold the same text.
_TIMES_DIGITS = 1.3
#: Columns of the form's table (graphs 1–5), in Times New Roman digits: a date fits graph 2,
#: «Наставляемых, чел.» graph 5.
_FORM_WIDTHS = {"A": 58, "B": 11, "C": 14, "D": 18, "E": 16}
_LEFT = Alignment(horizontal="left", vertical="top")
_RIGHT = Alignment(horizontal="right", vertical="top")


def _merged(ws: Worksheet, row: int, text: str, font: Font = x.FONT, align: Alignment = x.WRAP,
            last: int = 5, first: int = 1) -> None:
    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    cell = ws.cell(row=row, column=first, value=text)
    cell.font, cell.alignment = font, align


def _row(ws: Worksheet, row: int, values: list, *, font: Font = x.FONT, number_format: dict | None = None,
         aligns: list[Alignment] | None = None) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=value)
        cell.font, cell.border = font, x.BOX
        cell.alignment = aligns[col - 1] if aligns else x.CENTER
        if number_format and col in number_format:
            cell.number_format = number_format[col]


def _table_head(ws: Worksheet, row: int, headers: list[str], height: float = 45) -> int:
    _row(ws, row, headers, font=x.BOLD)
    _row(ws, row + 1, [str(i) for i in range(1, len(headers) + 1)])
    ws.row_dimensions[row].height = height
    return row + 2


def _requisites(ws: Worksheet, row: int, items: list[tuple[str, list[str]]], last: int) -> int:
    """Label in column A, its value merged across the rest; a period is two date cells, the
    start against the end and the end printed after a dash, so that the row reads
    «01.09.2026 – 31.08.2027» while both cells stay dates for a program that reads the table."""
    for label, values in items:
        head = ws.cell(row=row, column=1, value=label)
        head.font, head.alignment = x.BOLD, x.WRAP
        if len(values) == 1:
            _merged(ws, row, values[0], last=last, first=2)
        else:
            for col, (value, number_format, align) in enumerate(
                    zip(values, (_DATE, _DATE_AFTER_DASH), (_RIGHT, _LEFT)), start=2):
                cell = ws.cell(row=row, column=col, value=value)
                cell.font, cell.alignment, cell.number_format = x.FONT, align, number_format
        row += 1
    return row


def _default_font(wb: Workbook) -> None:
    """Times New Roman 11 pt as the workbook's default font, which measures the column
    widths: LibreOffice (Liberation Serif) then sizes the columns as Excel does, and the
    rows the engine fits to their text print the same in both; openpyxl offers no public
    setting for it."""
    wb._fonts = IndexedList([x.FONT])


def _properties(wb: Workbook, title: str) -> None:
    wb.properties.title = title
    wb.properties.creator = wb.properties.lastModifiedBy = "nastavnik-docs"


# ------------------------------------------------------------------ the coverage table


def coverage_workbook() -> Workbook:
    wb = Workbook()
    _default_font(wb)
    ws = wb.active
    ws.title = "Охват"
    for col, width in _FORM_WIDTHS.items():
        ws.column_dimensions[col].width = width
    _merged(ws, 1, "{{ title }}", x.TITLE, x.CENTER)
    _merged(ws, 2, "{{ period_text }}", x.FONT, x.CENTER)
    row = _requisites(ws, 4, [("Организация", ["{{ org_full_name }}"]), ("ИНН", ["{{ inn }}"]),
                              ("Отчётный период", ["{{ period_start }}", "{{ period_end }}"]),
                              ("Форма", ["{{ form_text }}"])], 5)
    left = [x.WRAP, x.CENTER, x.CENTER, x.CENTER, x.CENTER]
    for i, (section, var) in enumerate(zip(COVERAGE_FORM.sections, ("people", "pairs", "types", "formats"))):
        _merged(ws, row + 1, f"{{{{ headings[{i}] }}}}", x.BOLD)
        row = _table_head(ws, row + 2, list(section.graphs))
        shares = {5: _PERCENT} if not section.dimension else None
        _row(ws, row, [f"{{%row for r in {var} %}}{{{{ r.title }}}}", "{{ r.code }}", "{{ r.g3 }}", "{{ r.g4 }}",
                       "{{ r.g5 }}"], aligns=left, number_format=shares)
        row += 1
    _merged(ws, row + 1, f"Раздел {len(COVERAGE_FORM.sections) + 1}. Целевые показатели", x.BOLD)
    row = _table_head(ws, row + 2, ["Показатель", "№ п/п", "Целевое значение", "Фактическое значение", "Оценка"])
    _row(ws, row, ["{%row for t in targets %}{{ t.indicator }}", "{{ t.number }}", "{{ t.planned }}",
                   "{{ t.actual }}", "{{ t.verdict }}"], aligns=left)
    ws.row_dimensions[row].height = 30
    _merged(ws, row + 2, "Примечания: определения показателей", x.BOLD)
    _merged(ws, row + 3, "{%row for n in notes %}{{ n.text }}")  # rows fitted to the text when filled
    _merged(ws, row + 5, "Контрольные соотношения", x.BOLD)
    _merged(ws, row + 6, "{%row for r in relations %}{{ r.text }}")
    ws.cell(row=row + 8, column=1, value="{{ author_post }}").font = x.FONT
    ws.cell(row=row + 8, column=1).alignment = x.WRAP
    ws.cell(row=row + 8, column=4, value="{{ author_name }}").font = x.FONT
    ws.cell(row=row + 9, column=1, value="{{ date }}").font = x.FONT
    x.print_on_a4(ws, "portrait")
    ws.print_options.horizontalCentered = True
    ws.page_margins.left, ws.page_margins.right = 0.8, 0.4
    _properties(wb, COVERAGE_FORM.title)
    return wb


# -------------------------------------------------------------- the analytical report


def _section(doc, key: str) -> None:
    g.plain(doc, f"{{{{ headings.{key} }}}}", bold=True, space_before=12, space_after=6, keep_with_next=True)


def _paragraphs(doc, var: str, *, keep_last: bool = False) -> None:
    """A body paragraph for each text of ``var``; with ``keep_last`` the last one keeps with
    what follows (the signature never stands alone on a page)."""
    g.loop(doc, f"for p in {var}")
    if keep_last:
        g.loop(doc, "if loop.last")
        g.body(doc, "{{ p }}", keep_with_next=True)
        g.loop(doc, "else")
        g.body(doc, "{{ p }}")
        g.end_loop(doc, "endif")
    else:
        g.body(doc, "{{ p }}")
    g.end_loop(doc)


def analytical_document(municipal: bool = False):
    """The analytical report: a school's (questionnaires, no organisations) or an authority's
    (organisations and files not accepted, no questionnaires) — every loop of each is filled
    by its kind's sample."""
    doc = g.new_document()
    g.letterhead(doc, "АНАЛИТИЧЕСКАЯ СПРАВКА")
    g.heading(doc, "{{ heading }}")
    _paragraphs(doc, "intro")

    _section(doc, "coverage")
    _paragraphs(doc, "coverage_text")
    g.loop_table(doc, ["Показатель", "Чел., ед.", "Всего, чел.", "Доля"],
                 ["{{ r.title }}", "{{ r.count }}", "{{ r.total }}", "{{ r.share }}"],
                 "for r in key_rows", [99, 22, 26, 23], aligns=[None, C, C, C], size=12)

    _section(doc, "pairs")
    _paragraphs(doc, "pairs_text")
    for var, head in (("type_rows", "Тип пары"), ("format_rows", "Формат наставничества")):
        g.loop(doc, f"if {var}")
        g.loop_table(doc, [head, "№ стр.", "Пар и групп", "Наставников", "Наставляемых"],
                     ["{{ r.title }}", "{{ r.code }}", "{{ r.g3 }}", "{{ r.g4 }}", "{{ r.g5 }}"],
                     f"for r in {var}", [62, 16, 27, 32, 33], aligns=[None, C, C, C, C], size=12)
        g.plain(doc, "", space_after=6)
        g.end_loop(doc, "endif")

    g.loop(doc, "if targets")
    _section(doc, "targets")
    g.loop_table(doc, ["№ п/п", "Показатель", "Целевое значение", "Факт", "Оценка"],
                 ["{{ t.number }}", "{{ t.indicator }}", "{{ t.planned }}", "{{ t.actual }}", "{{ t.verdict }}"],
                 "for t in targets", [12, 62, 38, 22, 36], aligns=[C, None, None, C, None], size=12)
    g.end_loop(doc, "endif")

    if municipal:
        _organisations(doc)
    else:
        _survey(doc)
    _compare_chart_conclusions(doc)
    return doc


def _organisations(doc) -> None:
    g.loop(doc, "if org_rows")
    _section(doc, "organisations")
    g.loop_table(doc, ["№", "Организация", "Участников", "Охват обучающихся", "Охват педагогов", "Пар и групп"],
                 ["{{ r.number }}", "{{ r.name }}", "{{ r.participants }}", "{{ r.pupils }}", "{{ r.teachers }}",
                  "{{ r.pairs }}"], "for r in org_rows", [9, 49, 27, 31, 30, 24], aligns=[C, None, C, C, C, C],
                 size=11)
    g.end_loop(doc, "endif")
    g.loop(doc, "if failed_rows")
    g.plain(doc, "Не приняты сведения (не прошли проверку формы или контрольных соотношений):", space_before=6,
            space_after=6, keep_with_next=True)
    g.loop_table(doc, ["№", "Файл", "Причины"], ["{{ r.number }}", "{{ r.file }}", "{{ r.reasons }}"],
                 "for r in failed_rows", [10, 60, 100], aligns=[C, None, None], size=11)
    g.end_loop(doc, "endif")


def _survey(doc) -> None:
    g.loop(doc, "if survey_rows")
    _section(doc, "survey")
    _paragraphs(doc, "survey_text")
    g.loop_table(doc, ["Участники", "Ответили", "Средний балл (из 10)", "Удовлетворены (8–10)"],
                 ["{{ r.group }}", "{{ r.respondents }}", "{{ r.mean }}", "{{ r.satisfied }}"],
                 "for r in survey_rows", [72, 26, 36, 36], aligns=[None, C, C, C], size=12)
    g.loop(doc, "if growth_rows")
    g.plain(doc, "", space_after=6)
    g.loop_table(doc, ["Вопрос анкеты", "До", "После", "Изменение"],
                 ["{{ r.question }}", "{{ r.before }}", "{{ r.after }}", "{{ r.change }}"],
                 "for r in growth_rows", [104, 20, 20, 26], aligns=[None, C, C, C], size=11)
    g.end_loop(doc, "endif")
    g.end_loop(doc, "endif")


def _compare_chart_conclusions(doc) -> None:
    g.loop(doc, "if compare_rows")
    _section(doc, "compare")
    g.body(doc, "{{ compare_label }}:")
    g.loop_table(doc, ["Показатель", "Было", "Стало", "Изменение"],
                 ["{{ r.indicator }}", "{{ r.previous }}", "{{ r.current }}", "{{ r.change }}"],
                 "for r in compare_rows", [80, 28, 28, 34], aligns=[None, C, C, C], size=12)
    g.end_loop(doc, "endif")

    g.loop(doc, "if chart")
    g.centered(doc, "{{ chart }}", space_before=12)
    g.centered(doc, "{{ chart_caption }}", space_after=6, size=12)
    g.end_loop(doc, "endif")

    _section(doc, "conclusions")
    _paragraphs(doc, "conclusions", keep_last=True)
    g.loop(doc, "if recommendations")
    _section(doc, "recommendations")
    _paragraphs(doc, "recommendations", keep_last=True)
    g.end_loop(doc, "endif")
    g.signature(doc, "{{ author_post }}", "{{ author_name }}")


# ------------------------------------------------------------------ municipal summary


_SUMMARY = [("№", "number", 5), ("Организация", "name", 40), ("ИНН", "inn", 13), ("Участников, чел. (стр. 01)",
            "participants", 12), ("Обучающихся (стр. 02)", "pupils", 11), ("Охват обучающихся", "pupils_share", 12),
            ("Педагогов (стр. 04)", "teachers", 11), ("Охват педагогов", "teachers_share", 12),
            ("Обучающихся 10–19 лет — наставляемых (стр. 09)", "mentees_10_19", 13),
            ("Доля", "mentees_10_19_share", 9), ("Обучающихся 15–19 лет — наставников (стр. 16)", "mentors_15_19", 13),
            ("Доля", "mentors_15_19_share", 9), ("Молодых специалистов — наставляемых (стр. 12)", "young", 13),
            ("Доля", "young_share", 9), ("Пар и групп (стр. 21)", "pairs", 10),
            ("Прекращено досрочно (стр. 25)", "ended_early", 11)]


def municipal_workbook() -> Workbook:
    wb = Workbook()
    _default_font(wb)
    ws = wb.active
    ws.title = "Свод"
    last = len(_SUMMARY)
    for i, (_, _, width) in enumerate(_SUMMARY, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = round(width * _TIMES_DIGITS)
    _merged(ws, 1, "{{ title }}", x.TITLE, x.CENTER, last=last)
    _merged(ws, 2, "{{ period_text }}", x.FONT, x.CENTER, last=last)
    _merged(ws, 3, "{{ authority }}", x.FONT, x.CENTER, last=last)
    _merged(ws, 4, "{{ form_text }}. Принято таблиц: {{ accepted }}; не принято: {{ failed_count }} "
                   "(перечень и причины — на листе «Не приняты»).", last=last)
    row = _table_head(ws, 6, [h for h, _, _ in _SUMMARY], height=75)
    left = [x.CENTER, x.WRAP] + [x.CENTER] * (last - 2)
    _row(ws, row, ["{%row for o in orgs %}{{ o.number }}"] + [f"{{{{ o.{f} }}}}" for _, f, _ in _SUMMARY[1:]],
         aligns=left)
    _row(ws, row + 1, [""] + [f"{{{{ total.{f} }}}}" for _, f, _ in _SUMMARY[1:]], font=x.BOLD, aligns=left)
    _merged(ws, row + 3, "Целевые показатели (по итогам муниципалитета)", x.BOLD, last=last)
    _row(ws, row + 4, ["№", "Показатель", "", "", "Целевое значение", "", "Факт", "", "Оценка", "",
                       "Организации ниже целевого значения"] + [""] * (last - 11), font=x.BOLD)
    _row(ws, row + 5, ["{%row for t in targets %}{{ t.number }}", "{{ t.indicator }}", "", "", "{{ t.planned }}", "",
                       "{{ t.actual }}", "", "{{ t.verdict }}", "", "{{ t.below }}"] + [""] * (last - 11), aligns=left)
    for r in (row + 4, row + 5):
        for first, end in ((2, 4), (5, 6), (7, 8), (9, 10), (11, last)):
            ws.merge_cells(start_row=r, start_column=first, end_row=r, end_column=end)
    ws.cell(row=row + 7, column=2, value="{{ author_post }}").font = x.FONT
    ws.cell(row=row + 7, column=9, value="{{ author_name }}").font = x.FONT
    ws.cell(row=row + 8, column=2, value="{{ date }}").font = x.FONT
    ws.freeze_panes = "C9"
    ws.print_title_rows = "6:7"
    x.print_on_a4(ws, "landscape")

    form = wb.create_sheet("Итого по форме")
    for col, width in _FORM_WIDTHS.items():
        form.column_dimensions[col].width = width
    _merged(form, 1, f"Итого по муниципалитету по всем строкам формы {COVERAGE_FORM.form}, версия "
                     f"{COVERAGE_FORM.version}", x.BOLD, x.CENTER)
    _merged(form, 2, "Разделы 1–2: графа 3 — человек (единиц), графа 4 — численность в организациях (если её "
                     "указали все), графа 5 — доля, %; разделы 3–4: графы 3–5 — пар и групп, наставников, "
                     "наставляемых.")
    form.row_dimensions[2].height = 45
    row = _table_head(form, 4, ["Наименование показателя", "№ строки", "Графа 3", "Графа 4", "Графа 5"])
    _row(form, row, ["{%row for r in lines %}{{ r.title }}", "{{ r.code }}", "{{ r.g3 }}", "{{ r.g4 }}",
                     "{{ r.g5 }}"], aligns=[x.WRAP, x.CENTER, x.CENTER, x.CENTER, x.CENTER])
    _merged(form, row + 2, "{%row for n in notes %}{{ n.text }}")
    x.print_on_a4(form, "portrait")

    failed = wb.create_sheet("Не приняты")
    for col, width in {"A": 8, "B": 62, "C": 130}.items():
        failed.column_dimensions[col].width = width
    _merged(failed, 1, "Файлы, сведения из которых не приняты, и причины", x.BOLD, x.CENTER, last=3)
    row = _table_head(failed, 3, ["№", "Файл (организация)", "Причины: проверка или контрольное соотношение"])
    _row(failed, row, ["{%row for f in failed %}{{ f.number }}", "{{ f.file }}", "{{ f.reasons }}"],
         aligns=[x.CENTER, x.WRAP, x.WRAP])
    failed.row_dimensions[row].height = 45
    x.print_on_a4(failed, "landscape")
    _properties(wb, "Сводные сведения об охвате участников программами наставничества")
    return wb


# ------------------------------------------------------------------ personified list


def personified_workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "Учёт"
    last = len(PERSONIFIED_COLUMNS)
    widths = {"number": 6, "id": 9, "last_name": 20, "first_name": 12, "middle_name": 18, "birth_date": 12,
              "gender": 9, "category": 26, "post": 36, "role": 14, "pair": 7, "partner": 18, "pair_type": 24,
              "format": 28, "status": 20, "end_reason": 44}
    for i, (field, _) in enumerate(PERSONIFIED_COLUMNS, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = widths.get(field, 12)
    _merged(ws, 1, "{{ title }}", x.TITLE, x.WRAP, last=10)
    _merged(ws, 2, "{{ organization }}", last=10)
    _merged(ws, 3, "ИНН {{ inn }}; {{ period_text }}; выгрузка {{ date }}", last=10)
    _row(ws, 5, [header for _, header in PERSONIFIED_COLUMNS], font=x.BOLD)
    ws.row_dimensions[5].height = 45
    dates = {i: _DATE for i, (f, _) in enumerate(PERSONIFIED_COLUMNS, start=1)
             if f in ("birth_date", "pair_start", "pair_end", "start", "end")}
    cells = [f"{{{{ r.{field} }}}}" for field, _ in PERSONIFIED_COLUMNS]
    cells[0] = "{%row for r in rows %}" + cells[0]
    _row(ws, 6, cells, number_format=dates, aligns=[Alignment(vertical="top")] * last)
    ws.freeze_panes = "C6"
    ws.auto_filter.ref = f"A5:{ws.cell(row=5, column=last).column_letter}6"
    ws.print_title_rows = "5:5"
    x.print_on_a4(ws, "landscape")
    _properties(wb, "Персонифицированный учёт наставников и наставляемых")
    return wb


# ------------------------------------------------------------ questionnaire results


def survey_workbook() -> Workbook:
    """One sheet per role: «Этап» (до / после) and a column per scale question."""
    from nastavnik_docs.kinds.questionnaires import question_sets, question_text

    sets = question_sets()
    wb = Workbook()
    wb.remove(wb.active)
    for title, key in (("Наставники", "feedback_mentor"), ("Наставляемые", "feedback_mentee")):
        ws = wb.create_sheet(title)
        questions = [question_text(q.text) for q in sets[key].questions if q.scale]  # as the blank form
        _row(ws, 1, ["№", "Этап", *questions], font=x.BOLD)
        ws.row_dimensions[1].height = 90
        ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 6, 10
        for i in range(len(questions)):
            ws.column_dimensions[ws.cell(row=1, column=i + 3).column_letter].width = 18
        last = ws.cell(row=1, column=len(questions) + 2).column_letter
        stage = DataValidation(type="list", formula1='"до,после"', allow_blank=True)
        stage.add("B2:B2000")
        score = DataValidation(type="whole", operator="between", formula1="1", formula2="10", allow_blank=True,
                               showErrorMessage=True, error="Оценка — целое число от 1 до 10")
        score.add(f"C2:{last}2000")
        ws.add_data_validation(stage)
        ws.add_data_validation(score)
        ws.freeze_panes = "C2"
    help_ = wb.create_sheet("Пояснения")
    help_.column_dimensions["A"].width = 110
    for r, text in enumerate((
            "Результаты анкетирования удовлетворённости участием в программе наставничества",
            "Одна строка — одна анкета. Лист «Наставники» — анкеты наставников, «Наставляемые» — наставляемых.",
            "«Этап»: «до» — входное анкетирование (до начала программы), «после» — итоговое; пусто — «после».",
            "В столбцах вопросов — оценка от 1 до 10, как в анкете. Свои вопросы можно добавить столбцами справа: "
            "заголовок — текст вопроса.",
            "Аналитическая справка считает средний балл, долю удовлетворённых (8–10) и рост оценок от «до» к "
            "«после» по одинаковым вопросам."), start=1):
        cell = help_.cell(row=r, column=1, value=text)
        cell.font, cell.alignment = (x.BOLD if r == 1 else x.FONT), x.WRAP
    _properties(wb, "Результаты анкетирования участников программы наставничества")
    return wb


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    written = [
        save_reproducibly(coverage_workbook(), xlsx_dir / "report_coverage.xlsx"),
        g.save(analytical_document(), docx_dir / "report_analytical.docx"),
        g.save(analytical_document(municipal=True), docx_dir / "report_municipal_analytical.docx"),
        save_reproducibly(municipal_workbook(), xlsx_dir / "report_municipal.xlsx"),
        save_reproducibly(personified_workbook(), xlsx_dir / "report_personified.xlsx"),
        save_reproducibly(survey_workbook(), xlsx_dir / "survey_results.xlsx"),
    ]
    if xlsx_dir.resolve() == (ROOT / "templates" / "xlsx").resolve():
        written.extend(build_samples(xlsx_dir / "survey_results.xlsx"))
    return written


def build_samples(survey_template: Path, samples: Path = ROOT / "samples" / "reports") -> list[Path]:
    """The sample questionnaire results from their YAML, the previous year's table and the
    municipal summaries."""
    import tempfile

    import yaml
    from openpyxl import load_workbook

    import nastavnik_docs as nd

    data = yaml.safe_load((samples / "survey_results.yaml").read_text(encoding="utf-8"))
    wb = load_workbook(survey_template)
    for sheet, rows in (("Наставники", data["mentors"]), ("Наставляемые", data["mentees"])):
        ws = wb[sheet]
        for r, (stage, *scores) in enumerate(rows, start=2):
            ws.cell(row=r, column=1, value=r - 1)
            ws.cell(row=r, column=2, value=stage)
            for c, score in enumerate(scores, start=3):
                ws.cell(row=r, column=c, value=score)
    survey = save_reproducibly(wb, samples / "survey_results.xlsx")
    with tempfile.TemporaryDirectory() as folder:
        made = nd.render("report.coverage", samples / "coverage_2025.yaml", Path(folder) / "coverage.xlsx")
        table = save_reproducibly(load_workbook(made), samples / "coverage_2025.xlsx")
    return [survey, table, build_municipal_sample(samples, 2026), build_municipal_sample(samples, 2025)]


#: The fictional schools of the municipal sample: name, INN, which pairs they keep (by
#: number) of the sample registry (2026) and of the previous year's (2025,
#: ``reports/registry_2025.yaml``), and their head counts: pupils, teachers, young
#: specialists beyond those counted, pupils aged 10–19 and 15–19.
_SCHOOLS = (
    ("МБОУ «Средняя общеобразовательная школа № 12»", "3525000012", (None, None), (640, 48, 1, 520, 190)),
    ("МБОУ «Средняя общеобразовательная школа № 5»", "3525000005", ({"2", "3", "5", "6", "10"}, {"2", "4", "6"}),
     (410, 31, 0, 330, 120)),
    ("МАОУ «Лицей № 32»", "3525000032", ({"2", "4", "5", "9", "11", "12"}, {"1", "3", "4", "5", "8"}),
     (890, 62, 2, 720, 265)),
    ("МБОУ «Гимназия № 2»", "3525000002", ({"2", "3", "4"}, {"2", "3"}), (720, 54, 0, 585, 210)),
    ("МБОУ «Основная общеобразовательная школа № 41»", "3525000041", ({"5", "6", "12"}, {"5", "6"}),
     (230, 19, 1, 150, 40)),
)


def build_municipal_sample(samples: Path, year: int) -> Path:
    """``municipal_summary.json`` (``_2025.json`` for the previous year): the sample schools'
    tables made and aggregated as an authority would; in 2026 the last school's table has its
    line 01 changed by hand, so the summary shows a file rejected for a broken control relation."""
    import tempfile

    import yaml
    from openpyxl import load_workbook

    import nastavnik_docs as nd
    from nastavnik_docs._files import write_bytes_atomic
    from nastavnik_docs._stats_api import aggregate
    from nastavnik_docs.io import load_registry
    from nastavnik_docs.stats import ReportingPeriod, coverage

    registry = load_registry(samples.parent / "registry.yaml" if year == 2026 else samples / f"registry_{year}.yaml")
    org = yaml.safe_load((samples.parent / "organization.yaml").read_text(encoding="utf-8"))
    period = ReportingPeriod.school_year(year)
    with tempfile.TemporaryDirectory() as folder:
        for i, (name, inn, keeps, (pupils, teachers, young_extra, aged_10_19, aged_15_19)) in enumerate(_SCHOOLS, 1):
            keep = keeps[0] if year == 2026 else keeps[1]
            pairs = [p for p in registry.pairs if keep is None or p.id in keep]
            school = registry.model_copy(update={"pairs": pairs})
            young = coverage(school, period).line("12").count
            data = {"organization": {**org, "full_name": name, "short_name": name, "inn": inn},
                    "registry": school, "school_year": year, "date": f"{year + 1}-06-10",
                    "totals": {"pupils": pupils, "teachers": teachers, "young_specialists": young + young_extra,
                               "pupils_10_19": aged_10_19, "pupils_15_19": aged_15_19}}
            made = Path(nd.render("report.coverage", data, Path(folder) / f"school_{i}.xlsx"))  # type: ignore[arg-type]
            if i == len(_SCHOOLS) and year == 2026:
                wb = load_workbook(made)
                ws = wb["Охват"]
                cell = next(r[2] for r in ws.iter_rows() if r[1].value == "01")
                cell.value = int(cell.value) + 3
                wb.save(made)
        summary = aggregate([folder], period=period)
    for row in summary.rows:
        row.file = Path(row.file).name
    for failed in summary.failed:
        failed.file = Path(failed.file).name
        failed.reasons = [r.replace(str(Path(folder)) + "/", "") for r in failed.reasons]
    name = "municipal_summary.json" if year == 2026 else f"municipal_summary_{year}.json"
    return write_bytes_atomic(samples / name,
                              summary.model_dump_json(indent=1).encode("utf-8") + b"\n", overwrite=True)
