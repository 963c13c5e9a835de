"""Orders (приказы) of a mentoring programme, laid out by ГОСТ Р 7.0.97-2025.

Every order has the same frame (:class:`OrderContext`): requisites, heading, preamble,
«ПРИКАЗЫВАЮ:», numbered items, a control item, the signature, the acquaintance list of the
staff it names, and appendices. Each kind differs in its input and in how it words its
items; the wording, the grammatical cases and the numbering are all computed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from ..models import Category, Model, Pair, PairStatus, Participant, Person, Registry
from ..ru import PersonForms, decline_post, format_date, format_number, money_in_words, typograph
from ._base import Kind, register
from ._common import (
    DASH,
    NBSP,
    AcquaintanceRow,
    Act,
    CouncilDecision,
    DocumentInput,
    Item,
    People,
    Ref,
    RequisitesContext,
    Task,
    act_reference,
    appendix_mark,
    approval_stamp,
    bad_input,
    control_text,
    deadline_text,
    form_title,
    gendered,
    join_and,
    lower_first,
    named,
    numbered,
    pair_labels,
    period_text,
    person_phrase,
    preamble,
    pupil_text,
    requisite_fields,
    resolve_bases,
    school_year,
    sentence,
    stop,
    sub_items,
    task_text,
    upper_first,
    with_post,
)

FAMILY = "Приказы"

_FEDERAL_MODEL = ["273-ФЗ", "Р-145", "АЗ-1128/08"]
_LABOUR = ["273-ФЗ", "ТК-351.8", "Р-145", "АЗ-1128/08"]


# --------------------------------------------------------------------------- context


class TextBlock(BaseModel):
    """A paragraph of a text appendix; ``heading`` paragraphs are centred and bold."""

    text: str
    heading: bool = False


class Appendix(BaseModel):
    """A text appendix: the corner mark (and approval stamp), the title lines, the text."""

    mark: list[str]
    title: list[str]
    blocks: list[TextBlock]


class TableAppendix(BaseModel):
    """A table appendix: the corner mark, the title lines and the rows (kind-specific)."""

    mark: list[str]
    title: list[str]
    rows: list[BaseModel]


class OrderContext(RequisitesContext):
    """What every order template places."""

    heading: str
    preamble: str
    items: list[Item]
    control: Item
    acquaintance: list[AcquaintanceRow]
    appendices: list[Appendix] = []


class OrderInput(DocumentInput):
    """Fields every order takes besides the requisites."""

    heading: str | None = Field(default=None, description="Заголовок («О …»); по умолчанию — типовой")
    tasks: list[Task] = Field(default_factory=list, description="Поручения: кому, что, срок")
    control: Ref | None = Field(default=None, description="На кого возложить контроль (по умолчанию — оставляю за собой)")
    registry: Registry | None = Field(default=None, description="База наставников и наставляемых")


def _people(data: OrderInput) -> People:
    return People(data.registry, data.signer or data.organization.head)


def _order(data: OrderInput, people: People, *, heading: str, bases: Sequence, purpose: str | None,
           items: Sequence, appendices: Sequence[Appendix] = (), **extra) -> dict:
    """The fields of :class:`OrderContext`: numbered items, tasks, the control item."""
    texts = list(items)
    for i, task in enumerate(data.tasks):
        try:
            texts.append(task_text(task, people))
        except ValueError as exc:
            raise bad_input(f"tasks[{i}].responsible", str(exc)) from None
    numbered_items = numbered(texts)
    try:
        control = control_text(data.control, people)
    except ValueError as exc:
        raise bad_input("control", str(exc)) from None
    bases = resolve_bases(data.basis if data.basis is not None else bases)
    return {
        **requisite_fields(data),
        "heading": typograph(data.heading or heading).rstrip("."),
        "preamble": preamble(bases, data.purpose if data.purpose is not None else purpose),
        "items": numbered_items,
        "control": Item(number=f"{len(texts) + 1}.", text=control),
        "acquaintance": people.acquaintance(),
        "appendices": list(appendices),
        **extra,
    }


def _own_acts(data: DocumentInput, *acts: Act | CouncilDecision | None) -> list:
    """The organisation's regulation and other own acts, when given, after the federal ones."""
    return [a for a in (data.regulation, *acts) if a is not None]


def _registry(data: OrderInput, field: str = "registry") -> Registry:
    if data.registry is None:
        raise bad_input(field, "для этого приказа нужна база наставников и наставляемых (registry)")
    return data.registry


# --------------------------------------------------------------------------- appoint curator

_CURATOR_DUTIES = (
    "формирование и актуализация базы наставников и базы наставляемых",
    "разработка проекта плана мероприятий (дорожной карты) по реализации положения о системе наставничества",
    "подготовка проектов приказов о закреплении наставнических пар (групп)",
    "организация обучения наставников и контроль за реализацией персонализированных программ наставничества",
    "проведение мониторинга эффективности реализации программ наставничества и подведение его итогов",
    "оценка вовлечённости педагогических работников и обучающихся в различные формы наставничества",
    "решение организационных вопросов, возникающих в процессе реализации программ наставничества",
)


