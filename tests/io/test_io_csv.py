"""CSV: encodings and delimiters as Excel saves them, participants with located errors, and
the records of a batch through the same reader."""

from __future__ import annotations

import codecs
from datetime import date

import pytest

from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import (
    dump_participants_csv,
    load_participants_csv,
    load_registry,
    read_csv,
    read_csv_records,
)
from nastavnik_docs.models import Category, Gender

HEADER = ["ID", "Фамилия", "Имя", "Отчество", "Пол", "Дата рождения", "Категория", "Должность / класс",
          "Законный представитель"]
ROWS = [
    ["У1", "Фёдорова", "Алёна", "Викторовна", "ж", "12.07.2009", "ученица", "11 «А» класс",
     "Фёдоров Виктор Алексеевич"],
    ["У2", "Мамедов", "Эльдар", "Рашид оглы", "м", "27.01.1999", "учитель", "учитель физики, информатики", ""],
]


def csv_bytes(rows, delimiter, encoding, bom=b""):
    def line(cells):
        return delimiter.join(f'"{c}"' if delimiter in c or '"' in c else c for c in cells)

    text = "\r\n".join(line(r) for r in [HEADER, *rows]) + "\r\n"
    return bom + text.encode(encoding)


@pytest.mark.parametrize(
    ("delimiter", "encoding", "bom"),
    [
        (";", "cp1251", b""),
        (";", "utf-8", codecs.BOM_UTF8),
        (",", "utf-8", codecs.BOM_UTF8),
        (",", "utf-8", b""),
        ("\t", "utf-16-le", codecs.BOM_UTF16_LE),
    ],
)
def test_encodings_and_delimiters_are_detected(tmp_path, delimiter, encoding, bom):
    path = tmp_path / "people.csv"
    path.write_bytes(csv_bytes(ROWS, delimiter, encoding, bom))
    first, second = load_participants_csv(path)
    assert (first.last_name, first.first_name, first.gender, first.category) == (
        "Фёдорова", "Алёна", Gender.FEMALE, Category.PUPIL)
    assert first.birth_date == date(2009, 7, 12)
    assert first.representative.full_name == "Фёдоров Виктор Алексеевич"
    assert second.middle_name == "Рашид оглы" and second.post == "учитель физики, информатики"
    assert second.representative is None


def test_broken_csv_reports_every_bad_cell(tmp_path):
    rows = [
        ["У1", "Фёдорова", "Алёна", "", "девочка", "12.07.2009", "ученица", "", ""],
        ["У2", "", "Эльдар", "", "м", "27.01.1999", "учитель", "", ""],
        ["", "", "", "", "", "", "", "", ""],
        ["У3", "Ким", "Алина", "", "ж", "2014-02-30", "космонавт", "", ""],
        ["У1", "Ли", "Виктор", "", "м", "", "", "", ""],
    ]
    path = tmp_path / "people.csv"
    path.write_bytes(csv_bytes(rows, ";", "cp1251"))
    with pytest.raises(InputError) as info:
        load_participants_csv(path)
    located = [(p.file, p.sheet, p.row, p.column, p.value) for p in info.value.problems]
    assert located == [
        (str(path), None, 2, "Пол", "девочка"),
        (str(path), None, 3, "Фамилия", None),
        (str(path), None, 5, "Дата рождения", "2014-02-30"),
        (str(path), None, 5, "Категория", "космонавт"),
        (str(path), None, 6, "ID", "У1"),
    ]
    assert "строка 6, столбец «ID»" in str(info.value) and "указан дважды" in str(info.value)


def test_csv_without_required_column(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("ID;Имя\nУ1;Ольга\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_participants_csv(path)
    (problem,) = info.value.problems
    assert (problem.row, problem.column) == (1, "Фамилия") and "нет обязательного столбца" in problem.message


def test_undecodable_bytes_are_reported(tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes("Фамилия;Имя\n".encode() + b"\x98\xff\n")
    with pytest.raises(InputError, match="кодировку"):
        load_participants_csv(path)


def test_sample_csv_is_cp1251_and_matches_the_sample_registry():
    path = sample_path("participants.csv")
    raw = path.read_bytes()
    assert not raw.startswith(codecs.BOM_UTF8)
    assert raw.decode("cp1251").splitlines()[0].startswith("ID;Фамилия;Имя;Отчество;Пол")
    registry = load_registry(sample_path("registry.yaml"))
    assert load_participants_csv(path) == registry.participants
    assert raw.decode("cp1251") == dump_participants_csv(registry.participants)
    assert load_registry(path).participants == registry.participants


# ------------------------------------------------------------------ records of a batch (one reader)


@pytest.mark.parametrize(
    ("delimiter", "encoding", "bom"),
    [(";", "cp1251", b""), (";", "utf-8", codecs.BOM_UTF8), (",", "utf-8", b""), ("\t", "utf-16-le", codecs.BOM_UTF16_LE)],
)
def test_batch_records_come_through_the_same_reader(tmp_path, delimiter, encoding, bom):
    path = tmp_path / "records.csv"
    path.write_bytes(csv_bytes(ROWS, delimiter, encoding, bom))
    first, second = read_csv_records(path)
    assert first["Фамилия"] == "Фёдорова" and first["Законный представитель"] == "Фёдоров Виктор Алексеевич"
    assert second["Должность / класс"] == "учитель физики, информатики"
    assert "Законный представитель" not in second  # a blank cell is no value


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_commas_inside_the_values_do_not_fool_the_detection(tmp_path, delimiter):
    path = tmp_path / "records.csv"
    path.write_text(f"last_name{delimiter}post\nКим{delimiter}учитель химии, биологии\n"
                    f"Петров{delimiter}учитель физики\n", encoding="utf-8")
    assert read_csv(path)[1] == ["Ким", "учитель химии, биологии"]


def test_a_comma_file_with_a_short_row_is_still_comma_separated(tmp_path):
    path = tmp_path / "records.csv"
    path.write_text("last_name,first_name,post\nКим,Алина,учитель химии\nПетров,Пётр\n", encoding="utf-8")
    assert read_csv(path) == [["last_name", "first_name", "post"], ["Ким", "Алина", "учитель химии"],
                              ["Петров", "Пётр"]]


def test_empty_rows_and_unnamed_columns_are_left_out(tmp_path):
    path = tmp_path / "records.csv"
    path.write_text("last_name;;first_name\n;;\nКим;x;Алина\n\n;;\n", encoding="utf-8")
    assert read_csv_records(path) == [{"last_name": "Ким", "first_name": "Алина"}]
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert read_csv_records(empty) == []
