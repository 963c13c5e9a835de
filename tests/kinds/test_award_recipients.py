"""Awards that fit the recipient (issue 13): the wording by role, category and age — a pupil
is never awarded for «труд» —, the Почётная грамота for employees only, a curator's
certificate that says what the curator did, a letter of thanks naming its addressee in full."""

from __future__ import annotations

import pytest
from docx import Document

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path
from nastavnik_docs.batch import records_from_source
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_organization

ORG = load_organization(sample_path("organization.yaml")).model_dump(mode="json", exclude_none=True)
PUPIL = {"last_name": "Белова", "first_name": "Дарья", "middle_name": "Андреевна", "gender": "ж",
         "category": "обучающийся", "post": "7 «Б» класс", "role": "наставляемая"}
BOY = {**PUPIL, "last_name": "Белов", "first_name": "Даниил", "middle_name": "Андреевич", "gender": "м",
       "role": "наставник"}
TEACHER = {"last_name": "Кравченко", "first_name": "Ольга", "middle_name": "Викторовна", "gender": "ж",
           "category": "педагог", "post": "учитель русского языка и литературы", "role": "наставник"}
CURATOR = {"last_name": "Власова", "first_name": "Елена", "middle_name": "Николаевна", "gender": "ж",
           "category": "педагог", "post": "заместитель директора по учебно-воспитательной работе",
           "role": "куратор"}
EVENT = "в программе наставничества МБОУ «СОШ № 12» в 2025/2026 учебном году"


def lines(kind: str, recipient: dict, tmp_path, **fields) -> list[str]:
    data = {"organization": ORG, "date": "2026-05-25", "recipient": recipient, **fields}
    out = nd.render(f"award.{kind}", data, tmp_path / f"{kind}.docx", overwrite=True)
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return [t.replace("\u00a0", " ") for t in texts if t.strip()]


@pytest.mark.parametrize(("recipient", "honorary"), [(TEACHER, True), (PUPIL, False), (BOY, False),
                                                     ({**TEACHER, "category": "представитель работодателя"}, False)])
def test_the_pochetnaya_gramota_goes_to_employees(recipient, honorary, tmp_path):
    text = lines("gramota", recipient, tmp_path)
    assert ("ПОЧЁТНАЯ" in text) is honorary and "ГРАМОТА" in text


@pytest.mark.parametrize(("kind", "recipient", "wording"), [
    ("gramota", PUPIL, "за активное участие в программе наставничества и достигнутые успехи."),
    ("gramota", BOY, "за активное участие в программе наставничества в роли наставника, помощь товарищам "
                     "и достигнутые результаты."),
    ("thanks", TEACHER, "за высокий профессионализм, успешную работу наставником и вклад в профессиональное "
                        "становление наставляемых."),
    ("thanks", CURATOR, "за организацию и методическое сопровождение программы наставничества."),
])
def test_the_default_wording_fits_the_role_and_category(kind, recipient, wording, tmp_path):
    assert wording in lines(kind, recipient, tmp_path)


def test_a_child_by_age_is_a_learner_even_without_a_category(tmp_path):
    child = {k: v for k, v in PUPIL.items() if k not in ("category", "post")} | {"birth_date": "2013-08-19"}
    text = lines("gramota", child, tmp_path)
    assert "ПОЧЁТНАЯ" not in text and "за активное участие в программе наставничества и достигнутые успехи." in text


def test_a_pupil_is_never_awarded_for_labour(tmp_path):
    wording = "за активное участие, добросовестный труд и достигнутые результаты"
    with pytest.raises(InputError) as info:
        lines("gramota", PUPIL, tmp_path, wording=wording)
    assert info.value.problems[0].field == "wording" and "«за труд»" in info.value.problems[0].message
    text = lines("gramota", PUPIL, tmp_path, wording=wording, learner_wording="за успехи в проекте")
    assert "за успехи в проекте." in text and not any("труд" in t for t in text)
    assert f"{wording}." in lines("gramota", TEACHER, tmp_path, wording=wording)


