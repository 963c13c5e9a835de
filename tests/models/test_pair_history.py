"""A pair's history and the registry as it stood on a date (``Pair.as_of``, ``Registry.as_of``)."""

import re
from datetime import date

import pytest
from pydantic import ValidationError

from nastavnik_docs.models import (
    Pair,
    PairEvent,
    PairEventKind,
    PairStatus,
    Participant,
    Registry,
    SupplementaryAgreement,
)

SEPT, MAY = date(2025, 9, 1), date(2026, 5, 29)


def _people(*ids: str) -> list[Participant]:
    names = {"н1": ("Кравченко", "Ольга", "Викторовна"), "н2": ("Сидорук", "Наталья", "Ивановна"),
             "м1": ("Соколова", "Анна", "Сергеевна"), "м2": ("Мамедов", "Эльдар", "Рашид оглы"),
             "м3": ("Лебедев", "Кирилл", "Андреевич")}
    return [Participant(id=i, last_name=names[i][0], first_name=names[i][1], middle_name=names[i][2])
            for i in ids]


def _pair(**fields) -> Pair:
    data = {"mentor": "н1", "mentees": ["м1"], "form": "учитель – учитель", "start": SEPT, "end": MAY} | fields
    return Pair(**data)


@pytest.mark.parametrize(("typed", "kind"), [
    ("смена наставника", PairEventKind.MENTOR_CHANGED), ("Замена наставника", PairEventKind.MENTOR_CHANGED),
    ("прекращена досрочно", PairEventKind.ENDED_EARLY), ("завершена", PairEventKind.COMPLETED),
    ("выбыла наставляемая", PairEventKind.MENTEE_REMOVED), ("включён наставляемый", PairEventKind.MENTEE_ADDED),
    ("начало", PairEventKind.START), ("completed", PairEventKind.COMPLETED),
])
def test_event_kinds_accept_russian_words(typed, kind):
    assert PairEventKind(typed) is kind


def test_a_pair_without_history_derives_it_from_its_fields():
    pair = _pair(status="прекращена досрочно", end=date(2026, 3, 20), end_reason="перевод в другую школу")
    assert pair.history == []
    assert [(e.date, e.kind, e.reason) for e in pair.timeline()] == [
        (SEPT, PairEventKind.START, None),
        (date(2026, 3, 20), PairEventKind.ENDED_EARLY, "перевод в другую школу")]
    assert pair.ended_on == date(2026, 3, 20)
    assert _pair().ended_on is None


@pytest.mark.parametrize(("day", "expected"), [
    (date(2025, 8, 31), None),                      # before the start: absent
    (SEPT, PairStatus.ACTIVE),                      # on the start day
    (date(2026, 1, 15), PairStatus.ACTIVE),         # within the period
    (date(2026, 5, 28), PairStatus.ACTIVE),         # the day before completion
    (MAY, PairStatus.COMPLETED),                    # an event takes effect on its date
    (date(2026, 9, 1), PairStatus.COMPLETED),       # after completion
])
def test_completed_pair_as_of(day, expected):
    state = _pair(status="завершена").as_of(day)
    assert (state.status if state is not None else None) is expected


def test_mentor_changed_later_shows_the_earlier_mentor():
    pair = _pair(mentor="н2", agreement=SupplementaryAgreement(number="27"), mentor_consent_date=date(2025, 12, 1),
                 history=[{"date": "2025-12-01", "kind": "смена наставника", "previous_mentor": "н1",
                           "new_mentor": "н2", "reason": "увольнение наставника"}])
    before = pair.as_of(date(2025, 11, 30))
    assert (before.mentor, before.history, before.agreement, before.mentor_consent_date) == ("н1", [], None, None)
    after = pair.as_of(date(2025, 12, 1))
    assert after.mentor == "н2" and after.agreement.number == "27" and len(after.history) == 1
    assert after is pair  # nothing happened after that day: the pair itself


