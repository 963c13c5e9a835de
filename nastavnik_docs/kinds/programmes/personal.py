"""``programme.personal`` — персонализированная программа наставничества (ППН).

One programme per pair or group: approval stamp, title, a passport table (organisation,
mentor with post and experience, mentees with posts or classes, form, period with its
length in months, frequency of meetings, curator), goal, numbered tasks, the plan of
meetings with dates, expected results, how results are evaluated, signatures. The plan is
generated from the pair's start and end dates and a frequency (:mod:`.schedule`): an
organisational meeting (знакомство), a trial working meeting, a planning meeting, regular
working meetings and the final meeting.

The default goal, tasks, meeting topics, results and evaluation per audience
(teacher–teacher, teacher–pupil, pupil–pupil, employer–pupil/student) are data in
``programmes.yaml`` (:data:`AUDIENCES`); each can be replaced in the input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from ...errors import GrammarError
from ...models import Category, Official, Organization, Pair, PairStatus, Participant, Registry, find_form
from ...ru import (
    PersonForms,
    agree,
    decline_post,
    detect_gender,
    format_date,
    gendered,
    initials_name,
    period_text,
    sentence,
    typograph,
)
from .._base import BatchSpec, DemoBatch, Kind, register
from .._people import bad_input, forms_of
from .._requisites import CouncilDecision, Item
from ._shared import (
    ApprovalInput,
    PassportRow,
    PersonRef,
    ProgrammeFrame,
    ProgrammeInput,
    SignatureRow,
    StampContext,
    agree_mentees,
    approval_lines,
    considered_stamp,
    curator_rows,
    describe,
    frame,
    list_items,
    resolve_curator,
    resolve_person,
    role_word,
)
from ._wording import TEXT
from .plan import Meeting, MeetingInput, TopicInput, generated_plan, given_plan
from .schedule import FREQUENCIES, Holiday, frequency_key, months_between

__all__ = [
    "AUDIENCES", "Audience", "PersonalProgrammeContext", "PersonalProgrammeInput", "audience_of",
    "build_personal", "programme_records",
]

FAMILY = "Программы"
NBSP = "\u00a0"


# --------------------------------------------------------------------------- wording (data)


@dataclass(frozen=True)
class Audience:
    """Default wording of a programme for one audience (who mentors whom)."""

    title: str
    goal: str
    tasks: tuple[str, ...]
    topics: tuple[tuple[str, str], ...]  # regular meetings: (topic, form of work)
    results: tuple[str, ...]
    reporting: tuple[str, ...]
    criteria: tuple[str, ...]


AUDIENCES: dict[str, Audience] = {
    key: Audience(title=a["title"], goal=a["goal"], tasks=tuple(a["tasks"]),
                  topics=tuple((t["topic"], t["form"]) for t in a["topics"]), results=tuple(a["results"]),
                  reporting=tuple(a["reporting"]), criteria=tuple(a["criteria"]))
    for key, a in TEXT["audiences"].items()
}
_FORM_AUDIENCE: dict[str, str] = dict(TEXT["form_audiences"])

AudienceKey = Literal["teacher_teacher", "teacher_pupil", "pupil_pupil", "employer"]


# --------------------------------------------------------------------------- input


class PersonalProgrammeInput(ProgrammeInput):
    """Персонализированная программа наставничества одной пары или группы.

    The pair comes from the registry (``pair`` — its number, or ``pair_index`` — its
    position from 1) or is given inline: ``mentor``, ``mentees``, ``form``, ``start``,
    ``end`` (people inline or as registry ids). ``start``, ``end``, ``goal`` and ``form``
    given together with ``pair`` replace the registry's values.
    """

    organization: Organization = Field(description="Организация")
    registry: Registry | None = Field(default=None, description="База наставников и наставляемых")
    pair: str | None = Field(default=None, description="Номер пары (группы) в базе")
    pair_index: int | None = Field(default=None, ge=1, description="Порядковый номер пары в базе (с 1)")
    mentor: PersonRef | None = Field(default=None, description="Наставник (ФИО… или ID) — для пары без базы")
    mentees: list[PersonRef] | None = Field(default=None, description="Наставляемые (ФИО… или ID)")
    form: str | None = Field(default=None, description="Форма наставничества")
    start: dt.date | None = Field(default=None, description="Дата начала")
    end: dt.date | None = Field(default=None, description="Дата окончания")
    goal: str | None = Field(default=None, description="Цель (по умолчанию — из базы или типовая)")
    tasks: list[str] | None = Field(default=None, description="Задачи (по умолчанию — типовые)")
    audience: AudienceKey | None = Field(
        default=None, description="Набор типовых формулировок: teacher_teacher, teacher_pupil, pupil_pupil, employer")
    frequency: str | None = Field(
        default=None, description="Периодичность встреч: «раз в две недели» (по умолчанию), «раз в месяц»…")
    holidays: list[Holiday] = Field(default_factory=list, description="Каникулы: встречи переносятся на первый рабочий день после")
    topics: list[TopicInput | str] | None = Field(default=None, description="Темы рабочих встреч (по умолчанию — типовые)")
    plan: list[MeetingInput] | None = Field(default=None, description="План встреч целиком (вместо составленного)")
    results: list[str] | None = Field(default=None, description="Ожидаемые результаты")
    reporting: list[str] | None = Field(default=None, description="Формы отчётности")
    criteria: list[str] | None = Field(default=None, description="Критерии оценки результатов")
    curator: Official | str | None = Field(default=None, description="Куратор: ФИО и должность или ID (ФИО) из базы (по умолчанию — куратор из базы)")
    approval: ApprovalInput | None = Field(default=None, description="Утверждение (по умолчанию — УТВЕРЖДАЮ руководителя)")
    considered: CouncilDecision | None = Field(default=None, description="РАССМОТРЕНА на заседании (совет, дата, протокол)")
    representatives: bool = Field(default=False, description="Строки «Ознакомлен(а)» для законных представителей несовершеннолетних")
    batch_status: list[PairStatus] | None = Field(
        default=None, description="Для выпуска пакетом из базы: статусы пар (по умолчанию — действующие)")

    @field_validator("end")
    @classmethod
    def _after_start(cls, end: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("start")
        if start is not None and end is not None and end <= start:
            raise ValueError(f"дата окончания ({end:%d.%m.%Y}) должна быть позже даты начала "
                             f"({start:%d.%m.%Y})")
        return end


# --------------------------------------------------------------------------- context


class PersonalProgrammeContext(ProgrammeFrame):
    """What ``programme_personal.docx`` places."""

    mentor: PersonForms
    mentees: list[PersonForms]
    form: str
    period: str
    months: str
    frequency: str
    goal: str
    tasks: list[Item]
    plan: list[Meeting]
    results: list[Item]
    reporting: list[Item]
    criteria: list[Item]


# --------------------------------------------------------------------------- the pair


@dataclass
class _ResolvedPair:
    mentor: Participant
    mentees: list[Participant]
    form: str
    start: dt.date
    end: dt.date
    goal: str | None
    label: str | None


def _registry_pair(data: PersonalProgrammeInput, registry: Registry) -> Pair:
    if data.pair is not None:
        matches = [p for i, p in enumerate(registry.pairs) if (p.id or str(i + 1)) == data.pair]
        if not matches:
            known = ", ".join(registry.pair_label(i) for i in range(min(12, len(registry.pairs))))
            raise bad_input("pair", f"в базе нет пары (группы) с номером «{data.pair}»; есть: {known}",
                            data.pair, code="pair.unknown")
        return matches[0]
    index = data.pair_index or 0
    if index > len(registry.pairs):
        raise bad_input("pair_index", f"в базе только {agree(len(registry.pairs), 'пара')}; "
                                      f"порядковый номер {index} больше", index)
    return registry.pairs[index - 1]


def _resolve_pair(data: PersonalProgrammeInput) -> _ResolvedPair:
    registry = data.registry
    if data.pair is not None or data.pair_index is not None:
        if data.mentor is not None or data.mentees is not None:
            raise bad_input("mentor", "пара указана и номером (pair), и составом (mentor, mentees): "
                                      "оставьте что-то одно")
        if registry is None:
            raise bad_input("registry", "пара указана номером, но база наставников и наставляемых "
                                        "(registry) не задана", code="registry.missing")
        pair = _registry_pair(data, registry)
        mentor, mentees = registry.mentor_of(pair), registry.mentees_of(pair)
        form, start, end, goal = pair.form, pair.start, pair.end, pair.goal
        label: str | None = pair.id or str(registry.pairs.index(pair) + 1)
    else:
        if data.mentor is None or not data.mentees:
            raise bad_input("pair", "не указана пара: дайте номер пары из базы (pair) или "
                                    "наставника и наставляемых (mentor, mentees)", code="field.missing")
        mentor = resolve_person(data.mentor, registry, "mentor")
        mentees = [resolve_person(m, registry, f"mentees → {i}") for i, m in enumerate(data.mentees, start=1)]
        form, end, goal, label = data.form or "", data.end, None, None
        if not form:
            raise bad_input("form", "не указана форма наставничества (form)", code="field.missing")
        if data.start is None:
            raise bad_input("start", "не указана дата начала программы (start)", code="field.missing")
        start = data.start
    form = data.form or form
    start = data.start or start
    end = data.end or end
    if end is None:
        raise bad_input("end", "не указана дата окончания программы (end): у пары в базе её нет", code="field.missing")
    if end <= start:
        raise bad_input("end", f"дата окончания ({end:%d.%m.%Y}) должна быть позже даты начала "
                               f"({start:%d.%m.%Y})", format_date(end, "numeric"))
    return _ResolvedPair(mentor, mentees, form, start, end, data.goal or goal, label)


def audience_of(form: str, mentor: Participant, mentees: Sequence[Participant]) -> str:
    """Which default wording fits: by the form of mentoring, else by the participants."""
    found = find_form(form)
    if found is not None:
        key = _FORM_AUDIENCE.get(found.title)
        if key:
            return key
        if found.audience == "teachers":
            return "teacher_teacher"
    if mentor.category is Category.EMPLOYER:
        return "employer"
    if all(m.category is Category.PUPIL for m in mentees):
        return "teacher_pupil" if mentor.category is Category.TEACHER else "pupil_pupil"
    return "teacher_teacher"


# --------------------------------------------------------------------------- the plan and the programme


def _topics(data: PersonalProgrammeInput, audience: Audience) -> list[tuple[str, str]]:
    if data.topics:
        return [(t, "") if isinstance(t, str) else (t.topic, t.form or "") for t in data.topics]
    return list(audience.topics)


def _plan(data: PersonalProgrammeInput, pair: _ResolvedPair, audience: Audience,
          mentees: Sequence[PersonForms]) -> list[Meeting]:
    """The meeting plan: given by hand (``plan``) or generated from the period and frequency."""
    if data.plan:
        return given_plan(data.plan, pair.start, pair.end)
    return generated_plan(pair.start, pair.end, _topics(data, audience), frequency=data.frequency or "biweekly",
                          holidays=data.holidays, mentees=mentees)


def _for_whom(mentees: Sequence[PersonForms]) -> str:
    """«для наставляемого Мамедова Эльдара Рашид оглы» (a pair, genitive) or
    «для группы наставляемых: Ткаченко Д.А., Гарипова А.Р.» (a group, a list after the colon)."""
    if len(mentees) == 1:
        forms = mentees[0]
        noun = gendered(forms, "наставляемого", "наставляемой")
        return f"для {noun} {forms.genitive}"
    return "для группы наставляемых: " + ", ".join(f.short_nominative for f in mentees)


def _representative_rows(people: Sequence[tuple[str, Participant]], on: dt.date) -> list[SignatureRow]:
    """«Ознакомлена: законный представитель (мать) наставляемой Кузнецовой С.М.» for each minor
    (or a pupil whose birth date is unknown) who has a representative in the registry."""
    rows = []
    for role, person in people:
        rep = person.representative
        if rep is None or not (person.is_minor(on) or person.birth_date is None):
            continue
        forms = forms_of(person)
        try:
            word = gendered(detect_gender(rep.full_name), "Ознакомлен", "Ознакомлена")
        except GrammarError:
            word = "Ознакомлен(а)"
        relation = f" ({rep.relation})" if rep.relation else ""
        whose = decline_post(role_word(role, forms).lower(), "genitive", forms.gender)
        rows.append(SignatureRow(
            role=f"{word}: законный представитель{relation} {whose} {forms.short_genitive}",
            name=initials_name(rep.full_name, "nominative")))
    return rows


def build_personal(data: PersonalProgrammeInput) -> PersonalProgrammeContext:
    pair = _resolve_pair(data)
    org = data.organization
    key = data.audience or audience_of(pair.form, pair.mentor, pair.mentees)
    audience = AUDIENCES[key]
    mentor = forms_of(pair.mentor)
    mentees = [forms_of(m) for m in pair.mentees]
    curator_lines, curator_sign = curator_rows(resolve_curator(data.curator, data.registry))
    months = agree(months_between(pair.start, pair.end), "месяц").replace(" ", NBSP, 1)
    period = f"{period_text(pair.start, pair.end)} ({months})"
    try:
        frequency = ("по плану" if data.plan and data.frequency is None
                     else FREQUENCIES[frequency_key(data.frequency or "biweekly")][0])
    except ValueError as exc:
        raise bad_input("frequency", str(exc), data.frequency) from None
    plan = _plan(data, pair, audience, mentees)

    mentor_line = f"{mentor.nominative}, {describe(pair.mentor, mentor, pair.start)}".rstrip(", ")
    mentee_lines = []
    for i, (person, forms) in enumerate(zip(pair.mentees, mentees), start=1):
        line = f"{forms.nominative}, {describe(person, forms)}".rstrip(", ")
        mentee_lines.append(f"{i}. {line}" if len(mentees) > 1 else line)
    form = typograph(pair.form)
    passport = [
        PassportRow(label="Образовательная организация", lines=[typograph(org.full_name)]),
        PassportRow(label="Наставник", lines=[mentor_line]),
        PassportRow(label="Наставляемые" if len(mentees) > 1 else role_word("mentee", mentees[0]),
                    lines=mentee_lines),
        PassportRow(label="Форма наставничества", lines=[form]),
        PassportRow(label="Срок реализации", lines=[period]),
        PassportRow(label="Периодичность встреч", lines=[f"{frequency}, всего {agree(len(plan), 'встреча')}"]),
        PassportRow(label="Куратор", lines=curator_lines),
    ]
    signatures = [SignatureRow(role="Наставник", name=mentor.initials_nominative)]
    signatures += [SignatureRow(role=role_word("mentee", f), name=f.initials_nominative) for f in mentees]
    if data.representatives:
        signatures += _representative_rows(
            [("mentor", pair.mentor), *(("mentee", m) for m in pair.mentees)], pair.start)
    signatures.append(curator_sign)
    title = "Персонализированная программа наставничества"
    return PersonalProgrammeContext(
        **frame(org, StampContext(left=considered_stamp(data.considered, "РАССМОТРЕНА"),
                                  right=approval_lines(data.approval, org, title)),
                title.upper(),
                [_for_whom(mentees), f"(наставник {mentor.short_nominative})",
                 f"на период {period_text(pair.start, pair.end)}"],
                passport, signatures),
        mentor=mentor,
        mentees=mentees,
        form=form,
        period=period,
        months=months,
        frequency=frequency,
        goal=sentence(typograph(agree_mentees(pair.goal or audience.goal, mentees))),
        tasks=list_items(data.tasks or audience.tasks, mentees),
        plan=plan,
        results=list_items(data.results or audience.results, mentees),
        reporting=list_items(data.reporting or audience.reporting, mentees),
        criteria=list_items(data.criteria or audience.criteria, mentees),
    )


# --------------------------------------------------------------------------- batch


def _dump(person: Participant) -> dict[str, Any]:
    return person.model_dump(exclude_none=True, exclude={"email", "phone"})


def programme_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """One programme per pair of the registry: the active ones, or those whose status is in
    ``batch_status`` of the common fields («batch_status: [completed]»).

    Each record names the pair's people inline (the mentor first, so that the batch names
    the file after the mentor) and keeps the registry for the curator.
    """
    value = common.get("batch_status") or [PairStatus.ACTIVE]
    statuses = tuple(PairStatus(v) for v in (value if isinstance(value, (list, tuple)) else [value]))
    shared = {k: v for k, v in common.items() if k != "registry"}
    records = []
    for pair in registry.pairs:
        if pair.status not in statuses:
            continue  # a pair without an end date stays: its record fails with a clear message
        records.append({
            "mentor": _dump(registry.mentor_of(pair)),
            "mentees": [_dump(m) for m in registry.mentees_of(pair)],
            "form": pair.form, "start": pair.start, "end": pair.end, "goal": pair.goal,
            "registry": registry,
            **shared,
        })
    return records


register(Kind(
    id="programme.personal",
    title="Персонализированная программа наставничества",
    build_context=build_personal,
    family=FAMILY,
    description="ППН для пары или группы: участники, форма, срок, цель, задачи, план встреч с датами, "
                "результаты, оценка, подписи.",
    samples=("programmes/personal.yaml", "programmes/personal_group.yaml"),
    sample_names={"programmes/personal.yaml": "пара", "programmes/personal_group.yaml": "группа"},
    output_name="Персонализированная программа наставничества",
    batch=BatchSpec(records=programme_records, file_name="ППН_{last_name}_{initials}"),
    demo_batch=DemoBatch(common="programmes/common.yaml"),
))
