"""Calendars of roadmaps: every file is valid iCalendar read back with the ``icalendar``
parser, has at least one event, repeats recurring deadlines with a rule (expanded here
with dateutil and compared with the schedule), reports dates outside the plan's period and
cleans text by one rule."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import warnings

import pytest
from _roadmap_samples import NEW_SAMPLE, SAMPLES, load_sample
from dateutil.rrule import rrulestr
from icalendar import Calendar

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path
from nastavnik_docs.engine.ics import SUMMARY_LENGTH, CalendarWarning, clean_text, roadmap_calendar, short_title
from nastavnik_docs.models import Roadmap
from nastavnik_docs.models.roadmap import (
    calendar_entries,
    month_range,
    months_due,
    occurrences,
    parse_deadline,
    roadmap_months,
)

ALL = {**SAMPLES, "school_12": NEW_SAMPLE}


def _render(sample: str, out) -> Calendar:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CalendarWarning)
        nd.render("roadmap", sample_path(sample), out, overwrite=True)
    raw = out.read_bytes()
    physical = raw.split(b"\r\n")
    assert physical[-1] == b"" and all(len(line) <= 75 for line in physical)
    return Calendar.from_ical(raw)


def _starts(event) -> list[dt.date]:
    """Every occurrence's first day: the rule expanded, or the one date."""
    start = event.decoded("dtstart")
    if "RRULE" not in event:
        return [start]
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time()))
    return [d.date() for d in rule]


