"""nastavnik-docs init: an empty workbook and an organisation card."""

from __future__ import annotations

import openpyxl
import pytest
import yaml

from nastavnik_docs.errors import InputError, OutputExistsError
from nastavnik_docs.io import init_workspace, load_organization, load_registry
from nastavnik_docs.io._columns import PARTICIPANT_COLUMNS
from nastavnik_docs.models import Registry


def test_init_writes_both_files(tmp_path):
    written = init_workspace(tmp_path / "наставничество")
    assert [p.name for p in written] == ["База наставников и наставляемых.xlsx", "organization.yaml"]
    workbook, card = written
    assert load_registry(workbook) == Registry()
    wb = openpyxl.load_workbook(workbook)
    assert [c.value for c in wb["Участники"][1]] == [c.header for c in PARTICIPANT_COLUMNS]
    assert "lst_gender" in wb.defined_names
    text = card.read_text(encoding="utf-8")
    assert "# Полное наименование" in text and "Вологды" in text
    assert set(yaml.safe_load(text)) >= {"full_name", "short_name", "city", "head", "founder"}


def test_unfilled_card_reports_what_to_fill(tmp_path):
    _, card = init_workspace(tmp_path)
    with pytest.raises(InputError) as info:
        load_organization(card)
    assert sorted(p.field for p in info.value.problems) == [
        "city", "full_name", "head → first_name", "head → last_name", "head → post", "short_name"]
    assert all(p.message == "обязательное поле не заполнено" and p.row for p in info.value.problems)


def test_filled_card_loads(tmp_path):
    _, card = init_workspace(tmp_path)
    text = card.read_text(encoding="utf-8")
    for key, value in [("full_name:", "full_name: МБОУ «Гимназия № 2»"), ("short_name:", "short_name: Гимназия № 2"),
                       ("city:", "city: Тула"), ("  last_name:", "  last_name: Орлова"),
                       ("  first_name:", "  first_name: Анна"), ("  post:", "  post: Директор")]:
        text = text.replace(key, value, 1)
    card.write_text(text, encoding="utf-8")
    org = load_organization(card)
    assert (org.city, org.head.last_name, org.founder, org.font_name) == ("Тула", "Орлова", None, "Times New Roman")


def test_init_refuses_to_overwrite(tmp_path):
    _, card = init_workspace(tmp_path)
    card.write_text("мои данные", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        init_workspace(tmp_path)
    assert card.read_text(encoding="utf-8") == "мои данные"
    init_workspace(tmp_path, overwrite=True)
    assert "full_name:" in card.read_text(encoding="utf-8")
