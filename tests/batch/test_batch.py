"""The batch runner: records, names, errors, resume after a kill, processes, merged file."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

import nastavnik_docs as nd
from nastavnik_docs._files import TEMP_PREFIX
from nastavnik_docs._resources import sample_path
from nastavnik_docs.batch import (
    ERROR_REPORT,
    records_from_source,
    render_batch,
    safe_file_stem,
    unique_names,
)
from nastavnik_docs.errors import InputError, OutputExistsError
from nastavnik_docs.io import load_registry

COMMON = sample_path("awards/common.yaml")
REGISTRY = sample_path("registry.yaml")
ROOT = Path(__file__).resolve().parents[2]


def texts(path: Path) -> list[str]:
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]


@pytest.fixture(scope="module")
def certificate_records() -> list[dict]:
    return records_from_source("award.certificate", REGISTRY, common=COMMON)


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(("raw", "safe"), [
    ("Иванова_М.П.", "Иванова_М.П"),
    ('a<b>:c"d/e\\f|g?h*i', "a_b__c_d_e_f_g_h_i"),
    ("  Петров .  ", "Петров"),
    ("CON", "_CON"),
    ("lpt1.Грамота", "_lpt1.Грамота"),
    ("Иванова\u00a0М.П.\tкласс", "Иванова М.П. класс"),
    ("...", "документ"),
    ("Я" * 300, "Я" * 120),
])
def test_file_names_are_safe_on_windows(raw, safe):
    assert safe_file_stem(raw) == safe


def test_file_names_are_unique_ignoring_case():
    assert unique_names(["Ким_А", "ким_а", "Ким_А", "Ким_А_2"], ".docx") == [
        "Ким_А.docx", "ким_а_2.docx", "Ким_А_3.docx", "Ким_А_2_2.docx"]


def test_unknown_pattern_field_is_a_clear_error(tmp_path, certificate_records):
    with pytest.raises(InputError, match="неизвестное поле «klass»"):
        render_batch("award.certificate", certificate_records[:2], tmp_path, name="{last_name}_{klass}")


# --------------------------------------------------------------------------- records


def test_registry_records_for_a_gramota_are_the_completed_pairs(certificate_records):
    registry = load_registry(REGISTRY)
    completed = [p for p in registry.pairs if p.status.value == "completed"]
    expected = {p.mentor for p in completed} | {m for p in completed for m in p.mentees}
    records = records_from_source("award.gramota", REGISTRY, common=COMMON)
    assert len(records) == len(expected)
    names = {(r["recipient"]["last_name"], r["recipient"]["first_name"]) for r in records}
    assert names == {(registry.participant(i).last_name, registry.participant(i).first_name)
                     for i in expected}
    # the shared fields are loaded once, relative to the common file
    assert records[0]["organization"].short_name == "МБОУ «СОШ № 12»"
    assert Path(records[0]["logo"]["path"]).is_file()
    # every participant gets a certificate
    assert len(certificate_records) == len(registry.participants)


def test_csv_and_yaml_lists_become_records(tmp_path):
    table = tmp_path / "people.csv"
    table.write_text("last_name;first_name;middle_name;gender;post;date\n"
                     "Ким;Алина;Сергеевна;ж;учитель химии;01.06.2026\n"
                     "Петров;Пётр;;м;учитель физики;\n", encoding="utf-8-sig")
    records = records_from_source("award.thanks", table, common=COMMON)
    assert [r["recipient"]["last_name"] for r in records] == ["Ким", "Петров"]
    assert str(records[0]["date"]) == "2026-06-01"  # the record's own value wins
    assert str(records[1]["date"]) == "2026-05-25"
    report = render_batch("award.thanks", records, tmp_path / "out")
    assert not report.failed
    first = texts(tmp_path / "out" / "Ким_А.С.docx")
    assert "Ким Алине Сергеевне" in first and "учителю химии" in first
    assert "1\u00a0июня 2026\u00a0г." in first
    listing = tmp_path / "people.yaml"
    listing.write_text("- recipient: {last_name: Ким, first_name: Алина, gender: ж}\n", encoding="utf-8")
    assert records_from_source("award.thanks", listing, common=COMMON)[0]["recipient"]["first_name"] == "Алина"


# --------------------------------------------------------------------------- rendering


def test_one_document_per_record_with_readable_names(tmp_path, certificate_records):
    report = render_batch("award.certificate", certificate_records, tmp_path)
    assert not report.failed and len(report.written) == len(certificate_records)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "Кравченко_О.В.docx" in names and "Мамедов_Э.Р.docx" in names
    body = texts(tmp_path / "Кравченко_О.В.docx")
    assert "Кравченко Ольге Викторовне" in body
    assert "учителю русского языка и литературы, наставнику" in body
    assert any(t.startswith("в том, что она приняла участие") for t in body)
    assert not any("None" in t or "{{" in t or "{%" in t for t in body)
    summary = report.summary()
    assert f"записано {len(certificate_records)} документов" in summary
    assert str(tmp_path) in summary
    assert set(report.written_paths()) == set(tmp_path.iterdir())


def test_bad_records_are_reported_and_never_stop_the_others(tmp_path, certificate_records):
    records = [dict(r) for r in certificate_records[:6]]
    records[1] = {**records[1], "recipient": {**records[1]["recipient"], "gender": "оно"}}
    records[3] = {**records[3], "date": "тридцать второе мая"}
    records[4] = {**records[4], "event": None}
    report = render_batch("award.certificate", records, tmp_path)
    assert [f.row for f in report.failed] == [2, 4, 5]
    assert len(report.written) == 3 and all(p.exists() for p in report.written)
    assert report.error_report == tmp_path / ERROR_REPORT
    with open(report.error_report, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == ["№ записи", "Участник", "Ошибка"]
    assert [r[0] for r in rows[1:]] == ["2", "4", "5"]
    assert rows[1][1] == f"{records[1]['recipient']['last_name']} " \
                         f"{records[1]['recipient']['first_name'][0]}.{records[1]['recipient']['middle_name'][0]}."
    assert "gender" in rows[1][2] or "пол" in rows[1][2].lower()
    assert "event" in rows[3][2] and "не указано" in rows[3][2]
    assert "Не удалось сделать: 3 документа" in report.summary()
    assert {p.name for p in tmp_path.iterdir()} == {p.name for p in report.written} | {ERROR_REPORT}


def test_existing_files_are_kept_unless_resume_or_force(tmp_path, certificate_records):
    render_batch("award.certificate", certificate_records[:3], tmp_path)
    with pytest.raises(OutputExistsError, match="--resume"):
        render_batch("award.certificate", certificate_records[:3], tmp_path)
    again = render_batch("award.certificate", certificate_records[:4], tmp_path, resume=True)
    assert len(again.skipped) == 3 and len(again.written) == 1
    forced = render_batch("award.certificate", certificate_records[:3], tmp_path, overwrite=True)
    assert len(forced.written) == 3


def test_processes_write_the_same_documents(tmp_path, certificate_records):
    one = render_batch("award.certificate", certificate_records, tmp_path / "one", jobs=1)
    two = render_batch("award.certificate", certificate_records, tmp_path / "two", jobs=2)
    assert two.jobs == 2 and not two.failed
    assert sorted(p.name for p in one.written) == sorted(p.name for p in two.written)
    for path in one.written[:5]:
        assert texts(path) == texts(tmp_path / "two" / path.name)


def test_merged_print_file_holds_every_document(tmp_path, certificate_records):
    report = render_batch("award.certificate", certificate_records[:7], tmp_path, merge=True,
                          progress=True)
    assert report.merged is not None and report.merged in report.written_paths()
    merged = Document(str(report.merged))
    assert len(merged.sections) == 7
    text = "\n".join(p.text for p in merged.paragraphs)
    for path in report.written:
        name = texts(path)[texts(path).index("Настоящий сертификат выдан") + 1]
        assert name in text


def test_public_api_exports_the_batch():
    assert nd.render_batch is render_batch and nd.BatchReport.__name__ == "BatchReport"


# --------------------------------------------------------------------------- resume


KILL_SCRIPT = """
import sys
from nastavnik_docs.batch import records_from_source, render_batch
records = records_from_source("award.certificate", {registry!r}, common={common!r})
records = [dict(r, recipient=dict(r["recipient"], last_name=r["recipient"]["last_name"] + f"-{{i}}"))
           for i in range(40) for r in records]
