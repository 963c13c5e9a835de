"""The content of a personalised programme, chosen from a library for its pair.

:func:`programme_content` turns a library (:mod:`._library`), the lessons mode of the
mentees, the pair's goal, the tasks or requests the user gave and the number of regular
meetings into :class:`Content`: the goal, the tasks each with the topics of its meetings
(:class:`~.plan.PlannedTask`), the results, reporting and criteria — still with their
agreement braces (the builder fills them for the mentees).

A goal that names an OGE, an olympiad, a project … brings its goal pack's task first; a
task given by the user takes the topics of the goal pack or library task its words name,
or a meeting of its own (``custom_topic`` of ``programmes.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ._library import GOAL_PACKS, Entry, GoalPack, LessonsMode, Library, Task, Topic, subject_of
from ._wording import TEXT
from .plan import PlannedTask

__all__ = ["Content", "programme_content"]


@dataclass(frozen=True)
class Content:
    """A programme's goal, tasks (texts and their meetings), results, reporting, criteria."""

    goal: str
    tasks: tuple[str, ...]
    planned: tuple[PlannedTask, ...]
    results: tuple[str, ...]
    reporting: tuple[str, ...]
    criteria: tuple[str, ...]

    @property
    def has_event(self) -> bool:
        """A task has a key date (an olympiad's stage, an exam, a project's defence)."""
        return any(t.event for t in self.planned)


def _texts(entries: Sequence[Entry], mode: LessonsMode) -> tuple[str, ...]:
    return tuple(text for e in entries if (text := e.fitting(mode)) is not None)


def _topics(topics: Sequence[Topic], mode: LessonsMode, subject: str = "") -> tuple[tuple[str, str], ...]:
    out = []
    for topic in topics:
        text = topic.fitting(mode)
        if text is not None:
            out.append((text.replace("{предмет}", subject), topic.form))
    return tuple(out)


def _words(text: str) -> str:
    return text.lower().replace("ё", "е")


def _library_task(text: str, library: Library) -> Task | None:
    """The library task whose keys ``text`` names most often (the first of equals), or None:
    «планировать и анализировать урок физики по требованиям ФГОС» is the lesson task (урок,
    планирова), not the documents' one (ФГОС)."""
    low = _words(text)
    hits = [sum(_words(k) in low for k in task.keys) for task in library.tasks]
    best = max(hits, default=0)
    return library.tasks[hits.index(best)] if best else None


def _pack_task(pack: GoalPack, who: str, subject: str, mode: LessonsMode) -> tuple[str, PlannedTask, str]:
    """(task, its meetings, the result it adds) of a goal pack."""
    part = pack.texts[who]
    after = _topics([part.after], mode, subject)[0] if part.after else None
    return (part.task.replace("{предмет}", subject),
            PlannedTask(topics=_topics(part.topics, mode, subject), event=pack.event, after=after),
            part.result.replace("{предмет}", subject))


def _packs_for(text: str, library: Library) -> list[GoalPack]:
    """The goal packs ``text`` names that the library has no task of its own for."""
    found = []
    for pack in GOAL_PACKS.values():
        if library.who in pack.texts and pack.matches(text) and not any(
                any(_words(k) in _words(key) or _words(key) in _words(k) for key in pack.keys)
                for task in library.tasks for k in task.keys):
            found.append(pack)
    return found


def _event_pack_of(task: Task) -> GoalPack | None:
    """The event goal pack a library task is about (a project task of the employer's library)."""
    for pack in GOAL_PACKS.values():
        if pack.event and any(_words(k) in _words(key) or _words(key) in _words(k)
                              for key in pack.keys for k in task.keys):
            return pack
    return None


def _from_library(task: Task, library: Library, goal: str,
                  mode: LessonsMode) -> tuple[str, PlannedTask, GoalPack | None] | None:
    """A library task's text and meetings, with the event goal pack its goal brings (its key
    date and the review after it), or None when the task does not fit the mentees."""
    text = task.fitting(mode)
    topics = _topics(task.topics, mode)
    if text is None or not topics:
        return None
    pack = _event_pack_of(task)
    event = pack is not None and pack.matches(goal)
    after = None
    if event and pack is not None and library.who in pack.texts and pack.texts[library.who].after:
        after = _topics([pack.texts[library.who].after], mode, subject_of(goal, pack))[0]  # type: ignore[list-item]
    return text, PlannedTask(topics=topics, event=event, after=after), pack if event else None