def test_group_members_follow_the_history():
    pair = _pair(mentees=["м1", "м3"], history=[
        PairEvent(date=date(2025, 10, 1), kind=PairEventKind.MENTEE_REMOVED, mentee="м2", reason="перевод"),
        PairEvent(date=date(2025, 11, 1), kind=PairEventKind.MENTEE_ADDED, mentee="м3")])
    assert pair.as_of(SEPT).mentees == ["м1", "м2"]
    assert pair.as_of(date(2025, 10, 15)).mentees == ["м1"]
    assert pair.as_of(date(2025, 11, 1)).mentees == ["м1", "м3"]


def test_early_end_recorded_in_history_keeps_the_planned_end():
    pair = _pair(status="прекращена досрочно", history=[
        {"date": "2026-02-10", "kind": "досрочное прекращение", "reason": "болезнь наставника"}])
    assert pair.end == MAY and pair.ended_on == date(2026, 2, 10)
    assert pair.as_of(date(2026, 2, 9)).status is PairStatus.ACTIVE
    assert pair.as_of(date(2026, 2, 9)).end_reason is None
    ended = pair.as_of(date(2026, 2, 10))
    assert (ended.status, ended.end_reason) == (PairStatus.ENDED_EARLY, "болезнь наставника")
    assert pair.is_active_on(date(2026, 2, 9)) and not pair.is_active_on(date(2026, 3, 1))
    still_active = _pair(history=pair.history)  # the status was not updated: the history decides
    assert still_active.as_of(date(2026, 3, 1)).status is PairStatus.ENDED_EARLY


