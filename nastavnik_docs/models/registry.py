"""The curator's registry (база наставников и наставляемых): participants and pairs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from difflib import get_close_matches
from typing import Any, Literal

from pydantic import Field, PrivateAttr, model_validator

from ._enums import Category, PairStatus, Role
from .forms import (
    DEFAULT_FORMAT,
    Dimension,
    MentoringForm,
    MentoringFormat,
    PairType,
    derive_pair_type,
    find_form,
    find_format,
    find_pair_type,
    form_key,
    form_text,
    looks_like_pair_type,
    nearest_form,
)
from .pair import Pair
from .participant import Participant
from .person import Model
from .plausibility import person_warnings

#: A personalised programme lasts from three months to one year (Р-145, АЗ-1128/08).
MIN_PROGRAMME_MONTHS = 3
MAX_PROGRAMME_MONTHS = 12


@dataclass(frozen=True)
class RegistryProblem:
    """A problem found when checking a registry's links.

    ``pair`` is the 0-based pair index, ``event`` the index of the event in that pair's
    history when the problem is about one (``field`` is then a field of the event);
    ``code`` is the stable code the year's check reports it under.
    """

    message: str
    severity: Literal["error", "warning"] = "error"
    pair: int | None = None
    field: str | None = None
    value: str | None = None
    code: str = "registry"
    event: int | None = None


class _Stamp:
    """Which lists a registry was checked with (their identities and lengths). Two stamps are
    always equal, so that it never makes two equal registries unequal."""

    __slots__ = ("lists",)

    def __init__(self, lists: tuple[int, ...]):
        self.lists = lists

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Stamp)

    __hash__ = None  # type: ignore[assignment]


class Registry(Model):
    """Participants and their pairs, checked as a whole.

    Constructing a Registry raises when a pair names an unknown person, a person
    mentors themself, a mentee is in two active pairs of the same form at once, or a
    mentor has more mentees than ``max_mentees_per_mentor``. Programmes shorter than
    three months or longer than a year are only warnings (``warnings()``).
    """

    participants: list[Participant] = Field(default_factory=list, description="Участники")
    pairs: list[Pair] = Field(default_factory=list, description="Пары и группы")
    pair_types: list[PairType] = Field(default_factory=list, description="Свои типы пар (кто кого наставляет)")
    formats: list[MentoringFormat] = Field(default_factory=list, description="Свои форматы наставничества")
    forms: list[MentoringForm] = Field(
        default_factory=list, exclude=True,
        description="Свои формы одним списком, как в прежних базах: каждая переносится в типы пар "
                    "или в форматы")
    max_mentees_per_mentor: int | None = Field(default=None, ge=1, description="Максимум наставляемых у наставника")

    _by_id: dict[str, Participant] = PrivateAttr(default_factory=dict)
    _checked: _Stamp = PrivateAttr(default_factory=lambda: _Stamp(()))

    def _lists(self) -> tuple[int, ...]:
        return id(self.participants), len(self.participants), id(self.pairs), len(self.pairs)

    @model_validator(mode="before")
    @classmethod
    def _split_forms(cls, data: Any) -> Any:
        """The one list of older registries goes into the pair types and the formats."""
        if not isinstance(data, dict) or not data.get("forms"):
            return data
        types, formats = list(data.get("pair_types") or []), list(data.get("formats") or [])
        for item in data["forms"]:
            form = item if isinstance(item, MentoringForm) else MentoringForm.model_validate(item)
            fields = form.model_dump(include=set(MentoringForm.model_fields))
            if isinstance(form, PairType) or (not isinstance(form, MentoringFormat)
                                              and looks_like_pair_type(form.title)):
                types.append(form if isinstance(form, PairType) else PairType(**fields))
            else:
                formats.append(form if isinstance(form, MentoringFormat) else MentoringFormat(**fields))
        return {**data, "pair_types": types, "formats": formats, "forms": []}

    @model_validator(mode="after")
    def _check_links(self) -> Registry:
        if self._checked.lists == self._lists():  # checked already, passed in again (pydantic reruns
            return self                           # after-validators); a copy with new lists is checked
        errors, by_id = _check(self, warnings=False, errors=True)
        if errors:
            raise ValueError("; ".join(_describe(p) for p in errors))
        self._by_id = by_id  # the check's own index: 100,000 participants are not indexed twice
        self._checked = _Stamp(self._lists())
        for i, pair in enumerate(self.pairs):
            if not pair.form:  # documents print the derived type (or the default format)
                found = self.pair_type_of(pair) or self.format_of(pair) or DEFAULT_FORMAT
                self.pairs[i] = pair.model_copy(update={"form": found.title})
        return self

    def participant(self, participant_id: str) -> Participant:
        return self._by_id[participant_id]

    def mentor_of(self, pair: Pair) -> Participant:
        return self._by_id[pair.mentor]

    def mentees_of(self, pair: Pair) -> list[Participant]:
        return [self._by_id[m] for m in pair.mentees]

    def form_of(self, pair: Pair) -> MentoringForm | None:
        """The listed form the pair's one-line ``form`` names (a pair type or a format), if any."""
        return find_form(pair.form, [*self.pair_types, *self.formats]) if pair.form else None

    def pair_type_of(self, pair: Pair) -> PairType | None:
        """Who mentors whom: the type the pair gives, or the one its people's categories fit.

        None when the given type is in no list (``check_registry`` reports it) or when no type
        fits the people.
        """
        return resolve_pair_type(pair, self.pair_types, self.formats, self.participants_by_id())

    def format_of(self, pair: Pair) -> MentoringFormat | None:
        """How the pair works: the format it gives, «традиционное (один на один)» when it gives
        none; None when the given format is in no list (``check_registry`` reports it)."""
        return resolve_format(pair, self.pair_types, self.formats)

    def form_text(self, pair: Pair) -> str:
        """The pair's form as documents print it in full: the pair type (given or derived) and,
        unless it is one to one, the format («учитель – учитель, групповое»)."""
        pair_type, fmt = self.pair_type_of(pair), self.format_of(pair)
        type_title = pair_type.title if pair_type else pair.pair_type
        format_title = fmt.title if fmt is not None else pair.format
        if fmt is DEFAULT_FORMAT and not pair.format:
            format_title = None
        return form_text(type_title, format_title)

    def participants_by_id(self) -> dict[str, Participant]:
        """The participants by ID (do not change it): the index made when the registry was
        checked, or a new one if its lists have been replaced or resized since."""
        if self._by_id and self._checked.lists == self._lists():
            return self._by_id
        return {p.id: p for p in self.participants}

    def mentors(self) -> list[Participant]:
        """Everyone who mentors in at least one pair, or whose primary role is mentor."""
        ids = {p.mentor for p in self.pairs}
        return [p for p in self.participants if p.id in ids or p.role is Role.MENTOR]

    def mentees(self) -> list[Participant]:
        ids = {m for p in self.pairs for m in p.mentees}
        return [p for p in self.participants if p.id in ids or p.role is Role.MENTEE]

    def pairs_with_status(self, *statuses: PairStatus) -> list[Pair]:
        return [p for p in self.pairs if p.status in statuses]

    def pair_label(self, index: int) -> str:
        pair = self.pairs[index]
        return pair.id or str(index + 1)

    def warnings(self) -> list[str]:
        return [_describe(p) for p in check_registry(self, errors=False)]

    def as_of(self, day: date) -> Registry:
        """The registry as it stood on ``day``: each pair as ``Pair.as_of`` gives it.

        A pair that had not started by ``day`` is left out; a pair completed or ended early
        after ``day`` is «действует»; a mentor changed after ``day`` is replaced by the
        earlier one; mentees who joined or left a group later are as they were. Every pair
        keeps its number (a pair without one gets the number it has in this registry), so
        the orders of the year cite the same numbers. Participants, forms and the mentee
        limit stay as they are. The result is a view: it is not checked again.
        """
        pairs = []
        for i, pair in enumerate(self.pairs):
            state = pair.as_of(day)
            if state is None:
                continue
            if state.id is None:
                state = state.model_copy(update={"id": str(i + 1)})
            pairs.append(state)
        return self.model_copy(update={"pairs": pairs})


