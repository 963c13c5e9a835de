"""The plan of meetings of a personalised programme.

Р-145 lays a programme out as an organisational meeting (встреча-знакомство), a trial
working meeting, a planning meeting, a series of regular working meetings and the final
meeting. :func:`generated_plan` dates them on working days (:mod:`.schedule`) and spreads
the topics of the regular meetings over the dates; :func:`given_plan` checks a plan written
by hand. The wording of the fixed meetings is in ``programmes.yaml``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, Field

from ...models import Model
from ...ru import PersonForms, format_date, sentence, typograph, upper_first
from .._people import bad_input
from ._shared import agree_mentees
from ._wording import TEXT
from .schedule import Holiday, plan_dates

__all__ = ["FINAL_MEETING", "INTRO_MEETINGS", "REGULAR_TITLE", "Meeting", "MeetingInput", "MeetingWording",
           "TopicInput", "generated_plan", "given_plan", "spread"]


@dataclass(frozen=True)
class MeetingWording:
    """A meeting every programme has: its kind, title, topic and form of work."""

    kind: str
    title: str
    topic: str
    form: str


#: The organisational, trial and planning meetings, and the final one (Р-145).
INTRO_MEETINGS: tuple[MeetingWording, ...] = tuple(MeetingWording(**m) for m in TEXT["intro_meetings"])
FINAL_MEETING = MeetingWording(**TEXT["final_meeting"])
REGULAR_TITLE: str = TEXT["regular_title"]


class MeetingInput(Model):
    """A meeting of the plan given by hand (replaces the generated plan)."""

    topic: str = Field(min_length=1, description="Тема встречи")
    form: str | None = Field(default=None, description="Форма работы")
    date: dt.date | None = Field(default=None, description="Дата (нет — линия для записи от руки)")
    title: str | None = Field(default=None, description="Вид встречи («Встреча-планирование»)")


class TopicInput(Model):
    """A topic of the regular working meetings."""

    topic: str = Field(min_length=1, description="Тема")
    form: str | None = Field(default=None, description="Форма работы")


class Meeting(BaseModel):
    """A row of the meeting plan."""

    number: str
    kind: str  # organisational / trial / planning / regular / final / custom
    title: str
    topic: str
    form: str
    date: str
    day: dt.date | None = None


def spread(topics: Sequence[tuple[str, str]], slots: int) -> list[tuple[str, str]]:
    """``slots`` topics in order: a subset spread evenly when there are more topics than
    meetings; a topic continued over several meetings («(продолжение)») when fewer."""
    if slots <= 0 or not topics:
        return []
    n = len(topics)
    if slots <= n:
        if slots == 1:
            return [topics[0]]
        return [topics[round(i * (n - 1) / (slots - 1))] for i in range(slots)]
    out, previous = [], None
    for i in range(slots):
        index = i * n // slots
        topic, form = topics[index]
        out.append((f"{topic} (продолжение)" if index == previous else topic, form))
        previous = index
    return out


def generated_plan(start: dt.date, end: dt.date, topics: Sequence[tuple[str, str]], *, frequency: str,
                   holidays: Sequence[Holiday] = (), mentees: Sequence[PersonForms] = ()) -> list[Meeting]:
    """The plan of a programme from ``start`` to ``end``: the intro meetings, the regular
    meetings on ``topics`` (:func:`spread` over the dates :func:`plan_dates` gives) and the
    final meeting, the default texts agreeing with the ``mentees``."""
    try:
        dates, final = plan_dates(start, end, frequency, holidays)
    except ValueError as exc:
        raise bad_input("frequency" if "периодичность" in str(exc) else "end", str(exc)) from None
    regular = spread(topics, len(dates) - len(INTRO_MEETINGS))
    rows: list[tuple[str, str, str, str, dt.date]] = []
    for meeting, day in zip(INTRO_MEETINGS, dates):
        rows.append((meeting.kind, meeting.title, upper_first(meeting.topic), meeting.form, day))
    for (topic, form), day in zip(regular, dates[len(INTRO_MEETINGS):]):
        rows.append(("regular", REGULAR_TITLE, topic, form, day))
    rows.append((FINAL_MEETING.kind, FINAL_MEETING.title, upper_first(FINAL_MEETING.topic), FINAL_MEETING.form,
                 final))
    return [Meeting(number=f"{i}.", kind=k, title=t, topic=typograph(sentence(agree_mentees(tp, mentees))),
                    form=typograph(f), date=format_date(d, "numeric"), day=d)
            for i, (k, t, tp, f, d) in enumerate(rows, start=1)]


def given_plan(plan: Sequence[MeetingInput], start: dt.date, end: dt.date) -> list[Meeting]:
    """The plan given by hand: the dates must lie within the programme and go in order."""
    previous: dt.date | None = None
    rows = []
    for i, m in enumerate(plan, start=1):
        if m.date is not None:
            if not (start <= m.date <= end):
                raise bad_input(f"plan → {i} → date", f"дата встречи вне срока программы "
                                f"({format_date(start, 'numeric')} – {format_date(end, 'numeric')})",
                                format_date(m.date, "numeric"))
            if previous is not None and m.date < previous:
                raise bad_input(f"plan → {i} → date", "встречи должны идти по порядку дат",
                                format_date(m.date, "numeric"))
            previous = m.date
        if i == 1:
            kind, default_title = "organisational", INTRO_MEETINGS[0].title
        elif i == len(plan):
            kind, default_title = "final", FINAL_MEETING.title
        else:
            kind, default_title = "custom", REGULAR_TITLE
        rows.append(Meeting(number=f"{i}.", kind=kind, title=typograph(m.title or default_title),
                            topic=typograph(sentence(m.topic)), form=typograph(m.form or ""),
                            date=format_date(m.date, "numeric"), day=m.date))
    return rows
