"""What both consents share: who the consent is about and who signs it, and the frame.

* the input fields of a consent (:class:`ConsentBase`: the operator, the participant, the
  identity documents, the legal representative of a minor) and the context frame
  (:class:`ConsentFrame`: the addressee, the opening lines, the clauses, the signature, the
  pupil of 14–17 who signs too (:class:`CoSigner`), the warnings);
* :class:`Subject` — the participant and the signer with every phrase of the opening
  («Я, Кузнецов Максим Олегович, …, являясь законным представителем несовершеннолетней …»):
  blanks for the address and the identity document when the data does not hold them;
* :func:`consent_records` — one consent per participant of the registry, for a batch;
* :data:`TEXT` — the default wording (``consents.yaml``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ...errors import GrammarError
from ...models import Category, Gender, Model, Organization, Participant, Person, Registry
from ...ru import (
    BLANK_LINE,
    BLANK_SHORT,
    PersonForms,
    decline_post,
    format_date,
    gendered,
    lower_first,
    noun_gender,
    person_forms,
    pupil_text,
    split_full_name,
    typograph,
    upper_first,
)
from .._data import wording
from .._people import bad_input, find_participant, forms_of, is_staff

__all__ = [
    "FAMILY", "GUARDIAN_AGE", "LAW_152", "TEXT", "AuthorityDocument", "Clause", "CoSigner", "ConsentBase",
    "ConsentFrame", "guardian_word",
    "IdentityDocument", "IntroLine", "RepresentativeDetails", "Subject", "consent_frame",
    "consent_records", "numbered_clauses", "operator", "semicolon_items",
]

FAMILY = "Согласия и списки"
NBSP = "\u00a0"
DASH = "\u2013"

#: The default wording of the consents (``consents.yaml``).
TEXT = wording(__package__ or "nastavnik_docs.kinds.consents", "consents.yaml")

LAW_152 = f"Федерального закона от 27.07.2006 №{NBSP}152-ФЗ «О персональных данных»"

#: Blanks for the series and the number of a document.
BLANK_SERIES = "______"
BLANK_DOC_NUMBER = "____________"

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


class ConsentBase(Model):
    """The fields both consents take."""

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


class CoSigner(BaseModel):
    """A minor of 14–17 signing beside the representative: the line they sign and the name."""

    text: str
    name: str
    caption: str


class ConsentFrame(BaseModel):
    """What every consent template places around its clauses; ``co_signer`` — the pupil of
    14–17 who signs too; ``warnings`` — what the curator should check (not printed)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    addressee: list[str]
    title: str
    subtitle: str
    intro: list[IntroLine]
    clauses: list[Clause]
    date: str
    signer_name: str
    signer_caption: str
    co_signer: CoSigner | None
    font_name: str
    font_size: float
    warnings: list[str]


# --------------------------------------------------------------------------- grammar


_PARENTS = ("мать", "отец", "родитель", "мама", "папа")
_GUARDIANS = ("опекун", "попечитель", "приёмный", "приемный")
_AUTHORITY_LABEL = "документ, подтверждающий полномочия законного представителя"


def _participant(data: ConsentBase, field: str = "participant") -> Participant:
    ref = data.participant
    if isinstance(ref, Participant):
        return ref
    if data.registry is None:
        raise bad_input("registry", f"участник указан по ID или ФИО («{ref}»), но не указана база "
                        "наставников и наставляемых (registry); укажите базу или данные участника целиком", code="registry.missing")
    return find_participant(data.registry, ref, field)


def _document_lines(doc: IdentityDocument | AuthorityDocument | None, default_kind: str,
                    label: str) -> list[str]:
    """Fill-in lines of a document: «{label}: паспорт гражданина Российской Федерации,»,
    «серия … № …, выдан …,», «дата выдачи …,» (and the division code); missing parts are blanks."""
    doc = doc or IdentityDocument()
    kind = (getattr(doc, "kind", None) or getattr(doc, "title", None) or default_kind).strip()
    issued = {"femn": "выдана", "neut": "выдано", "plur": "выданы"}.get(noun_gender(kind) or "", "выдан")
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
    if age is None and person.may_be_minor(day):
        return "паспорт гражданина Российской Федерации (до 14 лет — свидетельство о рождении)"
    if age is not None and age < 14:
        return "свидетельство о рождении"
    return "паспорт гражданина Российской Федерации"


