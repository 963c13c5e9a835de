"""Which content library a pair's programme takes: its audience, told in one place.

:func:`audience_of` decides from the people (the mentees' categories and posts, the
mentor's category, the mentee's experience on the pair's start) and the pair's two
dimensions of form — the pair type (who mentors whom) and the format (how). The format
alone never chooses teachers' content for pupils: a group of 9th-graders is a pupil group
whatever its format. :func:`lessons_mode` says whether the mentees give lessons;
:func:`is_compact` whether the programme is one short intensive run (флэш, скоростное …).
The rules' words are data (``library/audiences.yaml``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ...models import Category, Participant, find_form, normalize_word
from ._library import LIBRARIES, LessonsMode, library_data

__all__ = ["AUDIENCE_ALIASES", "audience_key", "audience_of", "form_dimensions", "is_compact", "lessons_mode",
           "specialist_of"]

_RULES = library_data("audiences")
#: Older names of the libraries a user may give (``teacher_teacher`` → ``young_teacher``).
AUDIENCE_ALIASES: dict[str, str] = dict(_RULES["aliases"])
_SPECIALISTS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _RULES["specialists"].items()}
_NO_LESSONS: tuple[str, ...] = tuple(_RULES["no_lessons"])
_EXPERIENCED = float(_RULES["experienced_years"])
_COMPACT_FORMATS: tuple[str, ...] = tuple(_RULES["compact_formats"])
_COMPACT_DAYS = int(_RULES["compact_days"])
_LEARNERS = (Category.PUPIL, Category.STUDENT)


def audience_key(text: str) -> str:
    """A library key as the user gives it (an old alias is accepted); ValueError otherwise."""
    key = AUDIENCE_ALIASES.get(text.strip(), text.strip())
    if key not in LIBRARIES:
        raise ValueError(f"нет набора формулировок «{text}»; есть: {', '.join(LIBRARIES)}")
    return key


def form_dimensions(form: str | None) -> tuple[str | None, str | None]:
    """(pair type, format) of a one-column form («учитель – ученик» is a pair type,
    «групповое» a format); the title of a known form, the text itself otherwise."""
    if not form:
        return None, None
    found = find_form(form)
    title = found.title if found is not None else form
    return (title, None) if " - " in normalize_word(title) else (None, title)


def _post(person: Participant) -> str:
    return (person.post or "").lower().replace("ё", "е")


def specialist_of(person: Participant) -> str | None:
    """The specialist library of a mentee's post (``psychologist`` …), or None."""
    post = _post(person)
    for key, words in _SPECIALISTS.items():
        if any(w in post for w in words):
            return key
    return None


def _gives_lessons(person: Participant) -> bool:
    post = _post(person)
    return specialist_of(person) is None and not any(w in post for w in _NO_LESSONS)


def lessons_mode(mentees: Sequence[Participant]) -> LessonsMode:
    """«all» when every mentee gives lessons, «none» when nobody does, «mixed» otherwise.
    Learners give no lessons; a teacher without a post is taken to give them."""
    teaching = [m.category not in _LEARNERS and _gives_lessons(m) for m in mentees]
    if all(teaching):
        return "all"
    return "none" if not any(teaching) else "mixed"


def _has(text: str | None, word: str) -> bool:
    return bool(text) and word in normalize_word(text or "")


def audience_of(mentor: Participant, mentees: Sequence[Participant], *, pair_type: str | None = None,
                format: str | None = None, on: dt.date | None = None) -> str:
    """The key of the content library for a pair: its people first, then its form.

    Learners (pupils, students) get the employer's library when the mentor represents an
    employer, the student–pupil one under a student, the pupil group's in a group, the
    pupil pair's under a pupil, and the teacher–pupil one otherwise. Staff get the reverse
    mentoring library in that format, a specialist's library when every mentee is that
    specialist (psychologist, speech therapist, librarian), the new-role library when
    every mentee has ``experienced_years`` of experience on ``on``, else the young teacher's.
    """
    if mentees and all(m.category in _LEARNERS for m in mentees):
        if mentor.category is Category.EMPLOYER or _has(pair_type, "работодател"):
            return "employer"
        if mentor.category is Category.STUDENT and any(m.category is Category.PUPIL for m in mentees):
            return "student_pupil"
        if len(mentees) > 1 or _has(format, "группов"):
            return "pupil_group"
        return "pupil_pair" if mentor.category in _LEARNERS else "teacher_pupil"
    if _has(format, "реверсив"):
        return "reverse"
    specialists = {specialist_of(m) for m in mentees}
    if len(specialists) == 1 and None not in specialists:
        return specialists.pop()  # type: ignore[return-value]
    experience = [m.experience_on(on) if on else m.experience_on(dt.date.today()) for m in mentees]
    if experience and all(e is not None and e >= _EXPERIENCED for e in experience):
        return "new_role"
    return "young_teacher"


def is_compact(format: str | None, start: dt.date, end: dt.date) -> bool:
    """One short intensive run: a flash, speed, situational or short-term format, or a
    programme of at most ``compact_days`` days."""
    key = normalize_word(format or "")
    return (end - start).days <= _COMPACT_DAYS or any(w in key for w in _COMPACT_FORMATS)
