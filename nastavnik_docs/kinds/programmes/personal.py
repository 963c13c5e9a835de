"""``programme.personal`` — персонализированная программа наставничества (ППН).

One programme per pair or group: approval stamp, title, a passport table (organisation,
mentor with post and experience, mentees with posts or classes, the pair type and the
format, period with its length in months, rhythm of meetings, curator), goal, numbered
tasks, the plan of meetings with dates, expected results, how results are evaluated,
signatures. Every teacher of the pair — the mentor and each mentee, a veteran of a reverse
pair as much as a young colleague — has the pedagogical experience on the pair's start
(«1 год», «3 года», «38 лет») or a line to write it in.

The content fits the people: :func:`~._audience.audience_of` picks the content library
(young teacher, experienced teacher in a new role, reverse mentoring, psychologist, speech
therapist, librarian, teacher–pupil, pupil pair, pupil group, student–pupil, employer) from
the participants' categories and posts and the pair's type and format;
:func:`~._content.programme_content` takes the goal and tasks from the pair when given and
adds the goal's pack (OGE, olympiad, project …). Every task gets a dated working meeting
(:mod:`.plan`) at a regular rhythm that avoids weekends, public holidays, 1 September and
the school holidays (the default calendar unless the input gives one, :mod:`.schedule`);
meetings in the summer are reported in ``warnings``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from pydantic import Field, ValidationInfo, field_validator

from ...errors import GrammarError
from ...models import Category, Official, Organization, PairStatus, Participant, Registry
from ...ru import (
    PersonForms,
    agree,
    agree_with,
    decline_post,
    detect_gender,
    format_date,
    gendered,
    initials_name,
    join_and,
    period_text,
    sentence,
    typograph,
)
from .._base import BatchSpec, DemoBatch, Kind, register
from .._people import bad_input, forms_of
from .._requisites import CouncilDecision, Item
from ._audience import audience_key, audience_of, is_compact, lessons_mode
from ._content import Content, programme_content
from ._library import LIBRARIES
from ._pair import ResolvedPair, resolve_pair
from ._shared import (
    ApprovalInput,
    PassportRow,
    PersonRef,
    ProgrammeFrame,
    ProgrammeInput,
    SignatureRow,
    StampContext,
    approval_lines,
    considered_stamp,
    curator_rows,
    describe,
    frame,
    list_items,
    resolve_curator,
    role_word,
)
from .plan import FOLLOW_UPS, Meeting, MeetingInput, PlannedTask, TopicInput, generated_plan, given_plan
from .schedule import (
    FREQUENCIES,
    Holiday,
    Schedule,
    default_holidays,
    frequency_key,
    months_between,
    plan_schedule,
    summer_periods,
)

__all__ = ["PersonalProgrammeContext", "PersonalProgrammeInput", "build_personal", "programme_records"]

FAMILY = "Программы"
NBSP = "\u00a0"
_LEARNERS = (Category.PUPIL, Category.STUDENT)


# --------------------------------------------------------------------------- input


class PersonalProgrammeInput(ProgrammeInput):
    """Персонализированная программа наставничества одной пары или группы.

    The pair comes from the registry (``pair`` — its number, or ``pair_index`` — its
    position from 1) or is given inline: ``mentor``, ``mentees``, the form (``pair_type``
    and ``format``, or one ``form``), ``start``, ``end`` (people inline or as registry ids).
    ``start``, ``end``, ``goal`` and the form given together with ``pair`` replace the
    registry's values.
    """

    organization: Organization = Field(description="Организация")
    registry: Registry | None = Field(default=None, description="База наставников и наставляемых")
    pair: str | None = Field(default=None, description="Номер пары (группы) в базе")
    pair_index: int | None = Field(default=None, ge=1, description="Порядковый номер пары в базе (с 1)")
    mentor: PersonRef | None = Field(default=None, description="Наставник (ФИО… или ID) — для пары без базы")
    mentees: list[PersonRef] | None = Field(default=None, description="Наставляемые (ФИО… или ID)")
    pair_type: str | None = Field(default=None, description="Тип пары — кто кого наставляет («учитель – ученик»); "
                                                             "по умолчанию — по категориям участников")
    format: str | None = Field(default=None, description="Формат наставничества («групповое», «реверсивное», «флэш-наставничество»)")
    form: str | None = Field(default=None, description="Форма наставничества одной строкой (тип пары или формат), как в прежних базах")
    start: dt.date | None = Field(default=None, description="Дата начала")
    end: dt.date | None = Field(default=None, description="Дата окончания")
    goal: str | None = Field(default=None, description="Цель (по умолчанию — из базы или типовая)")
    tasks: list[str] | None = Field(default=None, description="Задачи (по умолчанию — по цели и типовые); у каждой будет своя встреча")
    requests: list[str] = Field(default_factory=list, description="Запросы наставляемого (из анкеты): каждый становится задачей со своей встречей")
    key_date: dt.date | None = Field(
        default=None, description="Дата события, к которому ведёт цель (этап олимпиады, экзамен, защита проекта): "
                                  "встречи по нему — до этой даты")
    audience: str | None = Field(
        default=None, description="Набор формулировок (по умолчанию — по участникам и форме): " + ", ".join(LIBRARIES))
    frequency: str | None = Field(
        default=None, description="Периодичность встреч: «раз в две недели» (по умолчанию; у флэш-наставничества — "
                                  "«еженедельно»), «раз в месяц»…")
    holidays: list[Holiday] | None = Field(
        default=None, description="Каникулы, когда встреч нет (по умолчанию — типовой календарь учебного года; "
                                  "[] — без каникул)")
    topics: list[TopicInput | str] | None = Field(default=None, description="Темы рабочих встреч (вместо тем по задачам)")
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

    @field_validator("audience")
    @classmethod
    def _known_audience(cls, value: str | None) -> str | None:
        return audience_key(value) if value is not None else None


# --------------------------------------------------------------------------- context


class PersonalProgrammeContext(ProgrammeFrame):
    """What ``programme_personal.docx`` places; ``audience`` is the content library chosen,
    ``warnings`` what the curator should check (not printed)."""

    mentor: PersonForms
    mentees: list[PersonForms]
    pair_type: str
    format: str
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
    audience: str
    warnings: list[str]


# --------------------------------------------------------------------------- the plan


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
        if rep is None or not person.may_be_minor(on):
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


def _frequency(data: PersonalProgrammeInput, compact: bool) -> str:
    """The rhythm's key: as given, weekly for a compact programme, else every two weeks."""
    try:
        return frequency_key(data.frequency or ("weekly" if compact else "biweekly"))
    except ValueError as exc:
        raise bad_input("frequency", str(exc), data.frequency) from None