def _describe(problem: RegistryProblem) -> str:
    where = f"пара {problem.pair + 1}: " if problem.pair is not None else ""
    return where + problem.message


def nearest_participant(pid: str, participants: list[Participant]) -> Participant | None:
    """The participant whose ID is spelt most like ``pid`` (a typo's likely meaning), or None."""
    by_key = {p.id.casefold(): p for p in participants}
    found = get_close_matches(pid.casefold(), list(by_key), n=1, cutoff=0.6)
    return by_key[found[0]] if found else None


def unknown_person_message(pid: str, participants: list[Participant]) -> str:
    """«нет участника с ID «У5»; возможно, имелся в виду «У05» (Семёнов П.А.)»."""
    message = f"нет участника с ID «{pid}»"
    near = nearest_participant(pid, participants)
    if near is not None:
        message += f"; возможно, имелся в виду «{near.id}» ({near.last_name} {near.initials})"
    return message


#: The Russian name of each dimension and of its list on the workbook's sheet «Списки».
DIMENSION_WORDS: dict[Dimension, tuple[str, str]] = {
    "pair_type": ("тип пары", "Тип пары"),
    "format": ("формат наставничества", "Формат наставничества"),
}


def unknown_form_message(form: str, forms: list[MentoringForm], dimension: Dimension | None = None) -> str:
    """The message for a form that is in no list, suggesting the nearest listed form."""
    near = nearest_form(form, forms, dimension) or nearest_form(form, forms)
    hint = f"; возможно, «{near.title}»" if near is not None else ""
    what = f" ({DIMENSION_WORDS[dimension][0]} «{form}» не найден в списке)" if dimension else ""
    return ("неизвестная форма наставничества" + what + hint
            + "; добавьте её в свой список или выберите из списка")


