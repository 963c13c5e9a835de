"""The consistency checks of a programme year: each breaks the sample project in one way and
asserts that ``check`` names the problem and that ``year`` writes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from project_helpers import copy_sample, document, edit_project, edit_registry, pair

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
