"""Programmes: the personalised mentoring programme (ППН) and the individual educational route (ИОМ).

* :mod:`.personal` — ``programme.personal``, one programme per pair or group, with the plan
  of meetings;
* :mod:`.individual_route` — ``programme.individual_route``, a teacher's route from the
  diagnosed professional deficits;
* :mod:`.plan` — the plan of meetings of a personalised programme;
* :mod:`.schedule` — the working-day calendar the plan is laid on (weekends, public and
  school holidays with the default calendar in ``holidays.yaml``, rhythms, month arithmetic);
* :mod:`._audience` — which content library a pair takes (:func:`audience_of`);
* :mod:`._library` — the content libraries (``library/*.yaml``) and goal packs;
* :mod:`._content` — a programme's goal, tasks and meetings chosen from a library;
* :mod:`._pair` — the pair of a programme, from the registry or inline;
* :mod:`._shared` — what both programmes share (inline people, stamps, passport, frame);
* ``programmes.yaml`` — the rhythms, the fixed meetings and the route's actions per
  competence area.
"""

from ._audience import audience_of, lessons_mode
from ._library import GOAL_PACKS, LIBRARIES, Library
from ._shared import ApprovalInput, ProgrammePerson, agree_mentees
from .individual_route import ROUTE_AREAS, IndividualRouteContext, IndividualRouteInput
from .personal import PersonalProgrammeContext, PersonalProgrammeInput, programme_records
from .plan import Meeting, spread
from .schedule import (
    FREQUENCIES,
    Holiday,
    Schedule,
    default_holidays,
    frequency_key,
    months_between,
    plan_dates,
    plan_schedule,
    summer_periods,
)

__all__ = [
    "FREQUENCIES", "GOAL_PACKS", "LIBRARIES", "ROUTE_AREAS", "ApprovalInput", "Holiday",
    "IndividualRouteContext", "IndividualRouteInput", "Library", "Meeting", "PersonalProgrammeContext",
    "PersonalProgrammeInput", "ProgrammePerson", "Schedule", "agree_mentees", "audience_of", "default_holidays",
    "frequency_key", "lessons_mode", "months_between", "plan_dates", "plan_schedule", "programme_records",
    "spread", "summer_periods",
]