#: Civil Code art. 32–33 and 40: a guardian (опекун) of a child under 14 becomes a trustee
#: (попечитель) when the child turns 14, without a new decision.
GUARDIAN_AGE = 14


def guardian_word(age: int | None) -> str:
    """«опекун» under 14, «попечитель» from 14, «опекун (попечитель)» when the age is unknown."""
    if age is None:
        return "опекун (попечитель)"
    return "попечитель" if age >= GUARDIAN_AGE else "опекун"


def _relation_kind(relation: str | None) -> str:
    low = (relation or "").lower()
    if low.startswith(_PARENTS):
        return "parent"
    if low.startswith(_GUARDIANS):
        return "guardian"
    return ""


def _authority_lines(rep: RepresentativeDetails, relation: str | None, child_doc_is_certificate: bool,
                     age: int | None) -> list[str]:
    """The document confirming the representative's authority (for a parent: the birth
    certificate; for a guardian: the act appointing the guardian or, from 14, the trustee)."""
    authority = rep.authority
    kind = _relation_kind(relation)
    if authority is None and kind == "parent" and child_doc_is_certificate:
        return [f"{_AUTHORITY_LABEL}: свидетельство о рождении ребёнка (реквизиты указаны выше),"]
    appointed = decline_post(guardian_word(age), "genitive")
    default = {"parent": "свидетельство о рождении ребёнка",
               "guardian": f"акт органа опеки и попечительства о назначении {appointed}"}.get(kind, "документ")
    return _document_lines(authority or AuthorityDocument(), default, _AUTHORITY_LABEL)


def operator(org: Organization) -> str:
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


