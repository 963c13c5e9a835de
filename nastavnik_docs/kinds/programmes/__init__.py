"""Programmes: the personalised mentoring programme (ППН) and the individual educational route (ИОМ).

* :mod:`.personal` — ``programme.personal``, one programme per pair or group, with the plan
  of meetings;
* :mod:`.individual_route` — ``programme.individual_route``, a teacher's route from the
  diagnosed professional deficits;
* :mod:`.plan` — the plan of meetings of a personalised programme;
* :mod:`.schedule` — the working-day calendar the plan is laid on (weekends, public and
  school holidays, frequencies, month arithmetic);
* :mod:`._shared` — what both programmes share (inline people, stamps, passport, frame);
* ``programmes.yaml`` — the default wording: goals, tasks, meeting topics, results,
  reporting and criteria per audience; the route's actions per competence area.
"""

from ._shared import MENTEE_WORDS, ApprovalInput, ProgrammePerson, agree_mentees
from .individual_route import ROUTE_AREAS, IndividualRouteContext, IndividualRouteInput
from .personal import AUDIENCES, PersonalProgrammeContext, PersonalProgrammeInput, audience_of, programme_records
from .plan import Meeting, spread
from .schedule import FREQUENCIES, Holiday, frequency_key, months_between, plan_dates

__all__ = [
    "AUDIENCES", "FREQUENCIES", "MENTEE_WORDS", "ROUTE_AREAS", "ApprovalInput", "Holiday",
    "IndividualRouteContext", "IndividualRouteInput", "Meeting", "PersonalProgrammeContext",
    "PersonalProgrammeInput", "ProgrammePerson", "agree_mentees", "audience_of", "frequency_key",
    "months_between", "plan_dates", "programme_records", "spread",
]