class AppointCuratorInput(OrderInput):
    """Приказ о назначении куратора внедрения целевой модели наставничества."""

    curator: Ref = Field(description="Куратор: ФИО и должность или ID (ФИО) участника из базы")
    scope: str = Field(
        default="системы (целевой модели) наставничества педагогических работников и обучающихся",
        description="Чего куратор (родительный падеж)")
    since: dt.date | None = Field(default=None, description="С какой даты (по умолчанию — с даты приказа)")
    duties: list[str] | None = Field(default=None, description="Обязанности куратора (по умолчанию — типовые)")


def build_appoint_curator(data: AppointCuratorInput) -> OrderContext:
    people = _people(data)
    curator = named(people, data.curator, "curator")
    people.add("curator", people.person(data.curator))
    since = data.since or data.date
    org = typograph(data.organization.short_name)
    first = stop(f"Назначить {with_post(curator, 'accusative')} куратором внедрения и реализации "
                 f"{data.scope} в {org}" + (f" с {format_date(since)}" if since else ""))
    items = [
        typograph(first),
        ("Возложить на куратора следующие обязанности:", sub_items(data.duties or _CURATOR_DUTIES)),
    ]
    return OrderContext(**_order(
        data, people,
        heading="О назначении куратора внедрения целевой модели наставничества",
        bases=[*_FEDERAL_MODEL, *_own_acts(data)],
        purpose=f"организации внедрения и реализации {data.scope} в {org}",
        items=items,
    ))


register(Kind(
    id="order.appoint_curator",
    title="Приказ о назначении куратора внедрения целевой модели наставничества",
    input_model=AppointCuratorInput, context_model=OrderContext,
    build_context=build_appoint_curator,
    docx="order_appoint_curator.docx", family=FAMILY,
    samples=("orders/appoint_curator.yaml",), output_name="Приказ о назначении куратора",
    description="Назначение куратора, его обязанности, поручения и контроль.",
))


# --------------------------------------------------------------------------- approve regulation


class Section(Model):
    """A section of an approved document: its heading and its points (numbered in Python)."""

    heading: str = Field(min_length=1, description="Заголовок раздела")
    points: list[str] = Field(min_length=1, description="Пункты раздела")


class RoadmapEvent(Model):
    """One event of the roadmap appended to the order."""

    event: str = Field(min_length=1, description="Мероприятие")
    deadline: str = Field(min_length=1, description="Срок")
    responsible: str = Field(min_length=1, description="Ответственный")
    result: str | None = Field(default=None, description="Результат, вид документа")


class RoadmapRow(BaseModel):
    number: str
    event: str
    deadline: str
    responsible: str


class ApproveRegulationContext(OrderContext):
    roadmap: TableAppendix | None = None


class ApproveRegulationInput(OrderInput):
    """Приказ об утверждении положения о системе наставничества и дорожной карты."""

    regulation_title: str = Field(
        default="Положение о системе наставничества педагогических работников и обучающихся",
        description="Название положения (именительный падеж)")
    regulation_text: list[Section] = Field(default_factory=list, description="Текст положения по разделам")
    roadmap_title: str | None = Field(
        default="Дорожная карта (план мероприятий) по реализации Положения о системе наставничества",
        description="Название дорожной карты (пусто — не утверждается)")
    roadmap: list[RoadmapEvent] = Field(default_factory=list, description="Мероприятия дорожной карты")
    council: CouncilDecision | None = Field(default=None, description="Решение совета, одобрившего положение")
    effective: dt.date | None = Field(default=None, description="Дата введения в действие")


def _approved_mark(number: int, title: str, data: DocumentInput) -> list[str]:
    """«Приложение № 1 / УТВЕРЖДЕНО / приказом МБОУ … / от … № …»."""
    return [appendix_mark(number, "приказу", data)[0],
            *approval_stamp(data.organization, title, order=(data.date, data.number))]


def _title_lines(title: str) -> list[str]:
    """«ПОЛОЖЕНИЕ», «о системе наставничества …»: the kind of document in capitals."""
    words = typograph(title).split(" ", 1)
    head = words[0].upper()
    if len(words) == 1:
        return [head]
    rest = words[1]
    if rest.startswith("(") and ")" in rest:  # «Дорожная карта (план мероприятий) по …»
        inner, _, rest = rest.partition(")")
        head, rest = f"{head} {inner.upper()})", rest.strip()
    elif rest.split(" ", 1)[0][:1].islower() and rest.split(" ", 1)[0] not in ("о", "об", "по"):
        first, _, rest = rest.partition(" ")
        head = f"{head} {first.upper()}"
    return [head, rest] if rest else [head]