render_batch("award.certificate", records, {out!r}, jobs=1, resume={resume})
"""


def _script(out: Path, resume: bool) -> str:
    return KILL_SCRIPT.format(registry=str(REGISTRY), common=str(COMMON), out=str(out), resume=resume)


def test_a_killed_run_resumes_to_exactly_the_full_set(tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", _script(out, False)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if out.is_dir() and sum(1 for p in out.iterdir()
                                if p.suffix == ".docx" and not p.name.startswith(TEMP_PREFIX)) >= 30:
            break
        if proc.poll() is not None:
            pytest.fail(f"the batch ended before it was killed: {proc.stderr.read().decode()}")
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    first = [p for p in out.iterdir() if not p.name.startswith(TEMP_PREFIX)]
    expected_total = 40 * len(load_registry(REGISTRY).participants)
    assert 30 <= len(first) < expected_total, "the run must be killed part-way"
    for path in first:  # whatever is under a final name is complete
        with zipfile.ZipFile(path) as zf:
            assert zf.testzip() is None

    subprocess.run([sys.executable, "-c", _script(out, True)], env=env, check=True,
                   capture_output=True, timeout=600)
    files = sorted(out.iterdir())
    assert not [p for p in files if p.name.startswith(TEMP_PREFIX)]
    assert len(files) == expected_total
    assert len({p.name.casefold() for p in files}) == expected_total
    assert not [p for p in files if p.stem.endswith("_2")]  # no duplicates of a resumed record
    for path in files[:: max(1, len(files) // 25)]:
        with zipfile.ZipFile(path) as zf:
            assert zf.testzip() is None
        assert any(t.startswith("в том, что") for t in texts(path))


# --------------------------------------------------------------------------- templates


def test_a_users_template_replaces_the_builtin_one(tmp_path, certificate_records):
    from nastavnik_docs.engine.lookup import find_template

    own = tmp_path / "мои шаблоны"
    own.mkdir()
    doc = Document(str(find_template("award_certificate.docx")))
    doc.add_paragraph("Вручается на торжественной линейке")
    doc.save(str(own / "award_certificate.docx"))
    report = render_batch("award.certificate", certificate_records[:2], tmp_path / "out", templates=own)
    assert not report.failed
    for path in report.written:
        assert "Вручается на торжественной линейке" in texts(path)


def test_xlsx_only_kinds_are_batched_through_the_xlsx_engine(tmp_path):
    from openpyxl import Workbook, load_workbook
    from pydantic import BaseModel

    from nastavnik_docs.kinds import BatchSpec, Kind

    class Card(BaseModel):
        last_name: str
        first_name: str
        hours: int

    kind = Kind(id="test.card", title="Карточка", input_model=Card, context_model=Card,
                build_context=lambda data: data, docx=False, xlsx="test_card.xlsx",
                batch=BatchSpec(file_name="{last_name}"))
    book = Workbook()
    book.active["A1"] = "{{ last_name }} {{ first_name }}"
    book.active["B1"] = "{{ hours }}"
    book.save(tmp_path / "test_card.xlsx")
    records = [{"last_name": "Ким", "first_name": "Алина", "hours": 12},
               {"last_name": "Ким", "first_name": "Пётр", "hours": "много"}]
    report = render_batch(kind, records, tmp_path / "out", templates=tmp_path)
    assert [p.name for p in report.written] == ["Ким.xlsx"]
    assert [f.row for f in report.failed] == [2]
    sheet = load_workbook(report.written[0]).active
    assert (sheet["A1"].value, sheet["B1"].value) == ("Ким Алина", 12)


def test_the_excel_registry_gives_the_same_records_as_the_yaml_one():
    from_xlsx = records_from_source("award.gramota", sample_path("registry.xlsx"), common=COMMON)
    from_yaml = records_from_source("award.gramota", REGISTRY, common=COMMON)
    assert [r["recipient"] for r in from_xlsx] == [r["recipient"] for r in from_yaml]


def test_files_named_in_the_common_fields_are_relative_to_that_file(tmp_path, monkeypatch):
    folder = tmp_path / "выпуск"
    folder.mkdir()
    (folder / "эмблема.png").write_bytes(sample_path("awards/logo.png").read_bytes())
    (folder / "общие.yaml").write_text(
        f"organization: {sample_path('organization.yaml')}\n"
        "date: 2026-05-25\nwording: за участие\nlogo: {path: эмблема.png, height_mm: 20}\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # not the folder of the common file
    records = records_from_source("award.thanks", REGISTRY, common=folder / "общие.yaml")
    report = render_batch("award.thanks", records, tmp_path / "out")
    assert not report.failed
    assert len(Document(str(report.written[0])).inline_shapes) == 1


def test_a_batch_clash_advises_resume_and_force(tmp_path, certificate_records):
    render_batch("award.certificate", certificate_records[:1], tmp_path)
    with pytest.raises(OutputExistsError) as caught:
        render_batch("award.certificate", certificate_records[:2], tmp_path)
    assert "--resume (resume=True)" in str(caught.value) and "--force" in str(caught.value)
    assert caught.value.without_advice.startswith(f"В папке {tmp_path} уже есть файлы с такими именами: 1")
    assert "--" not in caught.value.without_advice and "=True" not in caught.value.without_advice


# --------------------------------------------------------------------------- what documents ask to check


def _consents_of_a_pupil_without_birth_date() -> list:
    import yaml

    from nastavnik_docs.models import Registry

    data = yaml.safe_load(sample_path("registry.yaml").read_text(encoding="utf-8"))
    next(p for p in data["participants"] if p["id"] == "У16").pop("birth_date")
    registry = Registry.model_validate(data)
    common = sample_path("forms/consent_common.yaml")
    return records_from_source("consent.personal_data", registry, common=common, filters=["роль=наставляемый"])


WHERE = {
    "a folder, one process": lambda recs, tmp: render_batch(KIND, recs, tmp / "out", jobs=1),
    "a folder, two processes": lambda recs, tmp: render_batch(KIND, recs, tmp / "out", jobs=2),
    "records one by one": lambda recs, tmp: render_batch(KIND, iter(recs), tmp / "out", jobs=1),
    "a ZIP, two processes": lambda recs, tmp: render_batch(KIND, recs, tmp / "out.zip", jobs=2),
    "a stream": lambda recs, tmp: _drained(render_batch(KIND, recs, jobs=1)),
}
KIND = "consent.personal_data"


def _drained(stream):
    for _ in stream:
        pass
    return stream.report


@pytest.mark.parametrize("where", list(WHERE))
def test_what_the_documents_ask_to_check_is_issued_once_where_the_caller_is(tmp_path, where):
    """The consent of a pupil whose birth date is unknown asks to check it: said once, in
    this process, also when worker processes made the document, and kept in the report."""
    import warnings

    from nastavnik_docs.kinds import DocumentWarning, warnings_reported

    records = _consents_of_a_pupil_without_birth_date()
    assert len(records) > 2
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = WHERE[where](records, tmp_path)
    said = [str(w.message) for w in caught if w.category is DocumentWarning]
    assert len(report.written) >= len(records) and not report.failed
    (text,) = report.warnings
    assert said == [text] and text.startswith("Дата рождения участника Кузнецова\u00a0С.М. неизвестна")
    with warnings.catch_warnings():
        warnings.simplefilter("error", DocumentWarning)
        with warnings_reported():  # a caller that reports them itself (the case file) hears nothing
            again = WHERE[where](records, tmp_path / "again")
    assert again.warnings == [text]
