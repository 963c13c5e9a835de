"""Consents, sheets and registries: the paperwork around the participants of a programme.

* ``consent.personal_data`` — согласие на обработку персональных данных (Федеральный закон
  от 27.07.2006 № 152-ФЗ, ст. 9 ч. 4): every item the law requires, with blanks for the
  address and the identity document when the data does not hold them (they are never
  invented); for a minor the legal representative gives it («Я, Кузнецов Максим
  Олегович, …, являясь законным представителем несовершеннолетней Кузнецовой Софьи
  Максимовны …»).
* ``consent.publication`` — согласие на распространение персональных данных (ст. 10.1):
  a separate document with the resources, the categories allowed and the conditions and
  prohibitions the subject sets.
* ``sheet.registration`` — лист регистрации участников мероприятия;
  ``sheet.acquaintance`` — лист ознакомления работников с локальным актом (staff only).
* ``registry.mentors`` / ``registry.mentees`` — реестр (база) наставников / наставляемых,
  a landscape table with the pairs of each person, approved and signed by the curator;
  also as XLSX.

All wording, cases, dates and numbering are computed here; the templates only place values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..errors import GrammarError
from ..models import (
    Category,
    Gender,
    Model,
    Official,
    Organization,
    Pair,
    PairStatus,
    Participant,
    Person,
    Registry,
    Role,
)
from ..ru import (
    PersonForms,
    agree,
    decline_post,
    format_date,
    noun_gender,
    person_forms,
    typograph,
)
from ..ru._names import split_full_name
from ._base import BatchSpec, Kind, register
from ._common import (
    DASH,
    NBSP,
    Act,
    approval_stamp,
    bad_input,
    find_participant,
    form_title,
    forms_of,
    gendered,
    is_staff,
    letterhead_lines,
    lower_first,
    pupil_text,
    school_year,
    upper_first,
)

__all__ = [
    "IdentityDocument", "AuthorityDocument", "RepresentativeDetails", "ThirdParty",
    "PublicationItem", "PersonalDataConsentInput", "PublicationConsentInput", "ConsentContext",
    "PublicationContext", "RegistrationSheetInput", "AcquaintanceSheetInput", "SheetContext",
    "RegistryListInput", "MentorRegistryContext", "MenteeRegistryContext", "consent_records",
]

CONSENTS = "Согласия и списки"
REGISTRIES = "Реестры"

LAW_152 = f"Федерального закона от 27.07.2006 №{NBSP}152-ФЗ «О персональных данных»"

#: Blanks for handwriting inside running text (kept short, so that lines wrap at spaces).
BLANK_SERIES = "______"
BLANK_DOC_NUMBER = "____________"
BLANK_LINE = "________________________________________"
BLANK_SHORT = "____________________"
BLANK_SIGNATURE = "______________"

#: Characters in a fill-in line of a consent at 12 pt; a blank at the end of a line fills it
#: up to about this length, so that it neither wraps nor leaves the line half empty.
FORM_LINE = 74
#: Consents are forms printed at 12 pt (ГОСТ Р 7.0.97-2025 allows 12–14 pt).
CONSENT_FONT_SIZE = 12.0


def _filled(label: str, value: str | None, end: str = ",") -> str:
    """«label value,» or, without a value, «label ______…,» filling the rest of the line."""
    if value:
        return f"{label}{value}{end}"
    return f"{label}{'_' * max(12, FORM_LINE - len(label) - len(end))}{end}"


# --------------------------------------------------------------------------- input


class IdentityDocument(Model):
    """A document that identifies a person (passport, birth certificate).

    Every field is optional: what is missing prints as a blank for handwriting.
    """

    kind: str | None = Field(default=None, description="Вид документа (по умолчанию — паспорт "
                             "гражданина РФ, для ребёнка до 14 лет — свидетельство о рождении)")
    series: str | None = Field(default=None, description="Серия")
    number: str | None = Field(default=None, description="Номер")
    issued_by: str | None = Field(default=None, description="Кем выдан")
    issue_date: dt.date | None = Field(default=None, description="Дата выдачи")
    division_code: str | None = Field(default=None, description="Код подразделения (для паспорта)")


class AuthorityDocument(Model):
    """The document confirming a representative's authority (for a parent: the birth certificate)."""

    title: str | None = Field(default=None, description="Документ (по умолчанию по степени родства: "
                              "свидетельство о рождении; для опекуна — акт о назначении опекуна)")
    series: str | None = Field(default=None, description="Серия")
    number: str | None = Field(default=None, description="Номер")
    issued_by: str | None = Field(default=None, description="Кем выдан")
    issue_date: dt.date | None = Field(default=None, description="Дата выдачи")


class RepresentativeDetails(Model):
    """What the consent needs of a legal representative beyond the registry's name and relation."""

    full_name: str | None = Field(default=None, description="ФИО (по умолчанию — из базы)")
    relation: str | None = Field(default=None,
            description="Кем приходится: мать, отец, опекун (по умолчанию — из базы)")
    address: str | None = Field(default=None, description="Адрес места жительства")
    document: IdentityDocument | None = Field(default=None, description="Документ, удостоверяющий личность")
    authority: AuthorityDocument | None = Field(default=None,
            description="Документ, подтверждающий полномочия")
    phone: str | None = Field(default=None, description="Телефон")
    email: str | None = Field(default=None, description="Электронная почта")


class ThirdParty(Model):
    """Someone the operator passes the data to or entrusts the processing to (ст. 9 ч. 4 п. 6)."""

    name: str = Field(min_length=1, description="Наименование")
    address: str | None = Field(default=None, description="Адрес")
    purpose: str | None = Field(default=None,
            description="Для чего («для формирования региональной базы наставников»)")


