"""An iCalendar (RFC 5545) file of a roadmap's dated deadlines, written with ``icalendar``.

Why the ``icalendar`` package and not a hand-written writer: it folds content lines at 75
octets without splitting a character, escapes TEXT values, writes a recurrence rule
(RRULE) from its parts, and its parser reads the result back — the tests check every
calendar with it. The writer it replaces could neither repeat an event nor check itself.

What goes in (the placing of deadlines is :mod:`nastavnik_docs.models.roadmap.schedule`):

* each explicit day, day range or run of months is one all-day event;
* each recurrence is one event with an RRULE, not copies: ``FREQ=MONTHLY`` (with
  ``BYMONTH`` for «1 раз в четверть», «2 раза в год (декабрь, май)», «ежегодно до 1
  сентября»; ``BYMONTHDAY`` for «до 25 числа каждого месяца») or ``FREQ=YEARLY`` for a run of
  months each year («ежегодно в мае», «сентябрь-октябрь, далее – ежегодно»), ``UNTIL`` the
  end of the plan's period; an activity that goes on all the time («в течение года») is one
  event over its months;
* the summary is the row's number and its short title (at most :data:`SUMMARY_LENGTH`
  characters, cut at a word with «…»); the description holds the full text of the row
  (title, paragraphs, activities, «Содержание деятельности»), the deadline as written, the
  responsible, the result and the stage;
* one rule cleans every text value: the XML rule of every writer
  (``nastavnik_docs._textsafe``: CRLF and a bare CR become a line break, characters XML
  cannot hold are removed), then a TAB becomes a space, the Unicode line and paragraph
  separators a line break, and the control characters U+007F–U+009F are removed —
  RFC 5545 allows none of them in TEXT, and no character of the data can start a new
  content line;
* a plan with no dated deadline (Северодвинск) gets one all-day event explaining that, on
  the first day of its period (or the day the file is written when it has none), so the
  calendar is never empty (RFC 5545 asks for at least one component);
* an explicit date outside the plan's period is kept in the calendar and reported: every
  note of ``calendar_notes`` is issued as a :class:`CalendarWarning` (the command line prints
  it) and returned by :func:`roadmap_calendar`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import warnings
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event

from .._textsafe import xml_text
from ..models.roadmap import (
    CalendarEntry,
    Roadmap,
    RoadmapRow,
    Stage,
    calendar_entries,
    calendar_notes,
    parse_deadline,
    roadmap_months,
)

__all__ = ["PRODID", "SUMMARY_LENGTH", "CalendarWarning", "clean_text", "roadmap_calendar", "short_title",
           "write_roadmap_ics"]

PRODID = "-//nastavnik_docs//Дорожная карта//RU"
#: The longest summary: a calendar shows about this much in a month view.
SUMMARY_LENGTH = 80

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class CalendarWarning(UserWarning):
    """Something about a roadmap's dates the curator should know (Russian text)."""


def clean_text(text: str) -> str:
    """The one cleaning rule of every text value: the XML rule every writer applies
    (``nastavnik_docs._textsafe.xml_text``: CRLF and a bare CR → LF, characters XML cannot
    hold removed), then what RFC 5545 TEXT adds — TAB → space, the line and paragraph
    separators U+2028, U+2029 → LF (``str.splitlines`` and others end a line there), the
    remaining control characters U+007F–U+009F removed."""
    text = xml_text(text).replace("\t", " ").translate(_SEPARATORS)
    return _CONTROL.sub("", text)


_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})


def short_title(row: RoadmapRow) -> str:
    """«1.2. Назначение куратора…»: the number and the first text of the row, cut at a word."""
    texts = row.texts()
    title = " ".join(clean_text(texts[0] if texts else "").split())
    number = f"{row.number} " if row.number else ""
    limit = SUMMARY_LENGTH - len(number)
    if len(title) > limit:
        cut = title[:limit - 1]
        title = (cut[:cut.rfind(" ")] if " " in cut else cut).rstrip(" ,;:—-") + "…"
    return number + title


