"""The project commands end to end in a temporary folder: init → check → plan → year, the
check before render and batch in a project folder, the loaders' warnings printed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from project_helpers import REGISTRY, SAMPLE, copy_sample, docx_text, edit_project, edit_registry, pair
from typer.testing import CliRunner

from nastavnik_docs.cli import app
from nastavnik_docs.project import INDEX_XLSX, JOURNAL_XLSX

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args], terminal_width=200)


def test_init_check_plan_year_in_a_new_folder(tmp_path):
    folder = tmp_path / "дело"
    result = run("init", folder, "--year", "2026")
    assert result.exit_code == 0, result.output
    assert (folder / "nastavnik.yaml").is_file() and (folder / REGISTRY).is_file()
    text = (folder / "nastavnik.yaml").read_text(encoding="utf-8")
    assert "school_year: 2026/2027" in text and "date: 2026-08-27" in text and "$" not in text

    empty = run("check", folder)  # the organisation card is still empty
    assert empty.exit_code == 1 and "full_name" in empty.output and "обязательное поле" in empty.output

    shutil.copyfile(SAMPLE / "organization.yaml", folder / "organization.yaml")
    shutil.copyfile(SAMPLE / REGISTRY, folder / REGISTRY)
    edit_project(folder, lambda d: d["officials"].update(curator="У10", deputy="У10", council_chair="У10",
                                                         council_secretary="У11"))
    checked = run("check", folder)
    assert checked.exit_code == 0, checked.output
    assert "council_august" in checked.output and "present" in checked.output  # what the council protocol lacks

    plan = run("plan", folder)
    assert plan.exit_code == 0
    assert "План 2026/2027 учебного года: МБОУ «СОШ № 12»" in plan.output
    assert "Положение о системе наставничества и дорожная карта" in plan.output
    assert "[pd_consents] — к выпуску 10.09.2026" in plan.output
    assert "[council_august] — не хватает данных" in plan.output
    assert "ждёт документ «council_august»" in plan.output

    out = tmp_path / "выпуск"
    year = run("year", folder, "-o", out)
    assert year.exit_code == 0, year.output
    consents = sorted((out / "09 Согласия участников" / "Согласия на обработку персональных данных").glob("Согласие_*.docx"))
    assert len(consents) == 28
    assert "Кравченко Ольга Викторовна" in docx_text(next(p for p in consents if "Кравченко" in p.name))
    index = load_workbook(out / INDEX_XLSX).active
    rows = [r for r in index.iter_rows(min_row=4, values_only=True) if r[2]]
    assert any(r[2] == "Согласия на обработку персональных данных" and r[5] == 29 for r in rows)
    assert any("council_august" in str(r[2]) and str(r[7]).startswith("не выпущен") for r in rows)
    assert (out / JOURNAL_XLSX).is_file()


def test_year_of_the_sample_writes_the_set_and_the_check_is_clean(tmp_path):
    folder = copy_sample(tmp_path / "дело")
    assert run("check", folder).exit_code == 0
    out = tmp_path / "выпуск"
    result = run("year", folder, "-o", out)
    assert result.exit_code == 0, result.output
    entries = __import__("yaml").safe_load((folder / "nastavnik.yaml").read_text(encoding="utf-8"))["documents"]
    assert f"Документов года: {len(entries)} " in result.output
    journal = load_workbook(out / JOURNAL_XLSX)["о-д"]
    assert journal["A1"].value.startswith("Журнал регистрации: Приказы по основной деятельности — МБОУ «СОШ № 12»")
    assert [r[1] for r in journal.iter_rows(min_row=4, max_row=4, values_only=True)] == ["108-о/д"]
    order = out / "05 Назначение наставников" / "Приказ о назначении наставников № 112-о_д от 18.09.2026.docx"
    assert "18\u00a0сентября 2026\u00a0г." in docx_text(order)


def test_year_again_in_the_project_folder_leaves_the_set_as_it_was(tmp_path, monkeypatch):
    """The curator's usual way: ``nastavnik-docs year`` in the case folder, the set going to
    «Документы года» there (relative); the second run finds nothing changed."""
    folder = copy_sample(tmp_path / "дело")
    monkeypatch.chdir(folder)
    first = run("year")
    assert first.exit_code == 0, first.output
    again = run("year")
    assert again.exit_code == 0, again.output
    assert "записано или переиздано сейчас: 0;" in again.output
    index = load_workbook(folder / "Документы года" / INDEX_XLSX).active
    rows = [r for r in index.iter_rows(min_row=4, values_only=True) if r[2]]
    assert rows and all(r[7] == "без изменений" for r in rows if r[0])
    assert rows[0][6] == "01 Положение о системе наставничества и дорожная карта"


def test_year_and_check_print_what_a_document_asks_to_check_once(tmp_path):
    folder = copy_sample(tmp_path / "дело")
    edit_registry(folder, lambda r: next(p for p in r["participants"] if p["id"] == "У28").pop("birth_date"))
    consent = "Тарасов\u00a0Е.В. неизвестна: согласие оформлено от имени законного представителя"
    for result in (run("check", folder), run("year", folder, "-o", tmp_path / "выпуск")):
        assert result.exit_code == 0, result.output
        assert result.output.count(consent) == 1, result.output
        bullets = result.output.count("• Предупреждение")
        assert bullets == 2  # the registry's row and what the consents ask to check
        assert f"предупреждений: {bullets}." in result.output or f"Предупреждений: {bullets} " in result.output
    batch = run("batch", "consent.personal_data", folder / REGISTRY, "-o", tmp_path / "согласия", "-j", "2",
                "-c", SAMPLE.parent / "forms" / "consent_common.yaml")
    assert batch.exit_code == 0, batch.output
    assert batch.output.count(consent) == 1, batch.output  # the batch's own, not the year's check besides


def test_year_with_an_error_prints_it_and_writes_nothing(tmp_path):
    folder = copy_sample(tmp_path / "дело")
    edit_project(folder, lambda d: next(e for e in d["documents"] if e["key"] == "appoint_mentors")["mentors"].append("У09"))
    out = tmp_path / "выпуск"
    result = run("year", folder, "-o", out)
    assert result.exit_code == 1
    assert "ничего не записано" in result.output and "Лебедев Кирилл Андреевич" in result.output
    assert not out.exists()
    assert run("check", folder).exit_code == 1


def test_render_in_a_project_folder_checks_the_year_first(tmp_path):
    folder = copy_sample(tmp_path / "дело")
    data = folder / "документы" / "фестиваль.yaml"
    text = data.read_text(encoding="utf-8")
    data.write_text("organization: ../organization.yaml\nregistry: ../" + REGISTRY + "\nresponsible: У10\n" + text,
                    encoding="utf-8")
    edit_project(folder, lambda d: next(e for e in d["documents"] if e["key"] == "appoint_mentors")["mentors"].append("У09"))
    out = tmp_path / "приказ.docx"
    refused = run("render", "order.final_event", data, "-o", out)
    assert refused.exit_code == 1 and "mentor.no_protocol" not in refused.output
    assert "Лебедев Кирилл Андреевич" in refused.output and not out.exists()
    edit_project(folder, lambda d: next(e for e in d["documents"] if e["key"] == "appoint_mentors")["mentors"].remove("У09"))
    done = run("render", "order.final_event", data, "-o", out)
    assert done.exit_code == 0, done.output
    assert "фестиваль наставнических практик" in docx_text(out)


def test_render_and_batch_print_the_registrys_warnings(tmp_path):
    folder = tmp_path / "вне дела"
    folder.mkdir()
    shutil.copyfile(SAMPLE / "organization.yaml", folder / "organization.yaml")
    shutil.copyfile(SAMPLE / REGISTRY, folder / REGISTRY)
    import datetime as dt

    edit_registry(folder, lambda r: pair(r, "5").__setitem__("end", dt.date(2026, 11, 20)))  # under 3 months
    data = folder / "приказ.yaml"
    data.write_text(f"organization: organization.yaml\nregistry: {REGISTRY}\ndate: 2026-09-28\n"
                    "pairs: ['1', '5']\n", encoding="utf-8")
    result = run("render", "order.assign_pairs", data, "-o", tmp_path / "приказ.docx")
    assert result.exit_code == 0, result.output
    assert "Предупреждение (база)" in result.output and "срок программы" in result.output
    batch = run("batch", "programme.personal", folder / REGISTRY, "-o", tmp_path / "программы",
                "-c", SAMPLE.parent / "programmes" / "common.yaml")
    assert "Предупреждение (база)" in batch.output and "срок программы" in batch.output


@pytest.mark.slow
def test_demo_issues_the_sample_year_and_every_kind(tmp_path):
    from nastavnik_docs.kinds import all_kinds

    out = tmp_path / "демо"
    result = run("demo", "--out", out)
    assert result.exit_code == 0, result.output
    files = [p for p in out.rglob("*") if p.is_file()]
    assert (out / JOURNAL_XLSX).is_file() and (out / INDEX_XLSX).is_file() and (out / REGISTRY).is_file()
    assert len([p for p in files if "Дорожные карты — образцы" in str(p)]) == 18  # six roadmaps, three formats
    project_kinds = {e["kind"] for e in __import__("yaml").safe_load(
        (SAMPLE / "nastavnik.yaml").read_text(encoding="utf-8"))["documents"]}
    from nastavnik_docs.project._plan import plan_data

    authority = plan_data().outside_year  # the authority's kinds: never in a school's year
    assert project_kinds | authority == {k.id for k in all_kinds()} and not project_kinds & authority
    assert len(files) >= 190
    assert not (Path(SAMPLE) / "журнал.yaml").exists()  # the sample folder itself is never written to


@pytest.mark.slow
def test_every_calendar_of_the_demo_parses_and_has_an_event(tmp_path):
    import icalendar

    out = tmp_path / "демо"
    assert run("demo", "--out", out).exit_code == 0
    calendars = sorted(out.rglob("*.ics"))
    assert len(calendars) >= 6
    for path in calendars:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        events = list(calendar.walk("VEVENT"))
        assert events, path.name
        assert all(str(e.get("SUMMARY", "")).strip() for e in events), path.name
