"""The plan of meetings of a personalised programme.

Р-145 lays a programme out as an organisational meeting (встреча-знакомство), a trial
working meeting, a planning meeting, a series of regular working meetings and the final
meeting; a compact programme (флэш-наставничество, a few weeks) has one organisational
meeting instead of three. :func:`generated_plan` lays the meetings on the dates of a
:class:`~.schedule.Schedule` and gives every task of the programme at least one regular
meeting whose topic serves it (:class:`PlannedTask`), a task with more meetings than
topics its topics' practice, analysis and consolidation (never a topic twice); a task with a key date (an olympiad's
stage, a project's defence) has its meetings before that date and its review after it.
:func:`given_plan` checks a plan written by hand. The wording of the fixed meetings is in
``programmes.yaml``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, Field

from ...models import Model
from ...ru import PersonForms, agree_with, format_date, sentence, typograph, upper_first
from .._people import bad_input
from ._wording import TEXT
from .schedule import Schedule

__all__ = ["COMPACT_INTRO", "FINAL_MEETING", "FOLLOW_UPS", "INTRO_MEETINGS", "REGULAR_TITLE", "Meeting", "MeetingInput",
           "MeetingWording", "PlannedTask", "TopicInput", "generated_plan", "given_plan", "spread"]


@dataclass(frozen=True)
class MeetingWording:
    """A meeting every programme has: its kind, title, topic and form of work."""

    kind: str
    title: str
    topic: str
    form: str


#: The organisational, trial and planning meetings, and the final one (Р-145).
INTRO_MEETINGS: tuple[MeetingWording, ...] = tuple(MeetingWording(**m) for m in TEXT["intro_meetings"])
#: The one organisational meeting of a compact programme.
COMPACT_INTRO = MeetingWording(**TEXT["compact_intro"])
FINAL_MEETING = MeetingWording(**TEXT["final_meeting"])
REGULAR_TITLE: str = TEXT["regular_title"]
_REFLECTION = (TEXT["reflection_topic"]["topic"], TEXT["reflection_topic"]["form"])
#: A programme with this many regular meetings has a reflection meeting in the middle.
_REFLECTION_FROM = 6


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
    """A row of the meeting plan; ``tasks`` are the numbers of the tasks it serves."""

    number: str
    kind: str  # organisational / trial / planning / regular / final / custom
    title: str
    topic: str
    form: str
    date: str
    day: dt.date | None = None
    tasks: list[int] = []


@dataclass(frozen=True)
class PlannedTask:
    """A task of the programme with the topics of its meetings ((topic, form), in order).

    ``event`` marks a task whose meetings must come before the key date; ``after`` is its
    meeting after that date.
    """

    topics: tuple[tuple[str, str], ...]
    event: bool = False
    after: tuple[str, str] | None = None


_Topic = tuple[str, str]  # (topic, form)
#: The follow-up meetings of a topic by the library's audience (``follow_ups`` of programmes.yaml).
FOLLOW_UPS: dict[str, tuple[_Topic, ...]] = {
    who: tuple((m["topic"], m["form"]) for m in meetings) for who, meetings in TEXT["follow_ups"].items()}


def _heads(topics: Sequence[_Topic]) -> list[str]:
    """What a follow-up calls each topic: up to its first colon, or whole when two heads
    would be alike."""
    heads = [upper_first(t.split(": ", 1)[0]) for t, _ in topics]
    return heads if len(set(heads)) == len(heads) else [upper_first(t) for t, _ in topics]


def spread(topics: Sequence[_Topic], slots: int, follow_ups: Sequence[_Topic] = ()) -> list[_Topic]:
    """``slots`` meetings for ``topics`` in order: a subset spread evenly when there are more
    topics than meetings; when fewer, each topic's meeting is followed by its follow-ups
    (practice, analysis, consolidation: ``{тема}`` in their wording), earlier topics first —
    no topic twice. At most ``len(topics) * (1 + len(follow_ups))`` meetings."""
    if slots <= 0 or not topics:
        return []
    n = len(topics)
    if slots <= n:
        if slots == 1:
            return [topics[0]]
        return [topics[round(i * (n - 1) / (slots - 1))] for i in range(slots)]
    slots = min(slots, n * (1 + len(follow_ups)))
    out = []
    for i, ((topic, form), head) in enumerate(zip(topics, _heads(topics))):
        count = slots // n + (1 if i < slots % n else 0)
        out.append((topic, form))
        out.extend((text.replace("{тема}", head), f) for text, f in follow_ups[:count - 1])
    return out


def _counts(tasks: Sequence[PlannedTask], slots: int, follow_ups: int = 0) -> list[int]:
    """How many meetings each task gets: one each, the rest to the tasks with the most
    topics not yet used (then in turn), none beyond what its topics and their
    ``follow_ups`` fill; the sum is less than ``slots`` when all are full."""
    counts = [1] * len(tasks)
    room = [len(t.topics) * (1 + follow_ups) for t in tasks]
    for _ in range(slots - len(tasks)):
        open_ = [i for i in range(len(tasks)) if counts[i] < room[i]]
        if not open_:
            break
        spare = [len(t.topics) - c for t, c in zip(tasks, counts)]
        best = max(open_, key=lambda i: (spare[i], -counts[i], -i))
        counts[best] += 1
    return counts


_Row = tuple[str, str, list[int]]  # (topic, form, task numbers)


def _grouped(tasks: Sequence[PlannedTask], slots: int) -> list[_Row]:
    """Fewer meetings than tasks: consecutive tasks share a meeting, each with its first topic."""
    order = sorted(range(len(tasks)), key=lambda i: not tasks[i].event)
    rows: list[_Row] = []
    for k in range(slots):
        group = order[k * len(order) // slots:(k + 1) * len(order) // slots]
        topics = [tasks[i].topics[0] for i in group]
        topic = "; ".join(t[0] if j == 0 else t[0][:1].lower() + t[0][1:] for j, t in enumerate(topics))
        forms = ", ".join(dict.fromkeys(f for _, f in topics if f))
        rows.append((topic, forms, [i + 1 for i in group]))
    return rows


#: A regular date left without a meeting: every task's topics and follow-ups are planned.
_UNUSED: _Row = ("", "", [])


def _assign(tasks: Sequence[PlannedTask], days: Sequence[dt.date], key_date: dt.date | None,
            reflection: bool, follow_ups: Sequence[_Topic] = ()) -> list[_Row | None]:
    """A row for each regular date: every task's meetings, the event task's before
    ``key_date`` and its review after it, a reflection meeting in the middle (None), and
    :data:`_UNUSED` for the last dates when the topics and their follow-ups are fewer."""
    n = len(days)
    reserved: dict[int, _Row | None] = {}
    event = next((i for i, t in enumerate(tasks) if t.event), None)
    if key_date is not None and event is not None and tasks[event].after is not None:
        later = [i for i, d in enumerate(days) if d >= key_date]
        if later and n - 1 >= len(tasks):
            topic, form = tasks[event].after  # type: ignore[misc]
            reserved[later[0]] = (topic, form, [event + 1])
    if reflection and n - len(reserved) - len(tasks) >= 2 and n >= _REFLECTION_FROM:
        middle = n // 2 if n // 2 not in reserved else n // 2 + 1
        reserved[middle] = None
    free = [i for i in range(n) if i not in reserved]
    if len(free) < len(tasks):
        return list(_grouped(tasks, n))
    extra = len(follow_ups)
    counts = _counts(tasks, len(free), extra)
    before = [i for i in free if key_date is not None and days[i] < key_date]
    if event is not None and key_date is not None and counts[event] > len(before):
        room = min(len(before), len(tasks[event].topics) * (1 + extra))
        others = [t for i, t in enumerate(tasks) if i != event]
        shared = iter(_counts(others, len(free) - room, extra))
        counts = [room if i == event else next(shared) for i in range(len(tasks))]
    per_task = [[(t, f, [i + 1]) for t, f in spread(task.topics, c, follow_ups)]
                for i, (task, c) in enumerate(zip(tasks, counts))]
    out: list[_Row | None] = [_UNUSED] * n
    for i, row in reserved.items():
        out[i] = row
    if event is not None and key_date is not None:
        own = per_task[event]
        for i, row in zip(before[len(before) - len(own):], own):
            out[i] = row
        per_task[event] = []
    rest = [row for rows in per_task for row in rows]
    for i, row in zip([i for i in free if out[i] is _UNUSED], rest):
        out[i] = row
    return out


def _task_title(numbers: list[int]) -> str:
    if not numbers:
        return REGULAR_TITLE
    if len(numbers) == 1:
        return TEXT["task_title"].format(title=REGULAR_TITLE, number=numbers[0])
    return TEXT["tasks_title"].format(title=REGULAR_TITLE, numbers=", ".join(map(str, numbers)))


def generated_plan(schedule: Schedule, tasks: Sequence[PlannedTask], *, key_date: dt.date | None = None,
                   compact: bool = False, own_topics: bool = False,
                   mentees: Sequence[PersonForms] = (), follow_ups: Sequence[_Topic] = ()) -> list[Meeting]:
    """The plan on the dates of ``schedule``: the intro meetings, a regular meeting (or
    more) for every task in turn — the event task's before ``key_date`` —, a reflection
    meeting in the middle of a long programme, and the final meeting; the default texts
    agree with the ``mentees``. ``own_topics``: the one task holds the topics the user
    gave in order, without task numbers or a reflection meeting. A task with more meetings
    than topics gets the ``follow_ups`` of its topics (:func:`spread`); dates that even
    those do not fill are left out at the end (the caller warns)."""
    intro = [COMPACT_INTRO] if compact else list(INTRO_MEETINGS)
    assigned = _assign(tasks, schedule.regular, key_date, reflection=not own_topics, follow_ups=follow_ups)
    if own_topics:
        assigned = [(row[0], row[1], []) if row is not None and row is not _UNUSED else row for row in assigned]
    rows: list[tuple[str, str, str, str, dt.date, list[int]]] = [
        (m.kind, m.title, upper_first(m.topic), m.form, day, []) for m, day in zip(intro, schedule.intro)]
    for row, day in zip(assigned, schedule.regular):
        if row is _UNUSED:
            continue
        topic, form, numbers = row if row is not None else (*_REFLECTION, [])
        rows.append(("regular", _task_title(numbers), topic, form, day, numbers))
    rows.append((FINAL_MEETING.kind, FINAL_MEETING.title, upper_first(FINAL_MEETING.topic), FINAL_MEETING.form,
                 schedule.final, []))
    return [Meeting(number=f"{i}.", kind=k, title=t, topic=typograph(sentence(agree_with(tp, mentees))),
                    form=typograph(f), date=format_date(d, "numeric"), day=d, tasks=numbers)
            for i, (k, t, tp, f, d, numbers) in enumerate(rows, start=1)]


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
