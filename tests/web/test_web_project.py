"""The case-file pages through FastAPI's TestClient: the officials' form (saved into
nastavnik.yaml with its comments), the plan of the year with statuses and the data each
blocked document lacks, issuing one document or the year with progress, the check's
findings linked to registry rows and documents."""

from __future__ import annotations

import io
import re
import shutil
import time
import zipfile

import docx
import openpyxl
import pytest
import yaml
from web_support import SAMPLES, comments, form_values, registry_with_unknown_form, sample_project

from nastavnik_docs.project import Project


def folder_of(client):
    return client.app.state.web.folder.path


def wait_done(client, job: str, timeout: float = 600) -> dict:
    deadline = time.monotonic() + timeout
    while (progress := client.get(job + "/progress").json())["state"] == "running":
        assert time.monotonic() < deadline, progress
        time.sleep(0.2)
    return progress


@pytest.fixture
def faulty_client(make_app, tmp_path):
    """The sample project over the other sample registry with an unknown form planted: the
    check finds errors, one of them on sheet «Пары», row 3."""
    from fastapi.testclient import TestClient

    folder = sample_project(tmp_path / "Дело с ошибками")
    registry_with_unknown_form(folder / "База наставников и наставляемых.xlsx")
    with TestClient(make_app(folder=folder), base_url="http://127.0.0.1:8000") as client:
        yield client


@pytest.fixture
def template_client(make_app, tmp_path):
    """A new project (``nastavnik-docs init``) with the sample card and registry, no officials."""
    from fastapi.testclient import TestClient

    folder = tmp_path / "Новый проект"
    Project.init(folder, school_year=2026)
    shutil.copy(SAMPLES / "organization.yaml", folder / "organization.yaml")
    shutil.copy(SAMPLES / "registry.xlsx", folder / "База наставников и наставляемых.xlsx")
    with TestClient(make_app(folder=folder), base_url="http://127.0.0.1:8000") as client:
        yield client


# ------------------------------------------------------------------------ officials


def test_the_officials_form_shows_who_is_written_in_the_project(project_client):
    page = project_client.get("/officials").text
    chosen = dict(form_values(page, "/officials"))
    assert chosen["curator.mode"] == "У10" and chosen["council_secretary.mode"] == "У11"
    # the director, but with a post other than the card's: shown as written
    assert chosen["council_chair.mode"] == "@other" and chosen["council_chair.post"] == "директор"
    assert chosen["chief_accountant.mode"] == "@other"
    assert chosen["chief_accountant.last_name"] == "Ермакова" and chosen["chief_accountant.post"] == "главный бухгалтер"
    assert re.search(r'<option value="У10" selected>Власова Елена Николаевна, заместитель директора', page)
    members = [v for k, v in form_values(page, "/officials") if k == "commission.members"]
    assert members == ["У06", "У01"] or sorted(members) == ["У01", "У06"]


def test_posting_the_form_unchanged_leaves_the_file_byte_for_byte(project_client):
    path = folder_of(project_client) / "nastavnik.yaml"
    before = path.read_text(encoding="utf-8")
    posted = form_values(project_client.get("/officials").text, "/officials")
    answer = project_client.post("/officials", data=_multi(posted), follow_redirects=False)
    assert answer.status_code == 303, answer.text
    assert path.read_text(encoding="utf-8") == before


def _multi(pairs):
    """Form pairs as httpx takes repeated names."""
    data: dict[str, list[str]] = {}
    for key, value in pairs:
        data.setdefault(key, []).append(value)
    return data


def test_officials_errors_stand_beside_their_fields_and_nothing_is_saved(template_client):
    path = folder_of(template_client) / "nastavnik.yaml"
    before = path.read_text(encoding="utf-8")
    answer = template_client.post("/officials", data={
        "curator.mode": "У10",
        "chief_accountant.mode": "@other", "chief_accountant.last_name": "Ермакова",
        "council_chair.mode": "У99",
        "commission.members": ["У01", "У06"],
    })
    assert answer.status_code == 422
    page = answer.text
    assert "Не сохранено: исправьте ошибки (4)" in page
    for field, message in (("f-chief_accountant-first_name", "обязательное поле не заполнено"),
                           ("f-chief_accountant-post", "обязательное поле не заполнено"),
                           ("f-council_chair", "в базе нет участника «У99»"),
                           ("f-commission-chair", "выберите председателя комиссии; если комиссии нет")):
        assert re.search(rf'id="{field}-error">[^<]*{message}', page), field
    assert 'value="Ермакова"' in page  # what was typed stays
    assert path.read_text(encoding="utf-8") == before