class _ConsentBase(Model):
    organization: Organization = Field(description="Оператор — организация, которой даётся согласие")
    registry: Registry | None = Field(default=None, description="База наставников и наставляемых")
    participant: Participant | str = Field(description="Участник: ID или ФИО из базы или данные участника целиком")
    address: str | None = Field(default=None, description="Адрес места жительства участника")
    document: IdentityDocument | None = Field(default=None,
            description="Документ участника, удостоверяющий личность")
    phone: str | None = Field(default=None, description="Телефон участника (по умолчанию — из базы)")
    email: str | None = Field(default=None,
            description="Электронная почта участника (по умолчанию — из базы)")
    representative: RepresentativeDetails | None = Field(
        default=None, description="Законный представитель несовершеннолетнего: адрес, документы")
    date: dt.date | None = Field(default=None,
            description="Дата подписания (нет — бланк «___» ______ 20__ г.)")
    period: str | None = Field(default=None, description="Срок действия согласия (по умолчанию — типовой)")
    programme: str | None = Field(default=None,
            description="Программа наставничества в именительном падеже (по умолчанию — "
                    "«программа наставничества ОО»)")


class PersonalDataConsentInput(_ConsentBase):
    """Согласие на обработку персональных данных участника программы наставничества."""

    purposes: list[str] | None = Field(default=None, description="Цели обработки (по умолчанию — типовые)")
    data_items: list[str] | None = Field(default=None,
            description="Перечень персональных данных (по умолчанию — по категории участника)")
    actions: str | None = Field(default=None,
            description="Перечень действий (по умолчанию — по ст. 3 152-ФЗ)")
    third_parties: list[ThirdParty] = Field(default_factory=list,
            description="Кому передаются данные или поручается обработка")


class PublicationItem(Model):
    """A row of the publication consent: a category, its data, allowed or not, conditions."""

    category: str = Field(min_length=1, description="Категория персональных данных")
    data: str = Field(min_length=1, description="Перечень персональных данных")
    allowed: bool | None = Field(default=None,
            description="Разрешено к распространению (нет — «да / нет» от руки)")
    conditions: str | None = Field(default=None, description="Условия и запреты (нет — пустая графа)")


class PublicationConsentInput(_ConsentBase):
    """Согласие на обработку персональных данных, разрешённых для распространения (ст. 10.1)."""

    purpose: str | None = Field(default=None, description="Цель распространения (по умолчанию — типовая)")
    resources: list[str] | None = Field(default=None,
            description="Ресурсы, где публикуются данные (по умолчанию — сайт, раздел «Наставничество»)")
    items: list[PublicationItem] | None = Field(default=None,
            description="Категории и перечень данных (по умолчанию — типовые)")
    transfer_conditions: str | None = Field(default=None,
            description="Условия передачи по внутренней сети или сетям связи (нет — строка для руки)")


# --------------------------------------------------------------------------- context


class Clause(BaseModel):
    """A numbered clause of a consent: its lead text and sub-items (printed with dashes)."""

    number: str
    text: str
    items: list[str] = []


class IntroLine(BaseModel):
    """A line of a consent's opening: running text (justified; ``indent`` for the first line
    of the opening), or a fill-in line (``form``) printed left-aligned without indent."""

    text: str
    form: bool = False
    indent: bool = False


