"""The curator's path in a real browser (headless chromium driven by selenium).

From a new project folder: fill the organisation card (a wrong INN refused beside its
field), upload the registry with one planted error (refused, the error located), upload it
fixed, name the officials, run the check, issue the year with a progress bar, download the
ZIP and open every file in it; and a certificate batch from the registry with its progress
bar. Each step waits for the page it needs (see ``browser.py``) and is timed; the times are
printed (``pytest -s``) as the path a curator takes.
"""

from __future__ import annotations

import io
import re
import shutil
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
import yaml
from browser import choose, chromium, downloaded, fill, go, needs_chromium, press, running_server, submit, wait_text
from web_support import PLANTED, SAMPLE_PROJECT, SAMPLES, registry_with_error, unfilled_sample_project

pytestmark = needs_chromium

#: How many documents the sample project's year has.
YEAR = len(yaml.safe_load((SAMPLE_PROJECT / "nastavnik.yaml").read_text(encoding="utf-8"))["documents"])
_SAMPLE_CARD = yaml.safe_load((SAMPLES / "organization.yaml").read_text(encoding="utf-8"))
#: The sample card as a curator types it into the form (its text fields).
CARD = {k: v for k, v in _SAMPLE_CARD.items() if isinstance(v, str) and k != "kind"} | {
    f"head.{k}": v for k, v in _SAMPLE_CARD["head"].items() if k != "gender"}


class Steps:
    """The time of each step of the path."""

    def __init__(self) -> None:
        self.times: list[tuple[str, float]] = []
        self._started = time.perf_counter()

    def done(self, step: str) -> None:
        now = time.perf_counter()
        self.times.append((step, now - self._started))
        self._started = now

    def print(self) -> None:
        total = sum(t for _, t in self.times)
        print("\nПуть куратора (время по шагам):")
        for step, seconds in self.times:
            print(f"  {step:<58} {seconds:6.1f} с")
        print(f"  {'всего':<58} {total:6.1f} с")


def fill_card(driver, url: str) -> None:
    from selenium.webdriver.common.by import By

    go(driver, url + "/organization")
    fill(driver, {**CARD, "inn": "12345"})
    choose(driver, {"head.gender": "female"})
    submit(driver, "Сохранить")
    # the model's message stands beside the field it concerns
    assert driver.find_element(By.ID, "f-inn-error").text == "значение не соответствует формату"
    assert driver.find_element(By.ID, "f-inn").get_attribute("aria-invalid") == "true"
    fill(driver, {"inn": CARD["inn"]})
    submit(driver, "Сохранить")
    assert "Карточка сохранена" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text


def upload_registry(driver, url: str, tmp_path: Path, source: Path = SAMPLES / "registry.xlsx") -> None:
    from selenium.webdriver.common.by import By

    go(driver, url + "/registry")
    bad = registry_with_error(tmp_path / "База с ошибкой.xlsx", source)
    driver.find_element(By.ID, "workbook").send_keys(str(bad))
    submit(driver, "Загрузить")
    heading = driver.find_element(By.ID, "upload-errors").text
    assert "не принят" in heading and "ошибок — 1" in heading
    cells = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "table.problems tbody td")]
    assert cells[:4] == [PLANTED["sheet"], str(PLANTED["row"]), PLANTED["column"], PLANTED["value"]]
    assert "такой даты нет" in cells[4]

    # fixed: accepted, people and pairs as tables, each row anchored
    good = tmp_path / "База.xlsx"
    shutil.copy(source, good)
    driver.find_element(By.ID, "workbook").send_keys(str(good))
    submit(driver, "Загрузить")
    assert "База загружена: участников — 28" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert driver.find_element(By.ID, "r-Пары-3").text.split()[0] == "3"
    heads = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#pairs + .scroll thead th")]
    assert heads[4:6] == ["Тип пары", "Формат"]