def build_approve_regulation(data: ApproveRegulationInput) -> ApproveRegulationContext:
    people = _people(data)
    org = typograph(data.organization.short_name)
    reg_title = f"{data.regulation_title} {org}" if org not in data.regulation_title else data.regulation_title
    appendices: list[Appendix] = []
    items: list = []
    number = 1
    reg_ref = f" (приложение{NBSP}№{NBSP}{number})" if data.regulation_text else ""
    items.append(f"Утвердить {decline_post(typograph(reg_title), 'accusative')}{reg_ref}.")
    if data.regulation_text:
        blocks: list[TextBlock] = []
        for s, section in enumerate(data.regulation_text, start=1):
            blocks.append(TextBlock(text=f"{s}. {typograph(section.heading).rstrip('.')}", heading=True))
            blocks.extend(TextBlock(text=f"{s}.{p}. {sentence(typograph(point))}")
                          for p, point in enumerate(section.points, start=1))
        appendices.append(Appendix(mark=_approved_mark(number, reg_title, data),
                                   title=_title_lines(reg_title), blocks=blocks))
        number += 1
    roadmap = None
    if data.roadmap_title:
        ref = f" (приложение{NBSP}№{NBSP}{number})" if data.roadmap else ""
        items.append(f"Утвердить {lower_first(decline_post(typograph(data.roadmap_title), 'accusative'))}{ref}.")
        if data.roadmap:
            rows = [RoadmapRow(number=f"{i}.", event=typograph(e.event), deadline=typograph(e.deadline),
                               responsible=typograph(e.responsible))
                    for i, e in enumerate(data.roadmap, start=1)]
            roadmap = TableAppendix(mark=_approved_mark(number, data.roadmap_title, data),
                                    title=_title_lines(data.roadmap_title), rows=rows)
    if data.effective:
        what = "Положение и дорожную карту" if data.roadmap_title else "Положение"
        items.append(stop(f"Ввести в действие {what} с {format_date(data.effective)}"))
    purpose = f"организации системы наставничества педагогических работников и обучающихся в {org}"
    return ApproveRegulationContext(**_order(
        data, people,
        heading="Об утверждении Положения о системе наставничества"
                + (" и дорожной карты по его реализации" if data.roadmap_title else ""),
        bases=[*_FEDERAL_MODEL, *_own_acts(data, data.council)], purpose=purpose,
        items=items, appendices=appendices, roadmap=roadmap,
    ))


register(Kind(
    id="order.approve_regulation",
    title="Приказ об утверждении положения о системе наставничества и дорожной карты",
    input_model=ApproveRegulationInput, context_model=ApproveRegulationContext,
    build_context=build_approve_regulation,
    docx="order_approve_regulation.docx", family=FAMILY,
    samples=("orders/approve_regulation.yaml",),
    output_name="Приказ об утверждении положения о наставничестве и дорожной карты",
    description="Утверждение положения (приложение 1) и дорожной карты (приложение 2).",
))


# --------------------------------------------------------------------------- introduce model


class Monitoring(Model):
    """A stage of monitoring: «входной», «промежуточный», «итоговый» and its date or period."""

    stage: str = Field(min_length=1, description="Этап мониторинга")
    deadline: dt.date | str = Field(description="Дата или срок")


class IntroduceModelInput(OrderInput):
    """Приказ о внедрении целевой модели наставничества."""

    start: dt.date = Field(description="Начало внедрения")
    end: dt.date | None = Field(default=None, description="Окончание этапа внедрения")
    scope: str = Field(default="педагогических работников и обучающихся",
                       description="Чьего наставничества (родительный падеж)")
    forms: list[str] = Field(default_factory=list, description="Формы наставничества (по умолчанию — из базы)")
    responsible: Ref = Field(description="Ответственный за внедрение (обычно куратор)")
    monitoring: list[Monitoring] = Field(default_factory=list, description="Мониторинг: этапы и сроки")

    @model_validator(mode="after")
    def _dates(self) -> IntroduceModelInput:
        if self.end is not None and self.end <= self.start:
            raise ValueError("окончание внедрения должно быть позже начала")
        return self


def build_introduce_model(data: IntroduceModelInput) -> OrderContext:
    people = _people(data)
    org = typograph(data.organization.short_name)
    responsible = named(people, data.responsible, "responsible")
    people.add("responsible", people.person(data.responsible))
    forms = data.forms or ([f.form for f in data.registry.pairs] if data.registry else [])
    forms = list(dict.fromkeys(typograph(f) for f in forms))
    items: list = [stop(f"Внедрить систему (целевую модель) наставничества {data.scope} в {org} "
                        f"{period_text(data.start, data.end)}")]
    if forms:
        items.append("Реализовывать наставничество в формах " + join_and([f"«{f}»" for f in forms]) + ".")
    items.append(f"Назначить {with_post(responsible, 'accusative')} "
                 f"{gendered(responsible, 'ответственным', 'ответственной')} за внедрение целевой модели "
                 f"наставничества, координацию работы наставников и ведение базы наставников и наставляемых.")
    if data.monitoring:
        lines = [f"{lower_first(typograph(m.stage))} {DASH} {deadline_text(m.deadline)}" for m in data.monitoring]
        items.append((f"{upper_first(with_post(responsible, 'dative'))} провести мониторинг реализации "
                      f"программ наставничества в сроки:", sub_items(lines)))
    return OrderContext(**_order(
        data, people,
        heading="О внедрении целевой модели наставничества",
        bases=[*_FEDERAL_MODEL, *_own_acts(data)],
        purpose=f"повышения профессиональной компетентности педагогических работников, "
                f"раскрытия личностного потенциала обучающихся и развития наставничества в {org}",
        items=[typograph(i) if isinstance(i, str) else i for i in items],
    ))