def _description(row: RoadmapRow, stage: Stage, sub: Any) -> str:
    lines = list(row.lines())
    if row.content:
        lines += ["", "Содержание деятельности:", *row.content_lines()]
    lines += ["", f"Срок: {row.deadline}"]
    for label, value in (("Ответственные", row.responsible), ("Результат", row.result),
                         ("Вид документа", row.document)):
        if value:
            lines.append(f"{label}: {value}")
    where = " / ".join(x for x in (stage.heading, " ".join(y for y in (sub.number, sub.title) if y)
                                                   if sub else "") if x)
    if where:
        lines.append(f"Этап: {where}")
    return clean_text("\n".join(lines))


def _rrule(entry: CalendarEntry) -> dict[str, Any] | None:
    if entry.freq is None:
        return None
    rule: dict[str, Any] = {"freq": entry.freq.lower(), "until": entry.until}
    if entry.freq == "MONTHLY":
        if entry.bymonth:
            rule["bymonth"] = list(entry.bymonth)
        day = entry.monthday or entry.first.day
        if day > 28:  # the day, or the month's last day when it is shorter
            rule["bymonthday"] = list(range(28, day + 1))
            rule["bysetpos"] = -1
        elif day != 1:
            rule["bymonthday"] = [day]
    return rule


def _uid(*parts: object) -> str:
    digest = hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:24]
    return f"{digest}@nastavnik-docs"


def _event(summary: str, description: str, category: str, first: dt.date, last: dt.date,
           stamp: dt.datetime, uid: str, rrule: dict[str, Any] | None = None) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", last + dt.timedelta(days=1))  # exclusive end of an all-day event
    event.add("summary", clean_text(summary))
    event.add("description", description)
    event.add("categories", [clean_text(category)])
    event.add("transp", "TRANSPARENT")
    if rrule:
        event.add("rrule", rrule)
    return event


def roadmap_calendar(roadmap: Roadmap, *, stamp: dt.datetime | None = None) -> tuple[Calendar, list[str]]:
    """The calendar of a roadmap and the notes about its dates (see the module's text)."""
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    horizon = roadmap_months(roadmap)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", clean_text(" ".join(roadmap.title_lines)))
    for stage, sub, row in roadmap.rows():
        deadline = parse_deadline(row.deadline)
        summary = short_title(row)
        for entry in calendar_entries(deadline, horizon):
            cal.add_component(_event(summary, _description(row, stage, sub), stage.heading or "Дорожная карта",
                                     entry.first,
                                     entry.last, stamp, _uid(roadmap.title, stage.heading, summary,
                                                             entry.first, entry.freq), _rrule(entry)))
    notes = calendar_notes(roadmap)
    if not cal.walk("VEVENT"):
        day = dt.date(*horizon[0], 1) if horizon else stamp.date()
        rows = roadmap.rows()
        undated = sum(1 for *_, row in rows if not row.deadline)
        description = (f"В дорожной карте «{' '.join(roadmap.title_lines)}» нет ни одного срока с календарной "
                       f"датой (строк: {len(rows)}, из них без срока: {undated}); мероприятия — в документе "
                       "и на листе «По месяцам» таблицы Excel.")
        cal.add_component(_event("Дорожная карта: сроков с датой нет", clean_text(description),
                                 "Дорожная карта", day, day, stamp, _uid(roadmap.title, "no-dates")))
    return cal, notes


def write_roadmap_ics(context: Any, template: str | os.PathLike[str] | None,
                      out: str | os.PathLike[str]) -> Path:
    """Kind writer for ``.ics`` (``template`` is unused: a calendar has no template). The
    notes about the dates are issued as :class:`CalendarWarning`."""
    cal, notes = roadmap_calendar(context.roadmap)
    Path(out).write_bytes(cal.to_ical())
    title = " ".join(context.roadmap.title_lines)  # named: a year's set writes several calendars
    for note in notes:
        warnings.warn(f"Календарь дорожной карты «{title}»: {note}", CalendarWarning, stacklevel=2)
    return Path(out)