def _given(pair: Pair, dimension: Dimension, pair_types: list[PairType],
           formats: list[MentoringFormat]) -> tuple[bool, MentoringForm | None]:
    """(decided, the listed value) of one dimension from what the pair gives.

    The pair's own field decides unless its value belongs to the other list; a value an
    older registry put in the other field (the organisation's own type written without a
    spaced dash) is found here when it is in this dimension's list only.
    """
    finders = {"pair_type": lambda text: find_pair_type(text, pair_types),
               "format": lambda text: find_format(text, formats)}
    mine, theirs = finders[dimension], finders["format" if dimension == "pair_type" else "pair_type"]
    own, other = (pair.pair_type, pair.format) if dimension == "pair_type" else (pair.format, pair.pair_type)
    if own:
        found = mine(own)
        if found is not None or theirs(own) is None:
            return True, found
    elif other and theirs(other) is None:
        found = mine(other)
        if found is not None:
            return True, found
    return False, None


def resolve_pair_type(pair: Pair, pair_types: list[PairType], formats: list[MentoringFormat],
                      people: dict[str, Participant]) -> PairType | None:
    """``Registry.pair_type_of`` for a registry's lists and people (also for a draft registry)."""
    decided, found = _given(pair, "pair_type", pair_types, formats)
    if decided:
        return found if isinstance(found, PairType) else None
    mentor = people.get(pair.mentor)
    mentees = [people[m] for m in pair.mentees if m in people]
    if mentor is None or len(mentees) != len(pair.mentees):
        return None
    return derive_pair_type(mentor, mentees, pair_types)


def resolve_format(pair: Pair, pair_types: list[PairType], formats: list[MentoringFormat]) -> MentoringFormat | None:
    """``Registry.format_of`` for a registry's lists (also for a draft registry)."""
    decided, found = _given(pair, "format", pair_types, formats)
    if decided:
        return found if isinstance(found, MentoringFormat) else None
    return DEFAULT_FORMAT