register(Kind(
    id="order.introduce_model",
    title="Приказ о внедрении целевой модели наставничества",
    input_model=IntroduceModelInput, context_model=OrderContext,
    build_context=build_introduce_model,
    docx="order_introduce_model.docx", family=FAMILY,
    samples=("orders/introduce_model.yaml",), output_name="Приказ о внедрении целевой модели наставничества",
    description="Сроки внедрения, формы, ответственный, мониторинг, поручения.",
))


# --------------------------------------------------------------------------- working group


class MemberRow(BaseModel):
    number: str
    name: str
    post: str
    role: str


class WorkingGroupContext(OrderContext):
    members: TableAppendix


class WorkingGroupInput(OrderInput):
    """Приказ о создании рабочей (творческой) группы."""

    group: str = Field(default="рабочая группа", description="Вид группы («рабочая группа», «творческая группа»)")
    purpose_of_group: str = Field(
        default="по внедрению целевой модели наставничества",
        description="Для чего группа («по внедрению целевой модели наставничества»)")
    leader: Ref = Field(description="Руководитель группы")
    secretary: Ref | None = Field(default=None, description="Секретарь группы")
    members: list[Ref] = Field(min_length=1, description="Члены группы")
    functions: list[str] = Field(default_factory=list, description="Задачи группы")


def build_working_group(data: WorkingGroupInput) -> WorkingGroupContext:
    people = _people(data)
    org = typograph(data.organization.short_name)
    group = typograph(data.group)
    leader = people.person(data.leader)
    people.add("leader", leader)
    roles = [(data.leader, "руководитель"), *(([(data.secretary, "секретарь")]) if data.secretary else []),
             *((m, "член") for m in data.members)]
    rows, seen = [], []
    for _i, (ref, role) in enumerate(roles):
        forms = named(people, ref, "members" if role == "член" else ("leader" if role == "руководитель" else "secretary"))
        person = people.person(ref)
        if person in seen:
            continue
        seen.append(person)
        rows.append(MemberRow(number=f"{len(rows) + 1}.", name=forms.nominative,
                              post=typograph(upper_first(forms.post.nominative)),
                              role="член группы" if role == "член" else role))
    group_acc = decline_post(f"{group} {data.purpose_of_group}", "accusative")
    items: list = [
        f"Создать {group_acc} в {org} (далее {DASH} {group}).",
        f"Утвердить состав {decline_post(group, 'genitive')} (приложение).",
    ]
    if data.functions:
        items.append((f"Определить основными задачами {decline_post(group, 'genitive')}:", sub_items(data.functions)))
    title = [f"Состав {decline_post(group, 'genitive')}", typograph(data.purpose_of_group)]
    return WorkingGroupContext(**_order(
        data, people,
        heading=f"О создании {decline_post(group, 'genitive')} {data.purpose_of_group}",
        bases=[*_FEDERAL_MODEL, *_own_acts(data)],
        purpose=f"координации работы по внедрению целевой модели наставничества в {org}",
        items=[typograph(i) if isinstance(i, str) else i for i in items],
        members=TableAppendix(mark=appendix_mark(None, "приказу", data),
                              title=[typograph(t) for t in title], rows=rows),
    ))


register(Kind(
    id="order.working_group",
    title="Приказ о создании рабочей (творческой) группы по внедрению целевой модели наставничества",
    input_model=WorkingGroupInput, context_model=WorkingGroupContext,
    build_context=build_working_group,
    docx="order_working_group.docx", family=FAMILY,
    samples=("orders/working_group.yaml",), output_name="Приказ о создании рабочей группы",
    description="Состав группы (приложение), её задачи, поручения.",
))


# --------------------------------------------------------------------------- appoint mentors

_MENTOR_DUTIES = (
    "совместно с наставляемыми разработать персонализированные программы наставничества",
    "проводить встречи с наставляемыми в соответствии с планом персонализированной программы",
    "вести учёт проведённых мероприятий и по окончании программы представить куратору отчёт "
    "о результатах наставничества",
)


class AppointMentorsInput(OrderInput):
    """Приказ о назначении наставников."""

    mentors: list[Ref] | None = Field(
        default=None, description="Наставники: ID (ФИО) из базы или ФИО с должностью (по умолчанию — наставники действующих пар)")
    school_year: str | None = Field(default=None, description="Учебный год («2026/2027»)")
    duties: list[str] | None = Field(default=None, description="Поручения наставникам (по умолчанию — типовые)")
    interview: Act | None = Field(default=None, description="Протокол собеседования или рассмотрения кандидатов")

    @model_validator(mode="after")
    def _some_mentors(self) -> AppointMentorsInput:
        if self.mentors is None and self.registry is None:
            raise ValueError("укажите наставников (mentors) или базу наставников (registry)")
        return self


