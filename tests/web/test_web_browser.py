"""The curator's path in a real browser: fill the card, load the registry (and see a planted
error located), issue certificates with a progress bar, download the ZIP, open every file."""

from __future__ import annotations

import shutil
import zipfile

import docx
import pytest
from browser import chromium, downloaded, needs_chromium, running_server, wait_for
from conftest import PLANTED, SAMPLES, registry_with_error

pytestmark = needs_chromium

CARD = {
    "full_name": "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12»",
    "short_name": "МБОУ «СОШ № 12»",
    "city": "Вологда",
    "head.last_name": "Горбунова",
    "head.first_name": "Людмила",
    "head.middle_name": "Анатольевна",
    "head.post": "Директор МБОУ «СОШ № 12»",
}


def fill(driver, values: dict[str, str]) -> None:
    from selenium.webdriver.common.by import By

    for name, value in values.items():
        element = driver.find_element(By.NAME, name)
        element.clear()
        element.send_keys(value)


def submit(driver, text: str) -> None:
    from selenium.webdriver.common.by import By

    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "button[type=submit]") if text in b.text]
    assert buttons, f"no button «{text}»"
    buttons[0].click()


@pytest.fixture
def site(tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with running_server(tmp_path / "Наставничество 2025-2026", tmp_path / "work") as url, \
            chromium(downloads) as driver:
        yield url, driver, downloads


def test_curator_path(site, tmp_path):
    from selenium.webdriver.common.by import By

    url, driver, downloads = site
    driver.get(url + "/organization")
    fill(driver, {**CARD, "inn": "12345"})
    submit(driver, "Сохранить")
    # the model's message stands beside the field it concerns
    error = driver.find_element(By.ID, "f-inn-error")
    assert error.text == "значение не соответствует формату"
    assert driver.find_element(By.ID, "f-inn").get_attribute("aria-invalid") == "true"
    fill(driver, {"inn": "3525000012"})
    submit(driver, "Сохранить")
    assert "Карточка сохранена" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text

    # the registry with one planted error: refused, the error located
    driver.get(url + "/registry")
    bad = registry_with_error(tmp_path / "База с ошибкой.xlsx")
    driver.find_element(By.ID, "workbook").send_keys(str(bad))
    submit(driver, "Загрузить")
    heading = driver.find_element(By.ID, "upload-errors").text
    assert "не принят" in heading and "1" in heading
    cells = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "table.problems tbody td")]
    assert cells[:4] == [PLANTED["sheet"], str(PLANTED["row"]), PLANTED["column"], PLANTED["value"]]
    assert "такой даты нет" in cells[4]

    # the good one: accepted, people and pairs as tables, each row anchored
    good = tmp_path / "База.xlsx"
    shutil.copy(SAMPLES / "registry.xlsx", good)
    driver.find_element(By.ID, "workbook").send_keys(str(good))
    submit(driver, "Загрузить")
    assert "База загружена: участников — 28" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert driver.find_element(By.ID, "r-Пары-3").text.split()[0] == "3"

    # certificates for the mentors among the teachers, with a progress bar
    driver.get(url + "/awards")
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, "f-kind")).select_by_value("award.gramota")
    Select(driver.find_element(By.ID, "f-role")).select_by_value("mentor")
    submit(driver, "Показать, кому")
    listed = driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")
    assert listed and all("наставник" in row.text for row in listed)
    fill(driver, {"wording": "за вклад в профессиональное становление молодых педагогов"})
    submit(driver, "Выпустить")
    wait_for(lambda: "Готово" in driver.find_element(By.ID, "progress-label").text, 120, "the batch")
    bar = driver.find_element(By.ID, "bar")
    assert bar.get_attribute("value") == bar.get_attribute("max") == str(len(listed))

    driver.find_element(By.PARTIAL_LINK_TEXT, "одним архивом").click()
    archive = zipfile.ZipFile(downloaded(downloads, ".zip"))
    names = archive.namelist()
    assert len(names) == len(listed)
    for name in names:
        with archive.open(name) as member:
            text = "\n".join(p.text for p in docx.Document(member).paragraphs)
        assert "за вклад в профессиональное становление молодых педагогов" in text
        assert name.split("_")[0] in text  # the recipient's surname