def _schedule(data: PersonalProgrammeInput, pair: ResolvedPair, frequency: str, compact: bool,
              holidays: list[Holiday]) -> Schedule:
    try:
        return plan_schedule(pair.start, pair.end, frequency, holidays, compact=compact)
    except ValueError as exc:
        raise bad_input("end", str(exc)) from None


def _own_topics(data: PersonalProgrammeInput, content: Content) -> Content:
    """The tasks' meetings replaced by the topics the input gives, in order (one task)."""
    if not data.topics:
        return content
    topics = tuple((t, "") if isinstance(t, str) else (t.topic, t.form or "") for t in data.topics)
    return Content(goal=content.goal, tasks=content.tasks, planned=(PlannedTask(topics=topics),),
                   results=content.results, reporting=content.reporting, criteria=content.criteria)


def _check_key_date(data: PersonalProgrammeInput, content: Content, schedule: Schedule) -> None:
    if data.key_date is None:
        return
    day = format_date(data.key_date, "numeric")
    if not content.has_event:
        raise bad_input("key_date", "дата события указана, но ни цель, ни задачи не называют события с датой "
                                    "(олимпиада, экзамен, защита проекта)", day)
    if not any(d < data.key_date for d in schedule.regular):
        raise bad_input("key_date", "до даты события нет ни одной рабочей встречи: перенесите начало программы "
                                    "или проверьте дату", day)