def _default_mentors(registry: Registry) -> list[Participant]:
    active = registry.pairs_with_status(PairStatus.ACTIVE)
    ids = list(dict.fromkeys(p.mentor for p in active))
    return [registry.participant(i) for i in ids]


def build_appoint_mentors(data: AppointMentorsInput) -> OrderContext:
    people = _people(data)
    refs = data.mentors if data.mentors is not None else _default_mentors(_registry(data))
    lines = []
    for i, ref in enumerate(refs):
        forms = named(people, ref, f"mentors[{i}]")
        lines.append(person_phrase(forms, people.person(ref), "accusative"))
    year = (f"{data.school_year.strip()}{NBSP}учебный год" if data.school_year and "учеб" not in data.school_year
            else (data.school_year or school_year(data.date)))
    items: list = [
        (f"Назначить наставниками на {decline_post(typograph(year), 'accusative')} с их письменного согласия:",
         sub_items(lines, lower=False)),
        ("Наставникам:", sub_items(data.duties or _MENTOR_DUTIES)),
    ]
    return OrderContext(**_order(
        data, people,
        heading="О назначении наставников",
        bases=[*_LABOUR, *_own_acts(data, data.interview)],
        purpose="организации наставничества педагогических работников и обучающихся",
        items=items,
    ))


register(Kind(
    id="order.appoint_mentors",
    title="Приказ о назначении наставников",
    input_model=AppointMentorsInput, context_model=OrderContext,
    build_context=build_appoint_mentors,
    docx="order_appoint_mentors.docx", family=FAMILY,
    samples=("orders/appoint_mentors.yaml",), output_name="Приказ о назначении наставников",
    description="Список наставников (из базы или по списку) и их поручения.",
))


# --------------------------------------------------------------------------- assign pairs


class PairRow(BaseModel):
    number: str
    mentor: str
    mentees: str
    form: str
    term: str
    consent: str


class AssignPairsContext(OrderContext):
    pairs: TableAppendix


class AssignPairsInput(OrderInput):
    """Приказ о закреплении наставнических пар (групп)."""

    pairs: list[str] | None = Field(default=None, description="Номера пар из базы (по умолчанию — все действующие)")

    @model_validator(mode="after")
    def _pairs_known(self) -> AssignPairsInput:
        if self.registry is None:
            raise ValueError("нужна база наставников и наставляемых (registry): пары берутся из неё")
        labels = pair_labels(self.registry)
        for wanted in self.pairs or []:
            if str(wanted) not in labels:
                raise ValueError(f"в базе нет пары № {wanted}; есть: {', '.join(labels)}")
        if not self.pairs and not self.registry.pairs_with_status(PairStatus.ACTIVE):
            raise ValueError("в базе нет действующих пар: укажите номера пар (pairs)")
        return self


def _selected_pairs(data: AssignPairsInput) -> list[tuple[str, Pair]]:
    registry = _registry(data)
    labelled = list(zip(pair_labels(registry), registry.pairs))
    if data.pairs:
        wanted = [str(p) for p in data.pairs]
        return [lp for w in wanted for lp in labelled if lp[0] == w]
    return [lp for lp in labelled if lp[1].status is PairStatus.ACTIVE]


def _cell_person(forms: PersonForms, person: Person) -> str:
    post = typograph(person.post) if isinstance(person, Participant) and person.post else ""
    if isinstance(person, Participant) and person.category is Category.PUPIL:
        post = pupil_text(forms, person.post)
    return f"{forms.nominative},\n{post}" if post else forms.nominative


