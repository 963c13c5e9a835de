"""The sheet «История пар» of the registry workbook: reading it onto the pairs and writing it.

One row is one dated event of a pair (start, change of mentor, a mentee joining or leaving a
group, early end, completion); the pair is named by its number on the sheet «Пары». The
sheet is optional: a workbook without it (or with only its header) has pairs without history.
Every problem is located at its row and column like those of the other sheets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from ..models import Pair, PairEvent, PairEventKind, Registry, history_errors
from ._people import PeopleIndex, resolve_people
from ._table import HEADER_SEARCH_ROWS, Table
from ._values import cell_text

__all__ = ["HistoryRow", "history_rows", "read_history"]

_ONE_PERSON = "укажите одного человека"
#: The event fields that name people, each holding one person.
_PEOPLE = {"previous_mentor": _ONE_PERSON, "new_mentor": _ONE_PERSON, "mentee": _ONE_PERSON}
#: Which column a history problem is about, by the start of its message after the event.
_COLUMN_OF = {"событие раньше начала": "date", "дата начала в истории": "date", "событие после окончания": "date",
              "новый наставник": "new_mentor", "наставляемого": "mentee", "наставляемый": "mentee",
              "наставник": "new_mentor", "статус пары": "kind", "начало пары указано": "kind",
              "пара уже": "kind"}


def read_history(table: Table, rows: Iterator[Sequence[Any]], index: PeopleIndex, pairs: list[Pair],
                 rejected_pairs: set[str]) -> list[Pair]:
    """The pairs with the events of the sheet attached (each event remembers its row).

    A pair whose events contradict it keeps no history; its rows get the problems.
    ``rejected_pairs`` are the numbers of pair rows already reported, not reported again.
    """
    head = list(islice(rows, HEADER_SEARCH_ROWS))
    rows = chain(head, rows)
    if all(cell_text(c) == "" for row in head for c in row) or not table.read_header(rows):
        return pairs
    labels = [pair.id or str(i + 1) for i, pair in enumerate(pairs)]
    found: dict[int, list[PairEvent]] = {}
    for number, data, failed in table.read_rows(rows):
        label = cell_text(data.pop("pair", ""))
        resolve_people(table, number, data, failed, index, _PEOPLE)
        event = table.validate(PairEvent, number, data, failed)
        if label and label not in labels:
            if label not in rejected_pairs:
                table.problem(number, "pair", label, f"на листе «Пары» нет пары № {label}", "pair.unknown")
            continue
        if event is not None and not failed and label:
            found.setdefault(labels.index(label), []).append(event.set_origin(str(table.sheet), number))
    out = list(pairs)
    for i, events in found.items():
        pair = pairs[i]
        errors = history_errors(mentor=pair.mentor, mentees=pair.mentees, start=pair.start,
                                status=pair.status, events=events)
        for at, message in errors:
            event = events[at if at is not None else 0]
            origin = event.origin
            table.problem(origin.row if origin else table.header_row, _column(message), None,
                          f"пара № {labels[i]}: {message}")
        if not errors:
            out[i] = Pair.model_validate(pair.model_dump(exclude={"history"}) | {"history": events})
            if pair.origin is not None:
                out[i].set_origin(pair.origin.sheet, pair.origin.row)
    return out


def _column(message: str) -> str | None:
    detail = message.split(": ", 1)[-1]
    return next((field for start, field in _COLUMN_OF.items() if detail.startswith(start)), None)


@dataclass(frozen=True)
class HistoryRow:
    """One row of the sheet: a pair's number and one of its events."""

    pair: str
    date: dt.date
    kind: PairEventKind
    previous_mentor: str | None
    new_mentor: str | None
    mentee: str | None
    reason: str | None
    previous_mentor_consent_date: dt.date | None


def history_rows(registry: Registry) -> list[HistoryRow]:
    """Every recorded event of every pair, pair by pair, in date order."""
    return [HistoryRow(registry.pair_label(i), e.date, e.kind, e.previous_mentor, e.new_mentor, e.mentee, e.reason,
                       e.previous_mentor_consent_date)
            for i, pair in enumerate(registry.pairs) for e in pair.history]

