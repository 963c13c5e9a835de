"""``check_year``: one table row per check, each asserting its code, severity, names and hint."""

from copy import deepcopy
from datetime import date

import pytest

from nastavnik_docs.models import (
    YEAR_CHECKS,
    Finding,
    Pair,
    Participant,
    Registry,
    Severity,
    check_year,
)

YEAR = {"year_start": date(2026, 9, 1), "year_end": date(2027, 8, 31)}
REP = {"full_name": "Петрова Анна Ивановна", "relation": "мать"}

BASE = {
    "participants": [
        {"id": "н1", "last_name": "Кравченко", "first_name": "Ольга", "middle_name": "Викторовна",
         "category": "педагог", "birth_date": "1972-03-14"},
        {"id": "н2", "last_name": "Зайцев", "first_name": "Игорь", "middle_name": "Валентинович",
         "category": "педагог", "birth_date": "1970-08-03"},
        {"id": "м1", "last_name": "Соколова", "first_name": "Анна", "middle_name": "Сергеевна",
         "category": "педагог", "birth_date": "2001-06-19"},
        {"id": "У12", "last_name": "Петров", "first_name": "Иван", "middle_name": "Семёнович",
         "category": "обучающийся", "birth_date": "2012-05-07", "representative": REP},
        {"id": "У05", "last_name": "Семёнов", "first_name": "Пётр", "middle_name": "Алексеевич",
         "category": "обучающийся", "birth_date": "2011-01-16", "representative": REP},
    ],
    "pairs": [
        {"mentor": "н1", "mentees": ["м1"], "form": "учитель – учитель",
         "start": "2026-09-01", "end": "2027-05-31"},
        {"mentor": "н2", "mentees": ["У12"], "form": "учитель – ученик",
         "start": "2026-09-15", "end": "2027-05-25"},
    ],
}


def _data(**changes) -> dict:
    """BASE with ``pairs.0.start="…"``-style changes given as {"pairs.0.start": value}."""
    data = deepcopy(BASE)
    for path, value in changes.items():
        *parents, last = path.split(".")
        target = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value
    return data


def _registry(**changes) -> Registry:
    return Registry.model_validate(_data(**changes))


def _draft(**changes) -> Registry:
    """A registry its constructor would refuse (as a reader holds it before the link check)."""
    data = _data(**changes)
    return Registry.model_construct(
        participants=[Participant.model_validate(p) for p in data["participants"]],
        pairs=[Pair.model_validate(p) for p in data["pairs"]], forms=[],
        max_mentees_per_mentor=data.get("max_mentees_per_mentor"))


PAIR_1 = "пара № 1 (наставник н1 Кравченко О.В.)"
PAIR_2 = "пара № 2 (наставник н2 Зайцев И.В.)"
PETROV = "участник У12 (Петров И.С.)"

