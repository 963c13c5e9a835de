"""The curator's pages through FastAPI's TestClient: the card form with its messages, the
registry upload (refused whole with located problems, or accepted), the certificate batch
with its progress, downloads by id, previews, and the serve command's refusals."""

from __future__ import annotations

import io
import re
import shutil
import time
import zipfile

import docx
import pytest
import yaml
from web_support import MALFORMED_WORKBOOKS, PLANTED, SAMPLES, comments

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CARD = {
    "full_name": "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 3»",
    "short_name": "МБОУ «Гимназия № 3»", "kind": "school", "city": "Вологда", "inn": "3525000012",
    "head.last_name": "Горбунова", "head.first_name": "Людмила", "head.middle_name": "Анатольевна",
    "head.post": "Директор МБОУ «Гимназия № 3»", "font_name": "Times New Roman", "font_size": "14",
}


def folder_of(client):
    return client.app.state.web.folder.path


def test_a_new_folder_gets_its_starting_files_and_the_start_page_says_what_is_missing(client):
    assert sorted(p.name for p in folder_of(client).iterdir()) == ["nastavnik.yaml", "organization.yaml",
                                                                  "База наставников и наставляемых.xlsx"]
    page = client.get("/").text
    assert "Не заполнена: не хватает полей" in page
    assert "Пока пуста" in page


def test_card_errors_stand_beside_their_fields(client):
    answer = client.post("/organization", data={**CARD, "inn": "12", "head.last_name": "", "head.post": ""})
    assert answer.status_code == 422
    page = answer.text
    for name, message in (("inn", "значение не соответствует формату"),
                          ("head-last_name", "обязательное поле не заполнено"),
                          ("head-post", "обязательное поле не заполнено")):
        assert re.search(rf'id="f-{name}-error">{message}<', page), name
        assert re.search(rf'id="f-{name}"[^>]*aria-invalid="true"', page), name
    assert 'value="МБОУ «Гимназия № 3»"' in page.replace("&#34;", '"')  # what was typed stays
    assert yaml.safe_load((folder_of(client) / "organization.yaml").read_text(encoding="utf-8")).get("city") is None


def test_a_valid_card_is_saved_and_shown_again(client):
    card = folder_of(client) / "organization.yaml"
    before = card.read_text(encoding="utf-8")
    answer = client.post("/organization", data=CARD, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/organization?saved=1"
    saved = yaml.safe_load((folder_of(client) / "organization.yaml").read_text(encoding="utf-8"))
    assert saved["head"]["last_name"] == "Горбунова" and saved["inn"] == "3525000012"
    after = card.read_text(encoding="utf-8")
    assert comments(after) == comments(before)  # every explanation of the card is still there
    assert "head:\n  last_name: Горбунова # фамилия (обязательно)\n" in after
    assert "kind: школа\n" in after and "font_size: 14\n" in after  # written as a curator writes them
    page = client.get("/organization?saved=1").text
    assert "Карточка сохранена" in page and 'value="Горбунова"' in page
    assert "Заполнена: МБОУ «Гимназия № 3», руководитель — Л.А.\u00a0Горбунова" in client.get("/").text


def test_the_empty_workbook_downloads_by_id(client):
    page = client.get("/registry").text
    link = re.search(r'href="(/files/[^"]+)" download>Скачать пустую книгу', page).group(1)
    answer = client.get(link)
    assert answer.status_code == 200 and answer.headers["content-type"] == XLSX
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(answer.content))
    assert {"Участники", "Пары", "История пар"} <= set(book.sheetnames)


def test_a_registry_with_an_error_is_refused_and_the_error_located(client, bad_registry):
    before = (folder_of(client) / "База наставников и наставляемых.xlsx").read_bytes()
    answer = client.post("/registry", files={"workbook": ("Моя база.xlsx", bad_registry.read_bytes(), XLSX)})
    assert answer.status_code == 422
    page = answer.text
    assert "Файл «Моя база.xlsx» не принят: ошибок — 1" in page
    cells = re.findall(r"<td>([^<]*)</td>", page.split('class="problems"')[1].split("</table>")[0])
    assert cells[:4] == [PLANTED["sheet"], str(PLANTED["row"]), PLANTED["column"], PLANTED["value"]]
    assert (folder_of(client) / "База наставников и наставляемых.xlsx").read_bytes() == before


@pytest.mark.parametrize(("name", "content", "message"), MALFORMED_WORKBOOKS)
def test_malformed_uploads_are_refused(client, name, content, message):
    answer = client.post("/registry", files={"workbook": (name, content, XLSX)})
    assert answer.status_code == 422
    assert message in answer.text
    assert not any(p.name.startswith("upload") for p in folder_of(client).iterdir())


def test_a_good_registry_replaces_the_folders_and_shows_people_and_pairs(client):
    answer = client.post("/registry", files={"workbook": ("база.xlsx", (SAMPLES / "registry.xlsx").read_bytes(), XLSX)},
                         follow_redirects=False)
    assert answer.status_code == 303
    page = client.get(answer.headers["location"]).text
    assert "База загружена: участников — 28, пар и групп — 12" in page
    row = re.search(r'<tr id="r-Участники-2">(.*?)</tr>', page, re.S).group(1)
    assert "Кравченко Ольга Викторовна" in row and "учитель русского языка" in row
    pair = re.search(r'<tr id="r-Пары-2">(.*?)</tr>', page, re.S).group(1)
    assert "Кравченко\u00a0О.В." in pair and "завершена" in pair
    event = re.search(r'<tr id="r-История_пар-2">(.*?)</tr>', page, re.S).group(1)
    assert "12.01.2026" in event and "смена наставника" in event and "Фёдорова\u00a0А.В. → Иванов\u00a0А.Д." in event


