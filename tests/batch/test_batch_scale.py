"""Batch features at scale: filters, registration numbers with their journal, QR codes,
PDF copies, an empty selection, linear names, bulk validation, the fast workbook reader."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from nastavnik_docs._resources import sample_path
from nastavnik_docs.batch import (
    EmptySelection,
    Numbering,
    parse_filters,
    records_from_source,
    render_batch,
    unique_names,
)
from nastavnik_docs.batch._workers import Worker
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_registry, write_registry

COMMON = sample_path("awards/common.yaml")
REGISTRY_XLSX = sample_path("registry.xlsx")
REGISTRY = sample_path("registry.yaml")
ROOT = Path(__file__).resolve().parents[2]


def texts(path: Path) -> list[str]:
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]


def recipient_name(path: Path) -> str:
    lines = texts(path)
    return lines[lines.index("Настоящий сертификат выдан") + 1]


# --------------------------------------------------------------------------- filters


def test_a_role_filter_keeps_only_that_role():
    registry = load_registry(REGISTRY)
    everyone = records_from_source("award.certificate", REGISTRY, common=COMMON)
    mentors = records_from_source("award.certificate", REGISTRY, common=COMMON, filters=["роль=наставник"])
    mentor_ids = {p.mentor for p in registry.pairs}
    expected = {(p.last_name, p.first_name) for p in registry.participants if p.id in mentor_ids}
    assert {(r["recipient"]["last_name"], r["recipient"]["first_name"]) for r in mentors} == expected
    assert 0 < len(mentors) < len(everyone)
    for word, role in (("наставник", "mentor"), ("наставляемый", "mentee")):  # each document in that role
        chosen = records_from_source("award.certificate", REGISTRY, common=COMMON, filters=[f"роль={word}"])
        assert chosen and {str(getattr(r["recipient"]["role"], "value", r["recipient"]["role"])) for r in chosen} == {role}


def test_filters_combine_and_values_are_alternatives():
    registry = load_registry(REGISTRY)
    teachers = records_from_source("award.certificate", REGISTRY, common=COMMON, filters=["category=педагог"])
    assert teachers and all(r["recipient"]["category"].value == "teacher" for r in teachers)
    both = records_from_source("award.certificate", REGISTRY, common=COMMON,
                               filters=["категория=педагог,обучающийся"])
    pupils = [p for p in registry.participants if p.category.value == "pupil"]
    assert len(both) == len(teachers) + len(pupils)
    mentoring_teachers = records_from_source("award.certificate", REGISTRY, common=COMMON,
                                             filters=["категория=педагог", "роль=наставляемый"])
    assert 0 < len(mentoring_teachers) < len(teachers)


def test_pair_filters_choose_the_pairs_and_their_people():
    registry = load_registry(REGISTRY)
    completed = [p for p in registry.pairs if p.status.value == "completed"]
    people = {p.mentor for p in completed} | {m for p in completed for m in p.mentees}
    records = records_from_source("award.certificate", REGISTRY, common=COMMON, filters=["статус=завершена"])
    names = {r["recipient"]["last_name"] for r in records}
    assert names == {p.last_name for p in registry.participants if p.id in people}
    form = completed[0].form
    by_form = records_from_source("award.certificate", REGISTRY, common=COMMON, filters=[f"тип пары={form}"])
    assert by_form and len(by_form) <= len(registry.participants)


def test_class_and_post_filters():
    registry = load_registry(REGISTRY)
    pupil = next(p for p in registry.participants if p.post and p.post[0].isdigit())
    grade = pupil.post.split()[0]
    records = records_from_source("award.certificate", REGISTRY, common=COMMON, filters=[f"класс={grade}"])
    assert records and all(r["recipient"]["post"].startswith(grade) for r in records)
    posts = records_from_source("award.certificate", REGISTRY, common=COMMON, filters=["должность=математик"])
    assert posts and all("математик" in r["recipient"]["post"] for r in posts)


def test_filters_apply_to_a_list_of_records_too(tmp_path):
    records = records_from_source("award.certificate", REGISTRY, common=COMMON)
    listed = [{"recipient": r["recipient"]} for r in records]
    kept = records_from_source("award.certificate", listed, common=COMMON, filters=["роль=наставник"])
    assert kept and all(r["recipient"]["role"] in ("mentor", "наставник") or
                        getattr(r["recipient"]["role"], "value", None) == "mentor" for r in kept)
    with pytest.raises(InputError, match="только для базы участников"):
        records_from_source("award.certificate", listed, common=COMMON, filters=["статус=завершена"])


def test_a_filter_that_is_not_understood_is_a_russian_error():
    with pytest.raises(InputError, match="не понят"):
        parse_filters(["цвет=синий"])
    with pytest.raises(InputError, match="допустимо"):
        parse_filters(["роль=директор"])


def test_an_empty_selection_says_why(tmp_path):
    with pytest.raises(EmptySelection, match=r"класс.*«99»|фильтру «класс=99»"):
        records_from_source("award.certificate", REGISTRY, common=COMMON, filters=["класс=99"])
    with pytest.raises(EmptySelection, match="в базе тип пары: .*«ученик – ученик»"):
        records_from_source("award.certificate", REGISTRY, common=COMMON,
                            filters=["тип пары=работодатель – студент"])


def test_an_empty_selection_exits_non_zero_with_the_reason(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "nastavnik_docs.cli", "batch", "award.certificate", str(REGISTRY),
         "-c", str(COMMON), "-o", str(tmp_path / "out"), "--filter", "класс=99"],
        capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode != 0
    assert "не выбрано ни одного участника" in result.stderr and "класс" in result.stderr
    assert not (tmp_path / "out").exists()


def test_render_batch_refuses_no_records(tmp_path):
    with pytest.raises(InputError, match="нет ни одной записи"):
        render_batch("award.certificate", [], tmp_path)


# --------------------------------------------------------------------------- numbers and QR


def _journal_rows(path: Path) -> list[tuple]:
    sheet = openpyxl.load_workbook(path).active
    rows = [row for row in sheet.iter_rows(values_only=True) if any(v is not None for v in row)]
    assert rows[0][0] == "Журнал регистрации: Сертификат участника"
    assert rows[1] == ("Номер", "ФИО", "Вид награды", "Дата", "Основание")
    return rows[2:]


def test_registration_numbers_are_unique_and_match_the_journal(tmp_path):
    records = records_from_source("award.certificate", REGISTRY, common=COMMON)
    report = render_batch("award.certificate", records, tmp_path, numbering=Numbering("С-", 7, 4), jobs=2)
    assert not report.failed and report.journal is not None
    rows = _journal_rows(report.journal)
    numbers = [row[0] for row in rows]
    assert numbers == [f"С-{n:04d}" for n in range(7, 7 + len(records))]
    by_number = {row[0]: row for row in rows}
    assert len(by_number) == len(rows) == len(report.written)
    for path in report.written:
        number = next(t for t in texts(path) if "Рег.\u00a0№" in t).split("№\u00a0")[1].strip()
        entry = by_number[number]
        person = records[int(number.removeprefix("С-")) - 7]["recipient"]
        full = " ".join(p for p in (person["last_name"], person["first_name"], person.get("middle_name")) if p)
        assert entry[1] == full and path.stem.startswith(person["last_name"])
        assert entry[2] == "Сертификат участника" and entry[3].date().isoformat() == "2026-05-25"
        assert entry[4] == "Приказ от 20.05.2026 №\u00a0112-о"


def test_a_resumed_numbered_batch_journals_every_document_with_its_printed_number(tmp_path):
    """A run stopped half-way (some files written, no journal yet) and resumed with the same
    numbering: the journal lists the whole batch, each number as printed on its document."""
    records = records_from_source("award.certificate", REGISTRY, common=COMMON)
    first = render_batch("award.certificate", records, tmp_path, numbering=Numbering("С-", 1, 3))
    written = sorted(first.written)
    for path in written[::2]:  # as if the run had been stopped before these
        path.unlink()
    first.journal.unlink()
    again = render_batch("award.certificate", records, tmp_path, numbering=Numbering("С-", 1, 3), resume=True)
    assert len(again.skipped) == len(written) - len(written[::2]) > 0
    rows = _journal_rows(again.journal)
    assert [row[0] for row in rows] == [f"С-{n:03d}" for n in range(1, len(records) + 1)]
    by_number = {row[0]: row[1] for row in rows}
    for path in written:
        number = next(t for t in texts(path) if "Рег.\u00a0№" in t).split("№\u00a0")[1].strip()
        assert by_number[number].startswith(path.stem.split("_")[0])


def test_numbers_continue_a_journal():
    import datetime as dt

    numbering = Numbering.after(["Г-0007", "Г-0012", "П-0100", "Г-x"], prefix="Г-", width=4)
    assert numbering.number(0) == "Г-0013" and numbering.number(2) == "Г-0015"
    series = Numbering(start=41, format="{year}-{n:03d}")
    assert series.number(1, dt.date(2026, 5, 25)) == "2026-042"
    with pytest.raises(InputError, match="вид номера"):
        Numbering(format="{nomer}")


def test_numbers_on_a_kind_without_them_are_refused(tmp_path):
    records = records_from_source("programme.personal", sample_path("registry.yaml"),
                                  common=sample_path("programmes/common.yaml"))
    with pytest.raises(InputError, match="QR-код не ставится"):
        render_batch("programme.personal", records[:1], tmp_path, qr=True)


def _decode_qr(pdf: Path, tmp_path: Path) -> list[str]:
    zxingcpp = pytest.importorskip("zxingcpp")
    tmp_path.mkdir()
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True)
    raw = next(tmp_path.glob("page*.pgm")).read_bytes()
    magic, size, depth, pixels = raw.split(b"\n", 3)
    width, height = map(int, size.split())
    return [b.text for b in zxingcpp.read_barcodes(memoryview(pixels).cast("B", (height, width)))]


@pytest.mark.slow
def test_a_qr_code_decodes_to_its_journal_entry(tmp_path):
    records = records_from_source("award.certificate", REGISTRY, common=COMMON, filters=["роль=наставник"])[:2]
    report = render_batch("award.certificate", records, tmp_path / "out", numbering=Numbering("С-", 1, 3),
                          qr=True, pdf=True, jobs=1)
    rows = {row[0]: row for row in _journal_rows(report.journal)}
    for pdf in report.pdfs:
        (text,) = _decode_qr(pdf, tmp_path / pdf.stem)
        organization, number_line, name = text.split("\n")
        number = number_line.split(" от ")[0].removeprefix("№").strip("\u00a0 ")
        assert organization == "МБОУ «СОШ № 12»"
        assert number in rows and rows[number][1] == name
        assert number_line.endswith("от " + rows[number][3].strftime("%d.%m.%Y"))


# --------------------------------------------------------------------------- PDF


def _pdf_pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.slow
def test_pdf_copies_one_page_each_with_the_right_name(tmp_path):
    from nastavnik_docs.batch import _pdf

    records = records_from_source("award.certificate", REGISTRY, common=COMMON)[:5]
    original = _pdf.CHUNK
    _pdf.CHUNK = 2  # three LibreOffice calls, two of them in parallel
    try:
        report = render_batch("award.certificate", records, tmp_path, pdf=True, merge=True, jobs=2)
    finally:
        _pdf.CHUNK = original
    assert not report.failed and len(report.pdfs) == len(report.written) == 5
    assert report.merged_pdf is not None and _pdf_pages(report.merged_pdf) == 5
    for docx, pdf in zip(report.written, report.pdfs):
        assert pdf == docx.with_suffix(".pdf")
        assert _pdf_pages(pdf) == 1
        assert " ".join(recipient_name(docx).split()) in " ".join(_pdf_text(pdf).split())
    assert "По видам файлов: DOCX — 5, PDF — 5." in report.summary()


# --------------------------------------------------------------------------- speed, without timing


def test_unique_names_count_on_from_the_last_number():
    names = unique_names(["Иванова_М.П."] * 5000 + ["Иванова_М.П._3"], ".docx")
    assert len({n.casefold() for n in names}) == 5001
    assert names[:3] == ["Иванова_М.П..docx", "Иванова_М.П._2.docx", "Иванова_М.П._3.docx"]
    assert names[-1] == "Иванова_М.П._3_2.docx"


def test_shared_fields_are_validated_once_and_reused():
    from nastavnik_docs.batch._inputs import BulkValidator
    from nastavnik_docs.kinds import get_kind

    records = records_from_source("award.certificate", REGISTRY, common=COMMON)
    validate = BulkValidator(get_kind("award.certificate").input_model)
    first, second = validate(records[0]), validate(records[1])
    assert second.organization is first.organization  # the same validated object
    assert second.recipient.last_name == records[1]["recipient"]["last_name"]
    broken = dict(records[2], date="25.05.2026")  # a Russian date goes through io's reader
    assert validate(broken).date.isoformat() == "2026-05-25"


def test_the_fast_workbook_reader_gives_what_openpyxl_gives(monkeypatch):
    import builtins

    fast = load_registry(REGISTRY_XLSX)
    real_import = builtins.__import__

    def no_calamine(name, *args, **kwargs):
        if name == "python_calamine":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_calamine)
    slow = load_registry(REGISTRY_XLSX)
    assert fast.participants == slow.participants and fast.pairs == slow.pairs


def test_the_registry_is_written_with_shared_strings(tmp_path):
    import zipfile

    registry = load_registry(REGISTRY)
    path = write_registry(registry, tmp_path / "база.xlsx")
    with zipfile.ZipFile(path) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
        assert "xl/sharedStrings.xml" in zf.namelist() and 'inlineStr' not in sheet
    assert load_registry(path).participants == registry.participants


# --------------------------------------------------------------------------- the project's journal


def test_numbers_continue_the_project_journal_and_enter_it(tmp_path):
    import shutil

    import yaml

    folder = tmp_path / "дело"
    shutil.copytree(sample_path("project"), folder)
    registry = folder / "База наставников и наставляемых.xlsx"
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}

    def run(out: str, *extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "nastavnik_docs.cli", "batch", "award.certificate", str(registry),
             "-c", str(COMMON), "-o", str(tmp_path / out), "--journal", *extra],
            capture_output=True, text=True, env=env)

    first = run("первый", "--filter", "роль=наставник")
    assert first.returncode == 0, first.stderr
    second = run("второй", "--filter", "роль=наставляемый")
    assert second.returncode == 0, second.stderr
    entries = yaml.safe_load((folder / "журнал.yaml").read_text("utf-8"))["entries"]
    numbers = [e["number"] for e in entries if e["kind"] == "award.certificate"]
    assert len(numbers) == len(set(numbers)) > 2
    assert numbers == [f"2026-{n:03d}" for n in range(1, len(numbers) + 1)]  # the series «{year}-{n:03d}»
    sheet = _journal_rows(next((tmp_path / "второй").glob("Журнал регистрации*.xlsx")))
    first_rows = _journal_rows(next((tmp_path / "первый").glob("Журнал регистрации*.xlsx")))
    assert sheet[0][0] == numbers[len(first_rows)]  # the second batch goes on where the first stopped
    assert {e["title"].split(": ", 1)[1] for e in entries if e["number"] in {r[0] for r in sheet}} == {r[1] for r in sheet}
    resumed = run("первый", "--filter", "роль=наставник", "--resume")  # its numbers are in the journal already
    assert resumed.returncode != 0 and "--journal --resume" in resumed.stderr and "Traceback" not in resumed.stderr
    assert yaml.safe_load((folder / "журнал.yaml").read_text("utf-8"))["entries"] == entries


def test_records_given_one_by_one_are_written_as_they_come(tmp_path, monkeypatch):
    """A stream of records is written block by block as it is read (Worker.BLOCK records at
    a time), never held whole."""
    monkeypatch.setattr(Worker, "BLOCK", 4)
    records = records_from_source("award.certificate", REGISTRY, common=COMMON)
    seen = []

    def one_by_one():
        for record in records:
            seen.append(len(list((tmp_path / "out").glob("*.docx"))) if (tmp_path / "out").exists() else 0)
            yield record

    report = render_batch("award.certificate", one_by_one(), tmp_path / "out", jobs=1)
    assert len(report.written) == report.total == len(records) and not report.failed
    assert len(records) > 8
    assert seen == [k // 4 * 4 for k in range(len(records))]  # the earlier blocks were written first
    listed = render_batch("award.certificate", records, tmp_path / "listed", jobs=1)
    assert [p.name for p in report.written] == [p.name for p in listed.written]
    assert report.roles == listed.roles


def test_records_one_by_one_into_a_folder_with_files_are_checked_first(tmp_path):
    from nastavnik_docs.errors import OutputExistsError

    records = records_from_source("award.certificate", REGISTRY, common=COMMON)
    render_batch("award.certificate", records[:2], tmp_path, jobs=1)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(OutputExistsError):
        render_batch("award.certificate", iter(records), tmp_path, jobs=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    with pytest.raises(InputError, match="нет ни одной записи"):
        render_batch("award.certificate", iter([]), tmp_path / "empty")
    assert not (tmp_path / "empty").exists()


def test_zip_holds_everything_the_batch_made(tmp_path):
    import zipfile

    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    base = [sys.executable, "-m", "nastavnik_docs.cli", "batch", "award.certificate", str(REGISTRY), "-c", str(COMMON)]
    streamed = subprocess.run([*base, "-o", str(tmp_path / "Сертификаты"), "--zip", "--merge", "--filter", "роль=наставник"],
                              capture_output=True, text=True, env=env)
    assert streamed.returncode == 0, streamed.stderr
    names = zipfile.ZipFile(tmp_path / "Сертификаты.zip").namelist()
    mentors = records_from_source("award.certificate", REGISTRY, common=COMMON, filters=["роль=наставник"])
    assert len(names) == len(mentors) + 1 and names[-1].endswith("все документы для печати.docx")
    numbered = subprocess.run([*base, "-o", str(tmp_path / "С-номерами"), "--zip", "--number-prefix", "С-"],
                              capture_output=True, text=True, env=env)
    assert numbered.returncode == 0, numbered.stderr
    with zipfile.ZipFile(tmp_path / "С-номерами.zip") as zf:
        inside = zf.namelist()
        assert "Журнал регистрации — Сертификат участника.xlsx" in inside
        assert sorted(n for n in inside if n.endswith(".docx")) == sorted(p.name for p in (tmp_path / "С-номерами").glob("*.docx"))
        assert zf.testzip() is None


KEEP_FROZEN = r"""
import gc, sys
from pathlib import Path
from nastavnik_docs._resources import sample_path
from nastavnik_docs.batch import records_from_source, render_batch
records = records_from_source("award.certificate", sample_path("registry.yaml"),
                              common=sample_path("awards/common.yaml"))
gc.freeze()  # the program's own objects, frozen before it forks workers of its own
frozen = gc.get_freeze_count()
report = render_batch("award.certificate", records, Path(sys.argv[1]), jobs=2)
print(len(report.written), len(records), gc.get_freeze_count() > 0.9 * frozen)  # a few die meanwhile
"""


def test_a_parallel_batch_leaves_the_programs_frozen_objects_frozen(tmp_path):
    result = subprocess.run([sys.executable, "-c", KEEP_FROZEN, str(tmp_path / "out")], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    written, records, kept = result.stdout.split()
    assert written == records and int(written) > 1 and kept == "True"
