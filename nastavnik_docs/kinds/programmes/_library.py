"""The content libraries of the personalised programmes, read from ``library/*.yaml``.

* :class:`Library` — the default goal, tasks (each with the topics of its meetings),
  results, reporting and criteria for one audience (:data:`LIBRARIES`, by key);
* :class:`GoalPack` — a task and its meetings a programme gets when its goal names them
  (OGE, an olympiad, a project …; :data:`GOAL_PACKS`), with a key date where it has one;
* :class:`Entry` / :class:`Topic` — an item of a list or a meeting's topic, with what it
  says for people who give no lessons (``lessons`` / ``mixed``);
* :data:`LessonsMode` — whether the mentees give lessons: all, some (a mixed group) or none.

The YAML header of ``library/young_teacher.yaml`` documents the fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from .._data import wording

__all__ = ["GOAL_PACKS", "LIBRARIES", "Entry", "GoalPack", "LessonsMode", "Library", "PackText", "Task",
           "Topic", "library_data", "subject_of"]

#: Whether the mentees give lessons: every one («all»), some («mixed»: a group of teachers
#: and, say, a psychologist), or none.
LessonsMode = Literal["all", "mixed", "none"]

_PACKAGE = __package__ or "nastavnik_docs.kinds.programmes"


def library_data(name: str) -> dict[str, Any]:
    """The mapping of ``library/<name>.yaml``, read once."""
    return wording(_PACKAGE, f"library/{name}.yaml")


@dataclass(frozen=True)
class Entry:
    """A text of a list (a task, a result …): ``lessons`` says it speaks of lessons,
    ``mixed`` is what it says in a group where not everyone gives lessons; ``task`` (a
    result, a form of reporting, a criterion) is a key of the library's task it follows
    from — it is left out of a programme without that task —, ``unless`` the goal packs
    (:data:`GOAL_PACKS` keys) whose own result says the same."""

    text: str
    lessons: bool = False
    mixed: str | None = None
    task: str | None = None
    unless: tuple[str, ...] = ()

    def fitting(self, mode: LessonsMode) -> str | None:
        """The text for mentees in ``mode``, or None when it does not fit them."""
        if not self.lessons or mode == "all":
            return self.text
        return self.mixed if mode == "mixed" else None


@dataclass(frozen=True)
class Topic(Entry):
    """A meeting's topic with its form of work."""

    form: str = ""


@dataclass(frozen=True)
class Task(Entry):
    """A task of the programme with the words that recognise it and the topics that serve it;
    ``opening`` — a task of the programme's start (acquaintance, diagnosis, the basics) that
    comes before the tasks the pair's goal adds."""

    keys: tuple[str, ...] = ()
    topics: tuple[Topic, ...] = ()
    opening: bool = False


@dataclass(frozen=True)
class Library:
    """The default content of a programme for one audience."""

    key: str
    title: str
    who: Literal["teachers", "learners"]
    goal: str
    tasks: tuple[Task, ...]
    results: tuple[Entry, ...]
    reporting: tuple[Entry, ...]
    criteria: tuple[Entry, ...]


@dataclass(frozen=True)
class PackText:
    """A goal pack's wording for teachers or for learners."""

    task: str
    topics: tuple[Topic, ...]
    after: Topic | None
    result: str


@dataclass(frozen=True)
class GoalPack:
    """A task and its meetings for a goal that names them (``keys``)."""

    key: str
    keys: tuple[str, ...]
    event: bool
    texts: dict[str, PackText]

    def matches(self, text: str) -> bool:
        low = text.lower().replace("ё", "е")
        return any(k.replace("ё", "е") in low for k in self.keys)


def _entry(raw: str | dict[str, Any]) -> Entry:
    if isinstance(raw, str):
        return Entry(text=raw)
    return Entry(text=raw["text"], lessons=bool(raw.get("lessons")), mixed=raw.get("mixed"), task=raw.get("task"),
                 unless=tuple(raw.get("unless", ())))


def _topic(raw: dict[str, Any]) -> Topic:
    return Topic(text=raw["topic"], form=raw.get("form", ""), lessons=bool(raw.get("lessons")),
                 mixed=raw.get("mixed"))


def _task(raw: dict[str, Any]) -> Task:
    return Task(text=raw["task"], lessons=bool(raw.get("lessons")), mixed=raw.get("mixed"),
                keys=tuple(raw.get("keys", ())), topics=tuple(_topic(t) for t in raw["topics"]),
                opening=bool(raw.get("opening")))


def _library(key: str) -> Library:
    raw = library_data(key)
    library = Library(key=key, title=raw["title"], who=raw["who"], goal=raw["goal"],
                      tasks=tuple(_task(t) for t in raw["tasks"]),
                      results=tuple(_entry(e) for e in raw["results"]),
                      reporting=tuple(_entry(e) for e in raw["reporting"]),
                      criteria=tuple(_entry(e) for e in raw["criteria"]))
    keys = {k for t in library.tasks for k in t.keys}
    for entry in (*library.results, *library.reporting, *library.criteria):
        if entry.task is not None and entry.task not in keys:
            raise ValueError(f"library/{key}.yaml: «{entry.text}» follows the task «{entry.task}», "
                             "which no task of the library has among its keys")
    return library


def _pack(key: str, raw: dict[str, Any]) -> GoalPack:
    texts: dict[str, PackText] = {}
    for who in ("teachers", "learners"):
        if who in raw:
            part = raw[who]
            texts[who] = PackText(task=part["task"], topics=tuple(_topic(t) for t in part["topics"]),
                                  after=_topic(part["after"]) if part.get("after") else None,
                                  result=part["result"])
    return GoalPack(key=key, keys=tuple(raw["keys"]), event=bool(raw.get("event")), texts=texts)


#: The content libraries by audience key (``library/audiences.yaml`` lists them).
LIBRARIES: dict[str, Library] = {key: _library(key) for key in library_data("audiences")["libraries"]}
#: The goal packs by key (``library/goals.yaml``).
GOAL_PACKS: dict[str, GoalPack] = {key: _pack(key, raw) for key, raw in library_data("goals").items()}


def _check_unless() -> None:
    """Every ``unless`` of the libraries names a goal pack."""
    for library in LIBRARIES.values():
        for entry in (*library.results, *library.reporting, *library.criteria):
            if not set(entry.unless) <= set(GOAL_PACKS):
                raise ValueError(f"library/{library.key}.yaml: «{entry.text}»: unless names an unknown goal pack")


_check_unless()

#: «по физике», «по русскому языку» right after the word a pack is recognised by.
_SUBJECT = re.compile(r"^\S*\s+(по\s+(?:[а-яё]+(?:ому|ему|ой|ей)\s+)?[а-яё]+)", re.IGNORECASE)


def subject_of(text: str, pack: GoalPack) -> str:
    """« по физике» when ``text`` names a subject right after a key of ``pack`` («ОГЭ по
    физике», «олимпиады по химии», «ОГЭ по русскому языку»), else ""."""
    low = text.lower().replace("ё", "е")
    for key in pack.keys:
        at = low.find(key.replace("ё", "е"))
        if at >= 0:
            match = _SUBJECT.match(text[at:])
            if match:
                return " " + match.group(1)
    return ""
