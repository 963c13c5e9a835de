"""Protocols that agree with the orders: the chair in the attendance list, non-members invited,
votes over the members present, the commission one name everywhere, every appointed mentor
reviewed by the commission."""

from __future__ import annotations

import pytest
import yaml
from docx import Document
from read_back import SAMPLES, plain, sample_data, texts, write_input

import nastavnik_docs as nd
from nastavnik_docs.errors import InputError
from nastavnik_docs.kinds.protocols import is_member
from nastavnik_docs.models import Official


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    folder = tmp_path_factory.mktemp("council")
    return nd.render("protocol.council", SAMPLES / "protocols/council.yaml", folder / "council.docx")


def _present_table(path):
    return next(t for t in Document(path).tables if [plain(c.text) for c in t.rows[0].cells][-1] == "Подпись"
                and "Должность" in [c.text for c in t.rows[0].cells])


def test_the_chair_and_the_secretary_are_in_the_attendance_list(council):
    names = [plain(r.cells[1].text) for r in _present_table(council).rows[1:]]
    assert names[:2] == ["Горбунова Л.А.", "Орлова С.Б."]
    assert names.count("Орлова С.Б.") == 1  # the secretary is also in «present»: listed once
    assert len(names) == 16
    assert "Присутствовали: 16 человек (список прилагается)." in texts(council)


def test_a_person_who_is_not_a_member_is_invited_and_does_not_vote(council):
    lines = texts(council)
    invited = next(t for t in lines if t.startswith("Приглашённые:"))
    assert "Ермакова И.В., главный бухгалтер" in invited
    names = [plain(r.cells[1].text) for r in _present_table(council).rows[1:]]
    assert "Ермакова И.В." not in names
    assert "Голосовали: «за» – 16, «против» – 0, «воздержались» – 0." in lines  # unanimous: members present


def test_votes_are_counted_over_the_members_present(tmp_path):
    data = sample_data("protocols/council.yaml")
    data["agenda"][0]["votes"] = {"for": 17}  # 17 people were in the room, 16 of them members
    with pytest.raises(InputError) as err:
        nd.render("protocol.council", write_input(tmp_path, data), tmp_path / "votes.docx")
    assert err.value.problems[0].field == "agenda[0].votes"
    assert "голосовать могли только 16" in str(err.value)


def test_a_short_attendance_list_names_the_chair(tmp_path):
    data = sample_data("protocols/council.yaml") | {"present": ["У01", "У02", "У11"]}
    data["agenda"][0]["votes"] = {"for": 4}
    lines = texts(nd.render("protocol.council", write_input(tmp_path, data), tmp_path / "short.docx"))
    assert ("Присутствовали: Горбунова Л.А., Орлова С.Б., Кравченко О.В. и Сидорук Н.И. (4 человека).") in lines


@pytest.mark.parametrize(("post", "member"), [
    ("учитель музыки", True), ("социальный педагог", True), ("заместитель директора по информатизации", True),
    ("педагог-психолог", True), ("главный бухгалтер", False), ("инженер-конструктор", False),
])
def test_membership_follows_the_post(post, member):
    person = Official(last_name="Петрова", first_name="Анна", middle_name="Сергеевна", post=post)
    assert is_member(person) is member
    assert is_member(person, ["бухгалтер"]) is (post == "главный бухгалтер")  # the council's own words


def test_the_commission_has_one_name_everywhere(tmp_path):
    review = texts(nd.render("protocol.candidates_review", SAMPLES / "protocols/candidates_review.yaml",
                             tmp_path / "review.docx"))
    interview = texts(nd.render("protocol.mentor_interview", SAMPLES / "protocols/mentor_interview.yaml",
                                tmp_path / "interview.docx"))
    assert "заседания комиссии по отбору наставников" in review
    assert "собеседования комиссии по отбору наставников с кандидатом в наставники" in interview
    mentors = yaml.safe_load((SAMPLES / "orders/appoint_mentors.yaml").read_text(encoding="utf-8"))
    assert mentors["interview"]["title"] == "протокол заседания комиссии по отбору наставников"
    for name, path in (("review", "protocols/candidates_review.yaml"), ("interview", "protocols/mentor_interview.yaml")):
        data = sample_data(path)
        data["commission"]["name"] = "экспертная комиссия по наставничеству"
        lines = texts(nd.render(f"protocol.{'candidates_review' if name == 'review' else 'mentor_interview'}",
                                write_input(tmp_path, data, f"{name}.yaml"), tmp_path / f"{name}2.docx"))
        assert any("экспертной комиссии по наставничеству" in t for t in lines[:6]), name


def test_every_mentor_the_order_appoints_was_reviewed_by_the_commission():
    appointed = set(sample_data("orders/appoint_mentors.yaml")["mentors"])
    review = sample_data("protocols/candidates_review.yaml")
    recommended = {c["person"] for c in review["candidates"] if c["decision"] == "рекомендовать"}
    interviewed = {sample_data("protocols/mentor_interview.yaml")["candidate"]}
    assert appointed <= recommended | interviewed
    commission = review["commission"]
    members = {commission["chair"], *(m for m in commission["members"] if isinstance(m, str))}
    assert not members & appointed - interviewed  # nobody reviews their own candidacy


def test_attendance_rows_are_tall_enough_to_sign_in(council):
    table = _present_table(council)
    for row in table.rows[1:]:
        assert row.height is not None and row.height.mm >= 10