def test_a_batch_over_completed_pairs_words_each_award_for_its_recipient(tmp_path):
    records = records_from_source("award.gramota", sample_path("registry.yaml"),
                                  common=sample_path("awards/common.yaml"))
    report = nd.render_batch("award.gramota", records, tmp_path)
    assert not report.failed
    for path in report.written:
        text = "\n".join(p.text for p in Document(str(path)).paragraphs)
        pupil = "обучающ" in text
        assert ("труд" in text) is not pupil, path.name
        assert ("ПОЧЁТНАЯ" in text) is not pupil, path.name
    assert any("обучающ" in "\n".join(p.text for p in Document(str(p)).paragraphs) for p in report.written)


@pytest.mark.parametrize(("recipient", "verb"), [(PUPIL, "она приняла участие"), (BOY, "он принял участие")])
def test_a_participants_certificate_agrees_with_the_recipient(recipient, verb, tmp_path):
    assert f"в том, что {verb} {EVENT}." in lines("certificate", recipient, tmp_path, event=EVENT)


def test_a_curators_certificate_is_not_tautological(tmp_path):
    text = lines("certificate", CURATOR, tmp_path, event=EVENT)
    assert ("в том, что она как куратор обеспечила организацию и сопровождение наставнических пар и групп "
            f"{EVENT}.") in text
    assert "заместителю директора по учебно-воспитательной работе" in text
    assert not any("куратору программы наставничества" in t or "приняла участие" in t for t in text)


def test_a_letter_of_thanks_names_its_addressee_in_full(tmp_path):
    text = lines("letter", TEACHER, tmp_path, wording="за щедрость в передаче опыта")
    i = text.index("Уважаемая Ольга Викторовна!")
    assert text[i - 2:i] == ["Кравченко Ольге Викторовне", "учителю русского языка и литературы, наставнику"]
    assert text[i + 1].startswith("Администрация МБОУ «СОШ № 12» выражает Вам искреннюю благодарность за щедрость")


MENTOR_WORDING = "за активное участие в программе наставничества в роли наставника, помощь {} и достигнутые результаты."


@pytest.mark.parametrize(("mentor", "mentees", "whom"), [
    (BOY, [{"post": "5 «А» класс"}], "младшим товарищам"),
    (BOY, [{"post": "7 «А» класс"}, {"post": "7Б"}], "сверстникам"),
    ({**BOY, "post": None, "birth_date": "2013-03-01"}, [{"born": "2013-09-20"}], "сверстникам"),
    ({**BOY, "post": None, "birth_date": "2009-03-01"}, [{"born": "2013-09-20"}], "младшим товарищам"),
    ({**BOY, "category": "студент", "post": "студент 2 курса колледжа"}, [{"category": "обучающийся"}],
     "младшим товарищам"),
    (BOY, [{"post": "5 «А» класс"}, {"post": "7 «В» класс"}], "товарищам"),  # a mixed group
    (BOY, [{"post": "9 «А» класс"}], "товарищам"),  # an older mentee
    (BOY, [], "товарищам"),  # not known
])
def test_a_pupil_mentor_helps_younger_mentees_or_peers(mentor, mentees, whom, tmp_path):
    text = lines("gramota", {**mentor, "mentees": mentees}, tmp_path)
    assert MENTOR_WORDING.format(whom) in text


def test_a_batch_words_a_pupil_mentors_award_by_the_pairs_classes(tmp_path):
    """Pair 7 of the sample registry: an 11th-grader and a 7th-grader; moved into one class,
    the same pair is thanked for helping peers."""
    from nastavnik_docs.io import load_registry
    from nastavnik_docs.kinds import get_kind

    registry = load_registry(sample_path("registry.yaml"))
    common = {"organization": ORG, "date": "2026-05-25"}
    kind = get_kind("award.gramota")

    def wording_of(reg) -> str:
        [record] = [r for r in kind.batch.records(reg, common) if r["recipient"]["last_name"] == "Иванов"]
        out = nd.render("award.gramota", record, tmp_path / "a.docx", overwrite=True)
        return "\n".join(p.text for p in Document(str(out)).paragraphs)

    assert MENTOR_WORDING.format("младшим товарищам") in wording_of(registry)
    data = registry.model_dump()
    for person in data["participants"]:
        if person["id"] == "У16":
            person["post"], person["birth_date"] = "11 «Б» класс", None
    peers = wording_of(type(registry).model_validate(data))
    assert MENTOR_WORDING.format("сверстникам") in peers and "младшим" not in peers
