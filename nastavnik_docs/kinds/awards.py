"""Certificates: грамота, благодарность, благодарственное письмо, сертификат участника, диплом.

One input model serves all five kinds, so that one YAML of shared fields (organisation,
date, signer, wording) can issue any of them for every participant of a registry. Each kind
puts the recipient in the case its verb asks for — the template only places the value:

* грамота, диплом — «награждается» кто: nominative;
* благодарность — «объявляется» кому: dative;
* сертификат участника — «выдан» кому: dative, «в том, что она приняла участие …»;
* благодарственное письмо — «Уважаемая Мария Петровна!» and «выражает Вам благодарность».

The description under the name («учителю математики, наставнику»; «обучающейся 7 «Б»
класса, наставляемой») is built here from the post or class and the role.

The award fits its recipient (``awards.yaml``): without a wording of its own it is chosen by
the recipient's group (an employee, a learner — a pupil, a student or anyone under 18 —, an
employer's representative) and role — a pupil mentor helps «младшим товарищам» only when
the mentees are younger (a lower class, or a year younger), «сверстникам» when they are of
the same class year or age, «товарищам» when that is not known; a learner is never awarded «за добросовестный труд»
(an error names the field); the Почётная грамота goes to employees, anyone else gets a
Грамота; a curator's certificate says what the curator did instead of «took part in» their
own programme; a letter of thanks names the recipient in full above the greeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..models import (
    TEXT_MAX,
    Category,
    Gender,
    Official,
    Organization,
    PairStatus,
    Person,
    QrCode,
    Registry,
    Role,
    construct,
)
from ..models.image import Image
from ..ru import (
    NBSP,
    PersonForms,
    agree_with,
    decline_post,
    format_date,
    gendered,
    person_forms,
    polite_greeting,
    school_class,
    typograph,
)
from ._base import BatchSpec, DemoBatch, Kind, register
from ._data import wording as data_file
from ._people import bad_input

__all__ = ["AwardContext", "AwardInput", "AwardMentee", "AwardRecipient", "Phrase", "award_records", "mentees_age",
           "recipient_group"]

FAMILY = "Грамоты и благодарности"


class _Input(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid", populate_by_name=True, str_max_length=TEXT_MAX)


class AwardMentee(_Input):
    """A mentee of the awarded mentor, as far as the wording needs: whether younger or a peer."""

    post: str | None = Field(default=None, description="Класс («5 «Б» класс») или должность")
    category: Category | None = Field(default=None, description="Категория: обучающийся, студент…")
    born: dt.date | None = Field(default=None, description="Дата рождения (проверяется в базе, здесь — только "
                                                           "чтобы сравнить возраст с наставником)")


class AwardRecipient(Person):
    """Who is awarded: a person with a post (or a class, for a pupil) and a role."""

    post: str | None = Field(default=None, description="Должность, или класс для обучающегося («7 «Б» класс»)")
    category: Category | None = Field(default=None, description="Категория: педагог, обучающийся, студент…")
    role: Role | None = Field(default=None, description="Роль в программе: наставник / наставляемый")
    mentees: list[AwardMentee] = Field(
        default_factory=list, description="Наставляемые обучающегося-наставника (класс, дата рождения): «помощь "
                                          "младшим товарищам» — если все младше, «сверстникам» — если ровесники; "
                                          "пакетом из базы — по его парам")


class AwardInput(_Input):
    """Грамота, благодарность, благодарственное письмо, сертификат участника или диплом: кому и за что."""

    organization: Organization = Field(description="Организация, которая награждает")
    recipient: AwardRecipient = Field(description="Кого награждают")
    wording: str | None = Field(default=None, description="За что («за высокий профессионализм …»; по умолчанию — "
                                                         "по роли и категории получателя)")
    learner_wording: str | None = Field(
        default=None, description="За что — обучающимся, студентам и несовершеннолетним (по умолчанию — за активное "
                                  "участие и достижения); «труд» им не пишут")
    honorary: bool | None = Field(default=None, description="Грамота почётная (по умолчанию — работникам организации)")
    event: str | None = Field(
        default=None,
        description="В чём участвовал (для сертификата): «в программе наставничества … году»",
    )
    date: dt.date = Field(description="Дата документа")
    number: str | None = Field(default=None, description="Регистрационный номер документа")
    order_number: str | None = Field(default=None, description="Номер приказа о награждении")
    order_date: dt.date | None = Field(default=None, description="Дата приказа о награждении")
    degree: str | None = Field(default=None, description="Степень или место (для диплома): «I степени»")
    text: str | None = Field(default=None, description="Свой текст благодарственного письма целиком")
    signer: Official | None = Field(default=None, description="Кто подписывает (по умолчанию руководитель)")
    logo: Image | None = Field(default=None, description="Эмблема организации (файл PNG или JPEG)")
    qr: bool = Field(default=False, description="Печатать QR-код с организацией, номером, датой и получателем "
                                                "(реквизит 31, внизу справа), чтобы документ можно было сверить с журналом")

    @model_validator(mode="after")
    def _order_complete(self) -> AwardInput:
        if self.order_date is not None and not self.order_number:
            raise ValueError("указана дата приказа, но нет его номера (order_number)")
        return self


class Phrase(BaseModel):
    """A phrase in the two cases award texts need."""

    nominative: str
    dative: str

    def __str__(self) -> str:
        return self.nominative


class AwardContext(BaseModel):
    """What an award template places."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    founder: str | None
    organization_name: str
    recipient: PersonForms
    about: Phrase
    honorary: bool
    greeting: str
    statement: str
    degree: str | None
    number: str | None
    basis: str | None
    date: str
    place: str
    signer_post: str
    signer_name: str
    logo: Image | None
    qr: QrCode | None
    font_name: str
    font_size: float


