"""The columns of the registry workbook (and of the participants CSV), as data.

One table serves the template builder (headers, widths, formats, dropdowns, the
explanation sheet), the reader (header aliases, how a cell is read) and the writer.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import FORMATS, PAIR_TYPES, Category, Gender, PairEventKind, PairStatus, Role

PARTICIPANTS_SHEET = "Участники"
PAIRS_SHEET = "Пары"
HISTORY_SHEET = "История пар"
LISTS_SHEET = "Списки"
HELP_SHEET = "Пояснения"
TITLE = "База наставников и наставляемых"

#: Cell kinds: how a value is read and written.
TEXT, DATE, NUMBER, INTEGER, ENUM, PEOPLE, EXPERIENCE, CASES = (
    "text", "date", "number", "integer", "enum", "people", "experience", "cases")


@dataclass(frozen=True)
class Column:
    header: str
    field: str  # dotted path into the record: "representative.full_name", "agreement.monthly_pay"
    kind: str = TEXT
    required: bool = False  # the column must be present (its cells may still be optional)
    aliases: tuple[str, ...] = ()
    width: float = 16
    list_name: str | None = None  # defined name of the dropdown's list
    help: str = ""
    example: str = ""


@dataclass(frozen=True)
class ValueList:
    """A dropdown's list on the lists sheet, reachable through a workbook defined name."""

    name: str  # defined name (ASCII, so every Excel version accepts it)
    title: str
    values: tuple[str, ...]
    growable: bool = False  # the curator may append values below (the name follows them)


LISTS: tuple[ValueList, ...] = (
    ValueList("lst_gender", "Пол", tuple(Gender.allowed())),
    ValueList("lst_role", "Роль", tuple(Role.allowed())),
    ValueList("lst_category", "Категория", tuple(Category.allowed())),
    ValueList("lst_status", "Статус пары", tuple(PairStatus.allowed())),
    ValueList("lst_pair_type", "Тип пары", tuple(t.title for t in PAIR_TYPES), growable=True),
    ValueList("lst_format", "Формат наставничества", tuple(f.title for f in FORMATS), growable=True),
    ValueList("lst_event", "Событие пары", tuple(PairEventKind.allowed())),
)
LIST_BY_NAME = {lst.name: lst for lst in LISTS}
#: Where the optional limit of mentees per mentor lives on the lists sheet.
MAX_MENTEES_LABEL = "Не более наставляемых у одного наставника (в действующих парах)"
MAX_MENTEES_COLUMN = len(LISTS) + 2  # one empty column after the lists

_DATE_HELP = "Дата: ДД.ММ.ГГГГ (можно ввести как дату Excel или текстом «01.09.2024»)."

