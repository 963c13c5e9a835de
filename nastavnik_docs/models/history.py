"""A pair's history: the dated events of its life (start, change of mentor, a mentee joining
or leaving a group, early end, completion).

The pair's own fields (mentor, mentees, status) describe it as it stands now, after every
recorded event; the history tells how it got there. Going back through the events from the
present gives the pair as it stood on any earlier date (``Pair.as_of``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import Field, model_validator

from ._enums import PairEventKind, PairStatus
from .origin import HasOrigin

__all__ = ["END_STATUS", "PairEvent", "Rewound", "history_errors", "rewind"]

#: The status a pair has after each kind of final event.
END_STATUS = {PairEventKind.ENDED_EARLY: PairStatus.ENDED_EARLY, PairEventKind.COMPLETED: PairStatus.COMPLETED}


class PairEvent(HasOrigin):
    """One dated event of a pair's life.

    A change of mentor names the mentor before and after it (participant IDs) and may give
    the date of the earlier mentor's written consent (the pair's own ``mentor_consent_date``
    is today's mentor's): documents dated before the change show the earlier mentor with it.
    A mentee joining or leaving a group names that mentee; an early end may give its reason.
    """

    date: dt.date = Field(description="Дата события")
    kind: PairEventKind = Field(description="Событие: начало, смена наставника, добавлен наставляемый, "
                                            "выбыл наставляемый, прекращена досрочно, завершена")
    previous_mentor: str | None = Field(default=None, description="ID прежнего наставника (при смене)")
    new_mentor: str | None = Field(default=None, description="ID нового наставника (при смене)")
    previous_mentor_consent_date: dt.date | None = Field(
        default=None, description="Дата письменного согласия прежнего наставника (при смене)")
    mentee: str | None = Field(default=None, description="ID наставляемого, который добавлен или выбыл")
    reason: str | None = Field(default=None, description="Причина")

    @model_validator(mode="after")
    def _check(self) -> PairEvent:
        change = self.kind is PairEventKind.MENTOR_CHANGED
        joins = self.kind in (PairEventKind.MENTEE_ADDED, PairEventKind.MENTEE_REMOVED)
        missing = [word for word, pid in (("прежнего", self.previous_mentor), ("нового", self.new_mentor)) if not pid]
        if change and missing:
            raise ValueError(f"для смены наставника укажите {' и '.join(missing)} наставника")
        if change and self.previous_mentor == self.new_mentor:
            raise ValueError("при смене наставника прежний и новый наставник совпадают")
        if not change and (self.previous_mentor or self.new_mentor):
            raise ValueError(f"наставники указываются только для смены наставника, а не для события "
                             f"«{self.kind.label}»")
        if not change and self.previous_mentor_consent_date is not None:
            raise ValueError(f"согласие прежнего наставника указывается только для смены наставника, "
                             f"а не для события «{self.kind.label}»")
        if change and self.previous_mentor_consent_date is not None and self.previous_mentor_consent_date > self.date:
            raise ValueError(f"согласие прежнего наставника ({self.previous_mentor_consent_date:%d.%m.%Y}) "
                             f"позже смены наставника ({self.date:%d.%m.%Y})")
        if joins and not self.mentee:
            raise ValueError(f"для события «{self.kind.label}» укажите наставляемого")
        if not joins and self.mentee:
            raise ValueError(f"наставляемый указывается только для событий «добавлен наставляемый» и "
                             f"«выбыл наставляемый», а не для события «{self.kind.label}»")
        return self

    @property
    def title(self) -> str:
        """«01.12.2025 «смена наставника»» — how messages name the event."""
        return f"{self.date:%d.%m.%Y} «{self.kind.label}»"

    def people(self) -> list[tuple[str, str]]:
        """(field, participant ID) of everyone the event names."""
        named = (("previous_mentor", self.previous_mentor), ("new_mentor", self.new_mentor),
                 ("mentee", self.mentee))
        return [(name, pid) for name, pid in named if pid]


@dataclass
class Rewound:
    """Who was in a pair before some of its events, and what was wrong on the way back."""

    mentor: str
    mentees: list[str]
    errors: list[tuple[int, str]] = field(default_factory=list)  # (event index, message)


def rewind(mentor: str, mentees: Sequence[str], events: Sequence[PairEvent],
           after: dt.date | None = None) -> Rewound:
    """Undo, from the last one back, the events dated after ``after`` (all when None).

    ``mentor`` and ``mentees`` are the pair now; the result is the pair before those events.
    An event that does not fit the state it is undone from (a new mentor who is not the
    mentor after it, a mentee added who is not in the group) is reported by its index.
    """
    state = Rewound(mentor, list(mentees))
    order = sorted(range(len(events)), key=lambda i: events[i].date)
    for i in reversed(order):
        event = events[i]
        if after is not None and event.date <= after:
            break
        _undo(state, i, event)
    return state


def _undo(state: Rewound, i: int, event: PairEvent) -> None:
    where = f"история пары, {event.title}: "
    if event.kind is PairEventKind.MENTOR_CHANGED:
        if event.new_mentor != state.mentor:
            state.errors.append((i, f"{where}новый наставник «{event.new_mentor}», но после этого пару ведёт "
                                    f"«{state.mentor}»"))
        state.mentor = event.previous_mentor or state.mentor
    elif event.kind is PairEventKind.MENTEE_ADDED:
        if event.mentee in state.mentees:
            state.mentees.remove(event.mentee)
        else:
            state.errors.append((i, f"{where}наставляемого «{event.mentee}» нет в паре после этого события"))
    elif event.kind is PairEventKind.MENTEE_REMOVED and event.mentee:
        if event.mentee in state.mentees:
            state.errors.append((i, f"{where}наставляемый «{event.mentee}» снова указан в паре позже, "
                                    f"а события «добавлен наставляемый» для него нет"))
        else:
            state.mentees.append(event.mentee)
    if state.mentor in state.mentees:
        state.errors.append((i, f"{where}наставник «{state.mentor}» оказывается наставляемым в своей же паре"))


def history_errors(*, mentor: str, mentees: Sequence[str], start: dt.date, status: PairStatus,
                   events: Sequence[PairEvent]) -> list[tuple[int | None, str]]:
    """Every contradiction between a pair's fields and its recorded history.

    Returns (event index or None, Russian message). The pair's status may stay «действует»
    after a recorded early end or completion: that is a finding of the year's check, not a
    malformed history.
    """
    errors: list[tuple[int | None, str]] = []
    order = sorted(range(len(events)), key=lambda i: events[i].date)
    starts = [i for i in order if events[i].kind is PairEventKind.START]
    ends = [i for i in order if events[i].kind.is_end]
    for i in order:
        if events[i].date < start:
            errors.append((i, f"история пары, {events[i].title}: событие раньше начала пары ({start:%d.%m.%Y})"))
    for i in starts:
        if events[i].date != start:
            errors.append((i, f"история пары, {events[i].title}: дата начала в истории не совпадает "
                              f"с датой начала пары ({start:%d.%m.%Y})"))
    for i in starts[1:]:
        errors.append((i, f"история пары, {events[i].title}: начало пары указано дважды"))
    for i in ends[1:]:
        errors.append((i, f"история пары, {events[i].title}: пара уже {events[ends[0]].kind.label} "
                          f"{events[ends[0]].date:%d.%m.%Y}"))
    if ends:
        last_day = events[ends[0]].date
        for i in order:
            if events[i].date > last_day:
                errors.append((i, f"история пары, {events[i].title}: событие после окончания пары "
                                  f"({last_day:%d.%m.%Y})"))
        final = END_STATUS[events[ends[0]].kind]
        if status is not PairStatus.ACTIVE and status is not final:
            errors.append((ends[0], f"история пары, {events[ends[0]].title}: статус пары — "
                                    f"«{status.label}», а в истории — «{final.label}»"))
    rewound = rewind(mentor, mentees, events)
    errors.extend(rewound.errors)
    if not rewound.mentees:
        errors.append((None, "история пары: в начале в паре не остаётся ни одного наставляемого"))
    return errors