CASES = [
    # (code, registry, check_year options, severity, in the message, in the hint)
    ("pair.outside_year", lambda: _registry(**{"pairs.0.start": "2026-08-20"}), {},
     Severity.WARNING, [PAIR_1, "срок 20.08.2026–31.05.2027 выходит за учебный год"], "даты начала и окончания"),
    ("pair.outside_regulation", _registry, {"regulation_period": (date(2026, 9, 10), None)},
     Severity.ERROR, [PAIR_1, "начало 01.09.2026 раньше вступления в силу положения"], "положение уже действует"),
    ("pair.active_after_end",
     lambda: _registry(**{"pairs.1.history": [{"date": "2026-12-01", "kind": "прекращена досрочно"}]}),
     {"on": date(2027, 1, 10)}, Severity.ERROR,
     [PAIR_2, "числится действующей, хотя в истории пары 01.12.2026 «прекращена досрочно»"],
     "статус «прекращена досрочно»"),
    ("pair.active_past_end", _registry, {"on": date(2027, 5, 28)}, Severity.WARNING,
     [PAIR_2, "дата окончания 25.05.2027 прошла"], "статус «завершена»"),
    ("pair.end_date_missing", lambda: _registry(**{"pairs.1.end": None, "pairs.1.status": "завершена"}), {},
     Severity.WARNING, [PAIR_2, "статус «завершена», но дата окончания не указана"], "столбце «Окончание»"),
    ("participant.birth_date_missing", lambda: _registry(**{"participants.3.birth_date": None}), {},
     Severity.WARNING, [PETROV, "дата рождения не указана"], "считается несовершеннолетним"),
    ("participant.representative_missing", lambda: _registry(**{"participants.3.representative": None}), {},
     Severity.ERROR, [PETROV, "несовершеннолетний на 01.09.2026, законный представитель не указан"],
     "законного представителя"),
    ("pair.form_unknown", lambda: _registry(**{"pairs.0.form": "учитль – учитель"}), {},
     Severity.ERROR, [PAIR_1, "неизвестная форма наставничества"], "Исправьте на «учитель – учитель»"),
    ("pair.type_undetermined",
     lambda: _registry(**{"pairs.0.form": None, "participants.0.category": "другое"}), {}, Severity.WARNING,
     [PAIR_1, "тип пары не указан и не определяется", "наставник — другое, наставляемые — педагог"],
     "столбце «Тип пары»"),
    ("pair.person_unknown", lambda: _draft(**{"pairs.1.mentees": ["У5"]}), {},
     Severity.ERROR, [PAIR_2, "нет участника с ID «У5»"], "Исправьте на «У05» (Семёнов П.А.)"),
    ("participant.duplicate_id", lambda: _draft(**{"participants.4.id": "У12"}), {},
     Severity.ERROR, ["участник с ID «У12» указан дважды (Петров И.С., Семёнов П.А.)"], "свой ID"),
    ("pair.duration", lambda: _registry(**{"pairs.0.end": "2026-10-01"}), {},
     Severity.WARNING, [PAIR_1, "срок программы 1 мес.:"], "от 3 месяцев до 1 года"),
    ("pair.mentee_overlap", lambda: _draft(**{"pairs.1.mentees": ["м1"], "pairs.1.form": "учитель – учитель"}), {},
     Severity.ERROR, [PAIR_2, "наставляемый «м1» уже состоит в действующей паре 1"], "Завершите прежнюю пару"),
    ("mentor.overload", lambda: _draft(**{"max_mentees_per_mentor": 1, "pairs.0.mentees": ["м1", "У05"]}), {},
     Severity.ERROR, [PAIR_1, "у наставника «н1» 2 наставляемых"], "Распределите наставляемых"),
]


def test_a_clean_registry_has_no_findings():
    assert check_year(_registry(), **YEAR) == []


def test_every_code_has_a_case_and_a_meaning():
    assert sorted(c[0] for c in CASES) == sorted(YEAR_CHECKS)


@pytest.mark.parametrize(("code", "build", "options", "severity", "message", "hint"), CASES, ids=[c[0] for c in CASES])
def test_check(code, build, options, severity, message, hint):
    found = [f for f in check_year(build(), **YEAR | options) if f.code == code]
    assert len(found) == 1, check_year(build(), **YEAR | options)
    finding = found[0]
    assert isinstance(finding, Finding) and finding.severity is severity
    for part in message:
        assert part in finding.message
    assert hint in finding.hint
    assert "@" not in str(finding) and "1972" not in str(finding)  # no contacts, no birth dates


def test_errors_come_before_warnings():
    registry = _registry(**{"participants.3.representative": None, "pairs.0.start": "2026-08-20"})
    assert [f.severity for f in check_year(registry, **YEAR)] == [Severity.ERROR, Severity.WARNING]


def test_findings_name_the_workbook_rows_when_known():
    registry = _registry(**{"participants.3.representative": None,
                            "pairs.1.history": [{"date": "2026-12-01", "kind": "прекращена досрочно"}]})
    registry.participants[3].set_origin("Участники", 5)
    registry.pairs[1].set_origin("Пары", 3)
    registry.pairs[1].history[0].set_origin("История пар", 2)
    rows = {f.code: f.rows for f in check_year(registry, **YEAR, on=date(2027, 1, 10))}
    assert rows["participant.representative_missing"] == ("лист «Участники», строка 5",)
    assert rows["pair.active_after_end"] == ("лист «Пары», строка 3", "лист «История пар», строка 2")


def test_age_is_counted_on_the_given_day():
    registry = _registry(**{"participants.3.representative": None, "participants.3.birth_date": "2008-10-01"})
    assert [f.code for f in check_year(registry, **YEAR)] == ["participant.representative_missing"]
    assert check_year(registry, **YEAR, on=date(2026, 10, 1)) == []


def test_pairs_of_other_years_are_not_held_to_this_year():
    registry = _registry(**{"pairs.0.start": "2025-09-01", "pairs.0.end": "2026-05-29", "pairs.0.status": "завершена"})
    assert check_year(registry, **YEAR, regulation_period=(date(2026, 9, 1), date(2031, 8, 31))) == []


def test_the_year_must_have_a_length():
    with pytest.raises(ValueError, match="конец учебного года"):
        check_year(_registry(), year_start=date(2026, 9, 1), year_end=date(2026, 9, 1))