class Subject:
    """Who the consent is about and who signs it, with every phrase of the introduction.

    A minor's consent is given by the legal representative — also for a pupil or student
    whose birth date is unknown (never assumed an adult; a warning says so); a minor of 14
    or more signs beside the representative, who is a trustee (попечитель) from 14 rather
    than a guardian (опекун). The day the age is judged on is the signing date, else the
    consent date of the registry, else today.
    """

    def __init__(self, data: ConsentBase):
        self.data = data
        self.person = _participant(data)
        self.forms = forms_of(self.person)
        self.day = data.date or self.person.consent_date or dt.date.today()
        self.age = self.person.age_on(self.day)
        self.minor = self.person.may_be_minor(self.day)
        self.warnings: list[str] = []
        if self.minor and self.age is None:
            self.warnings.append(
                f"Дата рождения участника {self.person.short_name} неизвестна: согласие оформлено от имени "
                "законного представителя, со строкой для подписи самого обучающегося, если ему исполнилось "
                "14 лет. Если участник совершеннолетний, укажите дату рождения в базе и выпустите согласие заново.")
        self.rep_details = data.representative or RepresentativeDetails()
        registry_rep = self.person.representative
        self.rep_name = self.rep_details.full_name or (registry_rep.full_name if registry_rep else None)
        relation = self.rep_details.relation or (registry_rep.relation if registry_rep else None)
        if _relation_kind(relation) == "guardian":
            relation = guardian_word(self.age)
        self.relation = relation
        self.rep_forms: PersonForms | None = None
        if self.minor and self.rep_name:
            try:
                last, first, middle = split_full_name(self.rep_name)
                self.rep_forms = person_forms(Person(last_name=last, first_name=first, middle_name=middle))
            except GrammarError as exc:
                raise bad_input("representative.full_name", str(exc), self.rep_name) from None
        if data.representative is not None and not self.minor:
            raise bad_input("representative", f"участник {self.person.short_name} на "
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
        return gendered(self.signer_gender, "ознакомлен", "ознакомлена", unknown="ознакомлен(а)")

    def whose(self) -> str:
        """«моих персональных данных» / «персональных данных моего ребёнка» / «… моей подопечной»."""
        if not self.minor:
            return "моих персональных данных"
        mine = "моей" if self.ward() == "подопечной" else "моего"
        return f"персональных данных {mine} {self.ward()}"

    def interest(self) -> str:
        """«в своём интересе» / «в интересах ребёнка» (art. 9 part 1: free, informed, in one's interest)."""
        return f"в интересах {self.ward()}" if self.minor else "в своём интересе"

    def ward(self) -> str:
        """«ребёнка», or «подопечного» / «подопечной» (genitive, by the child's gender) for a
        guardian or trustee."""
        if _relation_kind(self.relation) != "guardian":
            return "ребёнка"
        return gendered(self.forms, "подопечного", "подопечной")

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
                 *_authority_lines(rep, self.relation, _is_birth_certificate(id_kind), self.age))
        text(f"в соответствии со {article} {LAW_152} {verb_phrase}")
        return lines

    @property
    def co_signs(self) -> bool:
        """A minor of 14 or more (or of unknown age) signs beside the representative."""
        return self.minor and (self.age is None or self.age >= GUARDIAN_AGE)

    def co_signer(self, what: str) -> CoSigner | None:
        """The pupil's own line under the representative's signature: «Я, …, с согласием на
        {what} ознакомлен и согласен» (14–17), None for a younger child or an adult."""
        if not self.co_signs:
            return None
        forms = self.forms
        if self.age is not None:
            who = f"Я, {forms.nominative}, {gendered(forms, 'достигший', 'достигшая')} возраста 14 лет,"
        else:
            who = f"Я, {forms.nominative} (если мне исполнилось 14 лет),"
        text = (f"{who} с согласием на {what} {gendered(forms, 'ознакомлен', 'ознакомлена')} "
                f"и {gendered(forms, 'согласен', 'согласна')}.")
        caption = f"(подпись {gendered(forms, 'обучающегося', 'обучающейся')})"
        return CoSigner(text=typograph(text), name=forms.initials_nominative, caption=caption)

    def programme(self, case: str = "prepositional") -> str:
        """«программе наставничества МБОУ «СОШ № 12»» in ``case``."""
        title = self.data.programme or f"программа наставничества {self.data.organization.short_name}"
        return typograph(decline_post(title, case))


# --------------------------------------------------------------------------- frame


def numbered_clauses(rows: Sequence[tuple[str, Sequence[str]]], start: int = 1) -> list[Clause]:
    """Clauses «1.», «2.»… of (lead text, sub-items) rows."""
    return [Clause(number=f"{i}.", text=typograph(text), items=[typograph(x) for x in items])
            for i, (text, items) in enumerate(rows, start=start)]


def semicolon_items(lines: Sequence[str]) -> list[str]:
    """Sub-items: «;» after each, «.» after the last."""
    clean = [" ".join(x.split()).rstrip(" ;,.") for x in lines if x and x.strip()]
    return [x + (";" if i < len(clean) - 1 else ".") for i, x in enumerate(clean)]


def consent_frame(data: ConsentBase, subject: Subject, *, subtitle: str, intro: list[IntroLine],
                  clauses: list[Clause], what: str, warnings: Sequence[str] = ()) -> dict[str, Any]:
    """The fields of :class:`ConsentFrame`: addressed to the head, signed by the subject."""
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
        "co_signer": subject.co_signer(what),
        "font_name": org.font_name,
        "font_size": min(org.font_size, CONSENT_FONT_SIZE),
        "warnings": [*subject.warnings, *warnings],
    }


def consent_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """One consent per participant of the registry (the representative signs for a minor)."""
    shared = {k: v for k, v in common.items() if k not in ("participant", "registry")}
    return [{**shared, "participant": p.model_dump(exclude_none=True, exclude_defaults=False)}
            for p in registry.participants]