def name_officials(driver, url: str) -> None:
    from selenium.webdriver.common.by import By

    go(driver, url + "/officials")
    choose(driver, {"curator.mode": "У10", "deputy.mode": "У10", "council_chair.mode": "@head",
                    "council_secretary.mode": "У11", "chief_accountant.mode": "@other",
                    "commission.chair.mode": "У10", "commission.secretary.mode": "У11"})
    details = driver.find_element(By.CSS_SELECTOR, "#f-chief_accountant details")
    assert details.get_attribute("open") is not None  # choosing «другой человек» unfolds the fields
    fill(driver, {"chief_accountant.last_name": "Ермакова", "chief_accountant.first_name": "Ирина",
                  "chief_accountant.middle_name": "Владимировна", "chief_accountant.post": "главный бухгалтер"})
    choose(driver, {"chief_accountant.gender": "female"})
    for member in ("У01", "У06"):
        driver.find_element(By.CSS_SELECTOR, f"input[name='commission.members'][value='{member}']").click()
    submit(driver, "Сохранить")
    assert "Должностные лица сохранены" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text


def document_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def open_every_file(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each file of the ZIP opened by its own reader; its text by name."""
    texts = {}
    for name in (n for n in archive.namelist() if not n.endswith("/")):
        data = archive.read(name)
        suffix = Path(name).suffix
        if suffix == ".docx":
            text = document_text(data)
        elif suffix == ".xlsx":
            book = openpyxl.load_workbook(io.BytesIO(data))
            text = "\n".join(str(v) for ws in book for row in ws.iter_rows(values_only=True) for v in row if v is not None)
        elif suffix == ".ics":
            text = data.decode("utf-8")
            assert text.startswith("BEGIN:VCALENDAR") and "SUMMARY" in text, name
        else:
            raise AssertionError(f"unexpected file in the year's ZIP: {name}")
        assert len(text) > 40 and "{{" not in text and "None" not in text, name
        texts[name] = text
    return texts


@pytest.fixture
def downloads(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.mark.slow
def test_curator_path_from_a_new_folder_to_the_years_documents(tmp_path, downloads):
    from selenium.webdriver.common.by import By

    from nastavnik_docs.web.archive import preview_available

    steps = Steps()
    folder = unfilled_sample_project(tmp_path / "Наставничество 2026-2027")
    with running_server(folder, tmp_path / "work") as url, chromium(downloads) as driver:
        go(driver, url + "/")
        assert "Не заполнена" in driver.find_element(By.CSS_SELECTOR, ".steps").text
        steps.done("запуск сервера и браузера, главная страница")
        fill_card(driver, url)
        steps.done("карточка организации (с ошибкой ИНН и исправлением)")
        upload_registry(driver, url, tmp_path, SAMPLE_PROJECT / "База наставников и наставляемых.xlsx")
        steps.done("база участников (с ошибкой, затем исправленная)")
        name_officials(driver, url)
        steps.done("должностные лица")

        go(driver, url + "/check")
        assert "Ошибок и предупреждений нет" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
        steps.done("проверка данных года")

        go(driver, url + "/plan")
        summary = driver.find_element(By.CSS_SELECTOR, ".summary").text
        assert f"к выпуску: {YEAR}" in summary and "не хватает данных: 0" in summary
        steps.done("план года")
        submit(driver, "Выпустить все документы")
        wait_text(driver, "progress-label", "Готово", 900)
        bar = driver.find_element(By.ID, "bar")
        assert bar.get_attribute("value") == bar.get_attribute("max") == str(YEAR)
        report = driver.find_element(By.ID, "progress-text").text
        assert report.startswith(f"Документов года: {YEAR} (файлов: ")
        files = int(report.split("файлов: ")[1].split(")")[0])
        assert "Не выпущено" not in driver.find_element(By.TAG_NAME, "main").text
        steps.done("выпуск года (фоновая задача с полосой хода)")

        driver.find_element(By.PARTIAL_LINK_TEXT, "одним архивом").click()
        archive = zipfile.ZipFile(downloaded(downloads, ".zip"))
        steps.done("скачивание ZIP")

        go(driver, url + "/plan")
        assert f"выпущено: {YEAR}" in driver.find_element(By.CSS_SELECTOR, ".summary").text
        for key in ("coverage", "analytical", "personified"):  # the statistics of the year, like the others
            report_row = driver.find_element(By.ID, f"d-{key}")
            assert "выпущен" in report_row.text and report_row.find_elements(By.PARTIAL_LINK_TEXT, "Скачать"), key
        row = driver.find_element(By.ID, "d-curator_order")
        assert "№ 110-о/д" in row.text and "Приказ о назначении куратора" in row.text
        if preview_available():
            press(driver, row.find_element(By.LINK_TEXT, "Просмотр"))
            image = driver.find_element(By.CSS_SELECTOR, ".preview img")
            assert driver.execute_async_script(
                "const [img, done] = arguments; if (img.complete) done(img.naturalWidth);"
                " else { img.onload = () => done(img.naturalWidth); img.onerror = () => done(0); }", image) > 0
            steps.done("предпросмотр первой страницы (LibreOffice)")

    texts = open_every_file(archive)
    steps.done(f"открыть все {len(texts)} файлов архива")
    steps.print()
    assert len(texts) == files + 2  # the documents' files, the journal and the index

    def one(*words: str) -> str:
        (name,) = [n for n in texts if all(w in n for w in words)]
        return texts[name]

    council = one("Протокол заседания педагогического совета № 1")
    assert "Горбунова" in council and "Орлова" in council  # the chair and the secretary named on the form
    assert "Власова" in one("Приказ о назначении куратора")
    assert "Ермакова" in one("Приказ о поощрении")  # the chief accountant typed in
    review = one("рассмотрени")
    assert "Кравченко" in review and "Белоусова" in review  # the commission's members ticked
    assert "108-о/д" in texts["Журнал регистрации.xlsx"]


def test_certificates_in_a_batch_with_a_progress_bar(tmp_path, downloads):
    from selenium.webdriver.common.by import By

    with running_server(tmp_path / "Наставничество 2025-2026", tmp_path / "work") as url, \
            chromium(downloads) as driver:
        fill_card(driver, url)
        upload_registry(driver, url, tmp_path)

        # certificates for the mentors, with a progress bar
        go(driver, url + "/awards")
        choose(driver, {"kind": "award.gramota", "role": "mentor", "status": "completed"})
        submit(driver, "Показать, кому")
        listed = driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")
        assert listed and all("наставник" in row.text for row in listed)
        fill(driver, {"wording": "за вклад в профессиональное становление молодых педагогов"})
        driver.find_element(By.ID, "f-numbers-own").click()
        fill(driver, {"number_prefix": "Г-", "number_width": "3"})
        driver.find_element(By.ID, "f-qr").click()
        submit(driver, "Выпустить")
        wait_text(driver, "progress-label", "Готово", 600)
        bar = driver.find_element(By.ID, "bar")
        assert bar.get_attribute("value") == bar.get_attribute("max") == str(len(listed))
        last = f"Г-{len(listed):03d}"
        assert f"Регистрационные номера: Г-001{' — ' + last if len(listed) > 1 else ''}." in \
            driver.find_element(By.TAG_NAME, "main").text

        driver.find_element(By.PARTIAL_LINK_TEXT, "одним архивом").click()
        archive = zipfile.ZipFile(downloaded(downloads, ".zip"))
    names = [n for n in archive.namelist() if n.endswith(".docx")]
    assert len(names) == len(listed)
    assert [n for n in archive.namelist() if n.endswith(".xlsx")] == ["Журнал регистрации — Почётная грамота.xlsx"]
    numbers = []
    for name in names:
        text = document_text(archive.read(name))
        assert "за вклад в профессиональное становление молодых педагогов" in text
        assert name.split("_")[0] in text  # the recipient's surname
        numbers += re.findall(r"Г-\d{3}", text)
    assert sorted(numbers) == [f"Г-{n:03d}" for n in range(1, len(listed) + 1)]
