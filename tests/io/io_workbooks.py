"""Registry workbooks as a curator might type them, built on the fly with openpyxl."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl

from nastavnik_docs.io._columns import MAX_MENTEES_LABEL

PEOPLE_HEADER = ["ID", "Фамилия", "Имя", "Отчество", "Пол", "Дата рождения", "Роль", "Категория",
                 "Должность / класс"]
PAIRS_HEADER = ["Наставник", "Наставляемые", "Форма наставничества", "Начало", "Окончание", "Статус"]


def make_workbook(path: Path, people: list[list], pairs: list[list], *, people_header=None,
                  pairs_header=None, max_mentees=None, title_rows: int = 0,
                  sheets=("Участники", "Пары"), styled_tail: int = 0) -> Path:
    """A registry workbook as a curator might type it (not from the template)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, header, rows in ((sheets[0], people_header or PEOPLE_HEADER, people),
                               (sheets[1], pairs_header or PAIRS_HEADER, pairs)):
        if name is None:
            continue
        ws = wb.create_sheet(name)
        for _ in range(title_rows):
            ws.append(["База наставников и наставляемых МБОУ «СОШ № 1»"])
        ws.append(header)
        for row in rows:
            ws.append(row)
        for _extra in range(styled_tail):  # formatted but empty rows, as Excel leaves them
            for column in range(1, len(header) + 1):
                ws.cell(row=ws.max_row + 1 if column == 1 else ws.max_row, column=column).number_format = "@"
    if max_mentees is not None:
        ws = wb.create_sheet("Списки")
        ws.append(["Пол", None, None, None, None, None, MAX_MENTEES_LABEL])
        ws.append([None] * 6 + [max_mentees])
    wb.save(path)
    return path


BROKEN_PEOPLE = [
    ["У1", "Петров", "Иван", "Сергеевич", "м", datetime(1980, 2, 1), "наставник", "педагог", "учитель"],
    ["У2", "Сидорова", "Анна", "Ивановна", "оно", "01.02.1990", "наставник", "педагог", "учитель"],
    ["У3", "Козлов", "Пётр", "Ильич", "муж", "31.02.2010", "наставляемый", "ученик", "8 «А» класс"],
    ["У4", None, "Мария", "Олеговна", "ж", "05.05.2011", "наставляемая", "ученица", "7 «Б» класс"],
    ["У5", "Орлов", "Олег", "Олегович", "м", "05.05.1975", "директор", "педагог", "директор"],
    ["У6", "Белова", "Ирина", "Петровна", "жен", "12.12.1999", "наставляемая", "учитель", "учитель"],
]
BROKEN_PAIRS = [
    ["У1", "У6", "учитель – учитель", datetime(2024, 9, 1), "01.06.2024", "действует"],
    ["У99", "У6", "учитель – учитель", "01.09.2024", "31.05.2025", "действует"],
    ["Петров Иван Сергеевич", "У6", "учитель – учитель", "с сентября", "31.05.2025", "в работе"],
    ["У1", "У6", "учитель – учитель", "01.09.2024", "31.05.2025", "приостановлена"],
]
#: (sheet, row, column, value) of every bad cell above, in reading order.
BROKEN_EXPECTED = [
    ("Участники", 3, "Пол", "оно"),
    ("Участники", 4, "Дата рождения", "31.02.2010"),
    ("Участники", 5, "Фамилия", None),
    ("Участники", 6, "Роль", "директор"),
    ("Пары", 2, "Окончание", "01.06.2024"),
    ("Пары", 3, "Наставник", "У99"),
    ("Пары", 4, "Начало", "с сентября"),
    ("Пары", 5, "Статус", "приостановлена"),
]