@pytest.mark.parametrize("key", sorted(ALL))
def test_every_calendar_is_valid_and_matches_the_schedule(key: str, tmp_path) -> None:
    sample = ALL[key]
    roadmap = nd.load_input("roadmap", sample_path(sample))
    cal = _render(sample, tmp_path / f"{key}.ics")
    events = cal.walk("VEVENT")
    assert events, "an empty VCALENDAR is not valid (RFC 5545 asks for a component)"
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    assert len({str(e["UID"]) for e in events}) == len(events)
    for e in events:
        assert {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"} <= set(e)
        assert e.decoded("dtend") > e.decoded("dtstart")
        assert len(str(e["SUMMARY"])) <= SUMMARY_LENGTH
        assert not any(ord(c) < 32 and c != "\n" for c in str(e["DESCRIPTION"]))
    horizon = roadmap_months(roadmap)
    by_summary: dict[tuple[str, str], list] = {}
    for e in events:
        deadline = next(line[6:] for line in str(e["DESCRIPTION"]).split("\n") if line.startswith("Срок: ")) \
            if "Срок: " in str(e["DESCRIPTION"]) else ""
        by_summary.setdefault((str(e["SUMMARY"]), deadline), []).append(e)
    placed = 0
    for _, _, row in roadmap.rows():
        d = parse_deadline(row.deadline)
        entries = calendar_entries(d, horizon)
        if not entries:
            continue
        placed += 1
        found = by_summary[(short_title(row), row.deadline)]
        starts = sorted(s for e in found for s in _starts(e))
        assert starts == sorted(first for entry in entries for first, _ in entry.spans)
        # the months the events cover are the months the grid and «due» use
        covered = {ym for first, last in occurrences(d, horizon)
                   for ym in month_range((first.year, first.month), (last.year, last.month))}
        assert set(months_due(d, horizon)) == covered & set(horizon)
        assert sum(1 for e in found if "RRULE" in e) == sum(1 for entry in entries if entry.freq)
    if placed == 0:
        assert [str(e["SUMMARY"]) for e in events] == ["Дорожная карта: сроков с датой нет"]


def test_recurrence_is_a_rule_not_copies(tmp_path) -> None:
    cal = _render(SAMPLES["spassk"], tmp_path / "spassk.ics")
    quarterly = [e for e in cal.walk("VEVENT") if "Срок: ежеквартально" in str(e["DESCRIPTION"])]
    assert len(quarterly) == 1
    rule = quarterly[0]["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"] and sorted(rule["BYMONTH"]) == [3, 6, 9, 12]
    assert _starts(quarterly[0]) == [dt.date(2023, 9, 1), dt.date(2023, 12, 1), dt.date(2024, 3, 1),
                                     dt.date(2024, 6, 1)]
    # «сентябрь-октябрь 2022 г., далее - ежегодно»: the first months, then a yearly rule
    cal = _render(SAMPLES["essentuki"], tmp_path / "essentuki.ics")
    informing = [e for e in cal.walk("VEVENT")
                 if str(e["SUMMARY"]).startswith("3. Информирование педагогического")]
    assert len(informing) == 2
    yearly = next(e for e in informing if "RRULE" in e)
    assert yearly["RRULE"]["FREQ"] == ["YEARLY"]
    assert (yearly.decoded("dtstart"), yearly.decoded("dtend")) == (dt.date(2023, 9, 1), dt.date(2023, 11, 1))


def test_spassk_by_hand(tmp_path) -> None:
    cal = _render(SAMPLES["spassk"], tmp_path / "spassk.ics")
    events = cal.walk("VEVENT")
    seminar = [e for e in events if str(e["SUMMARY"]).startswith("Семинар-совещание")]
    assert [(e.decoded("dtstart"), e.decoded("dtend")) for e in seminar] == [(dt.date(2023, 10, 6),
                                                                              dt.date(2023, 10, 7))]
    forum = next(e for e in events if str(e["SUMMARY"]).startswith("Создание условий для участия"))
    assert (forum.decoded("dtstart"), forum.decoded("dtend")) == (dt.date(2023, 8, 25), dt.date(2023, 8, 30))
    assert "Срок: 25-29.08.2023" in str(forum["DESCRIPTION"])
    assert "Бочкова Р.И. Романенкова И.Е. Старовойтова Н.В." in " ".join(str(forum["DESCRIPTION"]).split())
    raw = (tmp_path / "spassk.ics").read_bytes().decode("utf-8")
    assert "\\," in raw  # commas escaped in TEXT values


def test_open_deadlines_give_no_event(tmp_path) -> None:
    cal = _render(SAMPLES["izhevsk"], tmp_path / "izhevsk.ics")
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert not any(s.startswith("2.1. ") for s in summaries)  # «В соответствии с дорожной картой»


def test_a_plan_without_dates_gets_an_explaining_event_and_a_warning(tmp_path) -> None:
    with pytest.warns(CalendarWarning, match="нет ни одного срока с календарной датой"):
        nd.render("roadmap", sample_path(SAMPLES["severodvinsk"]), tmp_path / "s.ics")
    events = Calendar.from_ical((tmp_path / "s.ics").read_bytes()).walk("VEVENT")
    assert len(events) == 1
    assert "нет ни одного срока с календарной датой" in str(events[0]["DESCRIPTION"])
    assert "строк: 7" in str(events[0]["DESCRIPTION"])


def _calendar(roadmap: Roadmap) -> tuple[Calendar, list[str]]:
    """The calendar as written and read back, and the notes."""
    cal, notes = roadmap_calendar(roadmap)
    return Calendar.from_ical(cal.to_ical()), notes


def _plan(*deadlines: str, period: dict | None = None) -> Roadmap:
    return Roadmap.model_validate({
        "title": "План", "period": period or {"year": 2024, "school_year": True},
        "columns": [{"role": "number"}, {"role": "title"}, {"role": "deadline"}],
        "stages": [{"title": "Этап", "rows": [{"number": f"{i}.", "title": f"Мероприятие {i}", "deadline": d}
                                              for i, d in enumerate(deadlines, start=1)]}]})


def test_a_date_outside_the_period_is_kept_and_reported() -> None:
    cal, notes = _calendar(_plan("до 20 августа 2024 г.", "октябрь 2024 г.", "когда получится"))
    starts = sorted(e.decoded("dtstart") for e in cal.walk("VEVENT"))
    assert starts == [dt.date(2024, 8, 20), dt.date(2024, 10, 1)]
    assert any("«до 20 августа 2024 г.»" in n and "вне периода плана 09.2024 – 08.2025" in n for n in notes)
    assert any("Срок не распознан" in n and "«когда получится»" in n for n in notes)


def test_the_command_line_prints_the_warning(tmp_path) -> None:
    data = tmp_path / "plan.json"
    data.write_text(_plan("до 20 августа 2024 г.").model_dump_json(), encoding="utf-8")
    out = tmp_path / "plan.ics"
    run = subprocess.run([sys.executable, "-m", "nastavnik_docs.cli", "render", "roadmap", str(data),
                          "-o", str(out)], capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    assert "вне периода плана" in run.stderr and "до 20 августа 2024 г." in run.stderr
    assert Calendar.from_ical(out.read_bytes()).walk("VEVENT")


@pytest.mark.parametrize(("deadline", "rule", "starts"), [
    ("ежегодно в мае", {"FREQ": ["YEARLY"]}, [dt.date(2025, 5, 1)]),
    ("2 раза в год (декабрь, май)", {"FREQ": ["MONTHLY"], "BYMONTH": [5, 12]},
     [dt.date(2024, 12, 1), dt.date(2025, 5, 1)]),
    ("1 раз в четверть", {"FREQ": ["MONTHLY"], "BYMONTH": [3, 5, 10, 12]},
     [dt.date(2024, 10, 1), dt.date(2024, 12, 1), dt.date(2025, 3, 1), dt.date(2025, 5, 1)]),
    ("До 25 числа каждого месяца", {"FREQ": ["MONTHLY"], "BYMONTHDAY": [25]},
     [dt.date(2024, 9, 25) + dt.timedelta(days=0)] + [dt.date(y, m, 25) for y, m in
                                                        [(2024, 10), (2024, 11), (2024, 12)] +
                                                        [(2025, m) for m in range(1, 9)]]),
    ("до 31 числа каждого месяца", {"FREQ": ["MONTHLY"], "BYSETPOS": [-1]},
     [dt.date(2024, 9, 30), dt.date(2024, 10, 31), dt.date(2024, 11, 30), dt.date(2024, 12, 31),
      dt.date(2025, 1, 31), dt.date(2025, 2, 28), dt.date(2025, 3, 31), dt.date(2025, 4, 30),
      dt.date(2025, 5, 31), dt.date(2025, 6, 30), dt.date(2025, 7, 31), dt.date(2025, 8, 31)]),
    ("Ежегодно до 1 сентября", {"FREQ": ["MONTHLY"], "BYMONTH": [9]}, [dt.date(2024, 9, 1)]),
])
def test_rules_by_wording(deadline: str, rule: dict, starts: list[dt.date]) -> None:
    cal, _ = _calendar(_plan(deadline))
    (event,) = cal.walk("VEVENT")
    for key, value in rule.items():
        assert list(event["RRULE"][key]) == value
    assert _starts(event) == starts


def test_continuous_activity_is_one_stretch() -> None:
    cal, _ = _calendar(_plan("в течение учебного года"))
    (event,) = cal.walk("VEVENT")
    assert "RRULE" not in event
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (dt.date(2024, 9, 1), dt.date(2025, 9, 1))


def test_text_cleaning_rule_and_short_title() -> None:
    assert clean_text("а\r\nб\rв\tг\x07д\x1bе\x85ё") == "а\nб\nв гдеё"
    roadmap = Roadmap.model_validate({
        "title": "План\nна 2024 год", "period": {"year": 2024},
        "columns": [{"role": "number"}, {"role": "title"}, {"role": "deadline"}],
        "stages": [{"title": "Этап", "rows": [{
            "number": "1.2.", "title": "Очень длинное наименование мероприятия, " * 4 + "\x07конец",
            "details": ["Абзац\r\nс переносом"], "deadline": "май 2024 г."}]}]})
    cal, _ = _calendar(roadmap)
    (event,) = cal.walk("VEVENT")
    summary = str(event["SUMMARY"])
    assert summary.startswith("1.2. Очень длинное") and summary.endswith("…") and len(summary) <= SUMMARY_LENGTH
    description = str(event["DESCRIPTION"])
    assert "конец" in description and "\x07" not in description and "Абзац\nс переносом" in description
    assert str(cal["X-WR-CALNAME"]) == "План на 2024 год"


def test_seed_calendars_count_their_rows(sample_key) -> None:
    roadmap = load_sample(sample_key)
    horizon = roadmap_months(roadmap)
    cal, _ = roadmap_calendar(roadmap)
    expected = sum(len(calendar_entries(parse_deadline(r.deadline), horizon)) for _, _, r in roadmap.rows())
    assert len(cal.walk("VEVENT")) == max(expected, 1)
