"""Roadmaps (дорожные карты): the table as data, its period, its deadlines and their calendar.

* :mod:`.table` — the roadmap itself: columns, stages, rows, stamps, note, targets;
* :mod:`.period` — its period (a calendar or a school year) and the month steps;
* :mod:`.deadline` — a deadline's wording read into spans and recurrences (the words
  themselves in :mod:`._wording`);
* :mod:`.schedule` — the months, dates and calendar events a deadline falls on, what is due
  in a month, what to tell a curator about the dates.
"""

from .deadline import Deadline, DeadlineStatus, Recurrence, Span, parse_deadline
from .period import YM, Period, month_range, next_month
from .schedule import (
    CalendarEntry,
    DueItem,
    calendar_entries,
    calendar_notes,
    due_in,
    due_notes,
    month_label,
    months_due,
    occurrences,
    roadmap_months,
)
from .table import (
    COLUMN_WEIGHTS,
    DEFAULT_HEADINGS,
    Activity,
    AppendixMark,
    Block,
    Column,
    ColumnRole,
    Roadmap,
    RoadmapNote,
    RoadmapRow,
    Stage,
    StageLayout,
    Stamp,
    StampKind,
    StampSide,
    SubStage,
)

__all__ = [
    "COLUMN_WEIGHTS",
    "DEFAULT_HEADINGS",
    "YM",
    "Activity",
    "AppendixMark",
    "Block",
    "CalendarEntry",
    "Column",
    "ColumnRole",
    "Deadline",
    "DeadlineStatus",
    "DueItem",
    "Period",
    "Recurrence",
    "Roadmap",
    "RoadmapNote",
    "RoadmapRow",
    "Span",
    "Stage",
    "Stamp",
    "StampKind",
    "StampSide",
    "StageLayout",
    "SubStage",
    "calendar_entries",
    "calendar_notes",
    "due_in",
    "due_notes",
    "month_label",
    "month_range",
    "months_due",
    "next_month",
    "occurrences",
    "parse_deadline",
    "roadmap_months",
]