#: A task chosen for a programme: its text, its meetings, the result a goal pack adds, and
#: where it comes from (the library's task or the goal pack; None for a task of the user's own).
_Chosen = tuple[str, PlannedTask, str | None, Task | GoalPack | None]


def _given(text: str, library: Library, goal: str, mode: LessonsMode) -> _Chosen:
    """A task the user gave, with the meetings its words call for (and a goal pack's result)."""
    for pack in GOAL_PACKS.values():
        if library.who in pack.texts and pack.matches(text):
            subject = subject_of(text, pack) or subject_of(goal, pack)
            _, planned, result = _pack_task(pack, library.who, subject, mode)
            return text, planned, result, pack
    task = _library_task(text, library)
    if task is not None:
        found = _from_library(task, library, goal, mode)
        if found is not None:
            return text, found[1], None, task
    custom = TEXT["custom_topic"]
    topic = custom["topic"].format(task=text[:1].upper() + text[1:])
    return text, PlannedTask(topics=((topic, custom["form"]),)), None, None


def _fitting(entries: Sequence[Entry], mode: LessonsMode, keys: set[str], packs: set[str]) -> tuple[str, ...]:
    """The texts of ``entries`` that fit the mentees and follow from the programme's tasks
    (``keys`` — the keys of its library tasks; ``packs`` — its goal packs)."""
    return _texts([e for e in entries if (e.task is None or e.task in keys) and not set(e.unless) & packs], mode)


def _selected(library: Library, mode: LessonsMode, goal: str, tasks: Sequence[str] | None, requests: Sequence[str],
              slots: int, compact: bool) -> list[_Chosen]:
    """The tasks of a programme (see :func:`programme_content`)."""
    if tasks:
        return [_given(t, library, goal, mode) for t in tasks]
    packs: list[_Chosen] = []
    for pack in _packs_for(goal, library):
        text, planned, result = _pack_task(pack, library.who, subject_of(goal, pack), mode)
        packs.append((text, planned, result, pack))
    wanted = [*packs, *(_given(r, library, goal, mode) for r in requests)]
    own: list[tuple[bool, _Chosen]] = []
    for task in library.tasks:
        found = _from_library(task, library, goal, mode)
        if found is not None:
            own.append((task.opening, (found[0], found[1], None, found[2] or task)))
    opening = [entry for first, entry in own if first]
    if compact and wanted:
        opening, rest = [], []
    else:
        rest = [entry for first, entry in own if not first]
    room = max(0, slots - len(opening) - len(wanted))
    return [*opening, *wanted, *(rest[:room] if room or opening or wanted else rest[:1])]


def programme_content(library: Library, mode: LessonsMode, *, goal: str | None, tasks: Sequence[str] | None,
                      requests: Sequence[str] = (), slots: int, compact: bool = False) -> Content:
    """The content of a programme of ``slots`` regular meetings.

    The goal is the pair's (or the library's). Tasks given by the user are kept as they
    are, each with its meetings; otherwise the library's opening tasks (acquaintance,
    diagnosis, the basics) come first, then the goal's packs, then the mentee's requests,
    then the library's other tasks that fit the mentees — no more than there are meetings,
    so that each has one (the openings, the packs and the requests are never dropped). A
    compact programme (флэш …) with a goal pack or requests keeps to them. The results,
    the reporting and the criteria are the packs' and those of the library that follow
    from the tasks chosen (a result about lessons only with the task about lessons), or
    the general result of ``programmes.yaml`` when none does.
    """
    goal_text = goal or library.goal
    chosen = _selected(library, mode, goal_text, tasks, requests, slots, compact)
    first_event = next((i for i, (_, p, _, _) in enumerate(chosen) if p.event), None)
    planned = tuple(p if p.event is False or i == first_event else PlannedTask(topics=p.topics)
                    for i, (_, p, _, _) in enumerate(chosen))
    keys = {k for *_, source in chosen if isinstance(source, Task) for k in source.keys}
    packs = {source.key for *_, source in chosen if isinstance(source, GoalPack)}
    results = [r for _, _, r, _ in chosen if r] + list(_fitting(library.results, mode, keys, packs))
    return Content(goal=goal_text, tasks=tuple(text for text, *_ in chosen), planned=planned,
                   results=tuple(dict.fromkeys(results)) or (TEXT["general_result"],),
                   reporting=_fitting(library.reporting, mode, keys, packs),
                   criteria=_fitting(library.criteria, mode, keys, packs))
