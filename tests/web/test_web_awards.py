"""The certificates page over the batch's own filters (pair type, format, status, class,
post), registration numbers (the curator's own or the project journal's) and QR codes, and
the registry tables with a pair's two dimensions."""

from __future__ import annotations

import io
import re
import time
import zipfile

import docx
import pytest
import yaml
from openpyxl import load_workbook
from web_support import SAMPLES, served_card_and_registry

from nastavnik_docs import load_registry

#: one row of the «Кому будут выпущены» table: name, post or class, role
ROW = re.compile(r"<tr><td>\d+</td><td>([^<]+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>")


def _wait(client, job: str) -> str:
    deadline = time.monotonic() + 180
    while (progress := client.get(job + "/progress").json())["state"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert progress["state"] == "done", client.get(job).text
    return client.get(job).text


def _start(client, **data: str) -> str:
    answer = client.post("/awards", data={"kind": "award.certificate", "date": "2026-05-25",
                                          "event": "в программе наставничества", **data}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return _wait(client, answer.headers["location"])


def test_the_registry_tables_show_pair_type_and_format(client):
    served_card_and_registry(client)
    page = client.get("/registry").text
    head = re.search(r"<h2 id=\"pairs\">.*?</thead>", page, re.S).group(0)
    assert "<th scope=\"col\">Тип пары</th><th scope=\"col\">Формат</th>" in head
    registry = load_registry(SAMPLES / "registry.xlsx")
    group = next(p for p in registry.pairs if registry.format_of(p).title == "групповое")
    pairs = page[page.index('<h2 id="pairs">'):]
    row = re.search(rf'<tr id="[^"]*-{group.origin.row}">(.*?)</tr>', pairs, re.S).group(1)
    assert re.search(rf"{registry.pair_type_of(group).title} <span class=\"hint\" title=\"[^\"]+\">\(по категориям\)</span>", row)
    assert "<td>групповое</td>" in row and "«групповое»" not in page


def test_the_page_offers_every_filter_of_the_batch(client):
    served_card_and_registry(client)
    page = client.get("/awards?kind=award.certificate").text
    for name in ("role", "category", "status", "pair_type", "format", "class", "post", "name"):
        assert f'name="{name}"' in page
    assert '<option value="реверсивное">реверсивное</option>' in page
    assert '<option value="completed">завершена</option>' in page


def test_pair_filters_choose_the_people_of_the_pairs(client):
    served_card_and_registry(client)
    registry = load_registry(SAMPLES / "registry.xlsx")
    group = [p for p in registry.pairs if registry.format_of(p).title == "групповое"]
    people = {registry.participant(i).full_name for p in group for i in (p.mentor, *p.mentees)}
    page = client.get("/awards", params={"kind": "award.certificate", "format": "групповое"}).text
    assert {name for name, _, _ in ROW.findall(page)} == people
    reverse = client.get("/awards", params={"kind": "award.certificate", "format": "реверсивное",
                                            "role": "mentee"}).text
    (mentee,) = ROW.findall(reverse)
    assert mentee[2] == "наставляемый"


def test_a_role_lists_only_those_awarded_in_that_role(client):
    served_card_and_registry(client)
    mentors = ROW.findall(client.get("/awards", params={"kind": "award.gramota", "role": "mentor"}).text)
    everyone = ROW.findall(client.get("/awards", params={"kind": "award.gramota"}).text)
    assert mentors and {role for _, _, role in mentors} == {"наставник"}
    assert set(mentors) == {row for row in everyone if row[2] == "наставник"}


def test_class_and_post_filters(client):
    served_card_and_registry(client)
    eighth = ROW.findall(client.get("/awards", params={"kind": "award.certificate", "class": "8"}).text)
    assert len(eighth) == 2 and all(post == "8 «А» класс" for _, post, _ in eighth)
    teachers = ROW.findall(client.get("/awards", params={"kind": "award.certificate", "post": "учитель"}).text)
    assert teachers and all("учитель" in post for _, post, _ in teachers)


def test_a_filter_nobody_passes_says_which_values_there_are(client):
    served_card_and_registry(client)
    page = client.get("/awards", params={"kind": "award.certificate", "class": "3"}).text
    assert "не выбрано ни одного участника" in page and "8 а" in page and "«filter»" not in page
    answer = client.post("/awards", data={"kind": "award.certificate", "date": "2026-05-25",
                                          "event": "в программе", "class": "3"})
    assert answer.status_code == 422 and "не выбрано ни одного участника" in answer.text


def test_own_numbers_must_be_whole_numbers(client):
    served_card_and_registry(client)
    answer = client.post("/awards", data={"kind": "award.certificate", "date": "2026-05-25", "event": "в программе",
                                          "numbers": "own", "number_start": "первый", "number_width": "40"})
    assert answer.status_code == 422
    assert re.search(r'id="f-number-start-error">нужно целое число, а написано «первый»', answer.text)
    wrong = client.post("/awards", data={"kind": "award.certificate", "date": "2026-05-25", "event": "в программе",
                                         "numbers": "own", "number_width": "40"})
    assert wrong.status_code == 422 and re.search(r'id="f-number-width-error">номера: .*от 1 до 12', wrong.text)


def test_own_numbers_with_a_qr_code_and_the_issue_journal(client):
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    served_card_and_registry(client)
    page = _start(client, **{"class": "8", "numbers": "own", "number_prefix": "С-", "number_width": "3",
                             "qr": "on"})
    assert "Регистрационные номера: С-001 — С-002." in page
    sheet = load_workbook(io.BytesIO(client.get(
        re.search(r'href="(/files/[^"]+)" download>Журнал выдачи', page).group(1)).content)).active
    numbers = {str(c.value) for row in sheet.iter_rows() for c in row if c.value}
    assert {"С-001", "С-002"} <= numbers
    archive = zipfile.ZipFile(io.BytesIO(client.get(
        re.search(r'href="(/files/[^"]+)" download>Скачать всё', page).group(1)).content))
    found = []
    for name in (n for n in archive.namelist() if n.endswith(".docx")):
        package = zipfile.ZipFile(io.BytesIO(archive.read(name)))
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(archive.read(name))).paragraphs)
        for media in (m for m in package.namelist() if m.startswith("word/media/")):
            image = Image.open(io.BytesIO(package.read(media)))
            found += [(b.text, text) for b in zxingcpp.read_barcodes(image)]
    assert sorted(re.search(r"№\W*(С-\d+)", qr).group(1) for qr, _ in found) == ["С-001", "С-002"]
    assert all(qr.split("\n")[-1].split()[0] in text for qr, text in found)  # the recipient's surname


def test_journal_numbers_continue_the_project_journal_and_enter_it(client):
    folder = served_card_and_registry(client)
    page = _start(client, **{"class": "8", "numbers": "journal"})
    assert "занесены в журнал регистрации папки" in page
    shown = re.search(r"Регистрационные номера: (\S+) — (\S+);", page).groups()
    journal = yaml.safe_load((folder / "журнал.yaml").read_text(encoding="utf-8"))["entries"]
    assert [e["number"] for e in journal] == list(shown)
    assert {e["kind"] for e in journal} == {"award.certificate"}
    again = _start(client, **{"class": "10", "numbers": "journal"})
    first_again = re.search(r"Регистрационные номера: (\S+) —", again).group(1)
    assert first_again not in shown
    assert len(yaml.safe_load((folder / "журнал.yaml").read_text(encoding="utf-8"))["entries"]) == 4
    assert len(list((folder / "Грамоты и благодарности").iterdir())) == 2  # even when started in one second