# --------------------------------------------------------------------------- grammar


#: The role word after the post: (masculine, feminine), chosen by :func:`gendered`.
_ROLE_WORDS = {
    Role.MENTOR: ("наставник", "наставник"),
    Role.MENTEE: ("наставляемый", "наставляемая"),
    Role.CURATOR: ("куратор программы наставничества", "куратор программы наставничества"),
}


@lru_cache(maxsize=4096)
def _declined(phrase: str, case: str, gender: Gender | None) -> str:
    """A post-like phrase in ``case`` (cached: posts repeat across a batch)."""
    return decline_post(phrase, case, gender)


def _post_parts(post: str, category: Category | None, gender: Gender) -> tuple[str, str]:
    """(nominative, dative) of the post line; a pupil's class becomes «обучающаяся 7 «Б» класса»."""
    klass = school_class(post) if category in (None, Category.PUPIL) else None
    if klass is not None:
        pupil = gendered(gender, "обучающийся", "обучающаяся")
        return f"{pupil} {klass.genitive}", f"{_declined(pupil, 'dative', gender)} {klass.genitive}"
    return post, _declined(post, "dative", gender)


def describe(recipient: AwardRecipient, gender: Gender, *, role: bool = True) -> Phrase:
    """«учитель математики, наставник» and «учителю математики, наставнику» (the post alone
    when ``role`` is False)."""
    nominative, dative = _describe_cached(recipient.post, recipient.category, recipient.role if role else None, gender)
    return construct(Phrase, {"nominative": nominative, "dative": dative})


@lru_cache(maxsize=4096)
def _describe_cached(post: str | None, category: Category | None, role: Role | None,
                 gender: Gender) -> tuple[str, str]:
    nominative: list[str] = []
    dative: list[str] = []
    if post:
        nom, dat = _post_parts(post, category, gender)
        nominative.append(nom)
        dative.append(dat)
    if role is not None:
        word = gendered(gender, *_ROLE_WORDS[role])
        nominative.append(word)
        dative.append(_declined(word, "dative", gender))
    return ", ".join(nominative), ", ".join(dative)


@lru_cache(maxsize=1024)
def _sentence(text: str) -> str:
    """Typographed text (no-break spaces, «» quotes, dashes) ending with a full stop."""
    text = typograph(" ".join(text.split()))
    return text if text.endswith((".", "!", "?", "…")) else text + "."


