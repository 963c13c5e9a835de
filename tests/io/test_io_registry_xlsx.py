"""Reading the curator's registry workbook: located errors, tolerance, names, round trips."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest
from io_workbooks import BROKEN_EXPECTED, PAIRS_HEADER, PEOPLE_HEADER, make_workbook

from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import InputError, OutputExistsError
from nastavnik_docs.io import load_registry, write_registry
from nastavnik_docs.io._columns import HISTORY_COLUMNS, LISTS, PAIR_COLUMNS, PARTICIPANT_COLUMNS
from nastavnik_docs.models import (
    Case,
    Category,
    Gender,
    MentoringForm,
    Pair,
    PairStatus,
    Participant,
    Registry,
    Role,
)

TEACHER = ["Т1", "Кравченко", "Ольга", "Викторовна", "ж", "14.03.1972", "наставник", "педагог", "учитель"]


def person(pid, last, first, middle="", gender="ж"):
    return [pid, last, first, middle, gender, None, None, "педагог", "учитель"]


def locations(exc: InputError):
    return [(p.sheet, p.row, p.column, p.value) for p in exc.problems]


def load_error(path) -> InputError:
    with pytest.raises(InputError) as info:
        load_registry(path)
    return info.value


def test_broken_registry_reports_every_bad_cell_at_once(broken_registry):
    exc = load_error(broken_registry)
    assert locations(exc) == BROKEN_EXPECTED
    assert {p.file for p in exc.problems} == {str(broken_registry)}


@pytest.mark.parametrize(
    ("index", "words"),
    [
        (0, "допустимо: «мужской», «женский»"),
        (1, "такой даты нет в календаре"),
        (2, "обязательное поле не заполнено"),
        (3, "допустимо: «наставник», «наставляемый», «куратор»"),
        (4, "дата окончания (01.06.2024) должна быть позже даты начала (01.09.2024)"),
        (5, "нет участника с таким ID или ФИО"),
        (6, "не удалось прочитать дату"),
        (7, "допустимо: «действует», «завершена», «прекращена досрочно»"),
    ],
)
def test_broken_registry_messages_are_russian(broken_registry, index, words):
    assert words in load_error(broken_registry).problems[index].message


def test_error_text_names_file_sheet_row_column_and_value(broken_registry):
    text = str(load_error(broken_registry))
    assert "broken_registry.xlsx, лист «Участники», строка 3, столбец «Пол»" in text
    assert "(значение: «оно»)" in text


@pytest.mark.parametrize(
    ("people_header", "pairs_header"),
    [
        ([h.upper() for h in PEOPLE_HEADER], [h.lower() for h in PAIRS_HEADER]),
        ([f"  {h}  " for h in PEOPLE_HEADER], [h + "*" for h in PAIRS_HEADER]),
        (["id", "фамилия", "ИМЯ", "Отчество", "пол", "Дата  рождения", "роль", "категория",
          "Должность/класс"], ["наставник", "наставляемый", "форма", "Дата начала", "Дата окончания", "статус"]),
    ],
)
def test_header_variants_are_recognised(tmp_path, people_header, pairs_header):
    path = make_workbook(tmp_path / "r.xlsx", [TEACHER, person("Т2", "Ткаченко", "Дарья")],
                         [["Т1", "Т2", "учитель – учитель", "01.09.2026", "31.05.2027", "действует"]],
                         people_header=people_header, pairs_header=pairs_header)
    registry = load_registry(path)
    assert registry.participants[0].post == "учитель"
    assert registry.participants[0].birth_date == date(1972, 3, 14)
    assert registry.pairs[0].end == date(2027, 5, 31)


def test_columns_in_any_order_and_unknown_columns_ignored(tmp_path):
    header = ["Примечание", "Имя", "Фамилия", "ID"]
    path = make_workbook(tmp_path / "r.xlsx", [["новенькая", "Дарья", "Ткаченко", "Т2"]], [],
                         people_header=header)
    (p,) = load_registry(path).participants
    assert (p.id, p.last_name, p.first_name) == ("Т2", "Ткаченко", "Дарья")


def test_own_header_wins_over_an_alias(tmp_path):
    header = ["№", "Фамилия", "Имя", "ID"]
    path = make_workbook(tmp_path / "r.xlsx", [[1, "Ткаченко", "Дарья", "Т2"]], [], people_header=header)
    assert load_registry(path).participants[0].id == "Т2"


def test_title_rows_above_header_and_trailing_empty_rows(tmp_path):
    people = [TEACHER, person("Т2", "Ткаченко", "Дарья"), [None] * 9, ["", " ", None, None]]
    pairs = [["Т1", "Т2", "учитель – учитель", "01.09.2026", None, None], [None] * 6, [None] * 6]
    path = make_workbook(tmp_path / "r.xlsx", people, pairs, title_rows=2, styled_tail=30)
    assert openpyxl.load_workbook(path)["Участники"].max_row == 2 + 1 + 4 + 30  # the formatted rows are in the file
    registry = load_registry(path)
    assert [p.id for p in registry.participants] == ["Т1", "Т2"]
    assert len(registry.pairs) == 1 and registry.pairs[0].status is PairStatus.ACTIVE
    # a bad cell below a title is reported at its real row
    people[1] = ["Т2", "Ткаченко", "Дарья", None, "x"]
    path = make_workbook(tmp_path / "r2.xlsx", people, pairs, title_rows=2)
    assert locations(load_error(path)) == [("Участники", 5, "Пол", "x")]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (["м", "наставник", "учитель"], (Gender.MALE, Role.MENTOR, Category.TEACHER)),
        (["Муж.", "Наставница", "Педагог"], (Gender.MALE, Role.MENTOR, Category.TEACHER)),
        (["мужской", "наставляемая", "обучающаяся"], (Gender.MALE, Role.MENTEE, Category.PUPIL)),
        (["ЖЕН", "куратор", "представитель работодателя"], (Gender.FEMALE, Role.CURATOR, Category.EMPLOYER)),
        (["женский", " наставляемый ", "студентка"], (Gender.FEMALE, Role.MENTEE, Category.STUDENT)),
    ],
)
def test_natural_variants_of_enums(tmp_path, typed, expected):
    gender, role, category = typed
    row = ["Т1", "Иванов", "Иван", None, gender, None, role, category, None]
    (p,) = load_registry(make_workbook(tmp_path / "r.xlsx", [row], [])).participants
    assert (p.gender, p.role, p.category) == expected


@pytest.mark.parametrize(
    "typed", [datetime(2024, 9, 1), "01.09.2024", "1.9.2024", "01.09.24", "2024-09-01", " 01.09.2024 г."],
)
def test_date_variants(tmp_path, typed):
    row = ["Т1", "Иванов", "Иван", None, "м", typed, None, None, None]
    (p,) = load_registry(make_workbook(tmp_path / "r.xlsx", [row], [])).participants
    assert p.birth_date == date(2024, 9, 1)


@pytest.mark.parametrize(
    "cell",
    ["Т2; Т3; Т4", "Т2;Т3;Т4;", "Т2\nТ3\nТ4", "Т2\r\nТ3\n\nТ4", "Т2, Т3; Т4"],
)
def test_mentees_separated_by_semicolons_or_line_breaks(tmp_path, cell):
    people = [TEACHER, person("Т2", "Ткаченко", "Дарья"), person("Т3", "Гарипова", "Алсу"),
              person("Т4", "Лебедев", "Кирилл", gender="м")]
    path = make_workbook(tmp_path / "r.xlsx", people, [["Т1", cell, "групповое", "01.09.2026", None, None]])
    assert load_registry(path).pairs[0].mentees == ["Т2", "Т3", "Т4"]


@pytest.mark.parametrize(
    ("mentor", "mentees"),
    [
        ("Кравченко Ольга Викторовна", "Семёнов Пётр Алексеевич"),
        ("кравченко ольга викторовна", "Семенов Петр Алексеевич"),  # case and ё/е
        ("Кравченко О.В.", "Семёнов П. А."),
        ("т1", "Т2"),  # IDs ignore case
    ],
)
def test_pairs_may_name_people_instead_of_ids(tmp_path, mentor, mentees):
    people = [TEACHER, ["Т2", "Семёнов", "Пётр", "Алексеевич", "м", None, None, "педагог", None]]
    path = make_workbook(tmp_path / "r.xlsx", people,
                         [[mentor, mentees, "реверсивное", "01.10.2026", "31.03.2027", None]])
    pair = load_registry(path).pairs[0]
    assert (pair.mentor, pair.mentees) == ("Т1", ["Т2"])


def test_ambiguous_name_is_reported_with_the_candidates(tmp_path):
    people = [TEACHER, person("Т2", "Иванова", "Мария", "Петровна"), person("Т3", "Иванова", "Мария", "Петровна"),
              person("Т4", "Ткаченко", "Дарья")]
    path = make_workbook(tmp_path / "r.xlsx", people,
                         [["Кравченко О.В.", "Т4; Иванова Мария Петровна", "групповое", "01.09.2026", None, None]])
    (problem,) = load_error(path).problems
    assert (problem.sheet, problem.row, problem.column, problem.value) == (
        "Пары", 2, "Наставляемые", "Иванова Мария Петровна")
    assert "«Т2», «Т3»" in problem.message and "укажите ID" in problem.message


def test_blank_id_becomes_the_row_number(tmp_path):
    people = [TEACHER, [None, "Ткаченко", "Дарья", "Андреевна", "ж", None, None, "педагог", None]]
    path = make_workbook(tmp_path / "r.xlsx", people,
                         [["Т1", "Ткаченко Дарья Андреевна", "учитель – учитель", "01.09.2026", None, None]])
    registry = load_registry(path)
    assert registry.participants[1].id == "3"
    assert registry.pairs[0].mentees == ["3"]


def test_pair_naming_a_rejected_participant_is_not_reported_twice(tmp_path):
    people = [TEACHER, ["Т2", "Ткаченко", "Дарья", None, "оно", None, None, None, None]]
    path = make_workbook(tmp_path / "r.xlsx", people, [["Т1", "Т2", "учитель – учитель", "01.09.2026", None, None]])
    assert locations(load_error(path)) == [("Участники", 3, "Пол", "оно")]


def test_link_problems_are_located_on_sheet_pairs(tmp_path):
    people = [TEACHER, ["Т1", "Кравченко", "Ольга"], person("Т2", "Ткаченко", "Дарья"),
              person("Т3", "Гарипова", "Алсу"), person("Т4", "Орлова", "Светлана")]
    pairs = [
        ["Т1", "Т2", "учитель – учитель", "01.09.2026", "31.05.2027", None],
        ["Т4", "Т2", "педагог – педагог", "01.10.2026", "31.05.2027", None],  # same form, overlapping
        ["Т1", "Т3", "групповое", "01.09.2026", "31.05.2027", None],  # Т1 has 2 mentees, limit 1
    ]
    path = make_workbook(tmp_path / "r.xlsx", people, pairs, max_mentees=1)
    exc = load_error(path)
    assert sorted(locations(exc)) == sorted([
        ("Участники", 3, "ID", "Т1"),
        ("Пары", 3, "Наставляемые", "Т2"),
        ("Пары", 2, "Наставник", "Т1"),
    ])
    messages = " ".join(p.message for p in exc.problems)
    assert "указан дважды" in messages and "той же формы" in messages and "не более 1" in messages


def test_sheet_names_tolerate_case_and_spaces(tmp_path):
    path = make_workbook(tmp_path / "r.xlsx", [TEACHER, person("Т2", "Ткаченко", "Дарья")],
                         [["Т1", "Т2", "учитель – учитель", "01.09.2026", None, None]],
                         sheets=("УЧАСТНИКИ", " пары "))
    assert len(load_registry(path).pairs) == 1


def test_write_registry_needs_an_xlsx_name(tmp_path):
    with pytest.raises(InputError, match="только в книгу Excel"):
        write_registry(Registry(), tmp_path / "база.csv")
    assert list(tmp_path.iterdir()) == []


def test_missing_sheet_is_named(tmp_path):
    path = make_workbook(tmp_path / "r.xlsx", [TEACHER], [], sheets=("Лист1", "Пары"))
    (problem,) = load_error(path).problems
    assert problem.sheet == "Участники"
    assert "нет листа «Участники»" in problem.message and "«Лист1»" in problem.message


def test_missing_required_columns_are_named(tmp_path):
    path = make_workbook(tmp_path / "r.xlsx", [["Т1", "Ольга"]], [["Т1", "01.09.2026"]],
                         people_header=["ID", "Имя"], pairs_header=["Наставник", "Начало"])
    exc = load_error(path)
    assert [(p.sheet, p.row, p.column) for p in exc.problems] == [
        ("Участники", 1, "Фамилия"), ("Пары", 1, "Наставляемые"), ("Пары", 1, "Форма наставничества"),
    ]
    assert all("ожидаются столбцы: «ID», «Фамилия»" in p.message or "«Наставник»" in p.message
               for p in exc.problems)


@pytest.mark.parametrize(("name", "content", "words"), [
    ("absent.xlsx", None, "Файл не найден"),
    ("fake.xlsx", b"not a zip", "не удалось открыть книгу Excel"),
    ("r.txt", b"x", "неподдерживаемый тип файла «.txt»: нужен .xlsx, .csv, .yaml или .json"),
    ("r.xls", b"x", "сохраните как «Книга Excel (.xlsx)»"),
])
def test_unreadable_files(tmp_path, name, content, words):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    (problem,) = load_error(path).problems
    assert words in problem.message and problem.file == str(path)


# ------------------------------------------------------------------ the sample and round trips


def test_sample_workbook_agrees_with_sample_yaml():
    assert load_registry(sample_path("registry.xlsx")) == load_registry(sample_path("registry.yaml"))


def test_write_then_load_gives_the_same_registry(tmp_path):
    original = load_registry(sample_path("registry.yaml"))
    path = write_registry(original, tmp_path / "база.xlsx")
    assert load_registry(path) == original


def test_round_trip_keeps_custom_forms_limits_agreements_and_odd_values(tmp_path):
    from decimal import Decimal

    registry = Registry(
        participants=[
            Participant(id="001", last_name="Золя", first_name="Эмиль", gender="м", experience_years=2.5,
                        overrides={"dative": "Золя Эмилю", "instrumental": "Золя Эмилем"},
                        category="педагог", representative={"full_name": "Золя Франсуа", "relation": "отец"}),
            Participant(id="002", last_name="Ли", first_name="Виктория", experience_since=date(2025, 9, 1)),
        ],
        pairs=[Pair(mentor="001", mentees=["002"], form="наставничество в проектной команде",
                    start=date(2026, 9, 1), agreement={"number": "5-НС", "date": date(2026, 8, 31),
                                                       "monthly_pay": Decimal("3500.50")},
                    goal="строка 1\nстрока 2")],
        forms=[MentoringForm(title="наставничество в проектной команде")],
        max_mentees_per_mentor=3,
    )
    path = write_registry(registry, tmp_path / "r.xlsx")
    assert load_registry(path) == registry


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("дательный: Золя Эмилю", {Case.DATIVE: "Золя Эмилю"}),
        ("Дательный : Золя Эмилю;\nтворительный: Золя Эмилем;", {Case.DATIVE: "Золя Эмилю",
                                                               Case.INSTRUMENTAL: "Золя Эмилем"}),
        ("род: Золя Эмиля", {Case.GENITIVE: "Золя Эмиля"}),
    ],
)
def test_case_overrides_column(tmp_path, cell, expected):
    header = ["ID", "Фамилия", "Имя", "Падежи вручную"]
    path = make_workbook(tmp_path / "r.xlsx", [["1", "Золя", "Эмиль", cell]], [], people_header=header)
    assert load_registry(path).participants[0].overrides == expected


@pytest.mark.parametrize("cell", ["дательный Золя Эмилю", "звательный: Эмиль", "дательный:"])
def test_bad_case_overrides_are_located(tmp_path, cell):
    header = ["ID", "Фамилия", "Имя", "Падежи вручную"]
    path = make_workbook(tmp_path / "r.xlsx", [["1", "Золя", "Эмиль", cell]], [], people_header=header)
    (problem,) = load_error(path).problems
    assert (problem.row, problem.column, problem.value) == (2, "Падежи вручную", cell)
    assert "через двоеточие" in problem.message


def test_write_registry_content_is_readable_by_openpyxl(tmp_path):
    registry = load_registry(sample_path("registry.yaml"))
    path = write_registry(registry, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    people, pairs = wb["Участники"], wb["Пары"]
    assert [c.value for c in people[1]] == [c.header for c in PARTICIPANT_COLUMNS]
    assert [c.value for c in pairs[1]] == [c.header for c in PAIR_COLUMNS]
    assert people.max_row == len(registry.participants) + 1
    first = {c.header: cell for c, cell in zip(PARTICIPANT_COLUMNS, people[2])}
    assert first["Фамилия"].value == "Кравченко"
    assert first["Пол"].value == "женский" and first["Роль"].value == "наставник"
    assert first["Дата рождения"].value == datetime(1972, 3, 14)
    assert first["Дата рождения"].number_format == "DD.MM.YYYY"
    group = {c.header: cell.value for c, cell in zip(PAIR_COLUMNS, pairs[4])}
    assert group["Наставляемые"] == "У07; У08; У09" and group["Доплата в месяц, руб."] == 5000
    assert people.freeze_panes == "D2" and pairs.freeze_panes == "C2"


def test_every_written_cell_has_the_style_of_its_kind(tmp_path):
    """Styles are set once per kind of cell and copied: each row still gets its own kind
    (a long post wrapped, a short one not, dates as dates, a formula-like text quoted)."""
    long_post = "заместитель директора по учебно-воспитательной работе и научно-методической работе"
    people = [Participant(id=f"Т{i}", last_name="=Петрова" if i == 2 else "Петрова", first_name="Анна",
                          birth_date=date(1980, 1, i + 1) if i % 2 else None,
                          post=long_post if i % 3 == 0 else "учитель") for i in range(1, 8)]
    path = write_registry(Registry(participants=people), tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(path)["Участники"]
    header = {cell.value: cell.column for cell in sheet[1]}
    for row, person in enumerate(people, start=2):
        post = sheet.cell(row=row, column=header["Должность / класс"])
        assert post.value == person.post
        assert (post.alignment.wrap_text or False, post.alignment.vertical) == (person.post == long_post, "top")
        born = sheet.cell(row=row, column=header["Дата рождения"])
        assert (born.value is not None, born.number_format == "DD.MM.YYYY") == ((row - 1) % 2 == 1,) * 2
        last = sheet.cell(row=row, column=header["Фамилия"])
        assert (last.value, last.quotePrefix) == (person.last_name, person.last_name.startswith("="))
        assert not last.alignment.wrap_text and last.number_format == "General"
        height = sheet.row_dimensions[row].height
        assert (height is not None and height > 15) == (person.post == long_post)


def test_write_registry_refuses_to_overwrite_and_leaves_no_temp_files(tmp_path):
    registry = load_registry(sample_path("registry.yaml"))
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"curator's own file")
    with pytest.raises(OutputExistsError):
        write_registry(registry, target)
    assert target.read_bytes() == b"curator's own file"
    write_registry(registry, target, overwrite=True)
    assert load_registry(target) == registry
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]


# ------------------------------------------------------------------ the template


def test_dropdowns_use_defined_names_pointing_at_the_lists_sheet():
    wb = openpyxl.load_workbook(sample_path("registry.xlsx"))
    names = wb.defined_names
    for lst in LISTS:
        ref = names[lst.name].attr_text
        assert "'Списки'!" in ref
        column = [c.value for c in wb["Списки"][ref.split("!$")[1][0]]]
        assert column[0] == lst.title and tuple(column[1:1 + len(lst.values)]) == lst.values
    for sheet, columns in (("Участники", PARTICIPANT_COLUMNS), ("Пары", PAIR_COLUMNS),
                           ("История пар", HISTORY_COLUMNS)):
        validations = {dv.formula1: (str(dv.sqref), dv.type) for dv in wb[sheet].data_validations.dataValidation}
        expected = {col.list_name: (f"{letter}2:{letter}1048576", "list")
                    for letter, col in zip(_letters(len(columns)), columns) if col.list_name}
        assert validations == expected
    assert set(expected) == {"lst_event"}


def _letters(n):
    return [openpyxl.utils.get_column_letter(i + 1) for i in range(n)]


def test_template_explains_every_column_in_russian():
    wb = openpyxl.load_workbook(sample_path("../templates/xlsx/registry.xlsx"))
    assert wb.sheetnames == ["Участники", "Пары", "История пар", "Пояснения", "Списки"]
    rows = list(wb["Пояснения"].iter_rows(min_row=5, values_only=True))
    explained = [(r[0], r[1]) for r in rows]
    assert explained == [("Участники", c.header) for c in PARTICIPANT_COLUMNS] + \
        [("Пары", c.header) for c in PAIR_COLUMNS] + [("История пар", c.header) for c in HISTORY_COLUMNS]
    assert all(r[3] for r in rows)
    gender_row = next(r for r in rows if r[1] == "Пол")
    assert gender_row[4] == "мужской, женский"
    people = wb["Участники"]
    assert people.column_dimensions["B"].width == 20
    assert people["F1"].comment is not None and "ДД.ММ.ГГГГ" in people["F1"].comment.text
    assert people.max_row == 1 and wb["Пары"].max_row == 1 and wb["История пар"].max_row == 1
    event_row = next(r for r in rows if r[0] == "История пар" and r[1] == "Событие")
    assert event_row[4] == ("начало, смена наставника, добавлен наставляемый, выбыл наставляемый, "
                            "прекращена досрочно, завершена")


@pytest.mark.slow
def test_registry_survives_a_resave_in_libreoffice(tmp_path):
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "база.xlsx"
    shutil.copy(sample_path("registry.xlsx"), source)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "out"),
                    str(source)], check=True, capture_output=True, timeout=180)
    resaved = tmp_path / "out" / "база.xlsx"
    assert load_registry(resaved) == load_registry(sample_path("registry.yaml"))
    wb = openpyxl.load_workbook(resaved)
    assert {lst.name for lst in LISTS} <= set(wb.defined_names)
    assert {dv.formula1 for dv in wb["Пары"].data_validations.dataValidation} == {"lst_pair_type", "lst_format", "lst_status"}


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    registry = Registry(participants=[
        Participant(id="=1+1", last_name='=HYPERLINK("http://example.com")', first_name="Анна",
                    post="=СУММ(A1:A2)", email="a\x07b@example.com"),
    ])
    path = write_registry(registry, tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(path)["Участники"]
    assert [sheet.cell(row=2, column=c).data_type for c in (1, 2, 9)] == ["s", "s", "s"]
    (person,) = load_registry(path).participants
    assert (person.id, person.last_name, person.post) == ("=1+1", '=HYPERLINK("http://example.com")', "=СУММ(A1:A2)")
    assert person.email == "ab@example.com"  # a control character Excel cannot store is dropped


# ------------------------------------------------------------- the two form columns

PUPIL = ["П1", "Ершова", "Вера", "Олеговна", "ж", "01.02.2012", None, "ученица", "8 «А» класс"]
GUEST = ["Г1", "Зуев", "Олег", "Ильич", "м", "01.02.1980", None, "другое", "инженер"]


def test_an_old_one_column_workbook_is_read_into_both_dimensions(tmp_path):
    pairs = [["Т1", "Т2", "учитель – учитель", "01.09.2026", "31.05.2027", None],
             ["Т1", "Т3", "групповое", "01.09.2026", "31.05.2027", None],
             ["Т2", "П1", "педагог – обучающийся", "01.09.2026", "31.05.2027", None]]
    path = make_workbook(tmp_path / "old.xlsx", [TEACHER, person("Т2", "Белова", "Ирина", "Петровна"),
                                                  person("Т3", "Орлова", "Анна", "Ивановна"), PUPIL], pairs)
    registry = load_registry(path)
    got = [(p.pair_type, p.format, p.form) for p in registry.pairs]
    assert got == [("учитель – учитель", None, "учитель – учитель"), (None, "групповое", "групповое"),
                   ("педагог – обучающийся", None, "педагог – обучающийся")]
    assert [registry.form_text(p) for p in registry.pairs] == [
        "учитель – учитель", "учитель – учитель, групповое", "учитель – ученик"]


def test_an_unknown_value_of_the_old_column_is_an_error_with_the_nearest_one(tmp_path):
    pairs = [["Т1", "Т2", "груповое", "01.09.2026", "31.05.2027", None]]
    path = make_workbook(tmp_path / "old.xlsx", [TEACHER, person("Т2", "Белова", "Ирина", "Петровна")], pairs)
    (problem,) = load_error(path).problems
    assert (problem.sheet, problem.row, problem.column, problem.value) == ("Пары", 2, "Форма наставничества",
                                                                         "груповое")
    assert "неизвестная форма наставничества; возможно, «групповое»" in problem.message


def test_the_old_form_list_on_the_lists_sheet_is_split(tmp_path):
    pairs = [["Т1", "Т2", "проектное", "01.09.2026", "31.05.2027", None],
             ["Г1", "П1", "инженер – ученик", "01.09.2026", "31.05.2027", None]]
    path = make_workbook(tmp_path / "old.xlsx", [TEACHER, person("Т2", "Белова", "Ирина", "Петровна"),
                                                  PUPIL, GUEST], pairs)
    wb = openpyxl.load_workbook(path)
    lists = wb.create_sheet("Списки")
    for row in (["Форма наставничества"], ["учитель – учитель"], ["проектное"], ["инженер – ученик"]):
        lists.append(row)
    wb.save(path)
    registry = load_registry(path)
    assert [t.title for t in registry.pair_types] == ["инженер – ученик"]
    assert [f.title for f in registry.formats] == ["проектное"]
    assert registry.format_of(registry.pairs[0]).title == "проектное"
    assert registry.pair_type_of(registry.pairs[1]).title == "инженер – ученик"


def test_two_columns_and_own_lists_round_trip(tmp_path):
    registry = Registry(
        participants=[Participant(id="1", last_name="Зуев", first_name="Олег", category="другое"),
                      Participant(id="2", last_name="Ершова", first_name="Вера", category="обучающийся"),
                      Participant(id="3", last_name="Белова", first_name="Ирина", category="педагог")],
        pairs=[Pair(mentor="1", mentees=["2"], pair_type="инженер – ученик", format="проектное",
                    start=date(2026, 9, 1)),
               Pair(mentor="3", mentees=["2"], format="виртуальное", start=date(2026, 9, 1))],
        pair_types=[{"title": "инженер – ученик"}], formats=[{"title": "проектное"}])
    path = write_registry(registry, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    header = [c.value for c in wb["Пары"][1]]
    row = dict(zip(header, (c.value for c in wb["Пары"][2])))
    assert (row["Тип пары"], row["Формат наставничества"]) == ("инженер – ученик", "проектное")
    assert "Форма наставничества" not in header
    lists = {c.value: c.column for c in wb["Списки"][1]}
    column = [wb["Списки"].cell(row=r, column=lists["Тип пары"]).value for r in range(2, 10)]
    assert column[-1] == "инженер – ученик" and column[0] == "ученик – ученик"
    back = load_registry(path)
    assert back == registry
    assert back.form_text(back.pairs[1]) == "учитель – ученик, виртуальное (дистанционное)"


def test_a_pairs_sheet_without_any_form_column_is_named(tmp_path):
    path = make_workbook(tmp_path / "r.xlsx", [TEACHER], [["Т1", "Т1", "01.09.2026"]],
                         pairs_header=["Наставник", "Наставляемые", "Начало"])
    (problem,) = load_error(path).problems
    assert (problem.sheet, problem.row, problem.column) == ("Пары", 1, "Форма наставничества")
    assert "нужны столбцы «Тип пары» и (или) «Формат наставничества»" in problem.message


def test_the_template_has_two_dropdowns_for_the_form():
    wb = openpyxl.load_workbook(sample_path("registry.xlsx"))
    validations = {dv.formula1: str(dv.sqref) for dv in wb["Пары"].data_validations.dataValidation}
    header = [c.value for c in wb["Пары"][1]]
    assert validations["lst_pair_type"].startswith(chr(ord("A") + header.index("Тип пары")))
    assert validations["lst_format"].startswith(chr(ord("A") + header.index("Формат наставничества")))
