"""The consistency checks of a programme year: each breaks the sample project in one way and
asserts that ``check`` names the problem and that ``year`` writes nothing."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import pytest
from project_helpers import copy_sample, document, edit_project, edit_registry, pair

from nastavnik_docs.kinds import DocumentWarning
from nastavnik_docs.models import Severity
from nastavnik_docs.project import CheckFailed, Project


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "дело")


def assert_stops_year(folder: Path, code: str, *words: str) -> None:
    """``check`` reports an error ``code`` whose message has ``words``; ``year`` writes nothing."""
    project = Project.open(folder)
    findings = [f for f in project.check() if f.code == code]
    assert findings, f"no {code} in {[f.code for f in project.check()]}"
    assert all(f.severity is Severity.ERROR for f in findings)
    text = " ".join(f"{f.message} {f.hint}" for f in findings)
    for word in words:
        assert word in text, text
    out = folder.parent / "выпуск"
    with pytest.raises(CheckFailed) as raised:
        Project.open(folder).issue_all(out)
    assert any(f.code == code for f in raised.value.findings)
    assert not out.exists()
    assert not (folder / "журнал.yaml").exists()


def test_the_sample_project_has_no_errors(folder):
    findings = Project.open(folder).check()
    assert [f for f in findings if f.is_error] == []


def test_a_citation_of_an_unknown_act(folder):
    edit_project(folder, lambda d: document(d, "appoint_mentors")["basis"].__setitem__(-1, "candidate_review"))
    assert_stops_year(folder, "act.cites_unknown", "«candidate_review»", "«candidates_review»")


def test_a_citation_of_a_later_act(folder):
    edit_project(folder, lambda d: document(d, "council_august").__setitem__("date", dt.date(2026, 8, 28)))
    assert_stops_year(folder, "act.cites_later", "regulation_order", "28.08.2026")


def test_a_number_used_twice_in_a_series(folder):
    # the order on the curator is 110-о/д by the next free number; the working group is given it by hand
    edit_project(folder, lambda d: document(d, "working_group").__setitem__("number", "110-о/д"))
    assert_stops_year(folder, "journal.number_twice", "110-о/д", "curator_order", "working_group")


def test_a_mentor_appointed_without_a_protocol(folder):
    # У09 (Лебедев К.А.) was not recommended by the review and had no interview
    edit_project(folder, lambda d: document(d, "appoint_mentors")["mentors"].append("У09"))
    assert_stops_year(folder, "mentor.no_protocol", "Лебедев Кирилл Андреевич")


def test_a_paid_pair_without_a_supplementary_agreement(folder):
    edit_project(folder, lambda d: d["documents"].remove(document(d, "agreements")))
    assert_stops_year(folder, "pair.no_agreement", "пара № 1", "доплата")


def test_an_agreement_dated_before_the_regulation(folder):
    edit_registry(folder, lambda r: pair(r, "2")["agreement"].__setitem__("date", dt.date(2026, 8, 20)))
    assert_stops_year(folder, "pair.agreement_before_regulation", "пара № 2", "20.08.2026", "27.08.2026")


def test_a_consent_dated_after_the_pair_started(folder):
    edit_registry(folder, lambda r: pair(r, "4").__setitem__("mentor_consent_date", dt.date(2026, 10, 1)))
    assert_stops_year(folder, "pair.consent_after_start", "пара № 4", "01.10.2026", "28.09.2026")


def test_an_order_issued_before_a_mentors_consent(folder):
    # Орлова С.Б. (pair 4) consents the day after the order appointing her «с письменного согласия»
    edit_registry(folder, lambda r: pair(r, "4").__setitem__("mentor_consent_date", dt.date(2026, 9, 19)))
    assert_stops_year(folder, "act.consent_later", "appoint_mentors", "Орлова Светлана Борисовна")


def test_pairs_assigned_before_the_mentors_consent(folder):
    edit_registry(folder, lambda r: pair(r, "6").__setitem__("mentor_consent_date", dt.date(2026, 9, 29)))
    assert_stops_year(folder, "act.consent_later", "assign_pairs", "пара № 6 — 29.09.2026")


def test_a_pair_of_the_year_in_no_order(folder):
    # the mentor of pair 6 consents on 28.09 and the pair starts then, but the order is of 27.09
    edit_registry(folder, lambda r: pair(r, "6").__setitem__("mentor_consent_date", dt.date(2026, 9, 28)))
    edit_project(folder, lambda d: document(d, "assign_pairs").__setitem__("date", dt.date(2026, 9, 27)))
    assert_stops_year(folder, "pair.not_assigned", "пара № 6")


def test_a_pair_outside_the_regulations_validity(folder):
    edit_project(folder, lambda d: d["acts"]["regulation"].__setitem__("valid_from", dt.date(2026, 10, 1)))
    assert_stops_year(folder, "pair.outside_regulation", "01.10.2026")


def test_a_coverage_denominator_smaller_than_its_numerator(folder):
    path = folder / "документы" / "итоги года.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("teachers: 48", "teachers: 3"), encoding="utf-8")
    assert_stops_year(folder, "report.denominator", "общая численность указана 3")


def test_a_document_that_cannot_be_built_is_a_warning_and_the_rest_is_issued(folder, tmp_path):
    edit_project(folder, lambda d: document(d, "final_event").pop("file"))
    project = Project.open(folder)
    findings = project.check()
    assert not any(f.is_error for f in findings)
    blocked = [f for f in findings if f.code == "document.blocked"]
    assert blocked and "final_event" in blocked[0].documents
    assert "event" in blocked[0].message
    waiting = [f for f in findings if f.code == "document.waiting"]
    assert waiting and {"diploma_best_mentor", "certificates"} <= set(waiting[0].documents)


def test_an_authoritys_document_in_a_schools_year_is_blocked_with_the_reason(folder):
    edit_project(folder, lambda d: d["documents"].append(
        {"key": "municipal", "kind": "report.municipal", "date": "2027-06-10"}))
    blocked = [f for f in Project.open(folder).check() if f.code == "document.blocked"]
    assert blocked and blocked[0].documents == ("municipal",)
    assert "органа управления образованием" in blocked[0].message
    assert "nastavnik-docs aggregate" in blocked[0].message


# ---------------------------------------------------------------- the registry's checks for the year


def test_a_pair_active_after_its_early_end(folder):
    def active_again(r):
        ended = pair(r, "10")
        ended["status"] = "active"
        ended["history"] = [{"date": dt.date(2027, 3, 20), "kind": "ended_early",
                             "reason": "перевод наставляемого в другую образовательную организацию"}]
    edit_registry(folder, active_again)
    assert_stops_year(folder, "pair.active_after_end", "пара № 10", "прекращена досрочно")


def test_a_minor_mentee_without_a_legal_representative(folder):
    edit_registry(folder, lambda r: next(p for p in r["participants"] if p["id"] == "У22").pop("representative"))
    assert_stops_year(folder, "participant.representative_missing", "У22", "Григорьев М.И.")


def test_a_pairs_form_not_in_the_list_with_the_nearest_suggested(folder):
    edit_registry(folder, lambda r: pair(r, "3").__setitem__("form", "реверсиное"))
    assert_stops_year(folder, "pair.form_unknown", "пара № 3", "«реверсивное»")


def test_a_person_in_a_pair_who_is_not_a_participant(folder, tmp_path):
    from openpyxl import load_workbook

    from nastavnik_docs.errors import InputError

    path = folder / "База наставников и наставляемых.xlsx"
    book = load_workbook(path)
    sheet = book["Пары"]
    header = [c.value for c in next(sheet.iter_rows(min_row=1, max_row=1))]
    row = next(r for r in sheet.iter_rows(min_row=2) if str(r[0].value) == "4")
    row[header.index("Наставник")].value = "У111"
    book.save(path)
    with pytest.raises(InputError) as raised:
        Project.open(folder)
    text = str(raised.value)
    assert "«У111»" in text and "«У11»" in text and "строка" in text
    out = tmp_path / "выпуск"
    from typer.testing import CliRunner

    from nastavnik_docs.cli import app

    result = CliRunner().invoke(app, ["year", str(folder), "-o", str(out)])
    assert result.exit_code == 1 and "У11" in result.output
    assert not out.exists()


def test_a_pupil_without_a_birth_date_is_named_and_never_taken_for_an_adult(folder, tmp_path):
    # У28 is 18 and consents on his own; without a birth date he is not assumed to be an adult
    edit_registry(folder, lambda r: next(p for p in r["participants"] if p["id"] == "У28").pop("birth_date"))
    project = Project.open(folder)
    with warnings.catch_warnings():
        # what the consent asks the curator to check is a finding, not a Python warning besides
        warnings.simplefilter("error", DocumentWarning)
        found = project.check()
        report = project.issue_all(tmp_path / "выпуск")
    findings = [f for f in found if f.code == "participant.birth_date_missing"]
    assert findings and "У28" in findings[0].message and "Тарасов Е.В." in findings[0].message
    assert "законного представителя" in findings[0].hint
    (consent,) = [f for f in found if f.code == "document.warning"]
    assert consent.documents == ("pd_consents",) and consent.severity is Severity.WARNING
    assert re.search(r"Тарасов\sЕ\.В\. неизвестна: согласие оформлено от имени законного представителя",
                     consent.message)
    assert [f.code for f in report.warnings].count("document.warning") == 1
    assert any(f.code == "participant.birth_date_missing" for f in report.warnings)
    consents = next(d for d in report.documents if d.key == "pd_consents")
    tarasov = next(p for p in consents.files if "Тарасов" in p.name)
    from project_helpers import docx_text

    text = docx_text(tarasov)
    assert "(подпись законного представителя)" in text and "являясь законным представителем" in text