# Shared fields repeat in every record of a batch: their forms are computed once.
_typographed = lru_cache(maxsize=256)(typograph)
_date_text = lru_cache(maxsize=256)(format_date)

#: (founder, organisation name, registration number, basis, date, place, signer's post and «И.О. Фамилия»)
_Common = tuple[str | None, str, str | None, str | None, str, str, str, str]


def _common(data: AwardInput) -> _Common:
    """The part of ``data``'s context every record of a batch shares, built once per distinct
    organisation, signer, date, number and order: keyed by every value it is made of, so that
    an input changed between two calls never gets the forms of the old one."""
    org = data.organization
    signer = data.signer or org.head
    items = [tuple(sorted(m.items())) if m else () for m in (signer.overrides, signer.post_overrides)]
    return _common_cached(org.founder, org.full_name, org.city, data.date, data.number, data.order_number,
                          data.order_date, signer.last_name, signer.first_name, signer.middle_name,
                          signer.gender, signer.post, *items)


@lru_cache(maxsize=64)
def _common_cached(founder: str | None, full_name: str, city: str | None, day: dt.date, number: str | None,
                   order_number: str | None, order_date: dt.date | None,
                   last: str, first: str, middle: str | None, gender: Gender | None, post: str,
                   overrides: tuple[tuple[Any, str], ...], post_overrides: tuple[tuple[Any, str], ...]) -> _Common:
    signer = person_forms(Official(last_name=last, first_name=first, middle_name=middle, gender=gender, post=post,
                                   overrides=dict(overrides), post_overrides=dict(post_overrides)))
    basis = None
    if order_number:
        when = f" от {_date_text(order_date, 'numeric')}" if order_date else ""
        basis = f"Приказ{when} №{NBSP}{order_number}"
    return (founder, _typographed(full_name), f"Рег.{NBSP}№{NBSP}{number}" if number else None, basis,
            _date_text(day, "long"), f"{city}{NBSP}— {day.year}" if city else str(day.year),
            typograph(signer.post.nominative), signer.initials_nominative)


# --------------------------------------------------------------------------- builders


def _forms(recipient: AwardRecipient) -> PersonForms:
    # No post here: the description line (post or class plus role) is built by describe().
    return PersonForms(recipient, "")


_WORDING: dict[str, Any] = data_file(__package__ or "nastavnik_docs.kinds", "awards.yaml")
_LEARNERS = (Category.PUPIL, Category.STUDENT)


def recipient_group(recipient: AwardRecipient, day: dt.date) -> str:
    """«learner» (a pupil, a student, a class for a post, or under 18 on ``day``),
    «employer» (an employer's representative) or «staff» (an employee of the organisation)."""
    age = recipient.age_on(day)
    if recipient.category in _LEARNERS or (age is not None and age < 18):
        return "learner"
    if recipient.category is None and school_class(recipient.post) is not None:
        return "learner"
    return "employer" if recipient.category is Category.EMPLOYER else "staff"


def _role_key(recipient: AwardRecipient) -> str:
    return recipient.role.value if recipient.role is not None else "any"


def _class_year(post: str | None) -> int | None:
    """The class year a post names («7 «Б» класс», «7Б», «11-а» → 7, 7, 11); a course is not a class."""
    klass = school_class(post)
    return klass.year if klass is not None else None


def _one_mentee_age(mentor: AwardRecipient, mentee: AwardMentee) -> str | None:
    """«younger», «peers», «older» or None (not known) for one mentee."""
    mine, theirs = _class_year(mentor.post), _class_year(mentee.post)
    if mine is not None and theirs is not None:
        return "younger" if theirs < mine else "peers" if theirs == mine else "older"
    if mentor.birth_date is not None and mentee.born is not None:
        days = (mentee.born - mentor.birth_date).days
        return "younger" if days >= 365 else "older" if days <= -365 else "peers"
    if mentor.category is Category.STUDENT and mentee.category is Category.PUPIL:
        return "younger"
    return None