@pytest.mark.parametrize(("history", "fields", "message"), [
    ([{"date": "2025-12-01", "kind": "смена наставника", "previous_mentor": "н1", "new_mentor": "н2"}], {},
     "новый наставник «н2», но после этого пару ведёт «н1»"),
    ([{"date": "2025-08-01", "kind": "смена наставника", "previous_mentor": "н2", "new_mentor": "н1"}], {},
     "событие раньше начала пары (01.09.2025)"),
    ([{"date": "2025-09-02", "kind": "начало"}], {}, "не совпадает с датой начала пары (01.09.2025)"),
    ([{"date": "2025-10-01", "kind": "добавлен наставляемый", "mentee": "м2"}], {},
     "наставляемого «м2» нет в паре после этого события"),
    ([{"date": "2025-10-01", "kind": "выбыл наставляемый", "mentee": "м1"}], {},
     "наставляемый «м1» снова указан в паре позже"),
    ([{"date": "2025-10-01", "kind": "добавлен наставляемый", "mentee": "м1"}], {},
     "в начале в паре не остаётся ни одного наставляемого"),
    ([{"date": "2026-01-10", "kind": "завершена"}, {"date": "2026-02-01", "kind": "смена наставника",
                                                    "previous_mentor": "н2", "new_mentor": "н1"}], {},
     "событие после окончания пары (10.01.2026)"),
    ([{"date": "2026-01-10", "kind": "прекращена досрочно"}], {"status": "завершена"},
     "статус пары — «завершена», а в истории — «прекращена досрочно»"),
    ([{"date": "2025-12-01", "kind": "смена наставника", "new_mentor": "н1"}], {},
     "для смены наставника укажите прежнего наставника"),
    ([{"date": "2025-12-01", "kind": "завершена", "mentee": "м1"}], {},
     "наставляемый указывается только для событий"),
])
def test_contradicting_history_is_refused(history, fields, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        _pair(history=history, **fields)


def test_history_is_kept_in_date_order():
    pair = _pair(mentor="н1", history=[
        {"date": "2026-01-10", "kind": "смена наставника", "previous_mentor": "н2", "new_mentor": "н1"},
        {"date": "2025-12-01", "kind": "смена наставника", "previous_mentor": "н1", "new_mentor": "н2"}])
    assert [e.date for e in pair.history] == [date(2025, 12, 1), date(2026, 1, 10)]
    assert pair.as_of(date(2025, 12, 15)).mentor == "н2"


def test_registry_completed_in_may_shows_the_september_pairs_active():
    registry = Registry(participants=_people("н1", "н2", "м1", "м2", "м3"), pairs=[
        _pair(status="завершена"),
        _pair(mentor="н2", mentees=["м2"], status="завершена", end=date(2026, 5, 22)),
        _pair(mentor="н2", mentees=["м3"], start=date(2026, 1, 12), status="завершена"),
    ])
    september = registry.as_of(date(2025, 9, 15))
    assert [(p.id, p.status) for p in september.pairs] == [("1", PairStatus.ACTIVE), ("2", PairStatus.ACTIVE)]
    assert september.participants == registry.participants
    assert september.pairs_with_status(PairStatus.ACTIVE) == september.pairs
    june = registry.as_of(date(2026, 6, 1))
    assert [(p.id, p.status) for p in june.pairs] == [(str(i), PairStatus.COMPLETED) for i in (1, 2, 3)]
    assert registry.pairs[0].id is None  # the registry itself is untouched


def test_registry_as_of_names_the_earlier_mentor_through_the_participants():
    registry = Registry(participants=_people("н1", "н2", "м1"), pairs=[_pair(mentor="н2", history=[
        {"date": "2025-12-01", "kind": "смена наставника", "previous_mentor": "н1", "new_mentor": "н2"}])])
    october = registry.as_of(date(2025, 10, 1))
    assert october.mentor_of(october.pairs[0]).last_name == "Кравченко"
    assert registry.mentor_of(registry.pairs[0]).last_name == "Сидорук"


def test_unknown_person_in_the_history_is_a_link_error_with_a_suggestion():
    with pytest.raises(ValidationError, match=r"нет участника с ID «Н1»; возможно, имелся в виду «н1» \(Кравченко О.В.\)"):
        Registry(participants=_people("н1", "м1"), pairs=[_pair(mentor="н1", history=[
            {"date": "2025-12-01", "kind": "смена наставника", "previous_mentor": "Н1", "new_mentor": "н1"}])])


def test_before_a_mentor_change_the_earlier_mentor_keeps_the_consent_the_change_records():
    pair = _pair(mentor="н2", mentor_consent_date=date(2025, 11, 25),
                 history=[{"date": "2025-12-01", "kind": "смена наставника", "previous_mentor": "н1",
                           "new_mentor": "н2", "previous_mentor_consent_date": "2025-08-28"}])
    before = pair.as_of(date(2025, 11, 30))
    assert (before.mentor, before.mentor_consent_date) == ("н1", date(2025, 8, 28))
    assert pair.as_of(date(2025, 12, 1)).mentor_consent_date == date(2025, 11, 25)


def test_two_mentor_changes_give_each_earlier_mentor_their_own_consent():
    pair = _pair(mentor="н1", mentor_consent_date=date(2026, 1, 9), history=[
        {"date": "2025-12-01", "kind": "смена наставника", "previous_mentor": "н1", "new_mentor": "н2",
         "previous_mentor_consent_date": "2025-08-28"},
        {"date": "2026-01-10", "kind": "смена наставника", "previous_mentor": "н2", "new_mentor": "н1",
         "previous_mentor_consent_date": "2025-11-20"}])
    assert pair.as_of(date(2025, 11, 30)).mentor_consent_date == date(2025, 8, 28)
    assert pair.as_of(date(2025, 12, 15)).mentor_consent_date == date(2025, 11, 20)
    assert pair.as_of(date(2026, 2, 1)).mentor_consent_date == date(2026, 1, 9)


@pytest.mark.parametrize(("event", "words"), [
    ({"date": "2025-12-01", "kind": "выбыл наставляемый", "mentee": "м1",
      "previous_mentor_consent_date": "2025-08-28"}, "только для смены наставника"),
    ({"date": "2025-12-01", "kind": "смена наставника", "previous_mentor": "н1", "new_mentor": "н2",
      "previous_mentor_consent_date": "2025-12-02"}, "позже смены наставника"),
])
def test_the_earlier_mentors_consent_belongs_to_a_change_and_precedes_it(event, words):
    with pytest.raises(ValueError, match=words):
        PairEvent.model_validate(event)