def build_assign_pairs(data: AssignPairsInput) -> AssignPairsContext:
    people = _people(data)
    registry = _registry(data)
    selected = _selected_pairs(data)
    fixes, pays, rows = [], [], []
    for n, (_label, pair) in enumerate(selected, start=1):
        mentor_p = registry.mentor_of(pair)
        mentor = people.named(mentor_p)
        mentees_p = registry.mentees_of(pair)
        mentees = [people.named(m) for m in mentees_p]
        form = form_title(registry, pair)
        fixes.append(f"за {person_phrase(mentor, mentor_p, 'instrumental')}, {DASH} "
                     + join_and([person_phrase(f, p, 'accusative') for f, p in zip(mentees, mentees_p)],
                                sep="; ")
                     + f" (форма наставничества «{form}», {period_text(pair.start, pair.end)})")
        consent = [f"согласие от {format_date(pair.mentor_consent_date, 'numeric')}"]
        agreement = pair.agreement
        if agreement is not None:
            consent.append(f"доп. соглашение {act_reference(agreement.date, agreement.number)}")
            if agreement.monthly_pay:
                consent.append(f"доплата {format_number(agreement.monthly_pay, 2)}{NBSP}руб. в месяц")
                pays.append(f"{person_phrase(mentor, mentor_p, 'dative')}, {DASH} "
                            f"{money_in_words(agreement.monthly_pay)} в месяц {period_text(pair.start, pair.end)} "
                            f"(дополнительное соглашение к трудовому договору "
                            f"{act_reference(agreement.date, agreement.number)})")
        rows.append(PairRow(number=f"{n}.", mentor=_cell_person(mentor, mentor_p),
                            mentees=";\n".join(_cell_person(f, p) for f, p in zip(mentees, mentees_p)),
                            form=form, term=f"{format_date(pair.start, 'numeric')}{DASH}\n"
                                            f"{format_date(pair.end, 'numeric')}",
                            consent=";\n".join(consent)))
    items: list = [("Закрепить наставляемых за наставниками с письменного согласия наставников "
                    "(состав пар и групп, формы и сроки наставничества "
                    f"{DASH} в приложении):", sub_items([typograph(f) for f in fixes], lower=False))]
    if pays:
        items.append(("Установить доплату за наставническую деятельность в соответствии "
                      "со статьёй 351.8 Трудового кодекса Российской Федерации:",
                      sub_items([typograph(p) for p in pays], lower=False)))
    return AssignPairsContext(**_order(
        data, people,
        heading="О закреплении наставнических пар (групп)",
        bases=[*_LABOUR, *_own_acts(data)],
        purpose="реализации персонализированных программ наставничества",
        items=items,
        pairs=TableAppendix(mark=appendix_mark(None, "приказу", data),
                            title=["Состав наставнических пар (групп)"], rows=rows),
    ))


register(Kind(
    id="order.assign_pairs",
    title="Приказ о закреплении наставнических пар (групп)",
    input_model=AssignPairsInput, context_model=AssignPairsContext,
    build_context=build_assign_pairs,
    docx="order_assign_pairs.docx", family=FAMILY,
    samples=("orders/assign_pairs.yaml",), output_name="Приказ о закреплении наставнических пар",
    description="Пары и группы из базы (все действующие или по номерам), согласия, доплаты.",
))


# --------------------------------------------------------------------------- reward

AwardKind = Literal["благодарность", "грамота", "премия", "подарок"]


class Recipient(Model):
    """Who is rewarded, with an individual amount for a bonus."""

    person: Ref = Field(description="ID (ФИО) из базы или ФИО с должностью")
    amount: Decimal | None = Field(default=None, gt=0, description="Сумма премии, руб.")


class Award(Model):
    """One kind of reward and who receives it.

    ``kind``: благодарность (объявить кому), грамота (наградить кого), премия (выплатить
    кому, with ``amount`` each or per recipient), подарок (наградить ценным подарком).
    ``from_pairs`` adds the mentors (or mentees, or both) of the registry's completed pairs.
    """

    kind: AwardKind = Field(description="Вид поощрения")
    reason: str = Field(min_length=1, description="За что («за успешное наставничество …»)")
    people: list[Ref | Recipient] = Field(default_factory=list, description="Кого поощрить")
    from_pairs: Literal["mentors", "mentees", "all"] | None = Field(
        default=None, description="Взять из завершённых пар: mentors / mentees / all")
    amount: Decimal | None = Field(default=None, gt=0, description="Премия каждому, руб.")
    issuer: str | None = Field(default=None, description="Чья грамота («Почётной грамотой МБОУ …»)")
    gift: str | None = Field(default=None, description="Что за подарок")


class RewardInput(OrderInput):
    """Приказ о поощрении участников наставнической деятельности."""

    awards: list[Award] = Field(min_length=1, description="Поощрения")
    period: str | None = Field(default=None, description="За какой период («в 2025/2026 учебном году»)")

    @model_validator(mode="after")
    def _check(self) -> RewardInput:
        for i, award in enumerate(self.awards):
            if award.from_pairs and self.registry is None:
                raise ValueError(f"поощрение {i + 1}: чтобы взять участников из пар, нужна база (registry)")
            if not award.people and not award.from_pairs:
                raise ValueError(f"поощрение {i + 1}: укажите, кого поощрить (people или from_pairs)")
            if award.kind == "премия":
                missing = [r for r in award.people if not isinstance(r, Recipient) or r.amount is None]
                if award.amount is None and (missing or award.from_pairs):
                    raise ValueError(f"поощрение {i + 1}: для премии укажите сумму (amount)")
        return self


def _recipients(award: Award, registry: Registry | None) -> list[tuple[Ref | Person, Decimal | None]]:
    out: list[tuple[Ref | Person, Decimal | None]] = []
    for entry in award.people:
        if isinstance(entry, Recipient):
            out.append((entry.person, entry.amount or award.amount))
        else:
            out.append((entry, award.amount))
    if award.from_pairs and registry is not None:
        for pair in registry.pairs_with_status(PairStatus.COMPLETED):
            if award.from_pairs in ("mentors", "all"):
                out.append((registry.mentor_of(pair), award.amount))
            if award.from_pairs in ("mentees", "all"):
                out.extend((m, award.amount) for m in registry.mentees_of(pair))
    return out


