"""The command line's advice is a part of an error of its own (``NastavnikError.advice``):
the command line prints the whole message, a page shows ``without_advice`` and offers buttons."""

from __future__ import annotations

from pathlib import Path

import pytest

from nastavnik_docs.engine.lookup import find_template
from nastavnik_docs.errors import InputError, OutputExistsError, TemplateNotFoundError
from nastavnik_docs.web.jobs import page_error


def test_an_existing_file_advises_overwriting_and_its_reason_does_not(tmp_path):
    error = OutputExistsError.file(tmp_path / "a.docx")
    assert str(error) == f"Файл уже существует: {tmp_path / 'a.docx'}. Чтобы перезаписать, укажите --force (overwrite=True)"
    assert error.without_advice == f"Файл уже существует: {tmp_path / 'a.docx'}."
    assert isinstance(error, FileExistsError)


def test_an_error_without_advice_gives_its_whole_message():
    error = InputError("нет ни одной записи")
    assert error.advice == "" and error.without_advice == str(error)


@pytest.mark.parametrize(("given", "words"), [(True, "параметром --templates"), (False, "переменной")])
def test_a_missing_template_folder_says_where_it_was_set(tmp_path, monkeypatch, given, words):
    missing = tmp_path / "нет"
    monkeypatch.setenv("NASTAVNIK_DOCS_TEMPLATES", str(missing))
    with pytest.raises(TemplateNotFoundError) as caught:
        find_template("order.docx", missing if given else None)
    assert words in str(caught.value)
    page = page_error(caught.value, {tmp_path: "рабочая папка"})
    assert page.startswith("Папка своих шаблонов не найдена: нет") and str(tmp_path) not in page
    assert ("--templates" in page) is False and (words in page) is not given


def test_a_page_shows_the_reason_with_its_folders_named(tmp_path):
    error = OutputExistsError.file(Path(tmp_path) / "ИТОГ.zip")
    assert page_error(error).startswith("В папке выпуска уже есть документы")  # a clash as such
    other = TemplateNotFoundError(f"Шаблон не найден в {tmp_path}")
    assert page_error(other, {tmp_path: "папка проекта"}) == "Шаблон не найден в папка проекта"