def test_saved_officials_unblock_the_documents_that_name_them(template_client):
    path = folder_of(template_client) / "nastavnik.yaml"
    before = path.read_text(encoding="utf-8")
    plan = template_client.get("/plan").text
    blocked = re.search(r'<tr id="d-council_august" class="blocked">(.*?)</tr>', plan, re.S).group(1)
    assert "поле «Председатель»: обязательное поле не заполнено" in blocked  # the field named in Russian
    assert 'href="/officials#f-council_chair">Укажите: председатель педагогического совета' in blocked
    assert 'href="/officials#f-council_secretary">' in blocked

    answer = template_client.post("/officials", data={
        "curator.mode": "У10", "council_chair.mode": "@head", "council_secretary.mode": "У11",
        "chief_accountant.mode": "@other", "chief_accountant.last_name": "Ермакова",
        "chief_accountant.first_name": "Ирина", "chief_accountant.middle_name": "Владимировна",
        "chief_accountant.gender": "female", "chief_accountant.post": "главный бухгалтер",
        "commission.name": "комиссия по отбору наставников", "commission.chair.mode": "У10",
        "commission.members": ["У01", "У06"], "commission.secretary.mode": "У11",
    }, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    assert comments(path.read_text(encoding="utf-8")) == comments(before)
    officials = Project.open(folder_of(template_client)).file.officials
    assert officials.curator == "У10" and officials.council_secretary == "У11"
    assert officials.council_chair.last_name == "Горбунова" and officials.council_chair.post == "Директор МБОУ «СОШ № 12»"
    assert officials.chief_accountant.gender.value == "female"
    assert officials.commission.members == ["У01", "У06"]
    plan = template_client.get("/plan").text  # the folder changed: the plan is made again
    row = re.search(r'<tr id="d-council_august" class="blocked">(.*?)</tr>', plan, re.S).group(1)
    assert "/officials#" not in row and "укажите присутствовавших (present)" in row
    assert "впишите их в nastavnik.yaml у документа «council_august»" in row


# ------------------------------------------------------------------------ plan and issuing


def test_the_plan_lists_every_document_with_its_status_and_roadmap_event(project_client):
    page = project_client.get("/plan").text
    project = Project.open(folder_of(project_client))
    items = project.plan()
    assert re.findall(r'<tr id="d-([a-z0-9_]+)"', page) == [i.key for i in items]
    assert f"к выпуску: {len(items)}" in page and "не хватает данных: 0" in page
    assert "Дорожная карта: 2.4. Закрепление наставнических пар и групп (до 28 сентября 2026 г.)" in page
    row = re.search(r'<tr id="d-assign_pairs" class="due">(.*?)</tr>', page, re.S).group(1)
    assert "будет" in row and "№ 113-о/д" in row and 'action="/plan/issue/assign_pairs"' in row
    assert project_client.get("/plan/archive").status_code == 404  # nothing issued yet


def test_one_document_is_issued_in_the_background_and_its_files_listed(project_client):
    answer = project_client.post("/plan/issue/council_august", follow_redirects=False)
    assert answer.status_code == 303
    job = answer.headers["location"]
    progress = wait_done(project_client, job)
    assert progress == {**progress, "state": "done", "done": 1, "total": 1}
    page = project_client.get(job).text
    assert "Документ записан: № 1" in page
    link = re.search(r'<td>(Протокол[^<]*\.docx)</td><td><a href="(/files/[^"]+)" download>', page)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(project_client.get(link.group(2)).content)).paragraphs)
    assert "ПРОТОКОЛ" in text.upper() and "Горбунова" in text
    plan = project_client.get("/plan").text
    row = re.search(r'<tr id="d-council_august" class="issued">(.*?)</tr>', plan, re.S).group(1)
    assert "№ 1" in row and link.group(1) in row
    assert (folder_of(project_client) / "Документы года").is_dir()


def test_what_an_issued_document_asks_to_check_is_on_its_page_and_the_checks(make_app, tmp_path):
    from fastapi.testclient import TestClient

    from nastavnik_docs.io import load_registry, write_registry
    from nastavnik_docs.models import Registry

    folder = sample_project(tmp_path / "Дело")
    path = folder / "База наставников и наставляемых.xlsx"
    data = load_registry(path).model_dump(mode="python", exclude_none=True)
    next(p for p in data["participants"] if p["id"] == "У28").pop("birth_date")
    write_registry(Registry.model_validate(data), path, overwrite=True)
    said = "Тарасов\u00a0Е.В. неизвестна: согласие оформлено от имени законного представителя"
    with TestClient(make_app(folder=folder), base_url="http://127.0.0.1:8000") as client:
        assert client.get("/check").text.count(said) == 1
        job = client.post("/plan/issue/pd_consents", follow_redirects=False).headers["location"]
        assert wait_done(client, job)["state"] == "done"
        page = client.get(job).text
    assert "Проверьте в документе:" in page and page.count(said) == 1


def test_unknown_documents_cannot_be_issued(project_client):
    assert project_client.post("/plan/issue/no_such_document").status_code == 404
    assert project_client.post("/plan/issue/..%2F..%2Fetc").status_code == 404


