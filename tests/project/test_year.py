"""The whole year from the sample project: every kind the plan lists, the journal, citations
that match the journal, a reissue that keeps its number, the registry as of each date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook
from project_helpers import FEDERAL, citations, copy_sample, docx_text, edit_project, edit_registry

from nastavnik_docs.project import INDEX_XLSX, JOURNAL_XLSX, Project, YearReport


@pytest.fixture(scope="module")
def year(tmp_path_factory) -> tuple[Project, YearReport]:
    folder = copy_sample(tmp_path_factory.mktemp("год") / "дело")
    project = Project.open(folder)
    return project, project.issue_all(folder.parent / "выпуск")


def test_every_document_of_the_plan_is_issued_with_the_journal(year):
    project, report = year
    planned = {item.kind for item in project.plan()}
    issued = {d.key for d in report.documents}
    assert report.blocked == [] and issued == {e.key for e in project.file.documents}
    kinds = {e.kind for e in project.file.documents}
    assert planned == kinds
    for family in ("order.", "protocol.", "labour.", "programme.", "consent.", "award.", "report.", "registry.",
                   "sheet.", "form."):
        assert any(k.startswith(family) for k in kinds), family
    assert all(path.is_file() and path.stat().st_size > 0 for path in report.files())
    assert (report.out / JOURNAL_XLSX).is_file() and (report.out / INDEX_XLSX).is_file()
    journal = project.journal
    assert {e.number for e in journal.entries if e.series == "о/д"} == {f"{n}-о/д" for n in range(108, 116)}
    assert [e.number for e in journal.entries if e.document == "agreements"] == ["27", "28"]
    book = load_workbook(report.out / JOURNAL_XLSX)
    assert book.sheetnames == ["педсовет", "о-д", "комиссия", "доп. соглашения", "наградные", "л-с", "справки"]
    orders = [row[1] for row in book["о-д"].iter_rows(min_row=4, values_only=True)]
    assert orders == [f"{n}-о/д" for n in range(108, 116)]
    assert book["о-д"]["A1"].value.startswith("Журнал регистрации: Приказы по основной деятельности — МБОУ")
    awards = [row[1] for row in book["наградные"].iter_rows(min_row=4, values_only=True)]
    assert awards[:2] == ["2027-001", "2027-002"] and len(awards) == len(set(awards))
    index = load_workbook(report.out / INDEX_XLSX).active
    rows = [row for row in index.iter_rows(min_row=4, values_only=True) if row[2]]
    assert rows[1][2] == "Приказ об утверждении положения о системе наставничества и дорожной карты"
    assert rows[0][1] == "Положение о системе наставничества и дорожная карта"  # plan order, by stage
    assert rows[-1][1] == "Охват наставничеством, персонифицированный учёт и аналитическая справка"
    setup = index.page_setup  # as wide as the page, as many pages as it takes, the header on each
    assert (setup.orientation, setup.fitToWidth, setup.fitToHeight, index.print_title_rows) == ("landscape", 1, 0, "$3:$3")
    issued_at = [str(row[0]) for row in index.iter_rows(values_only=True) if str(row[0]).startswith("Выпуск:")]
    assert len(issued_at) == 1
    assert re.fullmatch(r"Выпуск: \d\d\.\d\d\.\d{4} \d\d:\d\d, \d+,\d с\.", issued_at[0]), issued_at  # «8,3 с»


def test_every_citation_matches_the_journal_and_none_cites_a_later_act(year):
    project, report = year
    journal = {(e.date.strftime("%d.%m.%Y"), e.number): e for e in project.journal.entries}
    external = {(a.date.strftime("%d.%m.%Y"), a.number) for a in project.file.acts.values() if a.date}
    external |= {(c.date.strftime("%d.%m.%Y"), c.number) for c in project.file.contracts.values()}
    checked = 0
    for document in report.documents:
        for path in document.files:
            if path.suffix != ".docx":
                continue
            for cited in citations(path):
                checked += 1
                assert cited in journal or cited in external or cited in FEDERAL, (path.name, cited)
                if cited in journal and document.date is not None:
                    assert journal[cited].date <= document.date, (path.name, cited)
    assert checked > 100


def _plain(text: str) -> str:
    """No-break spaces as spaces: documents bind one-letter words and dashes to their neighbours."""
    return text.replace("\u00a0", " ")


def test_the_documents_cite_the_acts_they_name_by_key(year):
    _, report = year
    files = {d.key: d.files for d in report.documents}
    appoint = docx_text(files["appoint_mentors"][0])
    # the commission has one name everywhere; the regulation is cited with the order that approved it
    assert "протоколом заседания комиссии по отбору наставников от 11.09.2026 №\u00a01" in appoint
    assert "Положением о системе наставничества педагогических работников и обучающихся МБОУ «СОШ № 12», " \
           "утверждённым приказом от 27.08.2026 № 108-о/д" in _plain(appoint)
    regulation = docx_text(files["regulation_order"][0])
    assert "решением педагогического совета (протокол от 26.08.2026 №\u00a01)" in regulation
    assert "Промежуточный мониторинг реализации программ наставничества" in regulation  # from the roadmap
    reward = docx_text(files["reward"][0])
    assert "от 26.12.2025 №\u00a0154-о/д" in reward and "(протокол от 24.05.2027 №\u00a02)" in reward
    gramota = docx_text(next(p for p in files["gramotas"] if "Сидорук" in p.name))
    assert "Приказ от 25.05.2027 №\u00a041-л/с" in gramota
    programme = docx_text(next(p for p in files["programmes"] if "Сидорук" in p.name))
    assert "от 28.09.2026 №\u00a0113-о/д" in programme
    agreement = docx_text(next(p for p in files["agreements"] if "Сидорук" in p.name))
    assert "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ №\u00a027" in agreement and "от 30.08.2004 №\u00a041" in agreement
    roadmap = docx_text(next(p for p in files["roadmap_2026"] if p.suffix == ".docx"))
    assert "от 27.08.2026 №\u00a0108-о/д" in roadmap and "от 26.08.2026 №\u00a01" in roadmap


def test_the_orders_show_the_pairs_as_they_stood_on_their_date(year):
    _, report = year
    files = {d.key: d.files for d in report.documents}
    assign = docx_text(files["assign_pairs"][0])
    # in September every pair works, though the registry now has them completed or ended early
    assert "Никитиной Полиной Сергеевной" in assign and "с\u00a028\u00a0сентября 2026\u00a0г. по 21\u00a0мая 2027\u00a0г." in assign
    end = docx_text(files["end_pair_10"][0])
    assert "Прекратить досрочно с 20 марта 2027 г." in _plain(end)  # one-letter words bound by no-break spaces
    assert "в связи с переводом наставляемого в другую образовательную организацию" in _plain(end)


def test_a_second_run_leaves_everything_and_every_number_alone(year, tmp_path):
    project, report = year
    numbers = [(e.key, e.number, e.date) for e in project.journal.entries]
    again = Project.open(project.folder).issue_all(report.out)
    assert {d.state for d in again.documents} == {"без изменений"}
    assert [(e.key, e.number, e.date) for e in Project.open(project.folder).journal.entries] == numbers


def test_a_changed_registry_reissues_what_depends_on_it_keeping_the_numbers(tmp_path):
    folder = copy_sample(tmp_path / "дело")
    out = tmp_path / "выпуск"
    Project.open(folder).issue_all(out)
    before = {e.key: e.number for e in Project.open(folder).journal.entries}
    # the mentor of pair 1 changes her post: orders naming her are reissued under their numbers
    edit_registry(folder, lambda r: next(p for p in r["participants"] if p["id"] == "У02")
                  .__setitem__("post", "учитель математики и информатики"))
    report = Project.open(folder).issue_all(out)
    states = {d.key: d.state for d in report.documents}
    assert states["assign_pairs"] == "переиздан (номер сохранён)"
    assert states["appoint_mentors"] == "переиздан (номер сохранён)"
    assert states["curator_order"] == "без изменений"
    journal = Project.open(folder).journal
    assert {e.key: e.number for e in journal.entries} == before
    entry = journal.get("assign_pairs")
    assert entry.status.value == "reissued" and entry.reissues == 1
    assert "учителем математики и\u00a0информатики" in docx_text(
        next(d for d in report.documents if d.key == "assign_pairs").files[0])


def test_the_september_order_reissued_after_the_year_lists_the_september_pairs(tmp_path):
    folder = copy_sample(tmp_path / "дело")

    def september(r):  # the registry as the curator kept it in September: every pair working
        for p in r["pairs"]:
            p["status"] = "active"
            p.pop("end_reason", None)
            p.pop("history", None)
    edit_registry(folder, september)
    edit_project(folder, lambda d: d.__setitem__("documents", [e for e in d["documents"] if e["key"] in (
        "council_august", "regulation_order", "roadmap_2026", "candidates_review", "appoint_mentors",
        "agreements", "assign_pairs")]))
    project = Project.open(folder)
    for key in ("council_august", "regulation_order", "roadmap_2026", "candidates_review", "appoint_mentors",
                "agreements", "assign_pairs"):
        issued = project.issue(key, tmp_path / "сентябрь")
    september_text = docx_text(next((tmp_path / "сентябрь").rglob("Приказ о закреплении*.docx")))

    def june(r):  # by June every pair is completed, pair 10 ended early
        for p in r["pairs"]:
            p["status"] = "completed"
        reason = "перевод наставляемого в другую образовательную организацию"
        r["pairs"][-1].update(status="ended_early", end_reason=reason,
                              history=[{"date": dt.date(2027, 3, 20), "kind": "ended_early", "reason": reason}])
    edit_registry(folder, june)
    reissued = Project.open(folder).issue("assign_pairs", tmp_path / "июнь")
    assert reissued.numbers == issued.numbers == ["110-о/д"]
    june_text = docx_text(reissued.files[0])
    assert june_text == september_text
    for name in ("Сидорук Натальей Ивановной", "Фёдоровой Алёной Викторовной", "Никитиной Полиной Сергеевной"):
        assert name in june_text
    assert Project.open(folder).journal.get("assign_pairs").date == dt.date(2026, 9, 28)


def test_issuing_one_act_before_the_acts_it_cites_is_refused(tmp_path):
    folder = copy_sample(tmp_path / "дело")
    from nastavnik_docs.errors import NastavnikError

    with pytest.raises(NastavnikError, match="regulation_order.*ещё нет в журнале|ещё нет в журнале"):
        Project.open(folder).issue("assign_pairs", tmp_path / "выпуск")
    assert not (tmp_path / "выпуск").exists()


def test_plan_lists_the_stages_in_order_with_status_and_roadmap_event(tmp_path):
    folder = copy_sample(tmp_path / "дело")
    edit_project(folder, lambda d: next(e for e in d["documents"] if e["key"] == "working_group").pop("members"))
    items = Project.open(folder).plan()
    stages = [i.stage.id for i in items]
    assert stages == sorted(stages, key=[s.id for s in Project.open(folder).plan_data.stages].index)
    assert stages[0] == "regulation" and stages[-1] == "reports"
    first = items[0]
    assert first.status.value == "due" and first.number == "1"
    assert first.roadmap_event.startswith("1.1. Утверждение положения")
    group = next(i for i in items if i.key == "working_group")
    assert group.status.value == "blocked" and "members" in " ".join(group.reasons)
    pairs = next(i for i in items if i.key == "assign_pairs")
    # the working group's order takes no number while it cannot be issued: the next free is 112
    assert pairs.status_text() == "к выпуску 28.09.2026, будет №\u00a0112-о/д"
    assert pairs.roadmap_event.startswith("2.4. Закрепление наставнических пар")


def test_certificates_go_to_the_participants_of_completed_pairs(year):
    _, report = year
    files = {d.key: d.files for d in report.documents}
    names = {p.stem for p in files["certificates"] if "для печати" not in p.name}
    assert "Сидорук_Н.И" in names and "Тарасов_Е.В" in names
    # no pair this year (Кравченко, Кузнецова), the curator, the pair ended early in March
    assert not names & {"Кравченко_О.В", "Кузнецова_С.М", "Власова_Е.Н", "Никитина_П.С", "Соловьёв_Д.Р"}
    assert len(names) == 23  # the mentors and mentees of pairs 1–9


def test_the_year_is_written_into_a_folder_per_stage(year):
    _, report = year
    folders = sorted({p.relative_to(report.out).parts[0] for p in report.files()})
    assert folders[0] == "01 Положение о системе наставничества и дорожная карта"
    assert "15 Охват наставничеством, персонифицированный учёт и аналитическая справка" in folders
    assert any(Path(p).name == "Приказ о закреплении наставнических пар № 113-о_д от 28.09.2026.docx"
               for p in report.files())


def test_the_issue_state_keeps_paths_relative_so_a_moved_folder_still_knows_its_files(tmp_path):
    folder = copy_sample(tmp_path / "дело")
    Project.open(folder).issue("council_august", folder / "выпуск")
    Project.open(folder).issue("regulation_order", tmp_path / "рядом")
    stored = yaml.safe_load((folder / ".выпуск.yaml").read_text(encoding="utf-8"))["documents"]
    files = [f for doc in stored.values() for f in doc["files"]]
    assert files and not any(Path(f).is_absolute() or str(tmp_path) in f for f in files)
    assert {f.split("/")[0] for f in stored["council_august"]["files"]} == {"выпуск"}
    assert all(f.startswith("../рядом/") for f in stored["regulation_order"]["files"])
    moved = tmp_path / "перенесено"
    moved.mkdir()
    (tmp_path / "рядом").rename(moved / "рядом")
    folder.rename(moved / "дело")
    again = Project.open(moved / "дело").issue("council_august", moved / "дело" / "выпуск")
    assert again.state == "без изменений" and all(moved in f.parents for f in again.files)
    states = {i.key: i.status.value for i in Project.open(moved / "дело").plan()}
    assert states["council_august"] == states["regulation_order"] == "issued"


def test_orders_dated_before_a_mentor_change_show_the_earlier_mentor_and_her_consent(tmp_path):
    folder = copy_sample(tmp_path / "дело")

    def change_mentor(r):  # in January Kravchenko takes pair 3 over from Mamedov
        pair = next(p for p in r["pairs"] if p["id"] == "3")
        pair.update(mentor="У01", mentor_consent_date=dt.date(2027, 1, 12), history=[
            {"date": dt.date(2027, 1, 15), "kind": "mentor_changed", "previous_mentor": "У04",
             "new_mentor": "У01", "previous_mentor_consent_date": dt.date(2026, 9, 17)}])
    edit_registry(folder, change_mentor)
    project = Project.open(folder)
    assert [f for f in project.check() if f.is_error] == []
    report = project.issue_all(tmp_path / "выпуск")
    files = {d.key: d.files for d in report.documents}
    assign = files["assign_pairs"][0]
    rows = [" | ".join(_plain(c.text) for c in row.cells) for table in Document(str(assign)).tables
            for row in table.rows]
    row = next(r for r in rows if "Семёнов Пётр" in r)  # pair 3 in the appendix: mentor, mentee, form, term, consent
    assert "Мамедов" in row and "согласие от 17.09.2026" in row
    assert "Кравченко" not in docx_text(assign)
    consents = " ".join(_plain(docx_text(f)) for f in files["mentor_consents"])
    assert "Мамедов Эльдар Рашид оглы" in consents
