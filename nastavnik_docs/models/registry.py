"""The curator's registry (база наставников и наставляемых): participants and pairs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from difflib import get_close_matches
from typing import Literal

from pydantic import Field, PrivateAttr, model_validator

from ._enums import PairStatus, Role
from .forms import MentoringForm, find_form, form_key, nearest_form
from .pair import Pair
from .participant import Participant
from .person import Model

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


class Registry(Model):
    """Participants and their pairs, checked as a whole.

    Constructing a Registry raises when a pair names an unknown person, a person
    mentors themself, a mentee is in two active pairs of the same form at once, or a
    mentor has more mentees than ``max_mentees_per_mentor``. Programmes shorter than
    three months or longer than a year are only warnings (``warnings()``).
    """

    participants: list[Participant] = Field(default_factory=list, description="Участники")
    pairs: list[Pair] = Field(default_factory=list, description="Пары и группы")
    forms: list[MentoringForm] = Field(default_factory=list, description="Дополнительные формы наставничества")
    max_mentees_per_mentor: int | None = Field(default=None, ge=1, description="Максимум наставляемых у наставника")

    _by_id: dict[str, Participant] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _check_links(self) -> Registry:
        errors = [p for p in check_registry(self) if p.severity == "error"]
        if errors:
            raise ValueError("; ".join(_describe(p) for p in errors))
        self._by_id = {p.id: p for p in self.participants}
        return self

    def participant(self, participant_id: str) -> Participant:
        return self._by_id[participant_id]

    def mentor_of(self, pair: Pair) -> Participant:
        return self._by_id[pair.mentor]

    def mentees_of(self, pair: Pair) -> list[Participant]:
        return [self._by_id[m] for m in pair.mentees]

    def form_of(self, pair: Pair) -> MentoringForm | None:
        return find_form(pair.form, self.forms)

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
        return [_describe(p) for p in check_registry(self) if p.severity == "warning"]

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


def unknown_form_message(form: str, forms: list[MentoringForm]) -> str:
    """The message for a form that is in no list, suggesting the nearest listed form."""
    near = nearest_form(form, forms)
    hint = f"; возможно, «{near.title}»" if near is not None else ""
    return ("неизвестная форма наставничества" + hint
            + "; добавьте её в список форм или выберите из списка")


def check_registry(registry: Registry) -> list[RegistryProblem]:
    """Every problem in the links between participants and pairs, errors and warnings.

    Pure and cheap, so the Excel loader can call it and attach each problem to a row. It
    needs no checked registry: a draft (``Registry.model_construct``) will do.
    """
    problems: list[RegistryProblem] = []
    by_id: dict[str, Participant] = {}
    for person in registry.participants:
        if person.id in by_id:
            problems.append(RegistryProblem(f"участник с ID «{person.id}» указан дважды",
                                            field="id", value=person.id, code="participant.duplicate_id"))
        by_id[person.id] = person

    mentee_load: dict[str, int] = {}
    for i, pair in enumerate(registry.pairs):
        for field, pid in [("mentor", pair.mentor), *(("mentees", m) for m in pair.mentees)]:
            if pid not in by_id:
                problems.append(RegistryProblem(unknown_person_message(pid, registry.participants), pair=i,
                                                field=field, value=pid, code="pair.person_unknown"))
        for j, event in enumerate(pair.history):
            for field, pid in event.people():
                if pid not in by_id:
                    problems.append(RegistryProblem(
                        f"история пары, {event.title}: {unknown_person_message(pid, registry.participants)}",
                        pair=i, field=field, value=pid, code="pair.person_unknown", event=j))
        if find_form(pair.form, registry.forms) is None:
            problems.append(RegistryProblem(unknown_form_message(pair.form, registry.forms),
                                            severity="warning", pair=i, field="form", value=pair.form,
                                            code="pair.form_unknown"))
        months = pair.duration_months()
        if months is not None and not (MIN_PROGRAMME_MONTHS - 0.05 <= months <= MAX_PROGRAMME_MONTHS + 0.05):
            problems.append(RegistryProblem(
                f"срок программы {months:.1f} мес.: обычно от 3 месяцев до 1 года",
                severity="warning", pair=i, field="end", code="pair.duration"))
        if pair.status is PairStatus.ACTIVE:
            mentee_load[pair.mentor] = mentee_load.get(pair.mentor, 0) + len(pair.mentees)

    problems.extend(_overlapping_mentees(registry.pairs, registry.forms))
    limit = registry.max_mentees_per_mentor
    if limit is not None:
        for mentor, load in mentee_load.items():
            if load > limit:
                first = next(i for i, p in enumerate(registry.pairs) if p.mentor == mentor)
                problems.append(RegistryProblem(
                    f"у наставника «{mentor}» {load} наставляемых в действующих парах, а допускается не более {limit}",
                    pair=first, field="mentor", value=mentor, code="mentor.overload"))
    return problems


def _overlapping_mentees(pairs: list[Pair], forms: list[MentoringForm]) -> list[RegistryProblem]:
    """A mentee may not be in two active pairs of the same form whose periods overlap."""
    problems = []
    seen: dict[tuple[str, str], list[int]] = {}
    far = date.max
    for i, pair in enumerate(pairs):
        if pair.status is not PairStatus.ACTIVE:
            continue
        for mentee in pair.mentees:
            form = find_form(pair.form, forms)
            key = (mentee, form.title if form else form_key(pair.form))
            for j in seen.get(key, []):
                other = pairs[j]
                if pair.start <= (other.end or far) and other.start <= (pair.end or far):
                    problems.append(RegistryProblem(
                        f"наставляемый «{mentee}» уже состоит в действующей паре {other.id or j + 1} "
                        f"той же формы в те же сроки", pair=i, field="mentees", value=mentee,
                        code="pair.mentee_overlap"))
            seen.setdefault(key, []).append(i)
    return problems