def _unknown_forms(i: int, pair: Pair, registry: Registry) -> list[RegistryProblem]:
    """A pair type or format given but in no list (an error for the year's check)."""
    problems = []
    known = [*registry.pair_types, *registry.formats]
    checks: tuple[tuple[Dimension, str | None], ...] = (("pair_type", pair.pair_type), ("format", pair.format))
    for dimension, value in checks:
        if value and find_form(value, known) is None:
            problems.append(RegistryProblem(unknown_form_message(value, known, dimension), severity="warning",
                                            pair=i, field=dimension, value=value, code="pair.form_unknown"))
    return problems


def check_registry(registry: Registry, *, warnings: bool = True, errors: bool = True) -> list[RegistryProblem]:
    """Every problem in the links between participants and pairs, errors and warnings
    (errors only with ``warnings=False``: what the constructor and the loaders refuse;
    warnings only with ``errors=False``: what ``Registry.warnings`` prints).

    Pure and cheap (linear: dictionaries and sets), so the Excel loader can call it and
    attach each problem to a row. It needs no checked registry: a draft
    (``Registry.model_construct``) will do.
    """
    return _check(registry, warnings=warnings, errors=errors)[0]


def _check(registry: Registry, *, warnings: bool, errors: bool) -> tuple[list[RegistryProblem], dict[str, Participant]]:
    """:func:`check_registry`'s problems, and the participants by ID it made on the way
    (the last one of a repeated ID)."""
    problems: list[RegistryProblem] = []
    by_id: dict[str, Participant] = {}
    today = date.today()
    believable: set[tuple[date | None, Category]] = set()  # birth dates and categories repeat
    for person in registry.participants:
        if warnings and (person.birth_date, person.category) not in believable:
            found = person_warnings(person, today)
            for warning in found:
                problems.append(RegistryProblem(warning, severity="warning", field="birth_date",
                                                code="participant.birth_date"))
            if not found:
                believable.add((person.birth_date, person.category))
        if errors and person.id in by_id:
            problems.append(RegistryProblem(f"участник с ID «{person.id}» указан дважды",
                                            field="id", value=person.id, code="participant.duplicate_id"))
        by_id[person.id] = person

    mentee_load: dict[str, int] = {}
    for i, pair in enumerate(registry.pairs):
        if errors:
            _link_errors(i, pair, by_id, registry.participants, problems)
            if pair.status is PairStatus.ACTIVE:
                mentee_load[pair.mentor] = mentee_load.get(pair.mentor, 0) + len(pair.mentees)
        if not warnings:
            continue
        unknown = _unknown_forms(i, pair, registry)
        problems.extend(unknown)
        if not unknown and not pair.pair_type and resolve_pair_type(
                pair, registry.pair_types, registry.formats, by_id) is None and all(
                pid in by_id for pid in (pair.mentor, *pair.mentees)):
            problems.append(RegistryProblem(_undetermined_message(pair, by_id), severity="warning", pair=i,
                                            field="pair_type", code="pair.type_undetermined"))
        months = pair.duration_months()
        if months is not None and not (MIN_PROGRAMME_MONTHS - 0.05 <= months <= MAX_PROGRAMME_MONTHS + 0.05):
            shown = f"{months:.1f}".replace(".", ",").removesuffix(",0")  # «1», «1,4» (models cannot use ru)
            problems.append(RegistryProblem(
                f"срок программы {shown} мес.: обычно от 3 месяцев до 1 года",
                severity="warning", pair=i, field="end", code="pair.duration"))

    if not errors:
        return problems, by_id
    problems.extend(_overlapping_mentees(registry, by_id))
    limit = registry.max_mentees_per_mentor
    if limit is not None:
        first_pair: dict[str, int] = {}
        for i, pair in enumerate(registry.pairs):
            first_pair.setdefault(pair.mentor, i)
        for mentor, load in mentee_load.items():
            if load > limit:
                first = first_pair[mentor]
                problems.append(RegistryProblem(
                    f"у наставника «{mentor}» {load} наставляемых в действующих парах, а допускается не более {limit}",
                    pair=first, field="mentor", value=mentor, code="mentor.overload"))
    return problems, by_id