PARTICIPANT_COLUMNS: tuple[Column, ...] = (
    Column("ID", "id", aliases=("идентификатор", "код", "номер", "№", "id участника"), width=9,
           help="Устойчивый идентификатор участника, на который ссылаются пары (например, У01). "
                "Если оставить пустым, им станет номер строки.", example="У01"),
    Column("Фамилия", "last_name", required=True, width=20, help="Фамилия. Обязательно.",
           example="Кравченко"),
    Column("Имя", "first_name", required=True, width=14, help="Имя. Обязательно.", example="Ольга"),
    Column("Отчество", "middle_name", width=18,
           help="Отчество, если есть (в том числе «Рашид оглы», «Ринат кызы»).", example="Викторовна"),
    Column("Пол", "gender", ENUM, width=10, list_name="lst_gender",
           help="Пол: мужской / женский (можно «м», «муж», «ж», «жен»). Если пусто, определяется по "
                "отчеству или имени.", example="женский"),
    Column("Дата рождения", "birth_date", DATE, aliases=("др",), width=14, help=_DATE_HELP,
           example="14.03.1972"),
    Column("Роль", "role", ENUM, width=14, list_name="lst_role",
           help="Основная роль: наставник (наставница), наставляемый (наставляемая), куратор. "
                "Фактические роли следуют из пар: один человек может быть наставляемым в одной паре "
                "и наставником в другой.", example="наставник"),
    Column("Категория", "category", ENUM, width=18, list_name="lst_category",
           help="Категория: обучающийся, педагог, студент, представитель работодателя, другое "
                "(можно «ученик», «учитель», «работодатель»).", example="педагог"),
    Column("Должность / класс", "post", aliases=("должность", "класс", "должность или класс"), width=34,
           help="Для педагогов — должность («учитель математики»), для обучающихся — класс "
                "(«7 «Б» класс»; можно коротко: «7Б», «7-б»), для студентов — курс и организация.",
           example="учитель русского языка и литературы"),
    Column("Стаж", "experience", EXPERIENCE, aliases=("педагогический стаж", "стаж, лет", "стаж (лет)"),
           width=10, help="Педагогический стаж: число лет (на дату из столбца «Стаж на дату») "
                          "или дата начала педагогической работы.", example="28"),
    Column("Стаж на дату", "experience_as_of", DATE, width=13,
           help="На какую дату указан стаж в годах. " + _DATE_HELP, example="01.09.2026"),
    Column("Согласие на обработку ПД", "consent_date", DATE,
           aliases=("согласие на обработку персональных данных", "согласие на обработку пд, дата",
                    "согласие пд", "дата согласия"), width=14,
           help="Дата письменного согласия на обработку персональных данных "
                "(за несовершеннолетнего — от законного представителя). " + _DATE_HELP,
           example="25.08.2025"),
    Column("Законный представитель", "representative.full_name",
           aliases=("представитель", "фио законного представителя", "родитель (законный представитель)"),
           width=30, help="ФИО законного представителя несовершеннолетнего (родителя, опекуна).",
           example="Иванова Татьяна Сергеевна"),
    Column("Кем приходится", "representative.relation", aliases=("степень родства",), width=12,
           help="Кем представитель приходится участнику: мать, отец, опекун…", example="мать"),
    Column("Телефон представителя", "representative.phone", width=18, help="Телефон представителя.",
           example="+7 (900) 000-15-15"),
    Column("Эл. почта представителя", "representative.email", width=22,
           aliases=("e-mail представителя", "email представителя"), help="Электронная почта представителя."),
    Column("Телефон", "phone", width=18, help="Телефон участника."),
    Column("Эл. почта", "email", aliases=("e-mail", "email", "электронная почта"), width=24,
           help="Электронная почта участника."),
    Column("Падежи вручную", "overrides", CASES, aliases=("падежные формы", "фио в падежах"), width=30,
           help="Только если имя склоняется необычно: полное имя в нужных падежах через «;», "
                "например «дательный: Золя Эмилю; творительный: Золя Эмилем». "
                "Заданная здесь форма всегда важнее автоматической.",
           example="дательный: Золя Эмилю"),
)

PAIR_COLUMNS: tuple[Column, ...] = (
    Column("№", "id", aliases=("номер", "номер пары", "id", "№ пары"), width=6,
           help="Номер пары или группы (необязательно)."),
    Column("Наставник", "mentor", PEOPLE, required=True, width=30,
           help="Наставник: ID участника с листа «Участники» или его полное ФИО "
                "(«Кравченко Ольга Викторовна» или «Кравченко О.В.»), если оно не повторяется.",
           example="У01"),
    Column("Наставляемые", "mentees", PEOPLE, required=True, aliases=("наставляемый", "наставляемая"),
           width=36, help="Один или несколько наставляемых (группа): ID или ФИО, через «;» или каждый "
                          "с новой строки в ячейке (Alt+Enter).", example="У07; У08; У09"),
    Column("Тип пары", "pair_type", aliases=("тип наставнической пары", "кто кого наставляет"), width=24,
           list_name="lst_pair_type",
           help="Кто кого наставляет: ученик – ученик, учитель – учитель, студент – ученик, "
                "работодатель – ученик… (список на листе «Списки»; свой тип допишите в конец списка). "
                "Если пусто, тип определяется по категориям наставника и наставляемых.",
           example="учитель – учитель"),
    Column("Формат наставничества", "format", aliases=("формат",), width=24, list_name="lst_format",
           help="Как идёт работа: традиционное (один на один), групповое, реверсивное, виртуальное… "
                "(список на листе «Списки»; свой формат допишите в конец списка). "
                "Если пусто — традиционное (один на один).",
           example="групповое"),
    Column("Начало", "start", DATE, required=True, aliases=("дата начала", "с"), width=12,
           help="Дата начала работы пары. " + _DATE_HELP, example="01.09.2026"),
    Column("Окончание", "end", DATE, aliases=("дата окончания", "по"), width=12,
           help="Дата окончания (плановая или фактическая), позже даты начала. " + _DATE_HELP,
           example="31.05.2027"),
    Column("Статус", "status", ENUM, width=20, list_name="lst_status",
           help="Статус: действует, завершена, прекращена досрочно. Если пусто — действует.",
           example="действует"),
    Column("Согласие наставника", "mentor_consent_date", DATE,
           aliases=("согласие наставника, дата", "дата согласия наставника"), width=14,
           help="Дата письменного согласия наставника (ТК РФ, ст. 351.8). " + _DATE_HELP,
           example="26.08.2026"),
    Column("Цель", "goal", aliases=("цель наставничества",), width=40, help="Цель наставничества."),
    Column("Доп. соглашение №", "agreement.number",
           aliases=("номер доп. соглашения", "дополнительное соглашение №", "доп. соглашение"), width=12,
           help="Номер дополнительного соглашения к трудовому договору наставника (ТК РФ, ст. 351.8).",
           example="27"),
    Column("Доп. соглашение от", "agreement.date", DATE,
           aliases=("дата доп. соглашения", "дополнительное соглашение от"), width=13,
           help="Дата дополнительного соглашения. " + _DATE_HELP, example="31.08.2026"),
    Column("Доплата в месяц, руб.", "agreement.monthly_pay", NUMBER,
           aliases=("доплата", "доплата, руб.", "доплата в месяц"), width=14,
           help="Ежемесячная доплата наставнику по дополнительному соглашению, руб.", example="3500"),
    Column("Причина прекращения", "end_reason",
           aliases=("причина досрочного прекращения", "причина"), width=36,
           help="Причина досрочного прекращения (для статуса «прекращена досрочно»)."),
)