def mentees_age(recipient: AwardRecipient) -> str | None:
    """«younger» when every mentee is younger than the mentor (a lower class, a year or more
    younger by birth date, a pupil of a student), «peers» when every one is of the same class
    year or age; None for a mixed group, older or unknown mentees, or none given."""
    ages = {_one_mentee_age(recipient, m) for m in recipient.mentees}
    return ages.pop() if len(ages) == 1 and ages <= {"younger", "peers"} else None


def _default_wording(recipient: AwardRecipient, group: str) -> str:
    """The wording of ``awards.yaml`` for the group and role; a learner mentor's by the
    mentees' age («помощь младшим товарищам» only when they are younger)."""
    if group == "learner" and recipient.role is Role.MENTOR:
        age = mentees_age(recipient)
        if age is not None:
            return str(_WORDING["learner_mentor_by_age"][age])
    return str(_WORDING["wording"][group][_role_key(recipient)])


def _wording(data: AwardInput) -> str:
    """What the recipient is awarded for: the learner's or the general wording given, else
    the default of the recipient's group and role; a learner's never speaks of labour."""
    group = recipient_group(data.recipient, data.date)
    given, field = ((data.learner_wording, "learner_wording") if group == "learner" and data.learner_wording
                    else (data.wording, "wording"))
    text = given or _default_wording(data.recipient, group)
    if group == "learner" and any(word in text.lower() for word in _WORDING["learner_forbidden"]):
        raise bad_input(field, "обучающихся и несовершеннолетних не награждают «за труд»: укажите для них "
                               "свою формулировку (learner_wording), например «за активное участие в программе "
                               "наставничества и достигнутые успехи»", text)
    return _sentence(text)


def _context(data: AwardInput, statement: str, forms: PersonForms) -> AwardContext:
    recipient = data.recipient
    gender = forms.gender
    founder, organization_name, number, basis, date, place, signer_post, signer_name = _common(data)
    honorary = data.honorary if data.honorary is not None else recipient_group(recipient, data.date) == "staff"
    # A curator's certificate says what the curator did; the role would repeat it.
    role = recipient.role is not Role.CURATOR or not statement.startswith("в том, что")
    # Every value is built just above from validated input: construct without re-validating
    # (a batch builds thousands of these).
    return construct(AwardContext, {
        "founder": founder,
        "organization_name": organization_name,
        "recipient": forms,
        "about": describe(recipient, gender, role=role),
        "honorary": honorary,
        "greeting": polite_greeting(recipient, gender),
        "statement": statement,
        "degree": data.degree,
        "number": number,
        "basis": basis,
        "date": date,
        "place": place,
        "signer_post": signer_post,
        "signer_name": signer_name,
        "logo": data.logo,
        "qr": _qr(data, forms) if data.qr else None,
        "font_name": data.organization.font_name,
        "font_size": data.organization.font_size,
    })


def _qr(data: AwardInput, forms: PersonForms) -> QrCode:
    """Requisite 31: what a reader checks against the journal — the organisation, the
    registration number and date, and the recipient, one per line."""
    number = f"№{NBSP}{data.number} " if data.number else ""
    return QrCode(text="\n".join((data.organization.short_name,
                                   f"{number}от {_date_text(data.date, 'numeric')}",
                                   forms.nominative)))


def build_gramota(data: AwardInput) -> AwardContext:
    return _context(data, _wording(data), _forms(data.recipient))


def build_thanks(data: AwardInput) -> AwardContext:
    return _context(data, _wording(data), _forms(data.recipient))


def build_diploma(data: AwardInput) -> AwardContext:
    if not data.wording and not data.learner_wording:
        raise bad_input("wording", "не указано, за что награждается дипломом (поле wording): диплом дают "
                                   "за победу или место в конкурсе", code="field.missing")
    return _context(data, _wording(data), _forms(data.recipient))


def build_letter(data: AwardInput) -> AwardContext:
    forms = _forms(data.recipient)
    if data.text:
        text = _sentence(data.text)
    else:
        text = _typographed(f"Администрация {data.organization.short_name} выражает Вам "
                            f"искреннюю благодарность {_wording(data)}")
    return _context(data, text, forms)