class _ConsentFrame(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    addressee: list[str]
    title: str
    subtitle: str
    intro: list[IntroLine]
    clauses: list[Clause]
    date: str
    signer_name: str
    signer_caption: str
    font_name: str
    font_size: float


class ConsentContext(_ConsentFrame):
    """What the template of ``consent.personal_data`` places."""


class PublicationRow(BaseModel):
    number: str
    category: str
    data: str
    allowed: str
    conditions: str


class PublicationContext(_ConsentFrame):
    """What the template of ``consent.publication`` places: the frame, the table of categories
    after the clauses, and the clauses after it."""

    rows: list[PublicationRow]
    after: list[Clause]


# --------------------------------------------------------------------------- consent grammar


_PARENTS = ("мать", "отец", "родитель", "мама", "папа")
_GUARDIANS = ("опекун", "попечитель", "приёмный", "приемный")


def _participant(data: Any, field: str = "participant") -> Participant:
    ref = data.participant
    if isinstance(ref, Participant):
        return ref
    if data.registry is None:
        raise bad_input("registry", f"участник указан по ID или ФИО («{ref}»), но не указана база "
                        "наставников и наставляемых (registry); укажите базу или данные участника целиком")
    return find_participant(data.registry, ref, field)


def _reference_day(data: _ConsentBase, person: Participant) -> dt.date:
    """The day a minor's age is judged on: the signing date, else the consent date of the
    registry, else today."""
    return data.date or person.consent_date or dt.date.today()


def _document_lines(doc: IdentityDocument | AuthorityDocument | None, default_kind: str,
                    label: str) -> list[str]:
    """Fill-in lines of a document: «{label}: паспорт гражданина Российской Федерации,»,
    «серия … № …, выдан …,», «дата выдачи …,» (and the division code); missing parts are blanks."""
    doc = doc or IdentityDocument()
    kind = (getattr(doc, "kind", None) or getattr(doc, "title", None) or default_kind).strip()
    issued = {"femn": "выдана", "neut": "выдано", "plur": "выданы"}.get(noun_gender(kind), "выдан")
    number = f"серия {doc.series or BLANK_SERIES} №{NBSP}{doc.number or BLANK_DOC_NUMBER}, {issued} "
    lines = [f"{label}: {kind},", _filled(number, doc.issued_by)]
    date = f"дата выдачи {format_date(doc.issue_date, 'quoted')}"
    code = getattr(doc, "division_code", None)
    lines.append(f"{date}, код подразделения {code}," if code else f"{date},")
    return lines


def _is_birth_certificate(kind: str) -> bool:
    return kind.lower().replace("ё", "е").startswith("свидетельство о рождении")


def _default_id_kind(person: Participant, day: dt.date) -> str:
    age = person.age_on(day)
    if age is not None and age < 14:
        return "свидетельство о рождении"
    return "паспорт гражданина Российской Федерации"


def _relation_kind(relation: str | None) -> str:
    low = (relation or "").lower()
    if low.startswith(_PARENTS):
        return "parent"
    if low.startswith(_GUARDIANS):
        return "guardian"
    return ""


_AUTHORITY_LABEL = "документ, подтверждающий полномочия законного представителя"


def _authority_lines(rep: RepresentativeDetails, relation: str | None, child_doc_is_certificate: bool) -> list[str]:
    """The document confirming the representative's authority (for a parent: the birth certificate)."""
    authority = rep.authority
    kind = _relation_kind(relation)
    if authority is None and kind == "parent" and child_doc_is_certificate:
        return [f"{_AUTHORITY_LABEL}: свидетельство о рождении ребёнка (реквизиты указаны выше),"]
    default = {"parent": "свидетельство о рождении ребёнка",
               "guardian": "акт органа опеки и попечительства о назначении опекуна (попечителя)"}.get(
        kind, "документ")
    return _document_lines(authority or AuthorityDocument(), default, _AUTHORITY_LABEL)


def _operator(org: Organization) -> str:
    """«Муниципальному бюджетному … № 12» (МБОУ «СОШ № 12»; ИНН …; ОГРН …; адрес: …)»."""
    details = [org.short_name]
    if org.inn:
        details.append(f"ИНН {org.inn}")
    if org.ogrn:
        details.append(f"ОГРН {org.ogrn}")
    details.append(f"адрес: {org.address or BLANK_LINE}")
    details.append(f"далее {DASH} оператор")
    return typograph(f"{decline_post(org.full_name, 'dative')} ({'; '.join(details)})")


def _role_phrase(person: Participant, forms: PersonForms, case: str, org: Organization) -> str:
    """«обучающейся 7 «Б» класса МБОУ «СОШ № 12»» or «учителя математики» in ``case``."""
    if person.category is Category.PUPIL:
        return f"{pupil_text(forms, person.post, case)} {org.short_name}"
    if person.post:
        return lower_first(getattr(forms.post, case))
    return ""


class _Subject:
    """Who the consent is about and who signs it, with every phrase of the introduction."""

    def __init__(self, data: _ConsentBase):
        self.data = data
        self.person = _participant(data)
        self.forms = forms_of(self.person)
        self.day = _reference_day(data, self.person)
        self.minor = self.person.may_be_minor(self.day)  # never assume an adult without a birth date
        self.rep_details = data.representative or RepresentativeDetails()
        registry_rep = self.person.representative
        self.rep_name = self.rep_details.full_name or (registry_rep.full_name if registry_rep else None)
        self.relation = self.rep_details.relation or (registry_rep.relation if registry_rep else None)
        self.rep_forms: PersonForms | None = None
        if self.minor and self.rep_name:
            try:
                last, first, middle = split_full_name(self.rep_name)
                self.rep_forms = person_forms(Person(last_name=last, first_name=first, middle_name=middle))
            except GrammarError as exc:
                raise bad_input("representative.full_name", str(exc), self.rep_name) from None
        if data.representative is not None and not self.minor:
            raise bad_input("representative", f"участник {self.person.full_name} на "
                            f"{format_date(self.day, 'numeric')} совершеннолетний: согласие даёт сам участник, "
                            "законный представитель не указывается")

    # the person who signs
    @property
    def signer_name(self) -> str:
        if not self.minor:
            return self.forms.initials_nominative
        return self.rep_forms.initials_nominative if self.rep_forms else BLANK_SHORT

    @property
    def signer_gender(self) -> Gender | None:
        if not self.minor:
            return self.forms.gender
        return self.rep_forms.gender if self.rep_forms else None

    def aware(self) -> str:
        """«ознакомлен» / «ознакомлена» / «ознакомлен(а)» for a blank name."""
        gender = self.signer_gender
        return gendered(gender, "ознакомлен", "ознакомлена", unknown="ознакомлен(а)")

    def whose(self) -> str:
        """«моих персональных данных» / «персональных данных моего ребёнка (подопечного)»."""
        if not self.minor:
            return "моих персональных данных"
        return f"персональных данных моего {self.ward()}"

    def interest(self) -> str:
        """«в своём интересе» / «в интересах ребёнка» (art. 9 part 1: free, informed, in one's interest)."""
        return f"в интересах {self.ward()}" if self.minor else "в своём интересе"

    def ward(self) -> str:
        """«ребёнка» or «подопечного» (genitive), by the representative's relation."""
        return "подопечного" if _relation_kind(self.relation) == "guardian" else "ребёнка"

    def contacts(self) -> list[str]:
        phone = self.data.phone or self.person.phone
        email = self.data.email or self.person.email
        if self.minor:
            rep = self.person.representative
            phone = self.rep_details.phone or (rep.phone if rep else None)
            email = self.rep_details.email or (rep.email if rep else None)
        return [f"телефон: {phone or BLANK_SHORT}", f"адрес электронной почты: {email or BLANK_SHORT}"]

    def intro(self, verb_phrase: str, article: str) -> list[IntroLine]:
        """The opening: who, where they live, their document, for whom, to whom.

        Fill-in lines (addresses, documents) stand on lines of their own, so that blanks for
        handwriting never stretch a justified paragraph.
        """
        org = self.data.organization
        person, forms = self.person, self.forms
        id_kind = (self.data.document.kind if self.data.document and self.data.document.kind
                   else _default_id_kind(person, self.day))
        address = self.data.address
        lines: list[IntroLine] = []

        def text(value: str) -> None:
            lines.append(IntroLine(text=typograph(value), indent=not lines))

        def form(*values: str) -> None:
            lines.extend(IntroLine(text=typograph(v), form=True) for v in values)

        if not self.minor:
            role = _role_phrase(person, forms, "nominative", org)
            if role and is_staff(person) and org.short_name not in role:
                role = f"{role} {org.short_name}"
            text(f"Я, {forms.nominative}{', ' + role if role else ''},")
            form(_filled("адрес места жительства: ", address),
                 *_document_lines(self.data.document, id_kind, "документ, удостоверяющий личность"))
        else:
            rep = self.rep_details
            name = self.rep_forms.nominative if self.rep_forms else None
            relation = decline_post(self.relation, "instrumental") if self.relation else BLANK_SHORT
            minor_word = decline_post("несовершеннолетний", "genitive", forms.gender)
            born = f"{format_date(person.birth_date, 'numeric')} года рождения"
            role = _role_phrase(person, forms, "genitive", org)
            if self.rep_forms:
                text(f"Я, {name},")
            else:
                form(_filled("Я, ", None), "(фамилия, имя, отчество законного представителя)")
            form(_filled("адрес места жительства: ", rep.address),
                 *_document_lines(rep.document, "паспорт гражданина Российской Федерации",
                                  "документ, удостоверяющий личность"))
            text(f"являясь законным представителем ({relation}) {minor_word} {forms.genitive}, "
                 f"{born}{', ' + role if role else ''},")
            form(_filled("адрес места жительства ребёнка: ", address),
                 *_document_lines(self.data.document, id_kind, "документ, удостоверяющий личность ребёнка"),
                 *_authority_lines(rep, self.relation, _is_birth_certificate(id_kind)))
        text(f"в соответствии со {article} {LAW_152} {verb_phrase}")
        return lines

    def programme(self, case: str = "prepositional") -> str:
        """«программе наставничества МБОУ «СОШ № 12»» in ``case``."""
        title = self.data.programme or f"программа наставничества {self.data.organization.short_name}"
        return typograph(decline_post(title, case))


def _numbered_clauses(rows: Sequence[tuple[str, Sequence[str]]], start: int = 1) -> list[Clause]:
    return [Clause(number=f"{i}.", text=typograph(text), items=[typograph(x) for x in items])
            for i, (text, items) in enumerate(rows, start=start)]


def _items(lines: Sequence[str]) -> list[str]:
    """Sub-items: «;» after each, «.» after the last."""
    clean = [" ".join(x.split()).rstrip(" ;,.") for x in lines if x and x.strip()]
    return [x + (";" if i < len(clean) - 1 else ".") for i, x in enumerate(clean)]


def _default_purposes(subject: _Subject) -> list[str]:
    programme = subject.programme()
    return [
        f"организация участия в {programme} и её реализация",
        "формирование и ведение базы наставников и базы наставляемых",
        "подбор и закрепление наставнических пар (групп), разработка и выполнение "
        "персонализированных программ наставничества",
        "мониторинг и оценка результатов наставничества, поощрение участников",
        "подготовка отчётности о реализации целевой модели наставничества, в том числе сведений "
        "для форм федерального статистического наблюдения (в обобщённом виде)",
    ]


def _default_data_items(person: Participant) -> list[str]:
    common = ["фамилия, имя, отчество", "дата рождения"]
    participation = ("сведения об участии в программе наставничества: роль, форма наставничества, "
                     "наставник или наставляемые, сроки, цели и результаты, отзывы и анкеты")
    if person.category is Category.PUPIL:
        return [*common, "класс, в котором обучается ребёнок", participation,
                "фамилия, имя, отчество, телефон и адрес электронной почты законного представителя"]
    if person.category is Category.STUDENT:
        return [*common, "место учёбы, курс, специальность", participation, "телефон, адрес электронной почты"]
    if person.category is Category.EMPLOYER:
        return [*common, "место работы и должность", participation, "телефон, адрес электронной почты"]
    return [*common, "должность, педагогический стаж, сведения об образовании и квалификации",
            "сведения о профессиональных затруднениях и запросах (для наставляемого), "
            "о профессиональных достижениях (для наставника)",
            participation, "телефон, адрес электронной почты"]


ACTIONS = ("сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), "
           "извлечение, использование, передача (предоставление, доступ), обезличивание, "
           "блокирование, удаление, уничтожение")

METHODS = ("Обработка смешанная: с использованием средств автоматизации (в информационных системах "
           "оператора, в электронной базе наставников и наставляемых) и без использования таких "
           "средств (на бумажных носителях).")


def _default_period(subject: _Subject) -> str:
    return (f"с даты подписания до окончания участия в {subject.programme()}, а после этого — "
            "на срок хранения документов программы наставничества, установленный "
            "законодательством об архивном деле")


def _withdrawal(org: Organization) -> str:
    address = org.address or BLANK_LINE
    return (f"Согласие может быть отозвано в любое время письменным заявлением, направленным "
            f"оператору по адресу: {address}, или переданным оператору лично. Получив отзыв, "
            "оператор прекращает обработку персональных данных и уничтожает их в срок, не "
            "превышающий тридцати дней с даты его поступления, если иное не предусмотрено "
            "федеральным законом. Мне разъяснено, что после отзыва согласия оператор вправе "
            "продолжить обработку без согласия при наличии оснований, указанных в пунктах 2–11 "
            "части 1 статьи 6, части 2 статьи 10 и части 2 статьи 11 Федерального закона "
            f"№{NBSP}152-ФЗ.")


def _frame(data: _ConsentBase, subject: _Subject, *, subtitle: str, intro: list[IntroLine],
           clauses: list[Clause]) -> dict[str, Any]:
    org = data.organization
    head = forms_of(org.head)
    caption = "(подпись законного представителя)" if subject.minor else "(подпись)"
    return {
        "addressee": [typograph(upper_first(head.post.dative)), head.initials_dative],
        "title": "СОГЛАСИЕ",
        "subtitle": subtitle,
        "intro": intro,
        "clauses": clauses,
        "date": format_date(data.date, "quoted"),
        "signer_name": subject.signer_name,
        "signer_caption": caption,
        "font_name": org.font_name,
        "font_size": min(org.font_size, CONSENT_FONT_SIZE),
    }


def build_personal_data(data: PersonalDataConsentInput) -> ConsentContext:
    subject = _Subject(data)
    org = data.organization
    intro = subject.intro(f"свободно, своей волей и {subject.interest()} даю согласие {_operator(org)} "
                          f"на обработку {subject.whose()} на следующих условиях.", "статьёй 9")
    rows: list[tuple[str, Sequence[str]]] = [
        ("Цели обработки персональных данных:", _items(data.purposes or _default_purposes(subject))),
        ("Перечень персональных данных, на обработку которых даётся согласие:",
         _items(data.data_items or _default_data_items(subject.person))),
        (f"Перечень действий с персональными данными: {(data.actions or ACTIONS).rstrip('.')}. "
         + METHODS, []),
    ]
    if data.third_parties:
        rows.append(("В объёме, необходимом для указанных целей, оператор вправе передать "
                     "персональные данные или поручить их обработку:",
                     _items([_third_party(t) for t in data.third_parties])))
    rows += [
        (f"Согласие действует {(data.period or _default_period(subject)).rstrip('.')}.", []),
        (_withdrawal(org), []),
        (f"Я {subject.aware()} с правами субъекта персональных данных, предусмотренными главой 3 "
         f"{LAW_152}, и с тем, что согласие оформлено отдельно от иных документов.", []),
    ]
    return ConsentContext(**_frame(
        data, subject, subtitle="на обработку персональных данных участника программы наставничества",
        intro=intro, clauses=_numbered_clauses(rows)))


def _third_party(t: ThirdParty) -> str:
    text = t.name + (f" (адрес: {t.address})" if t.address else "")
    return text + (f" {DASH} {t.purpose}" if t.purpose else "")


def _default_resources(org: Organization) -> list[str]:
    site = f"официальный сайт {org.short_name}" + (f" {org.website}" if org.website else "")
    return [f"{site}, раздел «Наставничество»",
            f"информационные стенды {org.short_name}"]


def _default_publication_items(person: Participant) -> list[PublicationItem]:
    place = "класс" if person.category is Category.PUPIL else "должность (место работы или учёбы)"
    return [
        PublicationItem(category="Персональные данные", data="фамилия, имя, отчество"),
        PublicationItem(category="Персональные данные", data=place),
        PublicationItem(category="Персональные данные",
                        data="роль в программе наставничества (наставник, наставляемый), форма наставничества"),
        PublicationItem(category="Персональные данные",
                        data="сведения о результатах и достижениях в программе наставничества, награды"),
        PublicationItem(category="Изображение",
                        data="фотографии и видеозаписи с мероприятий программы наставничества"),
    ]


def _publication_period(subject: _Subject) -> str:
    return (f"с даты подписания на период участия в {subject.programme()} и в течение одного года "
            "после его окончания, если ранее оператору не поступит требование о прекращении "
            "распространения")


def _yes_no(value: bool | None) -> str:
    return {True: "да", False: "нет"}.get(value, "да / нет")


def build_publication(data: PublicationConsentInput) -> PublicationContext:
    subject = _Subject(data)
    org = data.organization
    purpose = (data.purpose or "информирования об участниках, ходе и результатах "
               f"{subject.programme('genitive')} и популяризации наставничества")
    intro = subject.intro(f"свободно, своей волей и {subject.interest()} даю согласие {_operator(org)} "
                          f"на распространение {subject.whose()} "
                          f"в целях {purpose.rstrip('.')}.", "статьёй 10.1")
    head = [
        (f"Контактные данные {'законного представителя' if subject.minor else 'субъекта персональных данных'}:",
         _items(subject.contacts())),
        ("Информационные ресурсы оператора, посредством которых персональные данные "
         "предоставляются неограниченному кругу лиц:", _items(data.resources or _default_resources(org))),
        ("Категории и перечень персональных данных, разрешённых к распространению, условия и "
         "запреты (часть 9 статьи 10.1 Федерального закона №\u00a0152-ФЗ):", []),
    ]
    items = data.items or _default_publication_items(subject.person)
    rows = [PublicationRow(number=f"{i}.", category=typograph(it.category), data=typograph(it.data),
                           allowed=_yes_no(it.allowed), conditions=typograph(it.conditions or ""))
            for i, it in enumerate(items, start=1)]
    transfer = [data.transfer_conditions.rstrip(".") + "."] if data.transfer_conditions else [BLANK_LINE]
    after = [
        ("Условия, при которых полученные персональные данные могут передаваться оператором только "
         "по его внутренней сети с доступом строго определённых работников, с использованием "
         "информационно-телекоммуникационных сетей или без передачи:", transfer),
        (f"Согласие действует {(data.period or _publication_period(subject)).rstrip('.')}.", []),
        ("Распространение персональных данных прекращается в любое время по моему требованию. "
         "Требование направляется оператору в письменной форме по адресу: "
         f"{org.address or BLANK_LINE}; в нём указываются фамилия, имя, отчество, контактные "
         "данные (телефон, адрес электронной почты или почтовый адрес) и перечень персональных "
         "данных, обработка которых подлежит прекращению. Действие согласия прекращается с момента "
         "поступления требования оператору.", []),
        ("Согласие на распространение оформлено отдельно от согласия на обработку персональных "
         "данных; неустановление мной запретов и условий не означает согласия на распространение "
         "данных, не указанных выше.", []),
    ]
    return PublicationContext(
        **_frame(data, subject, subtitle="на обработку персональных данных, разрешённых субъектом "
                 "персональных данных для распространения", intro=intro,
                 clauses=_numbered_clauses(head)),
        rows=rows, after=_numbered_clauses(after, start=len(head) + 1))


def _participant_record(person: Participant) -> dict[str, Any]:
    return person.model_dump(exclude_none=True, exclude_defaults=False)


def consent_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """One consent per participant of the registry (the representative signs for a minor)."""
    shared = {k: v for k, v in common.items() if k not in ("participant", "registry")}
    return [{**shared, "participant": _participant_record(p)} for p in registry.participants]


# --------------------------------------------------------------------------- sheets


Selection = Literal["all", "staff", "mentors", "mentees"]


class SheetPerson(Person):
    """Someone on a sheet who is not in the registry: a name and a post (or class)."""

    post: str | None = Field(default=None, description="Должность или класс")
    category: Category | None = Field(default=None, description="Категория (обучающийся, педагог…)")


class _SheetBase(Model):
    organization: Organization = Field(description="Организация")
    registry: Registry | None = Field(default=None, description="База наставников и наставляемых")
    participants: Selection | list[str] | None = Field(
        default=None, description="Кого внести из базы: all, staff, mentors, mentees или список ID (ФИО)")
    people: list[SheetPerson] = Field(default_factory=list, description="Люди не из базы: ФИО и должность")
    blank_rows: int = Field(default=0, ge=0, le=100, description="Пустых строк для дописывания от руки")
    sort: bool = Field(default=True, description="По алфавиту (иначе — в порядке базы)")


class RegistrationSheetInput(_SheetBase):
    """Лист регистрации участников мероприятия."""

    event: str = Field(min_length=1, description="Название мероприятия")
    date: dt.date | None = Field(default=None, description="Дата проведения (нет — бланк)")
    time: str | None = Field(default=None, description="Время («15:00»)")
    place: str | None = Field(default=None, description="Место проведения")
    responsible: Official | str | None = Field(
        default=None, description="Ответственный за регистрацию: ФИО и должность или ID (ФИО) из базы")


class AcquaintanceSheetInput(_SheetBase):
    """Лист ознакомления работников с локальным актом."""

    act: Act = Field(description="Локальный акт: название (именительный падеж), дата и номер приказа")
    approved_by: str | None = Field(default=None,
            description="Кем утверждён («приказом директора»); по умолчанию — «приказом ОО»")


class SheetRow(BaseModel):
    number: str
    name: str
    post: str


class SheetContext(BaseModel):
    """What the sheet templates place; ``subtitle`` lines are centred under the title."""

    letterhead: list[str]
    title: str
    subtitle: list[str]
    details: list[str]
    rows: list[SheetRow]
    responsible_post: str
    responsible_name: str
    font_name: str
    font_size: float


def _from_registry(data: _SheetBase, default: Selection) -> list[Participant]:
    """The participants a sheet takes from the registry: a role selection or a list of IDs."""
    selection = data.participants if data.participants is not None else (default if data.registry else None)
    if selection is None:
        return []
    if data.registry is None:
        raise bad_input("registry", "участники выбираются из базы, но база наставников и наставляемых "
                        "(registry) не указана")
    reg = data.registry
    if not isinstance(selection, list):
        return {"all": reg.participants, "staff": [p for p in reg.participants if is_staff(p)],
                "mentors": reg.mentors(), "mentees": reg.mentees()}[selection]
    return [find_participant(reg, str(pid), f"participants[{i}]") for i, pid in enumerate(selection)]


def _not_empty(people: Sequence[Person], data: _SheetBase) -> None:
    if not people and not data.blank_rows:
        raise bad_input("participants", "список пуст: укажите участников из базы (participants), "
                        "людей (people) или число пустых строк (blank_rows)")


def _sort_key(person: Person) -> str:
    return person.full_name.lower().replace("ё", "е")


def _sheet_post(person: Person) -> str:
    post = getattr(person, "post", None)
    if not post:
        return ""
    return typograph(upper_first(post))


def _rows(people: Sequence[Person], data: _SheetBase) -> list[SheetRow]:
    unique: list[Person] = []
    seen: set[str] = set()
    for p in people:
        if p.full_name not in seen:
            seen.add(p.full_name)
            unique.append(p)
    if data.sort:
        unique.sort(key=_sort_key)
    rows = [SheetRow(number=f"{i}.", name=p.full_name, post=_sheet_post(p)) for i, p in enumerate(unique, 1)]
    rows += [SheetRow(number=f"{len(rows) + i}.", name="", post="") for i in range(1, data.blank_rows + 1)]
    return rows


def _responsible(data: RegistrationSheetInput) -> tuple[str, str]:
    ref = data.responsible
    if ref is None:
        return "Ответственный за регистрацию", BLANK_SHORT
    if isinstance(ref, str):
        if data.registry is None:
            raise bad_input("responsible", "ответственный указан по ID или ФИО, но база (registry) не указана", ref)
        ref = find_participant(data.registry, ref, "responsible")
    forms = forms_of(ref)
    post = getattr(ref, "post", None)
    text = "Ответственный за регистрацию"
    if post:
        text += f", {lower_first(forms.post.nominative)}"
    return typograph(text), forms.initials_nominative


def _people_of(data: RegistrationSheetInput) -> list[Person]:
    people = [*_from_registry(data, "all"), *data.people]
    _not_empty(people, data)
    return people


def build_registration(data: RegistrationSheetInput) -> SheetContext:
    org = data.organization
    details = [f"Дата проведения: {format_date(data.date, 'long')}"]
    if data.time:
        details.append(f"Время проведения: {data.time}")
    details.append(f"Место проведения: {data.place or BLANK_LINE}")
    post, name = _responsible(data)
    event = typograph(data.event.strip().rstrip("."))
    return SheetContext(
        letterhead=letterhead_lines(org), title="ЛИСТ РЕГИСТРАЦИИ",
        subtitle=["участников мероприятия", event],
        details=[typograph(d) for d in details],
        rows=_rows(_people_of(data), data),
        responsible_post=post, responsible_name=name,
        font_name=org.font_name, font_size=org.font_size)


#: «с Положением …, утверждённым приказом …»: the instrumental participle by the act's gender.
_PARTICIPLE = {"femn": "утверждённой", "plur": "утверждёнными"}


def _not_staff(field: str, person: Person):
    return bad_input(field, f"{person.full_name} — не работник организации: лист ознакомления с "
                     "локальным актом подписывают только работники (обучающиеся его не подписывают)")


def build_acquaintance(data: AcquaintanceSheetInput) -> SheetContext:
    org = data.organization
    chosen = _from_registry(data, "staff")
    if isinstance(data.participants, list):  # a pupil named by ID is a mistake, not a filter
        for i, person in enumerate(chosen):
            if not is_staff(person):
                raise _not_staff(f"participants[{i}]", person)
    chosen = [p for p in chosen if is_staff(p)]  # a role selection keeps the staff only
    for i, person in enumerate(data.people):
        if not is_staff(person):
            raise _not_staff(f"people[{i}]", person)
    people = [*chosen, *data.people]
    _not_empty(people, data)
    act = data.act
    title = decline_post(act.title, "instrumental")
    approved = _PARTICIPLE.get(noun_gender(act.title), "утверждённым")
    by = data.approved_by or f"приказом {org.short_name}"
    subtitle = typograph(f"с {title}, {approved} {by} {act.reference()}" if act.reference()
                         else f"с {title}")
    return SheetContext(
        letterhead=letterhead_lines(org), title="ЛИСТ ОЗНАКОМЛЕНИЯ", subtitle=[subtitle], details=[],
        rows=_rows(people, data), responsible_post="", responsible_name="",
        font_name=org.font_name, font_size=org.font_size)


# --------------------------------------------------------------------------- registries


class ApprovalOrder(Model):
    """The order that approves the registry: «УТВЕРЖДЕН приказом … от … № …»."""

    date: dt.date | None = Field(default=None, description="Дата приказа")
    number: str | None = Field(default=None, description="Номер приказа")


class RegistryListInput(Model):
    """Реестр (база) наставников или наставляемых."""

    organization: Organization = Field(description="Организация")
    registry: Registry = Field(description="База наставников и наставляемых")
    date: dt.date | None = Field(default=None, description="По состоянию на дату (по умолчанию — сегодня)")
    approval: ApprovalOrder | None = Field(
        default=None, description="Приказ об утверждении; не указан — гриф «УТВЕРЖДАЮ» руководителя")
    include: Literal["all", "active"] = Field(default="all",
            description="Какие пары: all — все, active — только действующие")
    curator: Official | str | None = Field(default=None,
            description="Куратор: ФИО и должность или ID (ФИО) из базы (по умолчанию — куратор из базы)")


class MentorRow(BaseModel):
    number: str
    name: str
    category: str
    post: str
    experience: str
    forms: str
    partners: str
    periods: str
    consent: str


class MenteeRow(BaseModel):
    number: str
    name: str
    category: str
    post: str
    young: str
    forms: str
    partners: str
    periods: str
    consent: str


class _RegistryContext(BaseModel):
    """``approval`` — the lines of the approval stamp (also joined in ``approval_text``)."""

    approval: list[str]
    approval_text: str
    org_name: str
    title: str
    subtitle: str
    as_of: str
    total: str
    curator_post: str
    curator_name: str
    font_name: str
    font_size: float


class MentorRegistryContext(_RegistryContext):
    rows: list[MentorRow]


class MenteeRegistryContext(_RegistryContext):
    rows: list[MenteeRow]


def _years(n: int) -> str:
    """«1 год», «22 года», «28 лет» (``ru.agree`` gives «годов» for the counting form)."""
    return agree(n, "год").replace("годов", "лет").replace(" ", NBSP)


def _approval(data: RegistryListInput, title: str) -> list[str]:
    approval = data.approval
    order = (approval.date, approval.number) if approval is not None else None
    return approval_stamp(data.organization, title, order=order, sign_line=BLANK_SIGNATURE)


def _curator(data: RegistryListInput) -> tuple[str, str]:
    ref = data.curator
    if ref is None:
        found = [p for p in data.registry.participants if p.role is Role.CURATOR]
        if not found:
            return "Куратор программы наставничества", BLANK_SHORT
        ref = found[0]
    elif isinstance(ref, str):
        ref = find_participant(data.registry, ref, "curator")
    forms = forms_of(ref)
    return "Куратор программы наставничества", forms.initials_nominative


def _period(pair: Pair) -> str:
    """«01.09.2026–31.05.2027», «с 01.09.2026» (no end yet), with the status when not active."""
    start = format_date(pair.start, "numeric")
    text = f"{start}{DASH}{format_date(pair.end, 'numeric')}" if pair.end else f"с {start}"
    if pair.status is PairStatus.COMPLETED:
        text += " (завершена)"
    elif pair.status is PairStatus.ENDED_EARLY:
        text += " (прекращена досрочно)"
    return text


def _pairs(data: RegistryListInput) -> list[Pair]:
    pairs = data.registry.pairs
    return [p for p in pairs if p.status is PairStatus.ACTIVE] if data.include == "active" else list(pairs)


def _post_or_class(person: Participant) -> str:
    return typograph(person.post) if person.post else ""


def _category(person: Participant) -> str:
    return person.category.label if person.category is not Category.OTHER else "работник"


def _lines(values: Sequence[str], pairs: Sequence[Pair], registry: Registry) -> str:
    """One line per pair; with several pairs each line starts with the pair's number, so
    that the lines of the neighbouring columns can be matched."""
    if not values:
        return DASH
    if len(values) == 1:
        return values[0]
    labels = [p.id or str(registry.pairs.index(p) + 1) for p in pairs]
    return "\n".join(f"№{NBSP}{label}: {value}" for label, value in zip(labels, values))


def _registry_frame(data: RegistryListInput, what: str, count: str) -> dict[str, Any]:
    org = data.organization
    day = data.date or dt.date.today()
    curator_post, curator_name = _curator(data)
    title = f"РЕЕСТР (БАЗА) {what}"
    approval = _approval(data, title)
    return {
        "approval": approval,
        "approval_text": "\n".join(approval),
        "org_name": typograph(org.full_name),
        "title": title,
        "subtitle": typograph(f"{org.short_name} на {school_year(day)}"),
        "as_of": f"по состоянию на {format_date(day, 'long')}",
        "total": count,
        "curator_post": curator_post,
        "curator_name": curator_name,
        "font_name": org.font_name,
        "font_size": min(org.font_size, 12),
    }


def build_mentors(data: RegistryListInput) -> MentorRegistryContext:
    reg = data.registry
    day = data.date or dt.date.today()
    pairs = _pairs(data)
    people = [p for p in reg.mentors() if any(x.mentor == p.id for x in pairs) or p.role is Role.MENTOR]
    rows = []
    for i, person in enumerate(people, start=1):
        own = [p for p in pairs if p.mentor == person.id]
        experience = DASH
        if person.category is Category.TEACHER:
            years = person.experience_on(day)
            experience = _years(int(years)) if years is not None else "не указан"
        rows.append(MentorRow(
            number=f"{i}.", name=person.full_name, category=_category(person), post=_post_or_class(person),
            experience=experience, forms=_lines([form_title(reg, p) for p in own], own, reg),
            partners=_lines([", ".join(m.short_name for m in reg.mentees_of(p)) for p in own], own, reg),
            periods=_lines([_period(p) for p in own], own, reg),
            consent=format_date(person.consent_date, "numeric")))
    if not rows:
        raise bad_input("registry", "в базе нет наставников")
    return MentorRegistryContext(**_registry_frame(data, "НАСТАВНИКОВ", f"Всего: {agree(len(rows), 'наставник')}"),
                                 rows=rows)


def build_mentees(data: RegistryListInput) -> MenteeRegistryContext:
    reg = data.registry
    day = data.date or dt.date.today()
    pairs = _pairs(data)
    people = [p for p in reg.mentees() if any(p.id in x.mentees for x in pairs) or p.role is Role.MENTEE]
    rows = []
    for i, person in enumerate(people, start=1):
        own = [p for p in pairs if person.id in p.mentees]
        young = DASH
        if person.category is Category.TEACHER:
            young = "да" if person.is_young_specialist(day) else "нет"
        rows.append(MenteeRow(
            number=f"{i}.", name=person.full_name, category=_category(person), post=_post_or_class(person),
            young=young, forms=_lines([form_title(reg, p) for p in own], own, reg),
            partners=_lines([reg.mentor_of(p).short_name for p in own], own, reg),
            periods=_lines([_period(p) for p in own], own, reg),
            consent=format_date(person.consent_date, "numeric")))
    if not rows:
        raise bad_input("registry", "в базе нет наставляемых")
    total = f"Всего: {agree(len(rows), 'наставляемый')}"
    return MenteeRegistryContext(**_registry_frame(data, "НАСТАВЛЯЕМЫХ", total),
                                 rows=rows)


# --------------------------------------------------------------------------- catalogue


_CONSENT_NAME = "Согласие_{last_name}_{initials}"

register(Kind(
    id="consent.personal_data",
    title="Согласие на обработку персональных данных",
    input_model=PersonalDataConsentInput,
    context_model=ConsentContext,
    build_context=build_personal_data,
    docx="consent_personal_data.docx",
    family=CONSENTS,
    description="Согласие участника программы наставничества (за несовершеннолетнего — законного "
                "представителя) по ч. 4 ст. 9 152-ФЗ; паспортные данные, которых нет, — строки для руки.",
    samples=("forms/consent_personal_data.yaml", "forms/consent_personal_data_teacher.yaml"),
    sample_names={"forms/consent_personal_data.yaml": "обучающийся (подписывает законный представитель)",
                  "forms/consent_personal_data_teacher.yaml": "педагог"},
    output_name="Согласие на обработку ПД",
    batch=BatchSpec(records=consent_records, file_name=_CONSENT_NAME),
    extra={"demo_batch": {"source": "registry.yaml", "common": "forms/consent_common.yaml"}},
))

register(Kind(
    id="consent.publication",
    title="Согласие на распространение персональных данных",
    input_model=PublicationConsentInput,
    context_model=PublicationContext,
    build_context=build_publication,
    docx="consent_publication.docx",
    family=CONSENTS,
    description="Отдельное согласие на распространение (публикацию) персональных данных по ст. 10.1 "
                "152-ФЗ: ресурсы, категории, условия и запреты.",
    samples=("forms/consent_publication.yaml",),
    output_name="Согласие на распространение ПД",
    batch=BatchSpec(records=consent_records, file_name="Согласие_на_распространение_{last_name}_{initials}"),
))

register(Kind(
    id="sheet.registration",
    title="Лист регистрации участников мероприятия",
    input_model=RegistrationSheetInput,
    context_model=SheetContext,
    build_context=build_registration,
    docx="sheet_registration.docx",
    family=CONSENTS,
    description="Лист регистрации: № · ФИО · должность или класс · подпись; участники из базы или списком.",
    samples=("forms/registration.yaml",),
    output_name="Лист регистрации",
))

register(Kind(
    id="sheet.acquaintance",
    title="Лист ознакомления с локальным актом",
    input_model=AcquaintanceSheetInput,
    context_model=SheetContext,
    build_context=build_acquaintance,
    docx="sheet_acquaintance.docx",
    family=CONSENTS,
    description="Лист ознакомления работников с локальным актом (обучающиеся его не подписывают).",
    samples=("forms/acquaintance.yaml",),
    output_name="Лист ознакомления",
))

for _who, _title, _context, _build, _description in (
    ("mentors", "Реестр (база) наставников", MentorRegistryContext, build_mentors,
     "Реестр наставников: категория, должность, стаж, формы, наставляемые, сроки, согласие на обработку ПД."),
    ("mentees", "Реестр (база) наставляемых", MenteeRegistryContext, build_mentees,
     "Реестр наставляемых: категория, должность или класс, молодой специалист, формы, наставники, "
     "сроки, согласие на обработку ПД."),
):
    register(Kind(
        id=f"registry.{_who}",
        title=_title,
        input_model=RegistryListInput,
        context_model=_context,
        build_context=_build,
        docx=f"registry_{_who}.docx",
        xlsx=f"registry_{_who}.xlsx",
        family=REGISTRIES,
        description=_description,
        samples=(f"forms/registry_{_who}.yaml",),
        output_name=_title.replace(" (база)", ""),
    ))
