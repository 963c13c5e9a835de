"""The personified accounting list (персонифицированный учёт): one row per person per pair —
who, in which role, in which pair, of which type and format, and the dates the person took
part in it — as regional monitoring systems load it (the engine writes XLSX, io CSV).

A person's period in a pair comes from the pair's history: a mentor replaced on a date
took part until the day before, the new mentor from that date; a mentee who joined or left
likewise; everyone's part ends when the pair was completed or ended early (or on its
planned end). With a reporting period the pair's status is the one on its last day, as the
coverage table counts it (a pair past its end is completed); without one, as recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..models import Pair, PairEventKind, Participant, Registry, Role
from ._coverage import ReportingPeriod, _status

__all__ = ["PERSONIFIED_COLUMNS", "PersonifiedRow", "personified_rows"]


@dataclass(frozen=True)
class PersonifiedRow:
    person: Participant
    role: Role
    pair: str
    partner: str  # the mentor of a mentee; the mentees of a mentor (IDs)
    pair_type: str
    format: str
    pair_start: date
    pair_end: date | None
    start: date
    end: date | None
    status: str
    end_reason: str | None

    def cells(self, number: int) -> dict[str, object]:
        """The row's values by the field names of :data:`PERSONIFIED_COLUMNS`."""
        p = self.person
        values = [number, p.id, p.last_name, p.first_name, p.middle_name, p.birth_date,
                  p.gender.label if p.gender else None, p.category.label, p.post, self.role.label, self.pair,
                  self.partner, self.pair_type, self.format, self.pair_start, self.pair_end, self.start, self.end,
                  self.status, self.end_reason]
        return dict(zip((field for field, _ in PERSONIFIED_COLUMNS), values))


#: The columns of the list: (field, header as printed in the XLSX and the CSV).
PERSONIFIED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", "№ п/п"), ("id", "ID участника"), ("last_name", "Фамилия"), ("first_name", "Имя"),
    ("middle_name", "Отчество"), ("birth_date", "Дата рождения"), ("gender", "Пол"), ("category", "Категория"),
    ("post", "Должность / класс"), ("role", "Роль"), ("pair", "№ пары"), ("partner", "Наставник / наставляемые"),
    ("pair_type", "Тип пары"), ("format", "Формат наставничества"), ("pair_start", "Начало работы пары"),
    ("pair_end", "Окончание работы пары"), ("start", "Участие с"), ("end", "Участие по"),
    ("status", "Статус пары"), ("end_reason", "Причина досрочного прекращения"),
)


def _periods(pair: Pair) -> list[tuple[str, Role, date, date | None]]:
    """(participant id, role, from, to) for everyone who was ever in the pair."""
    first = pair.as_of(pair.start) or pair
    ended = pair.ended_on or pair.end
    open_: dict[tuple[str, Role], date] = {(first.mentor, Role.MENTOR): pair.start}
    open_.update({(m, Role.MENTEE): pair.start for m in first.mentees})
    out: list[tuple[str, Role, date, date | None]] = []

    def close(key: tuple[str, Role], day: date) -> None:
        since = open_.pop(key, None)
        if since is not None:
            out.append((key[0], key[1], since, max(since, day - timedelta(days=1))))

    for event in pair.history:
        if event.date <= pair.start:
            continue
        if event.kind is PairEventKind.MENTOR_CHANGED and event.previous_mentor and event.new_mentor:
            close((event.previous_mentor, Role.MENTOR), event.date)
            open_[(event.new_mentor, Role.MENTOR)] = event.date
        elif event.kind is PairEventKind.MENTEE_ADDED and event.mentee:
            open_[(event.mentee, Role.MENTEE)] = event.date
        elif event.kind is PairEventKind.MENTEE_REMOVED and event.mentee:
            close((event.mentee, Role.MENTEE), event.date)
    out.extend((pid, role, since, ended) for (pid, role), since in open_.items())
    return sorted(out, key=lambda r: (r[1] is not Role.MENTOR, r[2], r[0]))


def personified_rows(registry: Registry, period: ReportingPeriod | None = None) -> list[PersonifiedRow]:
    """Every person's part in every pair, in the registry's order of pairs (mentor first);
    only the parts that overlap ``period`` when it is given."""
    rows = []
    for index, pair in enumerate(registry.pairs):
        status = _status(pair, period.end)[0] if period is not None else pair.status
        label = pair.id or str(index + 1)
        pair_type = registry.pair_type_of(pair)
        fmt = registry.format_of(pair)
        type_title = pair_type.title if pair_type else (pair.pair_type or "")
        format_title = fmt.title if fmt else (pair.format or "")
        for pid, role, start, end in _periods(pair):
            if period is not None and (start > period.end or (end is not None and end < period.start)):
                continue
            state = pair.as_of(start) or pair
            partner = state.mentor if role is Role.MENTEE else "; ".join(state.mentees)
            rows.append(PersonifiedRow(
                person=registry.participant(pid), role=role, pair=label, partner=partner, pair_type=type_title,
                format=format_title, pair_start=pair.start, pair_end=pair.ended_on or pair.end, start=start,
                end=end, status=status.label, end_reason=pair.end_reason))
    return rows
