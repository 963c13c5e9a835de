"""Roadmaps (дорожные карты): the table as data, its period, its deadlines and their calendar.

* :mod:`.table` — the roadmap itself: columns, stages, rows, stamps, note, targets;
* :mod:`.period` — its period (a calendar or a school year) and the month steps;
* :mod:`.deadline` — a deadline's wording read into spans and recurrences;
* :mod:`.schedule` — the months and dates a deadline falls on, what is due in a month.
"""

from .deadline import Deadline, DeadlineStatus, Recurrence, Span, parse_deadline
from .period import YM, Period, month_range, next_month
from .schedule import DueItem, due_in, months_due, occurrences, roadmap_months
from .table import (
    COLUMN_WEIGHTS,
    DEFAULT_HEADINGS,
    Activity,
    Block,
    Column,
    ColumnRole,
    Roadmap,
    RoadmapNote,
    RoadmapRow,
    Stage,
    Stamp,
    StampKind,
    SubStage,
)

__all__ = [
    "COLUMN_WEIGHTS",
    "DEFAULT_HEADINGS",
    "YM",
    "Activity",
    "Block",
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
    "SubStage",
    "due_in",
    "month_range",
    "months_due",
    "next_month",
    "occurrences",
    "parse_deadline",
    "roadmap_months",
]