def build_certificate(data: AwardInput) -> AwardContext:
    forms = _forms(data.recipient)
    if not data.event:
        raise bad_input("event", "не указано, в чём участвовал получатель сертификата "
                        "(поле event, например «в программе наставничества …»)", code="field.missing")
    statement = _certificate_statement(data.event, data.recipient.role is Role.CURATOR, forms.gender)
    return _context(data, statement, forms)


@lru_cache(maxsize=256)
def _certificate_statement(event: str, curator: bool, gender: Gender) -> str:
    """«в том, что она приняла участие …»: the same for every participant of one gender."""
    key = "curator_statement" if curator else "participant_statement"
    text = " ".join(_WORDING[key].split()).replace("{event}", " ".join(event.split()))
    return _sentence(agree_with(text, gender))


# --------------------------------------------------------------------------- batch


def _recipient(person: Any, role: Role | None, mentees: Sequence[Any] = ()) -> dict[str, Any]:
    data = {name: getattr(person, name) for name in
            ("last_name", "first_name", "middle_name", "gender", "birth_date", "overrides",
             "post", "category")}
    data["role"] = role
    if role is Role.MENTOR and mentees:
        data["mentees"] = [{"post": m.post, "category": m.category, "born": m.birth_date} for m in mentees]
    return data


def _mentees(registry: Registry, statuses: tuple[PairStatus, ...] | None) -> dict[str, list[Any]]:
    """Mentor id → the mentees of their pairs with one of ``statuses`` (all pairs when None)."""
    found: dict[str, list[Any]] = {}
    for pair in registry.pairs:
        if statuses is None or pair.status in statuses:
            found.setdefault(pair.mentor, []).extend(registry.mentees_of(pair))
    return found


def _roles(registry: Registry, statuses: tuple[PairStatus, ...] | None) -> dict[str, Role]:
    """Participant id → role in the pairs with one of ``statuses`` (all pairs when None);
    someone who both mentors and is mentored is listed as a mentor."""
    roles: dict[str, Role] = {}
    for pair in registry.pairs:
        if statuses is not None and pair.status not in statuses:
            continue
        roles[pair.mentor] = Role.MENTOR
        for mentee in pair.mentees:
            roles.setdefault(mentee, Role.MENTEE)
    return roles


def completed_pairs_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """Every mentor and mentee of a completed pair, in registry order, once each."""
    roles, mentees = _roles(registry, (PairStatus.COMPLETED,)), _mentees(registry, (PairStatus.COMPLETED,))
    return [{**common, "recipient": _recipient(p, roles[p.id], mentees.get(p.id, []))}
            for p in registry.participants if p.id in roles]


def award_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """Every participant of the registry (a participant's certificate), with their role."""
    roles, mentees = _roles(registry, None), _mentees(registry, None)
    return [{**common, "recipient": _recipient(p, roles.get(p.id, p.role), mentees.get(p.id, []))}
            for p in registry.participants]


_FILE_NAME = "{last_name}_{initials}"
_DEMO = DemoBatch(common="awards/common.yaml")

_KINDS = (
    ("award.gramota", "Почётная грамота", build_gramota, completed_pairs_records, _DEMO,
     "Почётные грамоты участникам завершённых пар (награждается — кто)."),
    ("award.thanks", "Благодарность", build_thanks, completed_pairs_records, None,
     "Благодарность (объявляется — кому)."),
    ("award.letter", "Благодарственное письмо", build_letter, completed_pairs_records, None,
     "Благодарственное письмо с обращением «Уважаемая …!»."),
    ("award.certificate", "Сертификат участника", build_certificate, award_records, _DEMO,
     "Сертификат участника программы наставничества (выдан — кому)."),
    ("award.diploma", "Диплом", build_diploma, completed_pairs_records, None,
     "Диплом (награждается — кто), с необязательной степенью."),
)

for _id, _title, _build, _records, _demo, _description in _KINDS:
    register(Kind(
        id=_id,
        title=_title,
        build_context=_build,
        family=FAMILY,
        description=_description,
        samples=(f"awards/{_id.split('.')[1]}.yaml",),
        output_name=_title,
        batch=BatchSpec(records=_records, file_name=_FILE_NAME),
        demo_batch=_demo,
    ))