_AWARD_CASE = {"благодарность": "dative", "грамота": "accusative", "премия": "dative", "подарок": "accusative"}


def build_reward(data: RewardInput) -> OrderContext:
    people = _people(data)
    org = typograph(data.organization.short_name)
    items: list = []
    for i, award in enumerate(data.awards):
        case = _AWARD_CASE[award.kind]
        lines, seen = [], []
        for ref, amount in _recipients(award, data.registry):
            person = ref if isinstance(ref, Person) else None
            try:
                person = person or people.person(ref)
            except ValueError as exc:
                raise bad_input(f"awards[{i}].people", str(exc)) from None
            if person in seen:
                continue
            seen.append(person)
            if award.kind == "премия" and isinstance(person, Participant) and person.category in (
                    Category.PUPIL, Category.STUDENT):
                raise bad_input(f"awards[{i}].people", "премия выплачивается только работникам организации",
                           person.full_name)
            forms = people.named(person)
            line = person_phrase(forms, person, case)
            if award.kind == "премия":
                line += f", {DASH} {money_in_words(amount)}"
            lines.append(line)
        if not lines:
            raise bad_input(f"awards[{i}]", "некого поощрить: в базе нет завершённых пар, а список people пуст")
        reason = typograph(award.reason.strip().rstrip(".:"))
        if award.kind == "благодарность":
            lead = f"Объявить благодарность {reason}:"
        elif award.kind == "грамота":
            issuer = typograph(award.issuer or org)
            lead = f"Наградить Почётной грамотой {issuer} {reason}:"
        elif award.kind == "премия":
            lead = f"Выплатить премию {reason}:"
        else:
            gift = f" ({typograph(award.gift)})" if award.gift else ""
            lead = f"Наградить ценным подарком{gift} {reason}:"
        items.append((lead, sub_items(lines, lower=False)))
    period = data.period or "в " + school_year(data.date).replace("учебный год", "учебном году")
    return OrderContext(**_order(
        data, people,
        heading="О поощрении участников наставнической деятельности",
        bases=[*_own_acts(data)] or ["ТК-351.8"],
        purpose=f"по итогам реализации программ наставничества {typograph(period)}, "
                f"в целях поощрения участников наставнической деятельности",
        items=items,
    ))


register(Kind(
    id="order.reward",
    title="Приказ о поощрении участников наставнической деятельности",
    input_model=RewardInput, context_model=OrderContext,
    build_context=build_reward,
    docx="order_reward.docx", family=FAMILY,
    samples=("orders/reward.yaml",), output_name="Приказ о поощрении участников наставничества",
    description="Благодарность, почётная грамота, премия (сумма цифрами и прописью), ценный подарок.",
))


# --------------------------------------------------------------------------- final event


class ProgrammeRow(BaseModel):
    number: str
    time: str
    title: str
    responsible: str


class ProgrammeItem(Model):
    time: str = Field(min_length=1, description="Время («14:00–14:10»)")
    title: str = Field(min_length=1, description="Что происходит")
    responsible: str = Field(default="", description="Ответственный, ведущий")


class FinalEventContext(OrderContext):
    programme: TableAppendix | None = None


class FinalEventInput(OrderInput):
    """Приказ о проведении итогового мероприятия программы наставничества."""

    event: str = Field(min_length=1, description="Мероприятие (именительный падеж)")
    event_date: dt.date = Field(description="Дата проведения")
    time: str | None = Field(default=None, description="Время начала («14:00»)")
    venue: str = Field(min_length=1, description="Место (именительный падеж: «актовый зал»)")
    participants: str | None = Field(default=None, description="Участники (кого пригласить)")
    responsible: Ref = Field(description="Ответственный за подготовку и проведение")
    programme: list[ProgrammeItem] = Field(default_factory=list, description="Программа")


def build_final_event(data: FinalEventInput) -> FinalEventContext:
    people = _people(data)
    responsible = named(people, data.responsible, "responsible")
    people.add("responsible", people.person(data.responsible))
    event = typograph(data.event)
    when = format_date(data.event_date) + (f" в {data.time.strip()}" if data.time else "")
    items: list = [f"Провести {decline_post(event, 'accusative')} {when} в {decline_post(typograph(data.venue), 'prepositional')}."]
    if data.participants:
        items.append(f"Пригласить к участию {typograph(data.participants).rstrip('.')}.")
    programme = None
    if data.programme:
        items.append(f"Утвердить программу {decline_post(event, 'genitive')} (приложение).")
        rows = [ProgrammeRow(number=f"{i}.", time=typograph(p.time), title=typograph(p.title),
                             responsible=typograph(p.responsible))
                for i, p in enumerate(data.programme, start=1)]
        programme = TableAppendix(mark=appendix_mark(None, "приказу", data),
                                  title=["Программа", decline_post(event, "genitive")], rows=rows)
    items.append(f"Назначить {with_post(responsible, 'accusative')} "
                 f"{gendered(responsible, 'ответственным', 'ответственной')} за подготовку и проведение "
                 f"{decline_post(event, 'genitive')}.")
    return FinalEventContext(**_order(
        data, people,
        heading=f"О проведении {decline_post(event.split('«')[0].strip(), 'genitive')}",
        bases=[*_own_acts(data)] or ["Р-145", "АЗ-1128/08"],
        purpose="подведения итогов реализации программ наставничества, популяризации практик "
                "наставничества и поощрения лучших наставников",
        items=[typograph(i) if isinstance(i, str) else i for i in items],
        programme=programme,
    ))