def _summer_warnings(plan: Sequence[Meeting], summers: Sequence[Holiday]) -> list[str]:
    warnings = []
    for summer in summers:
        inside = [m for m in plan if m.day is not None and m.day in summer]
        if inside:
            numbers = join_and([f"№{NBSP}{m.number.rstrip('.')} ({m.date})" for m in inside])
            warnings.append(
                f"{'Встреча' if len(inside) == 1 else 'Встречи'} {numbers} "
                f"{'приходится' if len(inside) == 1 else 'приходятся'} на {summer.title} "
                f"({format_date(summer.start, 'numeric')}–{format_date(summer.end, 'numeric')}): "
                "уточните, смогут ли участники встретиться, или сократите срок программы.")
    return warnings


def _skipped_warnings(schedule: Schedule) -> list[str]:
    return [f"В {format_date(dt.date(y, m, 1), 'month_year')} нет рабочего дня вне каникул: ежемесячная встреча "
            "в этом месяце не назначена." for y, m in schedule.skipped]


def _unfilled_warnings(plan: Sequence[Meeting], schedule: Schedule) -> list[str]:
    """The regular dates the topics (with their practice, analysis and consolidation) do
    not fill: the plan has fewer working meetings than its rhythm allows."""
    planned = sum(1 for m in plan if m.kind == "regular")
    if planned >= len(schedule.regular):
        return []
    return [f"Темам задач хватает на {agree(planned, 'рабочая встреча')} из {len(schedule.regular)}, которые "
            f"позволяет периодичность: последние {agree(len(schedule.regular) - planned, 'встреча')} не "
            "назначены. Добавьте задачи или темы (tasks, topics) или выберите периодичность реже."]


def _texts(given: list[str] | None, default: Sequence[str], mentees: Sequence[PersonForms]) -> list[Item]:
    return list_items([agree_with(t, mentees) for t in (given or default)])


def build_personal(data: PersonalProgrammeInput) -> PersonalProgrammeContext:
    pair = resolve_pair(data)
    org = data.organization
    key = data.audience or audience_of(pair.mentor, pair.mentees, pair_type=pair.pair_type, format=pair.format,
                                       on=pair.start)
    library = LIBRARIES[key]
    mentor = forms_of(pair.mentor)
    mentees = [forms_of(m) for m in pair.mentees]
    compact = is_compact(pair.format, pair.start, pair.end)
    frequency = _frequency(data, compact)
    holidays = data.holidays if data.holidays is not None else default_holidays(pair.start, pair.end)
    schedule = _schedule(data, pair, frequency, compact, holidays)
    content = _own_topics(data, programme_content(
        library, lessons_mode(pair.mentees), goal=pair.goal, tasks=data.tasks, requests=data.requests,
        slots=len(schedule.regular), compact=compact))
    _check_key_date(data, content, schedule)
    try:
        plan = (given_plan(data.plan, pair.start, pair.end) if data.plan else
                generated_plan(schedule, content.planned, key_date=data.key_date, compact=compact,
                               own_topics=bool(data.topics), mentees=mentees, follow_ups=FOLLOW_UPS[library.who]))
    except GrammarError as exc:
        raise bad_input("audience", f"формулировка не согласуется с наставляемыми: {exc}") from None
    learners = any(p.category in _LEARNERS for p in (pair.mentor, *pair.mentees))
    warnings = [*_skipped_warnings(schedule), *([] if data.plan else _unfilled_warnings(plan, schedule)),
                *_summer_warnings(plan, summer_periods(pair.start, pair.end, learners=learners))]

    curator_lines, curator_sign = curator_rows(resolve_curator(data.curator, data.registry))
    months = agree(months_between(pair.start, pair.end), "месяц").replace(" ", NBSP, 1)
    period = f"{period_text(pair.start, pair.end)} ({months})"
    rhythm = "по плану" if data.plan and data.frequency is None else FREQUENCIES[frequency][0]
    mentor_line = f"{mentor.nominative}, {describe(pair.mentor, mentor, pair.start)}".rstrip(", ")
    mentee_lines = []
    for i, (person, forms) in enumerate(zip(pair.mentees, mentees), start=1):
        line = f"{forms.nominative}, {describe(person, forms, pair.start)}".rstrip(", ")
        mentee_lines.append(f"{i}. {line}" if len(mentees) > 1 else line)
    pair_type = typograph(pair.pair_type or "")
    format_ = typograph(pair.format or ("групповое" if len(mentees) > 1 else "традиционное (один на один)"))
    passport = [
        PassportRow(label="Образовательная организация", lines=[typograph(org.full_name)]),
        PassportRow(label="Наставник", lines=[mentor_line]),
        PassportRow(label="Наставляемые" if len(mentees) > 1 else role_word("mentee", mentees[0]),
                    lines=mentee_lines),
        *([PassportRow(label="Форма наставничества", lines=[pair_type])] if pair_type else []),
        PassportRow(label="Формат наставничества", lines=[format_]),
        PassportRow(label="Срок реализации", lines=[period]),
        PassportRow(label="Периодичность встреч", lines=[f"{rhythm}, всего {agree(len(plan), 'встреча')}"]),
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
        pair_type=pair_type,
        format=format_,
        form=", ".join(x for x in (pair_type, format_) if x),
        period=period,
        months=months,
        frequency=rhythm,
        goal=sentence(typograph(agree_with(content.goal, mentees))),
        tasks=_texts(None, content.tasks, mentees),
        plan=plan,
        results=_texts(data.results, content.results, mentees),
        reporting=_texts(data.reporting, content.reporting, mentees),
        criteria=_texts(data.criteria, content.criteria, mentees),
        audience=key,
        warnings=warnings,
    )