#: The single form column of older registries: each value goes to the pair type or the format.
LEGACY_FORM_COLUMN = Column(
    "Форма наставничества", "form", aliases=("форма",), width=26,
    help="Прежний столбец: тип пары или формат одним значением. Читается, но в новых книгах "
         "вместо него два столбца: «Тип пары» и «Формат наставничества».")
#: The pair columns the reader accepts: the written ones and the old form column.
PAIR_READ_COLUMNS: tuple[Column, ...] = (*PAIR_COLUMNS, LEGACY_FORM_COLUMN)
#: The old one-list header of the form list on the lists sheet.
LEGACY_FORM_LIST = "Форма наставничества"

HISTORY_COLUMNS: tuple[Column, ...] = (
    Column("Пара", "pair", required=True, aliases=("№ пары", "номер пары", "№", "пара №"), width=8,
           help="Номер пары или группы из столбца «№» листа «Пары» (если номера нет — номер строки "
                "пары по порядку: 1, 2, 3…).", example="3"),
    Column("Дата", "date", DATE, required=True, aliases=("дата события", "с какой даты"), width=12,
           help="С какой даты действует событие. " + _DATE_HELP, example="01.12.2026"),
    Column("Событие", "kind", ENUM, required=True, width=24, list_name="lst_event",
           help="Что произошло: начало, смена наставника, добавлен наставляемый, выбыл наставляемый, "
                "прекращена досрочно, завершена. Лист «Пары» показывает пару такой, какая она сейчас "
                "(после всех событий); история нужна, чтобы документы прошлых дат показывали пару "
                "такой, какой она была на их дату.", example="смена наставника"),
    Column("Прежний наставник", "previous_mentor", PEOPLE, width=28,
           help="Для смены наставника: кто вёл пару до этой даты (ID или ФИО).", example="У02"),
    Column("Новый наставник", "new_mentor", PEOPLE, width=28,
           help="Для смены наставника: кто ведёт пару с этой даты (ID или ФИО).", example="У11"),
    Column("Наставляемый", "mentee", PEOPLE, aliases=("наставляемая",), width=28,
           help="Для событий «добавлен наставляемый» и «выбыл наставляемый»: кто (ID или ФИО).",
           example="У19"),
    Column("Причина", "reason", aliases=("основание",), width=40,
           help="Причина смены наставника, выбытия или досрочного прекращения.",
           example="перевод наставника в другую образовательную организацию"),
    # last, so that a workbook made from an older template (without it) keeps its columns in place
    Column("Согласие прежнего наставника", "previous_mentor_consent_date", DATE,
           aliases=("дата согласия прежнего наставника",), width=16,
           help="Для смены наставника: дата письменного согласия прежнего наставника (ТК РФ, "
                "ст. 351.8) — документы, изданные до смены, указывают её. " + _DATE_HELP,
           example="17.09.2026"),
)

SHEET_COLUMNS = {PARTICIPANTS_SHEET: PARTICIPANT_COLUMNS, PAIRS_SHEET: PAIR_COLUMNS,
                 HISTORY_SHEET: HISTORY_COLUMNS}
