"""Protocols (протоколы): council meetings, interviews with mentor candidates, review of candidates.

Laid out by ГОСТ Р 7.0.97-2025: organisation, ПРОТОКОЛ, date and number, place, heading
(«заседания педагогического совета»), chair and secretary, who was present, the agenda,
and for each question СЛУШАЛИ – ВЫСТУПИЛИ – ПОСТАНОВИЛИ with the votes; signatures of the
chair and the secretary. Speakers are written as in ГОСТ: «Власова Е.Н. – …».

* :mod:`._common` — the input, the context, votes and lines every protocol shares;
* :mod:`.council` — ``protocol.council``: the chair in the attendance list, non-members
  invited, votes over the members present;
* :mod:`.commission` — ``protocol.mentor_interview`` and ``protocol.candidates_review``: the
  commission with one name everywhere.
"""

from ._common import ProtocolContext, ProtocolInput, Votes
from .commission import (
    Commission,
    InterviewContext,
    InterviewInput,
    ReviewContext,
    ReviewInput,
    build_interview,
    build_review,
    commission_heading,
)
from .council import CouncilContext, CouncilInput, build_council, is_member

__all__ = [
    "Commission", "CouncilContext", "CouncilInput", "InterviewContext", "InterviewInput", "ProtocolContext",
    "ProtocolInput", "ReviewContext", "ReviewInput", "Votes", "build_council", "build_interview", "build_review",
    "commission_heading", "is_member",
]
