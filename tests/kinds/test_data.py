"""The default wording kept as YAML beside the kinds (``nastavnik_docs.kinds._data``)."""

from __future__ import annotations

from importlib import resources

import pytest

from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.kinds import get_kind
from nastavnik_docs.kinds._data import wording
from nastavnik_docs.kinds.labour import MENTOR_DUTIES
from nastavnik_docs.ru import bind_words, sub_items

WORDING_FILES = [
    ("nastavnik_docs.kinds", "acts.yaml"),
    ("nastavnik_docs.kinds", "awards.yaml"),
    ("nastavnik_docs.kinds.questionnaires", "questionnaires.yaml"),
    ("nastavnik_docs.kinds.consents", "consents.yaml"),
    ("nastavnik_docs.kinds.labour", "labour.yaml"),
    ("nastavnik_docs.kinds.orders", "orders.yaml"),
    ("nastavnik_docs.kinds.programmes", "programmes.yaml"),
    ("nastavnik_docs.kinds.programmes", "holidays.yaml"),
    *(("nastavnik_docs.kinds.programmes", f"library/{name}.yaml") for name in (
        "audiences", "goals", "young_teacher", "new_role", "reverse", "psychologist", "speech_therapist",
        "librarian", "teacher_pupil", "pupil_pair", "pupil_group", "student_pupil", "employer")),
    ("nastavnik_docs.kinds.protocols", "protocols.yaml"),
    ("nastavnik_docs.kinds.regulation", "regulation.yaml"),
]


@pytest.mark.parametrize(("package", "name"), WORDING_FILES)
def test_each_file_is_read_once_as_a_mapping(package, name):
    first = wording(package, name)
    assert isinstance(first, dict) and first
    assert wording(package, name) is first


def test_every_wording_file_beside_the_kinds_is_listed():
    root = resources.files("nastavnik_docs.kinds")
    found = {name for name in _yaml_files(root)}
    assert found == {name.rsplit("/", 1)[-1] for _, name in WORDING_FILES}


def _yaml_files(folder):
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _yaml_files(entry)
        elif entry.name.endswith(".yaml"):
            yield entry.name


def _context(kind_id: str, sample: str):
    kind = get_kind(kind_id)
    return kind.build_context(load_input(kind, sample_path(sample)))


def test_the_curator_duties_of_the_data_file_reach_the_order():
    items = [i.text for i in _context("order.appoint_curator", "orders/appoint_curator.yaml").items]
    duties = wording("nastavnik_docs.kinds.orders", "orders.yaml")["curator_duties"]
    expected = [bind_words(t) for t in sub_items(duties)]  # documents bind one-letter words
    assert expected == [t for t in items if t in expected]


def test_the_mentor_duties_of_the_data_file_reach_the_agreement():
    items = [i.text for i in _context("labour.supplementary_agreement", "labour/supplementary_agreement.yaml").items]
    assert all(any(text.startswith(bind_words(duty)[:40]) for text in items) for duty in MENTOR_DUTIES)


def test_the_audience_wording_agrees_with_the_mentee():
    raw = wording("nastavnik_docs.kinds.programmes", "library/young_teacher.yaml")["criteria"]
    criteria = [c if isinstance(c, str) else c["text"] for c in raw]
    assert "участие {наставляемого} в методической работе и профессиональных конкурсах" in criteria
    one = [i.text for i in _context("programme.personal", "programmes/personal.yaml").criteria]
    group = [i.text for i in _context("programme.personal", "programmes/personal_group.yaml").criteria]
    # the pair's own tasks (the sample's) hold no methodical work: its criterion is left out
    assert "положительная динамика качества уроков наставляемого по итогам посещений;" in one
    assert not any("методической работе" in c for c in one)
    assert "участие наставляемых в методической работе и профессиональных конкурсах." in group