# --------------------------------------------------------------------------- batch


def _dump(person: Participant) -> dict[str, Any]:
    return person.model_dump(exclude_none=True, exclude={"email", "phone"})


def programme_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """One programme per pair of the registry: the active ones, or those whose status is in
    ``batch_status`` of the common fields («batch_status: [completed]»).

    Each record names the pair's people inline (the mentor first, so that the batch names
    the file after the mentor) with the pair's form, period and goal exactly as the registry
    holds them, so that a programme of the batch says what the programme of that pair says.
    """
    value = common.get("batch_status") or [PairStatus.ACTIVE]
    statuses = tuple(PairStatus(v) for v in (value if isinstance(value, (list, tuple)) else [value]))
    shared = {k: v for k, v in common.items() if k != "registry"}
    records = []
    for pair in registry.pairs:
        if pair.status not in statuses:
            continue  # a pair without an end date stays: its record fails with a clear message
        form: dict[str, Any] = {"form": pair.form}
        if getattr(pair, "pair_type", None) or getattr(pair, "format", None):
            form = {"pair_type": getattr(pair, "pair_type", None), "format": getattr(pair, "format", None)}
        records.append({
            "mentor": _dump(registry.mentor_of(pair)),
            "mentees": [_dump(m) for m in registry.mentees_of(pair)],
            **form, "start": pair.start, "end": pair.end, "goal": pair.goal,
            "registry": registry,
            **shared,
        })
    return records


register(Kind(
    id="programme.personal",
    title="Персонализированная программа наставничества",
    build_context=build_personal,
    family=FAMILY,
    description="ППН для пары или группы: участники, тип пары и формат, срок, цель, задачи, план встреч с "
                "датами (каждая задача — со своей встречей, ритм без пропусков, каникулы и 1 сентября обходятся), "
                "результаты, оценка, подписи. Содержание — по участникам: молодой педагог, опытный педагог в "
                "новой роли, реверсивное наставничество, педагог-психолог, учитель-логопед, библиотекарь, "
                "ученик, группа обучающихся, студент – ученик, работодатель.",
    samples=("programmes/personal.yaml", "programmes/personal_group.yaml", "programmes/personal_olympiad.yaml"),
    sample_names={"programmes/personal.yaml": "пара", "programmes/personal_group.yaml": "группа",
                  "programmes/personal_olympiad.yaml": "олимпиада"},
    output_name="Персонализированная программа наставничества",
    batch=BatchSpec(records=programme_records, file_name="ППН_{last_name}_{initials}"),
    demo_batch=DemoBatch(common="programmes/common.yaml"),
))
