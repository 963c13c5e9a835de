"""Programmes: the personalised mentoring programme (ППН) and the individual educational route (ИОМ).

``programme.personal`` — one programme per pair or group: approval stamp, title, a passport
table (organisation, mentor with post and experience, mentees with posts or classes, form,
period with its length in months, frequency of meetings, curator), goal, numbered tasks,
the plan of meetings with dates, expected results, how results are evaluated, signatures.
The plan is generated here from the pair's start and end dates and a frequency: an
organisational meeting (знакомство), a trial working meeting, a planning meeting, regular
working meetings and the final meeting. A date that falls on a weekend, a public holiday or
a school holiday listed in the input moves to the next working day.

``programme.individual_route`` — a teacher's route built from diagnosed professional
deficits: the teacher (post, experience, qualification category), the mentor, the school
year, the deficits with how each was found, the planned actions for each deficit with
deadlines and the form of the result, expected results, signatures and the deputy head's
approval.

Default goals, tasks, meeting topics, results and evaluation per audience (teacher–teacher,
teacher–pupil, pupil–pupil, employer–pupil/student) and default actions per competence area
are data in :data:`AUDIENCES` and :data:`ROUTE_AREAS`; each can be replaced in the input.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ..models import (
    TEXT_MAX,
    Category,
    Gender,
    Model,
    Official,
    Organization,
    Pair,
    PairStatus,
    Participant,
    Registry,
    Role,
)
from ..ru import (
    BLANK_NAME,
    PersonForms,
    agree,
    decline_post,
    format_date,
    format_school_year,
    initials_name,
    typograph,
)
from ._base import BatchSpec, Kind, register
from ._common import (
    NBSP,
    CouncilDecision,
    Item,
    act_reference,
    approval_stamp,
    bad_input,
    find_participant,
    forms_of,
    gendered,
    is_staff,
    letterhead_lines,
    lower_first,
    numbered,
    period_text,
    pupil_text,
    sentence,
    sub_items,
    upper_first,
)

__all__ = [
    "PersonalProgrammeInput", "PersonalProgrammeContext", "IndividualRouteInput",
    "IndividualRouteContext", "Meeting", "plan_dates", "AUDIENCES", "ROUTE_AREAS",
    "programme_records",
]

FAMILY = "Программы"
ROUTE_TITLE = "Индивидуальный образовательный маршрут"


# =========================================================================== defaults (data)


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


#: The intro and the final meetings every programme has (Р-145: встреча-знакомство, пробная
#: рабочая встреча, встреча-планирование, комплекс последовательных встреч, итоговая встреча).
INTRO_MEETINGS: tuple[tuple[str, str, str], ...] = (
    ("organisational", "Организационная встреча (встреча-знакомство)",
     "знакомство участников, обсуждение интересов, ожиданий и правил взаимодействия; "
     "договорённость о формах связи"),
    ("trial", "Пробная рабочая встреча",
     "выполнение первого совместного задания, уточнение запроса и трудностей {наставляемого}"),
    ("planning", "Встреча-планирование",
     "согласование цели и задач программы, плана встреч, форм отчётности и критериев успеха"),
)
INTRO_FORMS = ("беседа", "практическое занятие", "обсуждение, планирование")
REGULAR_TITLE = "Рабочая встреча"
FINAL_MEETING = ("final", "Заключительная встреча",
                 "подведение итогов, анализ достижения цели, анкетирование участников, "
                 "подготовка к итоговому мероприятию программы наставничества",
                 "рефлексивная беседа, анкетирование")

AUDIENCES: dict[str, Audience] = {
    "teacher_teacher": Audience(
        title="учитель – учитель",
        goal="успешная адаптация {наставляемого} в профессии и в педагогическом коллективе, "
             "развитие его профессиональных компетенций",
        tasks=(
            "помочь {наставляемому} освоить нормативные документы и школьную документацию",
            "сформировать умения планировать, проводить и анализировать урок",
            "развить навыки организации работы с классом, мотивации обучающихся и взаимодействия с родителями",
            "сформировать потребность в профессиональном саморазвитии и участии в методической работе",
            "поддержать закрепление {наставляемого} в профессии и в коллективе",
        ),
        topics=(
            ("Нормативные документы: ФГОС, ФОП, рабочая программа по предмету, локальные акты школы", "консультация"),
            ("Планирование урока: цели, структура, отбор содержания; технологическая карта урока", "практикум"),
            ("Посещение уроков наставника и их анализ", "посещение урока, обсуждение"),
            ("Посещение уроков {наставляемого}, анализ и самоанализ урока", "посещение урока, консультация"),
            ("Работа с классом: дисциплина, мотивация обучающихся, взаимодействие с родителями", "разбор ситуаций"),
            ("Формирующее оценивание и обратная связь обучающимся на уроке", "мастер-класс"),
            ("Промежуточная рефлексия: достижения, трудности, корректировка программы", "рефлексивная беседа"),
            ("Оценивание образовательных результатов; электронный журнал и школьная документация", "практикум"),
            ("Цифровые образовательные ресурсы на уроке (ФГИС «Моя школа»)", "практикум"),
            ("Подготовка обучающихся к ВПР и ОГЭ: анализ заданий и типичных ошибок", "консультация"),
            ("Дифференцированный подход, работа с обучающимися с особыми образовательными потребностями", "мастер-класс"),
            ("Внеурочная деятельность и классное руководство: планирование и проведение мероприятия", "совместная подготовка"),
            ("Выбор темы самообразования, знакомство с опытом коллег и профессиональными сообществами", "консультация"),
            ("Подготовка открытого урока (внеурочного мероприятия) {наставляемого}", "совместная подготовка"),
            ("Портфолио {наставляемого}, подготовка выступления на методическом объединении", "консультация"),
        ),
        results=(
            "{наставляемый} самостоятельно {планирует, проводит и анализирует|планируют, проводят и анализируют} уроки",
            "{наставляемый} {ведёт|ведут} школьную документацию без ошибок и в срок",
            "{проведён открытый урок (мероприятие)|проведены открытые уроки (мероприятия)} {наставляемого}",
            "{наставляемый} {участвует|участвуют} в работе методического объединения",
            "{наставляемый} {удовлетворён|удовлетворена|удовлетворены} работой в коллективе и {продолжает|продолжают} работу в школе",
        ),
        reporting=(
            "план и протоколы (дневник) встреч наставника и {наставляемого}",
            "анализ посещённых уроков, технологические карты уроков",
            "отчёт наставника и самоанализ {наставляемого} по итогам программы",
            "анкеты удовлетворённости участников программы",
        ),
        criteria=(
            "выполнение плана встреч (не менее 80 % встреч проведено)",
            "положительная динамика качества уроков {наставляемого} по итогам посещений",
            "уровень удовлетворённости участников работой {пары|группы} (по анкетам)",
            "участие {наставляемого} в методической работе и профессиональных конкурсах",
        ),
    ),
    "teacher_pupil": Audience(
        title="учитель – ученик",
        goal="раскрытие потенциала {обучающегося}, преодоление трудностей в обучении и "
             "достижение лучших образовательных результатов",
        tasks=(
            "выявить учебные трудности и интересы {обучающегося}",
            "составить и выполнить индивидуальный план занятий",
            "развить навыки самостоятельной учебной работы",
            "повысить учебную мотивацию и уверенность {обучающегося} в своих силах",
            "подготовить {обучающегося} к представлению результатов работы",
        ),
        topics=(
            ("Диагностика: входная работа, выявление трудностей и интересов {обучающегося}", "диагностика, беседа"),
            ("Индивидуальный план занятий {наставляемого}", "консультация"),
            ("Разбор трудных тем, выполнение заданий с комментариями наставника", "индивидуальное занятие"),
            ("Приёмы самостоятельной работы: работа с текстом, конспект, самопроверка", "практикум"),
            ("Работа над ошибками: анализ выполненных работ, повторение трудного материала", "индивидуальное занятие"),
            ("Промежуточная рефлексия: достижения и трудности, корректировка плана", "рефлексивная беседа"),
            ("Выполнение практической (проектной) работы под руководством наставника", "индивидуальное занятие"),
            ("Решение заданий повышенной сложности, разбор олимпиадных заданий прошлых лет", "тренировочное занятие"),
            ("Подготовка к выступлению (олимпиаде, защите проекта, контрольной работе)", "тренировочное занятие"),
            ("Итоговая диагностическая работа, сравнение с входной", "диагностика"),
        ),
        results=(
            "положительная динамика успеваемости {обучающегося} по предмету",
            "{обучающийся} {владеет|владеют} приёмами самостоятельной учебной работы",
            "{обучающийся} {принял|приняла|приняли} участие в олимпиаде, конкурсе или защите проекта",
            "повысилась учебная мотивация {обучающегося} (по результатам анкетирования)",
        ),
        reporting=(
            "план и дневник встреч наставника и {наставляемого}",
            "результаты входной и итоговой диагностических работ",
            "работы (проект, выступление) {наставляемого}",
            "анкеты обратной связи {наставляемого} и {его|её|их} родителей (законных представителей)",
        ),
        criteria=(
            "выполнение плана встреч (не менее 80 % встреч проведено)",
            "разница результатов входной и итоговой диагностики",
            "участие {обучающегося} в олимпиадах, конкурсах, проектах",
            "уровень удовлетворённости участников работой {пары|группы} (по анкетам)",
        ),
    ),
    "pupil_pupil": Audience(
        title="ученик – ученик",
        goal="разносторонняя поддержка {наставляемого}: адаптация, повышение успеваемости и "
             "развитие интересов при помощи старшего обучающегося",
        tasks=(
            "помочь {наставляемому} адаптироваться в классе и школе",
            "помочь в преодолении учебных трудностей",
            "вовлечь {наставляемого} во внеурочную и общественную жизнь школы",
            "развить навыки общения, сотрудничества и самоорганизации",
        ),
        topics=(
            ("Обсуждение учебных трудностей и интересов {наставляемого}", "беседа"),
            ("Совместное выполнение заданий, разбор трудных тем", "совместное занятие"),
            ("Как учиться эффективно: планирование времени, подготовка к контрольным работам", "тренинг"),
            ("Участие во внеурочном мероприятии (кружке, школьном событии) вместе с наставником", "совместная деятельность"),
            ("Промежуточная рефлексия: что получилось, что мешает", "рефлексивная беседа"),
            ("Подготовка совместного проекта (выступления)", "проектная работа"),
            ("Подготовка к презентации результатов", "консультация"),
        ),
        results=(
            "{наставляемый} успешно {адаптирован|адаптирована|адаптированы} в коллективе класса и школы",
            "повысилась успеваемость {наставляемого} по предметам, вызывавшим трудности",
            "{наставляемый} {участвует|участвуют} во внеурочной деятельности школы",
            "подготовлен и представлен совместный проект (выступление)",
        ),
        reporting=(
            "план и дневник встреч наставника и {наставляемого}",
            "сведения об успеваемости {наставляемого} (по согласованию с классным руководителем)",
            "совместный проект (выступление) пары",
            "анкеты обратной связи участников",
        ),
        criteria=(
            "выполнение плана встреч (не менее 80 % встреч проведено)",
            "динамика успеваемости {наставляемого}",
            "участие {наставляемого} во внеурочных мероприятиях",
            "уровень удовлетворённости участников работой {пары|группы} (по анкетам)",
        ),
    ),
    "employer": Audience(
        title="работодатель – ученик (студент)",
        goal="профессиональная ориентация {наставляемого} и получение {им|ею|ими} практического опыта "
             "при выполнении проекта под руководством представителя предприятия",
        tasks=(
            "познакомить {наставляемого} с предприятием, профессиями отрасли и требованиями к специалистам",
            "организовать выполнение проекта по задаче предприятия",
            "развить навыки работы в команде и представления результатов",
            "помочь {наставляемому} в профессиональном самоопределении",
        ),
        topics=(
            ("Знакомство с предприятием и профессиями, требования к специалисту", "экскурсия"),
            ("Постановка проектной задачи от предприятия, распределение ролей", "проектная сессия"),
            ("Профессиональная проба: выполнение практического задания", "практическое занятие"),
            ("Работа над проектом: консультация по техническим вопросам", "консультация"),
            ("Промежуточная защита проекта, обратная связь", "презентация"),
            ("Профессиональное самоопределение: образовательные траектории, востребованные профессии", "беседа"),
            ("Доработка проекта и подготовка к публичной защите", "консультация"),
        ),
        results=(
            "выполнен и защищён проект по задаче предприятия",
            "{наставляемый} {определился|определилась|определились} с выбором профессии или направления обучения",
            "{наставляемый} {получил|получила|получили} опыт профессиональной пробы",
        ),
        reporting=(
            "план и дневник встреч наставника и наставляемых",
            "проект и материалы его защиты",
            "отзыв наставника о работе наставляемых",
            "анкеты обратной связи участников",
        ),
        criteria=(
            "выполнение плана встреч (не менее 80 % встреч проведено)",
            "качество проекта по оценке наставника и экспертов",
            "сформированность профессиональных планов наставляемых (по анкетам)",
        ),
    ),
}

#: Words of the default texts that agree with the mentee(s): ``{наставляемого}`` becomes
#: «наставляемого», «наставляемой» or «наставляемых»; ``{a|b}`` is singular|plural and
#: ``{a|b|c}`` masculine|feminine|plural.
MENTEE_WORDS: dict[str, tuple[str, str, str]] = {
    "наставляемый": ("наставляемый", "наставляемая", "наставляемые"),
    "наставляемого": ("наставляемого", "наставляемой", "наставляемых"),
    "наставляемому": ("наставляемому", "наставляемой", "наставляемым"),
    "обучающийся": ("обучающийся", "обучающаяся", "обучающиеся"),
    "обучающегося": ("обучающегося", "обучающейся", "обучающихся"),
    "обучающемуся": ("обучающемуся", "обучающейся", "обучающимся"),
}
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def agree_mentees(text: str, mentees: Sequence[PersonForms]) -> str:
    """Put the placeholders of a default text into the number and gender of the mentees."""
    if len(mentees) > 1:
        slot = 2
    else:
        slot = 1 if mentees and mentees[0].gender is Gender.FEMALE else 0

    def pick(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner in MENTEE_WORDS:
            return MENTEE_WORDS[inner][slot]
        options = inner.split("|")
        if len(options) == 2:
            return options[1] if slot == 2 else options[0]
        if len(options) == 3:
            return options[slot]
        return match.group(0)

    return _PLACEHOLDER.sub(pick, text)


AudienceKey = Literal["teacher_teacher", "teacher_pupil", "pupil_pupil", "employer"]

_FORM_AUDIENCE = {
    "учитель – учитель": "teacher_teacher", "руководитель – учитель": "teacher_teacher",
    "учитель – ученик": "teacher_pupil",
    "ученик – ученик": "pupil_pupil", "студент – ученик": "pupil_pupil",
    "работодатель – ученик": "employer", "работодатель – студент": "employer",
}

#: How often regular meetings are held: key → (printed wording, step in weeks or months).
FREQUENCIES: dict[str, tuple[str, int, str]] = {
    "weekly": ("еженедельно", 1, "weeks"),
    "biweekly": ("раз в две недели", 2, "weeks"),
    "three_weeks": ("раз в три недели", 3, "weeks"),
    "monthly": ("раз в месяц", 1, "months"),
}
_FREQUENCY_ALIASES = {
    "еженедельно": "weekly", "раз в неделю": "weekly", "1 раз в неделю": "weekly",
    "раз в две недели": "biweekly", "раз в 2 недели": "biweekly", "1 раз в 2 недели": "biweekly",
    "два раза в месяц": "biweekly", "2 раза в месяц": "biweekly",
    "раз в три недели": "three_weeks", "раз в 3 недели": "three_weeks",
    "ежемесячно": "monthly", "раз в месяц": "monthly", "1 раз в месяц": "monthly",
}

#: Non-working public holidays of the Russian Federation (Labour Code art. 112), month-day.
PUBLIC_HOLIDAYS: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8),
    (2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4),
)


# =========================================================================== input


class _Input(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid", populate_by_name=True, str_max_length=TEXT_MAX,
                              coerce_numbers_to_str=True)


class ProgrammePerson(Participant):
    """A participant given inline (ФИО, category, post or class, experience); no id needed."""

    id: str = Field(default="", description="ID участника (не обязателен)")


PersonRef = ProgrammePerson | str


class Holiday(Model):
    """A school holiday (каникулы) or another period without meetings."""

    start: dt.date = Field(description="Первый день")
    end: dt.date = Field(description="Последний день")
    title: str | None = Field(default=None, description="Название («осенние каникулы»)")

    @model_validator(mode="after")
    def _order(self) -> Holiday:
        if self.end < self.start:
            raise ValueError(f"последний день каникул ({self.end:%d.%m.%Y}) раньше первого ({self.start:%d.%m.%Y})")
        return self


class MeetingInput(Model):
    """A meeting of the plan given by hand (replaces the generated plan)."""

    topic: str = Field(min_length=1, description="Тема встречи")
    form: str | None = Field(default=None, description="Форма работы")
    date: dt.date | None = Field(default=None, description="Дата (нет — линия для записи от руки)")
    title: str | None = Field(default=None, description="Вид встречи («Встреча-планирование»)")


class TopicInput(Model):
    """A topic of the regular working meetings."""

    topic: str = Field(min_length=1, description="Тема")
    form: str | None = Field(default=None, description="Форма работы")


class ApprovalInput(Model):
    """The approval stamp: by an order («УТВЕРЖДЕНА приказом … от … № …») or by signature
    («УТВЕРЖДАЮ», the head's post, signature line, name, date)."""

    order_number: str | None = Field(default=None, description="Номер приказа об утверждении")
    order_date: dt.date | None = Field(default=None, description="Дата приказа")
    signer: Official | None = Field(default=None, description="Кто утверждает (по умолчанию — руководитель)")
    date: dt.date | None = Field(default=None, description="Дата утверждения (нет — линия)")


class PersonalProgrammeInput(_Input):
    """Персонализированная программа наставничества: one pair or group.

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


# =========================================================================== context


class Meeting(BaseModel):
    """A row of the meeting plan."""

    number: str
    kind: str  # organisational / trial / planning / regular / final / custom
    title: str
    topic: str
    form: str
    date: str
    day: dt.date | None = None


class PassportRow(BaseModel):
    label: str
    lines: list[str]


class SignatureRow(BaseModel):
    role: str
    name: str


class StampContext(BaseModel):
    """The corner stamps: ``left`` (РАССМОТРЕНА …), ``right`` (УТВЕРЖДАЮ / УТВЕРЖДЕНА …)."""

    left: list[str]
    right: list[str]


class _ProgrammeBase(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    letterhead: list[str]
    stamps: StampContext
    title: str
    subtitle: list[str]
    passport: list[PassportRow]
    signatures: list[SignatureRow]
    font_name: str
    font_size: float


class PersonalProgrammeContext(_ProgrammeBase):
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


# =========================================================================== dates


def _holiday_set(start: dt.date, end: dt.date, holidays: Sequence[Holiday]) -> set[dt.date]:
    days: set[dt.date] = set()
    for year in range(start.year, end.year + 1):
        for month, day in PUBLIC_HOLIDAYS:
            days.add(dt.date(year, month, day))
    for period in holidays:
        d = period.start
        while d <= period.end:
            days.add(d)
            d += dt.timedelta(days=1)
    return days


def _working(day: dt.date, off: set[dt.date]) -> bool:
    return day.weekday() < 5 and day not in off


def _next_working(day: dt.date, off: set[dt.date]) -> dt.date:
    while not _working(day, off):
        day += dt.timedelta(days=1)
    return day


def _prev_working(day: dt.date, off: set[dt.date]) -> dt.date:
    while not _working(day, off):
        day -= dt.timedelta(days=1)
    return day


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def frequency_key(text: str) -> str:
    """«раз в две недели» / «biweekly» → ``biweekly``; ValueError for an unknown wording."""
    key = " ".join(str(text).lower().replace("ё", "е").split()).rstrip(".")
    if key in FREQUENCIES:
        return key
    if key in _FREQUENCY_ALIASES:
        return _FREQUENCY_ALIASES[key]
    allowed = ", ".join(f"«{w}»" for w, *_ in FREQUENCIES.values())
    raise ValueError(f"непонятная периодичность встреч; допустимо: {allowed}")


#: Regular meetings stop this many days before the final meeting.
_FINAL_GAP_DAYS = 7


def plan_dates(start: dt.date, end: dt.date, frequency: str = "biweekly",
               holidays: Sequence[Holiday] = ()) -> tuple[list[dt.date], dt.date]:
    """The dates of the intro and regular meetings, and the date of the final meeting.

    The organisational meeting is on the first working day from ``start``; the trial and
    the planning meetings follow a week apart; regular meetings follow at the ``frequency``
    step until a week before the final meeting, which is on the last working day up to
    ``end``. Weekends, public holidays and the given school holidays are skipped (a date
    moves to the next working day); two meetings never fall within three days of each other.
    ValueError when no regular meeting fits (or the frequency is not understood).
    """
    _, step, unit = FREQUENCIES[frequency_key(frequency)]
    off = _holiday_set(start, end, holidays)
    final = _prev_working(end, off)
    first = _next_working(start, off)
    dates = [first]
    for _ in range(2):  # trial and planning meetings, a week apart
        dates.append(_next_working(dates[-1] + dt.timedelta(days=7), off))
    anchor, n = dates[-1], 1
    while True:
        nominal = (anchor + dt.timedelta(weeks=step * n)) if unit == "weeks" else _add_months(anchor, step * n)
        n += 1
        day = _next_working(nominal, off)
        if day > final - dt.timedelta(days=_FINAL_GAP_DAYS):
            break
        if day - dates[-1] >= dt.timedelta(days=4):
            dates.append(day)
    if len(dates) == 3:
        raise ValueError("срок программы слишком короткий: между встречей-планированием и "
                         "заключительной встречей не помещается ни одной рабочей встречи")
    return dates, final


def months_between(start: dt.date, end: dt.date) -> int:
    """Length of a period in whole months, rounded (1 September – 31 May: 9)."""
    return max(1, round(((end - start).days + 1) / 30.4375))


# =========================================================================== people


def _person(ref: PersonRef, registry: Registry | None, field: str) -> Participant:
    if isinstance(ref, Participant):
        return ref
    key = str(ref).strip()
    if registry is not None:
        return find_participant(registry, key, field)
    raise bad_input(field, "участник указан по ID или ФИО, но база (registry) не задана: укажите "
                           "базу или ФИО, должность (класс) участника", key)


def _official(ref: Official | str | None, registry: Registry | None, field: str) -> Official | Participant | None:
    if ref is None or isinstance(ref, Official):
        return ref
    return _person(ref, registry, field)


def experience_years(person: Participant, on: dt.date) -> str:
    """«21 год», «менее 1 года» on ``on``; "" when unknown."""
    years = person.experience_on(on)
    if years is None:
        return ""
    whole = int(years + 1e-9)
    return f"менее 1{NBSP}года" if whole < 1 else agree(whole, "год").replace(" ", NBSP, 1)


def experience_text(person: Participant, on: dt.date) -> str:
    """«педагогический стаж 21 год» (a teacher), «стаж работы 12 лет» (others); "" when unknown."""
    years = experience_years(person, on)
    if not years:
        return ""
    word = "педагогический стаж" if is_staff(person) else "стаж работы"
    return f"{word} {years}"


def _is_pupil(person: Participant) -> bool:
    return person.category is Category.PUPIL


def describe(person: Participant, forms: PersonForms, on: dt.date | None = None) -> str:
    """«учитель математики, педагогический стаж 22 года» or «обучающаяся 7 «Б» класса»."""
    if _is_pupil(person):
        return pupil_text(forms, person.post)
    parts = [lower_first(typograph(person.post))] if person.post else []
    if on is not None:
        exp = experience_text(person, on)
        if exp:
            parts.append(exp)
    return ", ".join(parts)


def _role_word(role: str, forms: PersonForms) -> str:
    if role == "mentee":
        return gendered(forms, "Наставляемый", "Наставляемая")
    return "Наставник"


def _curator(data_curator: Official | str | None, registry: Registry | None) -> Official | Participant | None:
    found = _official(data_curator, registry, "curator")
    if found is not None or registry is None:
        return found
    curators = [p for p in registry.participants if p.role is Role.CURATOR]
    return curators[0] if len(curators) == 1 else None


def _curator_rows(curator: Official | Participant | None) -> tuple[list[str], SignatureRow]:
    if curator is None:
        return [BLANK_NAME], SignatureRow(role="Куратор программы наставничества", name=BLANK_NAME)
    forms = forms_of(curator)
    post = lower_first(typograph(forms.post.nominative)) if forms.post else ""
    line = f"{forms.nominative}, {post}" if post else forms.nominative
    return [line], SignatureRow(role="Куратор программы наставничества", name=forms.initials_nominative)


# =========================================================================== stamps


def _approval_stamp(approval: ApprovalInput | None, organization: Organization, title: str,
                    default_signer: Official | Participant | None = None) -> list[str]:
    """The approval stamp (:func:`approval_stamp`): by an order when the input gives its
    number or date, otherwise «УТВЕРЖДАЮ» of the signer."""
    approval = approval or ApprovalInput()
    order = ((approval.order_date, approval.order_number)
             if approval.order_number or approval.order_date else None)
    return approval_stamp(organization, title, order=order, signer=approval.signer or default_signer,
                          date=approval.date)


def considered_stamp(decision: CouncilDecision | None, word: str) -> list[str]:
    """«РАССМОТРЕНА / на заседании педагогического совета / протокол от … № …»."""
    if decision is None:
        return []
    return [word, f"на заседании {decline_post(decision.council, 'genitive')}",
            f"(протокол {act_reference(decision.date, decision.number)})"]


def _frame(org: Organization, stamps: StampContext, title: str, subtitle: list[str],
           passport: list[PassportRow], signatures: list[SignatureRow]) -> dict[str, Any]:
    """The fields both programmes share (:class:`_ProgrammeBase`)."""
    return {"letterhead": letterhead_lines(org),
            "stamps": stamps, "title": title, "subtitle": subtitle, "passport": passport,
            "signatures": signatures, "font_name": org.font_name, "font_size": org.font_size}


def _items(texts: Sequence[str], mentees: Sequence[PersonForms] = ()) -> list[Item]:
    """Numbered list items «1. …;», the last one ending with a full stop."""
    return numbered(sub_items([typograph(agree_mentees(t, mentees)) for t in texts]))


# =========================================================================== personal programme


@dataclass
class _ResolvedPair:
    mentor: Participant
    mentees: list[Participant]
    form: str
    start: dt.date
    end: dt.date
    goal: str | None
    label: str | None


def _resolve_pair(data: PersonalProgrammeInput) -> _ResolvedPair:
    registry = data.registry
    pair: Pair | None = None
    if data.pair is not None or data.pair_index is not None:
        if data.mentor is not None or data.mentees is not None:
            raise bad_input("mentor", "пара указана и номером (pair), и составом (mentor, mentees): "
                                      "оставьте что-то одно")
        if registry is None:
            raise bad_input("registry", "пара указана номером, но база наставников и наставляемых "
                                        "(registry) не задана")
        if data.pair is not None:
            matches = [p for i, p in enumerate(registry.pairs) if (p.id or str(i + 1)) == data.pair]
            if not matches:
                known = ", ".join(registry.pair_label(i) for i in range(min(12, len(registry.pairs))))
                raise bad_input("pair", f"в базе нет пары (группы) с номером «{data.pair}»; есть: {known}",
                                data.pair)
            pair = matches[0]
        else:
            index = data.pair_index or 0
            if index > len(registry.pairs):
                raise bad_input("pair_index", f"в базе только {agree(len(registry.pairs), 'пара')}; "
                                              f"порядковый номер {index} больше", index)
            pair = registry.pairs[index - 1]
        mentor, mentees = registry.mentor_of(pair), registry.mentees_of(pair)
        form, start, end, goal = pair.form, pair.start, pair.end, pair.goal
        label = pair.id or str(registry.pairs.index(pair) + 1)
    else:
        if data.mentor is None or not data.mentees:
            raise bad_input("pair", "не указана пара: дайте номер пары из базы (pair) или "
                                    "наставника и наставляемых (mentor, mentees)")
        mentor = _person(data.mentor, registry, "mentor")
        mentees = [_person(m, registry, f"mentees → {i}") for i, m in enumerate(data.mentees, start=1)]
        form, start, end, goal, label = data.form or "", data.start, data.end, None, None
        if not form:
            raise bad_input("form", "не указана форма наставничества (form)")
        if start is None:
            raise bad_input("start", "не указана дата начала программы (start)")
    form = data.form or form
    start = data.start or start
    end = data.end or end
    if end is None:
        raise bad_input("end", "не указана дата окончания программы (end): у пары в базе её нет")
    if end <= start:
        raise bad_input("end", f"дата окончания ({end:%d.%m.%Y}) должна быть позже даты начала "
                               f"({start:%d.%m.%Y})", format_date(end, "numeric"))
    return _ResolvedPair(mentor, mentees, form, start, end, data.goal or goal, label)


def audience_of(form: str, mentor: Participant, mentees: Sequence[Participant]) -> str:
    """Which default wording fits: by the form of mentoring, else by the participants."""
    from ..models import find_form

    found = find_form(form)
    if found is not None:
        key = _FORM_AUDIENCE.get(found.title)
        if key:
            return key
        if found.audience == "teachers":
            return "teacher_teacher"
    if mentor.category is Category.EMPLOYER:
        return "employer"
    if all(_is_pupil(m) for m in mentees):
        return "teacher_pupil" if mentor.category is Category.TEACHER else "pupil_pupil"
    return "teacher_teacher"


def _topics(data: PersonalProgrammeInput, audience: Audience) -> list[tuple[str, str]]:
    if data.topics:
        return [(t, "") if isinstance(t, str) else (t.topic, t.form or "") for t in data.topics]
    return list(audience.topics)


def spread(topics: Sequence[tuple[str, str]], slots: int) -> list[tuple[str, str]]:
    """``slots`` topics in order: a subset spread evenly when there are more topics than
    meetings; a topic continued over several meetings («(продолжение)») when fewer."""
    if slots <= 0 or not topics:
        return []
    n = len(topics)
    if slots <= n:
        if slots == 1:
            return [topics[0]]
        return [topics[round(i * (n - 1) / (slots - 1))] for i in range(slots)]
    out, previous = [], None
    for i in range(slots):
        index = i * n // slots
        topic, form = topics[index]
        out.append((f"{topic} (продолжение)" if index == previous else topic, form))
        previous = index
    return out


def build_plan(data: PersonalProgrammeInput, pair: _ResolvedPair, audience: Audience,
               mentees: Sequence[PersonForms] = ()) -> list[Meeting]:
    """The meeting plan: given by hand (``plan``) or generated from the period and frequency."""
    if data.plan:
        return _given_plan(data.plan, pair)
    try:
        dates, final = plan_dates(pair.start, pair.end, data.frequency or "biweekly", data.holidays)
    except ValueError as exc:
        raise bad_input("frequency" if "периодичность" in str(exc) else "end", str(exc)) from None
    intro = list(zip(INTRO_MEETINGS, INTRO_FORMS))
    regular = spread(_topics(data, audience), len(dates) - len(intro))
    rows: list[tuple[str, str, str, str, dt.date]] = []
    for ((kind, title, topic), form), day in zip(intro, dates):
        rows.append((kind, title, upper_first(topic), form, day))
    for (topic, form), day in zip(regular, dates[len(intro):]):
        rows.append(("regular", REGULAR_TITLE, topic, form, day))
    kind, title, topic, form = FINAL_MEETING
    rows.append((kind, title, upper_first(topic), form, final))
    return [Meeting(number=f"{i}.", kind=k, title=t, topic=typograph(sentence(agree_mentees(tp, mentees))),
                    form=typograph(f),
                    date=format_date(d, "numeric"), day=d)
            for i, (k, t, tp, f, d) in enumerate(rows, start=1)]


def _given_plan(plan: Sequence[MeetingInput], pair: _ResolvedPair) -> list[Meeting]:
    previous: dt.date | None = None
    rows = []
    for i, m in enumerate(plan, start=1):
        if m.date is not None:
            if not (pair.start <= m.date <= pair.end):
                raise bad_input(f"plan → {i} → date", f"дата встречи вне срока программы "
                                f"({format_date(pair.start, 'numeric')} – {format_date(pair.end, 'numeric')})",
                                format_date(m.date, "numeric"))
            if previous is not None and m.date < previous:
                raise bad_input(f"plan → {i} → date", "встречи должны идти по порядку дат",
                                format_date(m.date, "numeric"))
            previous = m.date
        if i == 1:
            kind, default_title = "organisational", INTRO_MEETINGS[0][1]
        elif i == len(plan):
            kind, default_title = "final", FINAL_MEETING[1]
        else:
            kind, default_title = "custom", REGULAR_TITLE
        rows.append(Meeting(number=f"{i}.", kind=kind, title=typograph(m.title or default_title),
                            topic=typograph(sentence(m.topic)), form=typograph(m.form or ""),
                            date=format_date(m.date, "numeric"), day=m.date))
    return rows


def _for_whom(mentees: Sequence[PersonForms]) -> str:
    """«для наставляемого Мамедова Эльдара Рашид оглы» (a pair, genitive) or
    «для группы наставляемых: Ткаченко Д.А., Гарипова А.Р.» (a group, a list after the colon)."""
    if len(mentees) == 1:
        forms = mentees[0]
        noun = gendered(forms, "наставляемого", "наставляемой")
        return f"для {noun} {forms.genitive}"
    return "для группы наставляемых: " + ", ".join(f.short_nominative for f in mentees)


def build_personal(data: PersonalProgrammeInput) -> PersonalProgrammeContext:
    pair = _resolve_pair(data)
    org = data.organization
    key = data.audience or audience_of(pair.form, pair.mentor, pair.mentees)
    audience = AUDIENCES[key]
    mentor = forms_of(pair.mentor)
    mentees = [forms_of(m) for m in pair.mentees]
    curator = _curator(data.curator, data.registry)
    curator_lines, curator_sign = _curator_rows(curator)
    months = agree(months_between(pair.start, pair.end), "месяц").replace(" ", NBSP, 1)
    period = f"{period_text(pair.start, pair.end)} ({months})"
    try:
        frequency = ("по плану" if data.plan and data.frequency is None
                     else FREQUENCIES[frequency_key(data.frequency or "biweekly")][0])
    except ValueError as exc:
        raise bad_input("frequency", str(exc), data.frequency) from None
    plan = build_plan(data, pair, audience, mentees)

    mentor_line = f"{mentor.nominative}, {describe(pair.mentor, mentor, pair.start)}".rstrip(", ")
    mentee_lines = []
    for i, (person, forms) in enumerate(zip(pair.mentees, mentees), start=1):
        line = f"{forms.nominative}, {describe(person, forms)}".rstrip(", ")
        mentee_lines.append(f"{i}. {line}" if len(mentees) > 1 else line)
    form = typograph(pair.form)
    passport = [
        PassportRow(label="Образовательная организация", lines=[typograph(org.full_name)]),
        PassportRow(label="Наставник", lines=[mentor_line]),
        PassportRow(label="Наставляемые" if len(mentees) > 1 else _role_word("mentee", mentees[0]),
                    lines=mentee_lines),
        PassportRow(label="Форма наставничества", lines=[form]),
        PassportRow(label="Срок реализации", lines=[period]),
        PassportRow(label="Периодичность встреч", lines=[f"{frequency}, всего {agree(len(plan), 'встреча')}"]),
        PassportRow(label="Куратор", lines=curator_lines),
    ]
    signatures = [SignatureRow(role="Наставник", name=mentor.initials_nominative)]
    signatures += [SignatureRow(role=_role_word("mentee", f), name=f.initials_nominative) for f in mentees]
    if data.representatives:
        signatures += _representative_rows(
            [("mentor", pair.mentor), *(("mentee", m) for m in pair.mentees)], pair.start)
    signatures.append(curator_sign)
    title = "Персонализированная программа наставничества"
    return PersonalProgrammeContext(
        **_frame(org, StampContext(left=considered_stamp(data.considered, "РАССМОТРЕНА"),
                                   right=_approval_stamp(data.approval, org, title)),
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
        tasks=_items(data.tasks or audience.tasks, mentees),
        plan=plan,
        results=_items(data.results or audience.results, mentees),
        reporting=_items(data.reporting or audience.reporting, mentees),
        criteria=_items(data.criteria or audience.criteria, mentees),
    )


def _representative_rows(people: Sequence[tuple[str, Participant]], on: dt.date) -> list[SignatureRow]:
    """«Ознакомлена: законный представитель (мать) наставляемой Кузнецовой С.М.» for each minor
    (or a pupil whose birth date is unknown) who has a representative in the registry."""
    from ..errors import GrammarError
    from ..ru import detect_gender

    rows = []
    for role, person in people:
        rep = person.representative
        if rep is None or not (person.is_minor(on) or person.birth_date is None):
            continue
        forms = forms_of(person)
        try:
            gender = detect_gender(rep.full_name)
            word = gendered(gender, "Ознакомлен", "Ознакомлена")
        except GrammarError:
            word = "Ознакомлен(а)"
        relation = f" ({rep.relation})" if rep.relation else ""
        whose = decline_post(_role_word(role, forms).lower(), "genitive", forms.gender)
        rows.append(SignatureRow(
            role=f"{word}: законный представитель{relation} {whose} {forms.short_genitive}",
            name=initials_name(rep.full_name, "nominative")))
    return rows


# =========================================================================== batch


def _dump(person: Participant) -> dict[str, Any]:
    return person.model_dump(exclude_none=True, exclude={"email", "phone"})


def programme_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """One programme per pair of the registry: the active ones, or those whose status is in
    ``batch_status`` of the common fields («batch_status: [completed]»).

    Each record names the pair's people inline (the mentor first, so that the batch names
    the file after the mentor) and keeps the registry for the curator.
    """
    statuses = _statuses(common.get("batch_status") or [PairStatus.ACTIVE])
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


def _statuses(value: Any) -> tuple[PairStatus, ...]:
    values = value if isinstance(value, (list, tuple)) else [value]
    return tuple(PairStatus(v) for v in values)


register(Kind(
    id="programme.personal",
    title="Персонализированная программа наставничества",
    input_model=PersonalProgrammeInput,
    context_model=PersonalProgrammeContext,
    build_context=build_personal,
    docx="programme_personal.docx",
    family=FAMILY,
    description="ППН для пары или группы: участники, форма, срок, цель, задачи, план встреч с датами, "
                "результаты, оценка, подписи.",
    samples=("programmes/personal.yaml", "programmes/personal_group.yaml"),
    sample_names={"programmes/personal.yaml": "пара", "programmes/personal_group.yaml": "группа"},
    output_name="Персонализированная программа наставничества",
    batch=BatchSpec(records=programme_records, file_name="ППН_{last_name}_{initials}"),
    extra={"demo_batch": {"source": "registry.yaml", "common": "programmes/common.yaml"}},
))


# =========================================================================== individual route


@dataclass(frozen=True)
class RouteArea:
    """Default actions for deficits of one competence area: (kind, action, months, result).

    ``months`` are offsets from September of the school year (0 = September, 8 = May);
    None means «в течение учебного года».
    """

    keys: tuple[str, ...]
    actions: tuple[tuple[str, str, tuple[int, int] | None, str], ...]


ROUTE_AREAS: dict[str, RouteArea] = {
    "subject": RouteArea(
        keys=("предмет",),
        actions=(
            ("курсы повышения квалификации", "Обучение по дополнительной профессиональной программе по преподаваемому предмету", (1, 3), "удостоверение о повышении квалификации"),
            ("самообразование", "Изучение методической литературы и заданий ОГЭ и ЕГЭ по теме дефицита", None, "план самообразования, подборка заданий"),
            ("посещение уроков наставника", "Посещение и анализ уроков наставника по трудным темам предмета", (1, 7), "листы анализа уроков"),
        )),
    "methodical": RouteArea(
        keys=("методич",),
        actions=(
            ("посещение уроков наставника", "Посещение уроков наставника с последующим анализом", (1, 7), "листы анализа уроков"),
            ("самообразование", "Разработка технологических карт уроков по теме дефицита", (2, 3), "технологические карты уроков"),
            ("участие в методическом объединении", "Выступление на заседании школьного методического объединения", (5, 6), "текст выступления, протокол заседания"),
            ("открытый урок", "Проведение открытого урока с самоанализом", (6, 7), "конспект и самоанализ урока"),
        )),
    "psychological": RouteArea(
        keys=("психолог", "воспитат", "педагогич"),
        actions=(
            ("консультации", "Консультации педагога-психолога по работе с классом и с обучающимися, испытывающими трудности", (1, 4), "памятка, план работы с классом"),
            ("самообразование", "Изучение приёмов мотивации обучающихся и управления классом", None, "картотека приёмов"),
            ("посещение уроков наставника", "Посещение уроков и внеурочных занятий наставника", (1, 7), "листы наблюдения"),
        )),
    "communicative": RouteArea(
        keys=("коммуник", "родител"),
        actions=(
            ("тренинг", "Участие в тренинге эффективного общения с родителями обучающихся", (2, 3), "сертификат участника"),
            ("совместная подготовка", "Подготовка и проведение родительского собрания вместе с наставником", (3, 4), "сценарий и протокол родительского собрания"),
        )),
    "digital": RouteArea(
        keys=("цифров", "икт", "информацион"),
        actions=(
            ("курсы повышения квалификации", "Обучение по программе применения цифровых образовательных ресурсов (ФГИС «Моя школа»)", (1, 2), "удостоверение о повышении квалификации"),
            ("самообразование", "Создание цифровых материалов к урокам (интерактивные задания, тесты)", (3, 6), "банк цифровых материалов"),
        )),
    "literacy": RouteArea(
        keys=("функциональн", "грамотност"),
        actions=(
            ("курсы повышения квалификации", "Обучение по программе формирования функциональной грамотности обучающихся", (1, 3), "удостоверение о повышении квалификации"),
            ("участие в методическом объединении", "Разработка заданий на формирование функциональной грамотности в составе методического объединения", (3, 6), "банк заданий"),
        )),
}
_ROUTE_FALLBACK = RouteArea(
    keys=(),
    actions=(
        ("самообразование", "Изучение литературы и опыта коллег по теме дефицита", None, "план самообразования"),
        ("консультации наставника", "Консультации наставника по теме дефицита", (1, 7), "записи в дневнике наставничества"),
        ("участие в методическом объединении", "Обсуждение результатов на заседании методического объединения", (7, 8), "протокол заседания"),
    ),
)

ROUTE_RESULTS: tuple[str, ...] = (
    "выявленные профессиональные дефициты преодолены (по результатам повторной диагностики)",
    "повышено качество проводимых уроков (по результатам посещений)",
    "опыт обобщён и представлен на заседании методического объединения",
)


class RouteAction(Model):
    """A planned action for one deficit."""

    action: str = Field(min_length=1, description="Мероприятие")
    kind: str | None = Field(default=None, description="Вид: курсы повышения квалификации, самообразование…")
    deadline: dt.date | str | None = Field(default=None, description="Срок: дата или текст («октябрь–декабрь 2026 г.»)")
    result: str | None = Field(default=None, description="Форма результата (отчёта)")


class Deficit(Model):
    """A diagnosed professional deficit."""

    area: str = Field(min_length=1, description="Компетенция (область): предметная, методическая…")
    deficit: str = Field(min_length=1, description="Выявленный дефицит")
    diagnosed_by: str | None = Field(default=None, description="Как выявлен (анкетирование, посещение уроков, диагностика)")
    actions: list[RouteAction] | None = Field(default=None, description="Мероприятия (по умолчанию — типовые для области)")


class IndividualRouteInput(_Input):
    """Индивидуальный образовательный маршрут педагога."""

    organization: Organization = Field(description="Организация")
    registry: Registry | None = Field(default=None, description="База наставников и наставляемых")
    teacher: PersonRef = Field(description="Педагог: ID или ФИО участника из базы или ФИО, должность, стаж")
    qualification: str | None = Field(default=None, description="Квалификационная категория («первая», «без категории»)")
    mentor: PersonRef | None = Field(default=None, description="Наставник (по умолчанию — из действующей пары в базе)")
    school_year: int | None = Field(default=None, ge=2000, le=2100,
                                    description="Учебный год — год начала (2026 — 2026/2027); по умолчанию — по паре")
    deficits: list[Deficit] = Field(min_length=1, description="Профессиональные дефициты")
    results: list[str] | None = Field(default=None, description="Ожидаемые результаты")
    approver: Official | str | None = Field(default=None, description="Кто утверждает (по умолчанию — заместитель директора-куратор из базы)")
    approval: ApprovalInput | None = Field(default=None, description="Утверждение: дата или приказ")

    @model_validator(mode="before")
    @classmethod
    def _year(cls, value: Any) -> Any:
        """«2026/2027» or «2026-2027» is the school year starting in 2026."""
        if isinstance(value, dict) and isinstance(value.get("school_year"), str):
            text = value["school_year"].strip()
            head = text.replace("–", "/").replace("-", "/").split("/")[0].strip()
            if head.isdigit():
                value = {**value, "school_year": int(head)}
        return value


class DeficitRow(BaseModel):
    number: str
    area: str
    deficit: str
    diagnosed_by: str


class ActionRow(BaseModel):
    number: str
    action: str
    kind: str
    deadline: str
    result: str


class ActionGroup(BaseModel):
    heading: str
    rows: list[ActionRow]


class IndividualRouteContext(_ProgrammeBase):
    """What ``programme_individual_route.docx`` places."""

    teacher: PersonForms
    mentor: PersonForms | None
    school_year: str
    deficits: list[DeficitRow]
    actions: list[ActionGroup]
    results: list[Item]


def _area(text: str) -> RouteArea:
    low = text.lower()
    for area in ROUTE_AREAS.values():
        if any(k in low for k in area.keys):
            return area
    return _ROUTE_FALLBACK


def _months_text(year: int, months: tuple[int, int] | None) -> str:
    from ..ru import format_month_range

    if months is None:
        return "в течение учебного года"
    first, last = (_add_months(dt.date(year, 9, 1), m) for m in months)
    return format_month_range(first, last)


def _deadline(deadline: dt.date | str | None) -> str:
    if deadline is None:
        return format_date(None, "numeric")
    if isinstance(deadline, dt.date):
        return f"до {format_date(deadline, 'numeric')}"
    return typograph(deadline)


def _mentor_of(teacher: Participant, registry: Registry | None) -> Participant | None:
    if registry is None or not teacher.id:
        return None
    for pair in registry.pairs:
        if pair.status is PairStatus.ACTIVE and teacher.id in pair.mentees:
            return registry.mentor_of(pair)
    return None


def _pair_year(teacher: Participant, registry: Registry | None) -> int | None:
    if registry is None or not teacher.id:
        return None
    for pair in registry.pairs:
        if teacher.id in pair.mentees or teacher.id == pair.mentor:
            return pair.start.year if pair.start.month >= 8 else pair.start.year - 1
    return None


def _approver(data: IndividualRouteInput) -> Official | Participant:
    found = _official(data.approver, data.registry, "approver")
    if found is not None:
        return found
    if data.registry is not None:
        deputies = [p for p in data.registry.participants
                    if p.role is Role.CURATOR and p.post and "заместитель" in p.post.lower()]
        if deputies:
            return deputies[0]
    return data.organization.head


def build_route(data: IndividualRouteInput) -> IndividualRouteContext:
    org = data.organization
    teacher_p = _person(data.teacher, data.registry, "teacher")
    mentor_p = _person(data.mentor, data.registry, "mentor") if data.mentor is not None \
        else _mentor_of(teacher_p, data.registry)
    year = data.school_year or _pair_year(teacher_p, data.registry)
    if year is None:
        raise bad_input("school_year", "не указан учебный год (school_year), например 2026 или «2026/2027»")
    teacher, mentor = forms_of(teacher_p), forms_of(mentor_p) if mentor_p else None
    school_year = format_school_year(year)
    experience = experience_years(teacher_p, dt.date(year, 9, 1))
    passport = [
        PassportRow(label="Педагог", lines=[teacher.nominative]),
        PassportRow(label="Должность", lines=[upper_first(typograph(teacher.post.nominative)) if teacher.post else BLANK_NAME]),
        PassportRow(label="Педагогический стаж",
                    lines=[upper_first(experience) + f" (на 1{NBSP}сентября {year}{NBSP}г.)"
                           if experience else BLANK_NAME]),
        PassportRow(label="Квалификационная категория",
                    lines=[upper_first(typograph(data.qualification)) if data.qualification else BLANK_NAME]),
        PassportRow(label="Наставник", lines=[
            f"{mentor.nominative}, {describe(mentor_p, mentor)}".rstrip(", ") if mentor and mentor_p else "нет"]),
        PassportRow(label="Период реализации", lines=[upper_first(school_year)]),
    ]
    deficits, groups = [], []
    for i, d in enumerate(data.deficits, start=1):
        area = upper_first(typograph(d.area))
        text = sentence(typograph(d.deficit))
        deficits.append(DeficitRow(number=f"{i}.", area=area, deficit=text,
                                   diagnosed_by=upper_first(typograph(d.diagnosed_by)) if d.diagnosed_by else BLANK_NAME))
        if d.actions:
            rows = [(a.action, a.kind or "", _deadline(a.deadline), a.result or "") for a in d.actions]
        else:
            rows = [(action, kind, _months_text(year, months), result)
                    for kind, action, months, result in _area(d.area).actions]
        groups.append(ActionGroup(
            heading=f"{i}. {area}: {lower_first(text)}",
            rows=[ActionRow(number=f"{i}.{j}.", action=typograph(sentence(a)), kind=upper_first(typograph(k)),
                            deadline=upper_first(dl), result=upper_first(typograph(r)))
                  for j, (a, k, dl, r) in enumerate(rows, start=1)]))
    signatures = [SignatureRow(role="Педагог", name=teacher.initials_nominative)]
    if mentor is not None:
        signatures.append(SignatureRow(role="Наставник", name=mentor.initials_nominative))
    subtitle = [f"педагога {teacher.genitive},"]
    if teacher.post:
        subtitle.append(f"{lower_first(typograph(teacher.post.genitive))},")
    subtitle.append(f"на {school_year}")
    return IndividualRouteContext(
        **_frame(org, StampContext(left=[], right=_approval_stamp(data.approval, org, ROUTE_TITLE, _approver(data))),
                 ROUTE_TITLE.upper(), subtitle, passport, signatures),
        teacher=teacher,
        mentor=mentor,
        school_year=school_year,
        deficits=deficits,
        actions=groups,
        results=_items(data.results or ROUTE_RESULTS),
    )


register(Kind(
    id="programme.individual_route",
    title="Индивидуальный образовательный маршрут педагога",
    input_model=IndividualRouteInput,
    context_model=IndividualRouteContext,
    build_context=build_route,
    docx="programme_individual_route.docx",
    family=FAMILY,
    description="ИОМ педагога по выявленным профессиональным дефицитам: мероприятия, сроки, "
                "формы результата, отметки о выполнении, подписи, утверждение.",
    samples=("programmes/individual_route.yaml",),
    output_name="Индивидуальный образовательный маршрут",
))