def _ready(client):
    shutil.copy(SAMPLES / "organization.yaml", folder_of(client) / "organization.yaml")
    shutil.copy(SAMPLES / "registry.xlsx", folder_of(client) / "База наставников и наставляемых.xlsx")


def test_awards_need_the_card_first(client):
    page = client.get("/awards").text
    assert "Сначала заполните" in page and "disabled" in page


def test_award_filters_narrow_the_recipients(client):
    _ready(client)
    everyone = client.get("/awards?kind=award.certificate").text
    assert "Выпустить: 28 документов" in everyone
    pupils = client.get("/awards?kind=award.certificate&category=pupil&role=mentee").text
    rows = re.findall(r"<tr><td>\d+</td><td>([^<]+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", pupils)
    assert rows and all(role == "наставляемый" and "класс" in post for _, post, role in rows)
    named = client.get("/awards?kind=award.certificate&name=кравченко").text
    assert "Выпустить: 1 документ" in named


def test_award_field_errors_come_from_the_kind(client):
    _ready(client)
    answer = client.post("/awards", data={"kind": "award.certificate", "date": "2026-05-25"})
    assert answer.status_code == 422
    assert re.search(r'id="f-event-error">не указано, в чём участвовал', answer.text)
    wrong = client.post("/awards", data={"kind": "award.gramota", "date": "31.02.2026", "wording": "за труд"})
    assert wrong.status_code == 422 and 'id="f-date-error"' in wrong.text


def test_a_certificate_batch_runs_with_progress_and_gives_a_zip(client):
    _ready(client)
    answer = client.post("/awards", data={"kind": "award.gramota", "role": "mentor", "category": "teacher",
                                          "date": "2026-05-25", "wording": "за наставничество", "merge": "on"},
                         follow_redirects=False)
    assert answer.status_code == 303
    job = answer.headers["location"]
    deadline = time.monotonic() + 120
    while (progress := client.get(job + "/progress").json())["state"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert progress["state"] == "done" and progress["done"] == progress["total"] > 0
    page = client.get(job).text
    assert f"Записано документов: {progress['total']} из {progress['total']}" in page
    archive = client.get(re.search(r'href="(/files/[^"]+)" download>Скачать всё', page).group(1))
    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    documents = [n for n in names if "для печати" not in n]
    assert len(documents) == progress["total"] and any("для печати" in n for n in names)
    for name in documents:
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(zipfile.ZipFile(
            io.BytesIO(archive.content)).read(name))).paragraphs)
        assert name.split("_")[0] in text and "за наставничество" in text
    assert (folder_of(client) / "Грамоты и благодарности").is_dir()


def test_unknown_jobs_and_files_are_404(client):
    assert client.get("/jobs/nope").status_code == 404
    assert client.get("/jobs/nope/progress").status_code == 404
    assert "ссылка устарела" in client.get("/files/AAAAAAAAAAAAAAAA").text


@pytest.mark.slow
def test_preview_is_the_first_page_as_png(client):
    page = client.get("/registry").text
    file_id = re.search(r'href="/files/([^"]+)" download>Скачать пустую книгу', page).group(1)
    assert "Первая страница документа" in client.get(f"/preview/{file_id}").text
    png = client.get(f"/preview/{file_id}/page.png")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")


def test_serve_refuses_another_address_without_a_token(tmp_path):
    from typer.testing import CliRunner

    from nastavnik_docs.cli import app

    result = CliRunner().invoke(app, ["serve", str(tmp_path), "--host", "0.0.0.0", "--no-browser"])
    assert result.exit_code == 2
    assert "задайте ключ доступа (--token)" in " ".join(result.output.split())
    short = CliRunner().invoke(app, ["serve", str(tmp_path), "--host", "0.0.0.0", "--token", "short"])
    assert short.exit_code == 2 and "слишком короткий" in " ".join(short.output.split())


def test_progress_counts_only_finished_documents(tmp_path):
    from nastavnik_docs.web.jobs import Job, finished_files

    job = Job("j", "Почётная грамота", 4, finished_files(tmp_path / "out", ".docx"))
    assert job.progress()["done"] == 0  # the folder is not there yet
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "Иванова_М.П.docx").write_bytes(b"done")
    (tmp_path / "out" / "Петров_А.docx").write_bytes(b"done")
    (tmp_path / "out" / ".nastavnik-tmp-abc.docx").write_bytes(b"half")
    (tmp_path / "out" / "Ошибки выпуска.csv").write_text("x", encoding="utf-8")
    assert job.progress() | {"seconds": 0} == {"state": "running", "done": 2, "total": 4, "percent": 50,
                                               "seconds": 0, "error": None}


def test_progress_reads_the_state_once(tmp_path):
    """The run may end while its page is made: the page must not pair «done» with the count
    of a moment before (the browser test once saw a finished bar at 0 under load)."""
    from nastavnik_docs.web.jobs import Job

    def count() -> int:  # the run ends while it is being counted
        job.result["processed"] = 2
        job.state = "done"
        return 0

    job = Job("j", "Почётная грамота", 2, count)
    assert job.progress() | {"seconds": 0} == {"state": "running", "done": 0, "total": 2, "percent": 0,
                                               "seconds": 0, "error": None}
    assert job.progress() | {"seconds": 0} == {"state": "done", "done": 2, "total": 2, "percent": 100,
                                               "seconds": 0, "error": None}