register(Kind(
    id="order.final_event",
    title="Приказ о проведении итогового мероприятия программы наставничества",
    input_model=FinalEventInput, context_model=FinalEventContext,
    build_context=build_final_event,
    docx="order_final_event.docx", family=FAMILY,
    samples=("orders/final_event.yaml",), output_name="Приказ о проведении итогового мероприятия",
    description="Дата, место, участники, программа (приложение), ответственный.",
))


# --------------------------------------------------------------------------- change pair


class ChangePairInput(OrderInput):
    """Приказ о замене наставника или досрочном прекращении наставничества в паре."""

    pair: str = Field(min_length=1, description="Номер пары в базе")
    action: Literal["replace_mentor", "end"] = Field(description="replace_mentor — заменить наставника; end — прекратить")
    effective: dt.date = Field(description="С какой даты")
    reason: str | None = Field(default=None, description="Причина (именительный падеж: «перевод …»); по умолчанию — из базы")
    new_mentor: Ref | None = Field(default=None, description="Новый наставник (для замены)")

    @model_validator(mode="after")
    def _check(self) -> ChangePairInput:
        if self.registry is None:
            raise ValueError("нужна база наставников и наставляемых (registry)")
        labels = pair_labels(self.registry)
        if self.pair not in labels:
            raise ValueError(f"в базе нет пары № {self.pair}; есть: {', '.join(labels)}")
        if self.action == "replace_mentor" and self.new_mentor is None:
            raise ValueError("для замены наставника укажите нового наставника (new_mentor)")
        pair = self.registry.pairs[labels.index(self.pair)]
        if not (self.reason or pair.end_reason):
            raise ValueError("укажите причину (reason)")
        return self


def build_change_pair(data: ChangePairInput) -> OrderContext:
    people = _people(data)
    registry = _registry(data)
    labels = pair_labels(registry)
    pair = registry.pairs[labels.index(data.pair)]
    mentor_p, mentees_p = registry.mentor_of(pair), registry.mentees_of(pair)
    mentor = people.named(mentor_p)
    mentees = [people.named(m) for m in mentees_p]
    reason = decline_post(typograph(data.reason or pair.end_reason or ""), "instrumental")
    since = format_date(data.effective)
    whom = join_and([person_phrase(f, p, "genitive") for f, p in zip(mentees, mentees_p)], sep="; ")
    form = form_title(registry, pair)
    items: list = []
    if data.action == "end":
        items.append(f"Прекратить досрочно с {since} наставничество {person_phrase(mentor, mentor_p, 'genitive')}, "
                     f"в отношении {whom} (пара №{NBSP}{data.pair}, форма наставничества «{form}») "
                     f"в связи с {reason}.")
        heading = "О досрочном прекращении наставничества"
    else:
        new_p = people.person(data.new_mentor)  # type: ignore[arg-type]
        new = named(people, data.new_mentor, "new_mentor")  # type: ignore[arg-type]
        items.append(f"Освободить {person_phrase(mentor, mentor_p, 'accusative')}, от обязанностей наставника "
                     f"{whom} (пара №{NBSP}{data.pair}) с {since} в связи с {reason}.")
        fixed = join_and([person_phrase(f, p, "accusative") for f, p in zip(mentees, mentees_p)], sep="; ")
        items.append(f"Закрепить за {person_phrase(new, new_p, 'instrumental')}, {DASH} {fixed}, "
                     f"с {since}{' по ' + format_date(pair.end) if pair.end else ''} "
                     f"(форма наставничества «{form}») с письменного согласия наставника.")
        heading = "О замене наставника в наставнической паре"
    if pair.agreement is not None and pair.agreement.monthly_pay:
        items.append(f"Прекратить с {since} выплату доплаты за наставническую деятельность "
                     f"{mentor.dative} (дополнительное соглашение к трудовому договору "
                     f"{act_reference(pair.agreement.date, pair.agreement.number)}).")
    return OrderContext(**_order(
        data, people, heading=heading,
        bases=[*_LABOUR[:2], *_own_acts(data)],
        purpose=None,
        items=[typograph(i) for i in items],
    ))


register(Kind(
    id="order.change_pair",
    title="Приказ о замене наставника или досрочном прекращении наставничества",
    input_model=ChangePairInput, context_model=OrderContext,
    build_context=build_change_pair,
    docx="order_change_pair.docx", family=FAMILY,
    samples=("orders/change_pair.yaml",), output_name="Приказ о досрочном прекращении наставничества",
    description="Замена наставника или досрочное прекращение пары с указанием причины.",
))
