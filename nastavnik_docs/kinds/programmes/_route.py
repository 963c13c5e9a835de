"""The defaults and checks of an individual educational route (``programmes.yaml``).

* :data:`ROUTE_AREAS` — the default actions for the deficits of each competence area
  (:class:`RouteArea` of :class:`DefaultAction`), each with who answers for it and, when it
  speaks of lessons, its wording for a teacher who gives none;
* :func:`route_results` — the expected results for the teacher's post;
* :func:`deadline_problem` — whether a deadline (a date or its wording, read with
  :func:`nastavnik_docs.models.roadmap.parse_deadline`) lies in the school year;
* :func:`school_year_bounds`, :func:`rediagnosis_day` — the route's calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ...models.roadmap import parse_deadline
from ._wording import TEXT

__all__ = ["REDIAGNOSIS", "ROLE_WORDS", "ROUTE_AREAS", "ROUTE_FALLBACK", "DefaultAction", "RouteArea",
           "area_of", "deadline_problem", "rediagnosis_day", "route_results", "school_year_bounds"]

#: The words of the roles that answer for actions, when the route names nobody for them.
ROLE_WORDS: dict[str, str] = dict(TEXT["route_roles"])
#: The repeated diagnosis: default day, who answers for it, its wording.
REDIAGNOSIS: dict[str, Any] = dict(TEXT["route_rediagnosis"])
#: The last month of the school year a route's action may fall in (June: teachers work,
#: July and August are their leave).
LAST_MONTH = 6


@dataclass(frozen=True)
class DefaultAction:
    """A default action for a deficit: its kind, wording, months (offsets from September;
    None — the whole year), result and the roles answering for it; ``lessons`` — it speaks
    of lessons; ``specialist`` — its wording (kind, action, result, responsible) for a
    teacher who gives no lessons."""

    kind: str
    action: str
    months: tuple[int, int] | None
    result: str
    responsible: tuple[str, ...]
    lessons: bool = False
    specialist: tuple[tuple[str, Any], ...] = ()

    def for_teacher(self, gives_lessons: bool) -> DefaultAction:
        """This action as it reads for a teacher who gives lessons or one who does not."""
        if gives_lessons or not self.specialist:
            return self
        changes = dict(self.specialist)
        return DefaultAction(kind=changes.get("kind", self.kind), action=changes.get("action", self.action),
                             months=self.months, result=changes.get("result", self.result),
                             responsible=tuple(changes.get("responsible", self.responsible)))


@dataclass(frozen=True)
class RouteArea:
    """The default actions for the deficits of one competence area; ``keys`` are the words
    that find the area in a deficit's area."""

    keys: tuple[str, ...]
    actions: tuple[DefaultAction, ...]


def _action(raw: dict[str, Any]) -> DefaultAction:
    return DefaultAction(kind=raw["kind"], action=raw["action"],
                         months=(raw["months"][0], raw["months"][1]) if raw["months"] else None,
                         result=raw["result"], responsible=tuple(raw["responsible"]),
                         lessons=bool(raw.get("lessons")), specialist=tuple((raw.get("specialist") or {}).items()))


ROUTE_AREAS: dict[str, RouteArea] = {
    key: RouteArea(keys=tuple(area["keys"]), actions=tuple(_action(a) for a in area["actions"]))
    for key, area in TEXT["route_areas"].items()}
ROUTE_FALLBACK = RouteArea(keys=(), actions=tuple(_action(a) for a in TEXT["route_fallback"]))


def area_of(text: str) -> RouteArea:
    """The competence area a deficit's area names, or the fallback."""
    low = text.lower()
    for area in ROUTE_AREAS.values():
        if any(k in low for k in area.keys):
            return area
    return ROUTE_FALLBACK


def route_results(kind: str) -> tuple[str, ...]:
    """The expected results for a teacher (``teacher``), a specialist (``psychologist`` …)
    or anyone else (``other``)."""
    results = TEXT["route_results"]
    return tuple(results.get(kind, results["other"]))


def school_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """1 September of ``year`` and 30 June of the next: the months a route's actions fall in."""
    return dt.date(year, 9, 1), dt.date(year + 1, LAST_MONTH, 30)


def rediagnosis_day(year: int) -> dt.date:
    """The default day of the repeated diagnosis (``day`` of ``route_rediagnosis``), moved
    back from a weekend."""
    month, day = (int(x) for x in REDIAGNOSIS["day"].split("-"))
    found = dt.date(year + 1, month, day)
    while found.weekday() >= 5:
        found -= dt.timedelta(days=1)
    return found


def _month_in_year(month: int, year: int | None, school_year: int) -> tuple[int, int]:
    return (year if year is not None else (school_year if month >= 9 else school_year + 1)), month


def deadline_problem(deadline: dt.date | str, school_year: int) -> str | None:
    """Why a deadline lies outside the school year (September – June), or None. A wording
    is read with ``parse_deadline``; one naming no month («в течение года») is accepted."""
    first, last = school_year_bounds(school_year)
    where = f"{school_year}/{school_year + 1} учебного года (сентябрь {school_year} г. – июнь {school_year + 1} г.)"
    if isinstance(deadline, dt.date):
        return None if first <= deadline <= last else f"срок вне {where}"
    parsed = parse_deadline(deadline)
    if parsed is None:
        return None
    for span in parsed.spans:
        for month, year in ((span.start_month, span.start_year), (span.last_month, span.end_year or span.start_year)):
            ym = _month_in_year(month, year, school_year)
            if not ((first.year, first.month) <= ym <= (last.year, last.month)):
                return f"срок вне {where}"
    return None