def test_the_year_is_issued_with_progress_and_downloads_as_one_zip(make_app, tmp_path):
    from fastapi.testclient import TestClient

    keep = ["council_august", "regulation_order", "roadmap_2026", "curator_order", "mentor_consents", "agreements"]
    folder = sample_project(tmp_path / "Дело", keep=keep)
    with TestClient(make_app(folder=folder), base_url="http://127.0.0.1:8000") as client:
        answer = client.post("/plan/issue", follow_redirects=False)
        progress = wait_done(client, answer.headers["location"])
        assert progress == {**progress, "state": "done", "done": 6, "total": 6}
        page = client.get(answer.headers["location"]).text
        assert re.search(r"Документов года: 6 \(файлов: \d+\), записано сейчас: 6", page)
        archive = zipfile.ZipFile(io.BytesIO(client.get("/plan/archive").content))
        again = client.post("/plan/issue", follow_redirects=False)  # nothing changed: nothing rewritten
        assert wait_done(client, again.headers["location"])["total"] == 0
        assert "записано сейчас: 0" in client.get(again.headers["location"]).text
    files = [n for n in archive.namelist() if not n.endswith("/")]
    on_disk = sorted(str(p.relative_to(folder / "Документы года")) for p in (folder / "Документы года").rglob("*")
                     if p.is_file())
    assert sorted(files) == on_disk
    assert "Журнал регистрации.xlsx" in files and "Опись документов.xlsx" in files
    consents = [n for n in files if "/Согласия наставников/" in n and "для печати" not in n]
    assert len(consents) == 6
    journal = openpyxl.load_workbook(io.BytesIO(archive.read("Журнал регистрации.xlsx")))
    numbers = [row[1] for ws in journal for row in ws.iter_rows(values_only=True)]
    assert "108-о/д" in numbers and "109-о/д" in numbers  # the regulation, then the curator


def test_a_year_with_errors_writes_nothing_and_says_where_to_look(faulty_client):
    answer = faulty_client.post("/plan/issue", follow_redirects=False)
    progress = wait_done(faulty_client, answer.headers["location"])
    assert progress["state"] == "failed" and progress["error"].startswith("Найдено ошибок: ")
    assert "неизвестная форма наставничества" in progress["error"]
    page = faulty_client.get(answer.headers["location"]).text
    assert 'Откройте <a href="/check">проверку данных года</a>' in page
    assert not (folder_of(faulty_client) / "Документы года").exists()


# ------------------------------------------------------------------------ check


def test_findings_link_to_their_registry_rows_and_documents(faulty_client):
    page = faulty_client.get("/check").text
    errors = int(re.search(r"Ошибок: (\d+), предупреждений: \d+", page).group(1))
    findings = re.findall(r'<li class="finding sev-error">(.*?)</li>', page, re.S)
    assert len(findings) == errors >= 2
    form = next(f for f in findings if "pair.form_unknown" in f)
    assert "Пара № 2 (наставник" in form and "неизвестная форма наставничества" in form
    assert '<a href="/registry#r-Пары-3">лист «Пары», строка 3</a>' in form
    assert "Что сделать: " in form
    cited = [f for f in findings if 'href="/plan#d-' in f]
    assert cited and all(re.search(r'<a href="/plan#d-[a-z0-9_]+">[А-ЯЁ]', f) for f in cited)  # titles, not keys
    assert '<tr id="r-Пары-3">' in faulty_client.get("/registry").text
    plan = faulty_client.get("/plan").text
    assert "Проверка нашла ошибки" in plan and 'href="/check">Открыть проверку' in plan


def test_pages_say_what_keeps_the_project_from_opening(client):
    """A new folder: the card is empty, so the plan and the check list what to fill in."""
    for url in ("/plan", "/check"):
        page = client.get(url).text
        assert "Данные года пока не прочитать: исправьте ошибки (6)" in page
        row = re.search(r"<tr><td>карточка организации \(organization.yaml\), строка 8</td>(.*?)</tr>", page).group(1)
        assert "<td>Полное наименование</td>" in row and "обязательное поле не заполнено" in row
        assert '<a href="/organization#f-full_name">Исправить</a>' in row
        assert "Руководитель (подписывает документы) → Фамилия" in page
        assert '<a href="/organization#f-head-last_name">' in page
        assert str(folder_of(client)) not in page.split("<footer")[0]


def test_a_folder_with_only_a_card_and_a_registry_gets_a_project_file(make_app, tmp_path):
    folder = tmp_path / "старая папка"
    folder.mkdir()
    shutil.copy(SAMPLES / "organization.yaml", folder / "organization.yaml")
    make_app(folder=folder)
    data = yaml.safe_load((folder / "nastavnik.yaml").read_text(encoding="utf-8"))
    assert data["organization"] == "organization.yaml"
    assert yaml.safe_load((folder / "organization.yaml").read_text(encoding="utf-8"))["city"] == "Вологда"
