"""Registries (``nastavnik_docs.kinds.registries``): every mentor and mentee with their pairs.

The DOCX and XLSX registries of the sample registry read back: everyone listed with their
pairs, a person in two pairs, active pairs only, young specialists, the approval stamp,
and bad inputs reported in Russian with the field.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm
from openpyxl import load_workbook
from read_back import (
    NBSP,
    REGISTRY,
    SAMPLES,
    assert_bad_input,
    assert_content,
    assert_templates_check,
    render_samples,
    table,
)

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs.kinds import get_kind
from nastavnik_docs.ru import BLANK_DATE_LONG, format_date

KINDS = ["registry.mentors", "registry.mentees"]

#: (kind, sample) → the title lines and phrases the document must hold.
EXPECTED: dict[tuple[str, str], list[str]] = {
    ("registry.mentors", "forms/registry_mentors.yaml"): [
        "УТВЕРЖДЕН", "приказом МБОУ «СОШ № 12»", "от 28.09.2026 № 131-о/д",
        "РЕЕСТР (БАЗА) НАСТАВНИКОВ", "МБОУ «СОШ № 12» на 2026/2027 учебный год",
        "по состоянию на 1 октября 2026 г.", "Всего: 11 наставников",
        "Куратор программы наставничества", "Е.Н. Власова", "28 лет", "22 года",
        "01.09.2025–29.05.2026 (завершена)", "(прекращена досрочно)",
    ],
    ("registry.mentees", "forms/registry_mentees.yaml"): [
        "УТВЕРЖДАЮ", "Директор МБОУ «СОШ № 12»", "Л.А. Горбунова", BLANK_DATE_LONG.replace(NBSP, " "),
        "РЕЕСТР (БАЗА) НАСТАВЛЯЕМЫХ", "Всего: 18 наставляемых", "Молодой специалист",
        "Куратор программы наставничества",
    ],
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[tuple[str, str], Path]:
    return render_samples(tmp_path_factory.mktemp("registries"), list(EXPECTED))


def test_the_kinds_are_in_the_catalogue():
    for kind_id in KINDS:
        kind = get_kind(kind_id)
        stem = kind_id.replace(".", "_")
        assert kind.family == "Реестры" and kind.output_name
        assert (kind.docx, kind.xlsx) == (f"{stem}.docx", f"{stem}.xlsx")
        assert all((kind_id, sample) in EXPECTED for sample in kind.samples)


@pytest.mark.parametrize("key", list(EXPECTED), ids=lambda k: f"{k[0]}-{Path(k[1]).stem}")
def test_content_and_no_leftovers(rendered, key):
    assert_content(rendered[key], EXPECTED[key])


def _pair_people(kind_id: str) -> dict[str, set[str]]:
    """Participant → the short names of their partners in the sample registry."""
    out: dict[str, set[str]] = {}
    for pair in REGISTRY.pairs:
        mentor = REGISTRY.mentor_of(pair)
        for mentee in REGISTRY.mentees_of(pair):
            if kind_id == "registry.mentors":
                out.setdefault(mentor.full_name, set()).add(mentee.short_name)
            else:
                out.setdefault(mentee.full_name, set()).add(mentor.short_name)
    return out


@pytest.mark.parametrize("kind_id, column", [("registry.mentors", "Наставляемые"),
                                             ("registry.mentees", "Наставник")])
def test_registry_lists_everyone_with_their_pairs(rendered, kind_id, column):
    path = rendered[(kind_id, get_kind(kind_id).samples[0])]
    heads, rows = table(path, column)
    assert heads[-1] == "Дата согласия на обработку ПД"
    people = _pair_people(kind_id)
    expected = REGISTRY.mentors() if kind_id == "registry.mentors" else REGISTRY.mentees()
    assert [r[1] for r in rows] == [p.full_name for p in expected]
    index = heads.index(column)
    for row in rows:
        for partner in people[row[1]]:
            assert partner.replace(NBSP, " ") in row[index], (row[1], partner)
        person = next(p for p in expected if p.full_name == row[1])
        assert row[-1] == format_date(person.consent_date, "numeric")
    section = Document(path).sections[0]
    assert section.page_width > section.page_height and abs(section.page_width - Mm(297)) < Mm(1)


def test_a_person_in_two_pairs_shows_both_numbered(rendered):
    path = rendered[("registry.mentors", "forms/registry_mentors.yaml")]
    _heads, rows = table(path, "Наставляемые")
    ivanov = next(r for r in rows if r[1] == "Иванов Артём Дмитриевич")
    assert ivanov[6] == "№ 7: Кузнецова С.М.\n№ 12: Ким А.С."
    assert ivanov[7].startswith("№ 7: 01.10.2025–22.05.2026 (завершена)")
    assert ivanov[4] == "–"  # a pupil has no pedagogical experience


def test_registry_of_active_pairs_only():
    kind = get_kind("registry.mentors")
    data = load_input(kind, SAMPLES / "forms/registry_mentors.yaml").model_copy(update={"include": "active"})
    rows = {r.name: r for r in kind.build_context(data).rows}
    assert rows["Иванов Артём Дмитриевич"].partners == f"Ким{NBSP}А.С."  # pair 7 is completed
    assert rows["Кравченко Ольга Викторовна"].partners == "–"  # a mentor by role without an active pair
    assert all("(завершена)" not in r.periods for r in rows.values())


def test_mentees_registry_marks_young_specialists(rendered):
    _heads, rows = table(rendered[("registry.mentees", "forms/registry_mentees.yaml")], "Молодой специалист")
    young = {r[1]: r[4] for r in rows}
    assert young["Мамедов Эльдар Рашид оглы"] == "да"
    assert young["Семёнов Пётр Алексеевич"] == "нет"
    assert young["Кузнецова Софья Максимовна"] == "–"


@pytest.mark.parametrize("kind_id", ["registry.mentors", "registry.mentees"])
def test_registry_workbook(tmp_path, kind_id):
    kind = get_kind(kind_id)
    out = nd.render(kind_id, SAMPLES / kind.samples[0], tmp_path / "r.xlsx")
    ws = load_workbook(out).active
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    text = "\n".join(str(v) for row in values for v in row if v is not None)
    for bad in ("{{", "{%", "None"):
        assert bad not in text
    expected = REGISTRY.mentors() if kind_id == "registry.mentors" else REGISTRY.mentees()
    names = [row[1] for row in values if row[0] and str(row[0]).rstrip(".").isdigit()]
    assert names == [p.full_name for p in expected]
    assert "Е.Н. Власова" in text.replace(NBSP, " ")
    assert ws.page_setup.orientation == "landscape"


@pytest.mark.parametrize("sample, change, words", [
    ("forms/registry_mentors.yaml", lambda d: d.pop("registry"), ["registry"]),
    ("forms/registry_mentees.yaml", lambda d: d.update(curator="У99"), ["curator", "У99"]),
])
def test_bad_input_is_reported_in_russian(tmp_path, sample, change, words):
    assert_bad_input(tmp_path, sample, change, words)


@pytest.mark.parametrize("kind_id", KINDS)
def test_templates_check_against_the_context(kind_id):
    assert_templates_check(kind_id)