def _link_errors(i: int, pair: Pair, by_id: dict[str, Participant], participants: list[Participant],
                 problems: list[RegistryProblem]) -> None:
    """The people pair ``i`` and its history name who are not among the participants."""
    for field, pid in [("mentor", pair.mentor), *(("mentees", m) for m in pair.mentees)]:
        if pid not in by_id:
            problems.append(RegistryProblem(unknown_person_message(pid, participants), pair=i,
                                            field=field, value=pid, code="pair.person_unknown"))
    for j, event in enumerate(pair.history):
        for field, pid in event.people():
            if pid not in by_id:
                problems.append(RegistryProblem(
                    f"история пары, {event.title}: {unknown_person_message(pid, participants)}",
                    pair=i, field=field, value=pid, code="pair.person_unknown", event=j))


def _undetermined_message(pair: Pair, people: dict[str, Participant]) -> str:
    mentor = people[pair.mentor].category.label
    mentees = ", ".join(dict.fromkeys(people[m].category.label for m in pair.mentees))
    return (f"тип пары не указан и не определяется по категориям участников (наставник — {mentor}, "
            f"наставляемые — {mentees}): укажите тип пары")


def _form_key(pair: Pair, registry: Registry, people: dict[str, Participant],
              memo: dict[tuple, tuple[str, str]]) -> tuple[str, str]:
    """The pair's type and format as canonical titles (the value as given when not listed)."""
    mentor = people.get(pair.mentor)
    key = (pair.pair_type, pair.format, mentor.category if mentor else None, mentor.post if mentor else None,
           frozenset(people[m].category if m in people else None for m in pair.mentees))
    if key not in memo:
        memo[key] = _resolved_titles(pair, registry, people)
    return memo[key]


def _resolved_titles(pair: Pair, registry: Registry, people: dict[str, Participant]) -> tuple[str, str]:
    pair_type = resolve_pair_type(pair, registry.pair_types, registry.formats, people)
    fmt = resolve_format(pair, registry.pair_types, registry.formats)
    return (pair_type.title if pair_type else form_key(pair.pair_type or ""),
            fmt.title if fmt else form_key(pair.format or ""))


def _overlapping_mentees(registry: Registry, people: dict[str, Participant]) -> list[RegistryProblem]:
    """A mentee may not be in two active pairs of the same type and format whose periods overlap."""
    problems = []
    seen: dict[tuple[str, tuple[str, str]], list[int]] = {}
    far = date.max
    pairs = registry.pairs
    active = [pair.status is PairStatus.ACTIVE for pair in pairs]
    # only a mentee in two active pairs can overlap: most are in one, and the forms of their
    # pairs need not be resolved at all (0.2 s of reading a 100,000-participant registry)
    counts = Counter(m for pair, on in zip(pairs, active, strict=True) if on for m in pair.mentees)
    shared = {m for m, n in counts.items() if n > 1}
    memo: dict[tuple, tuple[str, str]] = {}  # many pairs share type, format and categories
    for i, pair in enumerate(pairs):
        if not active[i] or shared.isdisjoint(pair.mentees):
            continue
        form = _form_key(pair, registry, people, memo)
        for mentee in pair.mentees:
            if mentee not in shared:
                continue
            key = (mentee, form)
            for j in seen.get(key, []):
                other = pairs[j]
                if pair.start <= (other.end or far) and other.start <= (pair.end or far):
                    problems.append(RegistryProblem(
                        f"наставляемый «{mentee}» уже состоит в действующей паре {other.id or j + 1} "
                        f"той же формы в те же сроки", pair=i, field="mentees", value=mentee,
                        code="pair.mentee_overlap"))
            seen.setdefault(key, []).append(i)
    return problems
