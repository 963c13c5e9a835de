"""Shared pieces of organisational documents: input fields, requisites, preambles, items.

Every order and protocol (and the certificates that reuse this module) takes a
:class:`DocumentInput` — the organisation, the registration number and date (both optional:
a document not yet registered prints blanks for handwriting), the place, the signer and the
bases its preamble cites — and builds its context on :class:`RequisitesContext` with
:func:`requisite_fields`. All the Russian grammar happens here, through ``nastavnik_docs.ru``:
the template receives finished strings and :class:`~nastavnik_docs.ru.PersonForms`.

Building blocks:

* :class:`Act` / :class:`CouncilDecision` — the organisation's own acts and council
  decisions, cited by date and number; :data:`FEDERAL_ACTS` — the federal acts by key;
  :func:`preamble` — «В соответствии с …, в целях …»;
* :class:`Task` and :func:`task_text` — an order item with a responsible person (in the
  dative at the head of the item) and a deadline; :func:`numbered` numbers items;
* :func:`find_participant` — a participant of the registry by ID, full name or
  «Фамилия И.О.»; :class:`People` — resolves a person given inline, by a role key
  («curator») or as a participant of the registry, and collects the staff an order names
  for the acquaintance list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..errors import InputError, Problem
from ..models import Category, Gender, Model, Official, Organization, Pair, Participant, Person, Registry
from ..ru import (
    BLANK_NUMBER,
    PersonForms,
    decline_post,
    format_date,
    noun_gender,
    person_forms,
    typograph,
)

NBSP = "\u00a0"
DASH = "\u2013"

__all__ = [
    "Act", "CouncilDecision", "Basis", "DocumentInput", "Task", "Item", "AcquaintanceRow",
    "RequisitesContext", "People", "FEDERAL_ACTS", "requisite_fields",
    "preamble", "resolve_bases", "numbered", "stop", "task_text", "control_text", "appendix_mark",
    "approved_word", "lower_first", "upper_first", "sentence", "place_of", "number_text",
    "act_reference", "join_and", "Ref", "bad_input", "named", "sub_items", "person_phrase",
    "class_genitive", "with_post", "forms_of", "deadline_text", "with_preposition",
    "is_staff", "STAFF_CATEGORIES", "gendered", "find_participant", "participants_named",
    "approval_stamp", "SIGN_LINE", "period_text", "school_year", "letterhead_lines", "pupil_text",
    "form_title", "pair_labels",
]


# --------------------------------------------------------------------------- acts


#: Federal acts a preamble may cite, by a short key, in the instrumental case that
#: «В соответствии с …» asks for. A basis given as one of these keys prints the full text.
FEDERAL_ACTS: dict[str, str] = {
    "273-ФЗ": "Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»",
    "Р-145": (
        "распоряжением Минпросвещения России от 25.12.2019 № Р-145 «Об утверждении методологии "
        "(целевой модели) наставничества обучающихся для организаций, осуществляющих "
        "образовательную деятельность по общеобразовательным, дополнительным "
        "общеобразовательным и программам среднего профессионального образования, в том числе "
        "с применением лучших практик обмена опытом между обучающимися»"
    ),
    "АЗ-1128/08": (
        "письмом Минпросвещения России от 21.12.2021 № АЗ-1128/08 «О направлении методических "
        "рекомендаций» (вместе с методическими рекомендациями по разработке и внедрению системы "
        "(целевой модели) наставничества педагогических работников в образовательных организациях)"
    ),
    "ТК-351.8": "статьёй 351.8 Трудового кодекса Российской Федерации",
    "1264-р": (
        "распоряжением Правительства Российской Федерации от 21.05.2025 № 1264-р "
        "(Концепция развития наставничества)"
    ),
    "Указ-94": (
        "Указом Президента Российской Федерации от 02.03.2018 № 94 «Об учреждении знака "
        "отличия «За наставничество»»"
    ),
}

_ACT_ALIASES = {
    "273": "273-ФЗ", "273-фз": "273-ФЗ", "закон об образовании": "273-ФЗ",
    "р-145": "Р-145", "р145": "Р-145",
    "аз-1128/08": "АЗ-1128/08", "аз-1128": "АЗ-1128/08",
    "тк-351.8": "ТК-351.8", "тк 351.8": "ТК-351.8", "ст. 351.8 тк рф": "ТК-351.8",
    "351.8": "ТК-351.8", "тк рф": "ТК-351.8",
    "1264-р": "1264-р", "концепция": "1264-р",
    "указ-94": "Указ-94", "указ 94": "Указ-94", "указ № 94": "Указ-94",
}


def act_reference(date: dt.date | None, number: str | None) -> str:
    """«от 28.08.2026 № 1»; a missing date or number prints as a blank."""
    return f"от {format_date(date, 'numeric')} №{NBSP}{number or BLANK_NUMBER}"


class Act(Model):
    """A document of the organisation (or of a regional body) cited by date and number.

    ``title`` is in the nominative, as on the document itself:
    «Положение о системе наставничества педагогических работников МБОУ «СОШ № 12»».
    ``issuer`` (optional) is who adopted it, for a cited order: «приказом директора».
    """

    title: str = Field(min_length=1, description="Название документа (именительный падеж)")
    date: dt.date | None = Field(default=None, description="Дата")
    number: str | None = Field(default=None, description="Номер")

    def reference(self) -> str:
        if self.date is None and self.number is None:
            return ""
        return act_reference(self.date, self.number)

    def cite(self, case: str = "instrumental") -> str:
        """The title in ``case`` followed by «от … № …» when the act has a date or number."""
        words = [decline_post(self.title, case), self.reference()]
        return typograph(" ".join(w for w in words if w))


class CouncilDecision(Model):
    """A council's decision: «решением педагогического совета (протокол от … № …)»."""

    council: str = Field(default="педагогический совет", min_length=1, description="Коллегиальный орган")
    date: dt.date | None = Field(default=None, description="Дата протокола")
    number: str | None = Field(default=None, description="Номер протокола")

    def cite(self, case: str = "instrumental") -> str:
        word = {"instrumental": "решением", "genitive": "решения", "nominative": "решение",
                "accusative": "решение", "dative": "решению", "prepositional": "решении"}[case]
        return (f"{word} {decline_post(self.council, 'genitive')} "
                f"(протокол {act_reference(self.date, self.number)})")


#: One basis of a preamble: a key of :data:`FEDERAL_ACTS`, free text (already in the
#: instrumental case, as it follows «В соответствии с»), an act or a council decision.
Basis = Act | CouncilDecision | str


def resolve_bases(bases: Iterable[Basis]) -> list[str]:
    """Every basis as the text that follows «В соответствии с», without duplicates."""
    out: list[str] = []
    for basis in bases:
        if isinstance(basis, (Act, CouncilDecision)):
            text = basis.cite("instrumental")
        else:
            key = str(basis).strip()
            key = _ACT_ALIASES.get(key.lower(), key)
            text = FEDERAL_ACTS.get(key, typograph(key))
        if text and text not in out:
            out.append(text)
    return out


def join_and(parts: Sequence[str], sep: str = ", ") -> str:
    """«A, B и C»."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{sep.join(parts[:-1])} и {parts[-1]}"


def with_preposition(word: str) -> str:
    """«с» or «со» before ``word`` («со статьёй», «с Федеральным законом»)."""
    low = word.lower()
    if re.match(r"^[сзшж][^аеёиоуыэюя]", low) or low.startswith(("мн", "вс")):
        return "со"
    return "с"


def preamble(bases: Sequence[str], purpose: str | None) -> str:
    """«В соответствии с A, B и C, в целях D,» — the sentence before «ПРИКАЗЫВАЮ:».

    ``purpose`` is the continuation after «в целях» («внедрения целевой модели …»).
    """
    parts = []
    if bases:
        parts.append(f"в соответствии {with_preposition(bases[0])} " + join_and(list(bases), sep=", "))
    if purpose:
        text = purpose.strip().rstrip(".,")
        parts.append(text if text.lower().startswith(("в целях", "на основании", "по итогам"))
                     else "в целях " + text)
    if not parts:
        return ""
    return typograph(upper_first(", ".join(parts)) + ",")


# --------------------------------------------------------------------------- words


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an abbreviation («МБОУ»)."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    letters = [c for c in first if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return text
    return text[:1].lower() + text[1:]


def sentence(text: str) -> str:
    """Capitalised, single-spaced, ending with one full stop."""
    text = " ".join(t for t in text.split(" ") if t).strip().rstrip(" ;,")
    return upper_first(stop(text))


def stop(text: str) -> str:
    """``text`` ending with one full stop («… 2026 г.» keeps its own)."""
    return text if text.endswith((".", "!", "?")) else text + "."


def gendered(who: PersonForms | Gender | None, masc: str, femn: str, unknown: str | None = None) -> str:
    """The word that agrees with a person's gender: ``gendered(forms, "получил", "получила")``.

    ``who`` is the person's :class:`~nastavnik_docs.ru.PersonForms` or a gender. A gender
    that is not known gives ``unknown`` («ознакомлен(а)» on a blank form) or, when that is
    not given, the masculine word.
    """
    gender = who if who is None or isinstance(who, Gender) else who.gender
    if gender is Gender.FEMALE:
        return femn
    if gender is not Gender.MALE and unknown is not None:
        return unknown
    return masc


def approved_word(title: str) -> str:
    """УТВЕРЖДЕН / УТВЕРЖДЕНА / УТВЕРЖДЕНО / УТВЕРЖДЕНЫ, agreeing with the title's head noun."""
    return {"femn": "УТВЕРЖДЕНА", "neut": "УТВЕРЖДЕНО", "plur": "УТВЕРЖДЕНЫ"}.get(noun_gender(title), "УТВЕРЖДЕН")


#: The signature line of an «УТВЕРЖДАЮ» stamp.
SIGN_LINE = "_______________"


def approval_stamp(organization: Organization, title: str, *,
                   order: tuple[dt.date | None, str | None] | None = None,
                   signer: Person | None = None, date: dt.date | None = None,
                   sign_line: str = SIGN_LINE) -> list[str]:
    """The lines of the approval stamp of a document titled ``title``.

    Approved by an order (``order=(date, number)``; a missing date or number prints as a
    blank): «УТВЕРЖДЕНА / приказом МБОУ «СОШ № 12» / от 28.08.2026 № 131-о/д», the
    participle agreeing with the title (:func:`approved_word`). Otherwise approved by
    signature: «УТВЕРЖДАЮ / Директор МБОУ … / ________ Л.А. Горбунова / «___» ____ 20___ г.»
    — ``signer`` (by default the head of the organisation), a signature line and ``date``
    (a blank without one).
    """
    if order is not None:
        return [approved_word(title), f"приказом {typograph(organization.short_name)}", act_reference(*order)]
    forms = forms_of(signer or organization.head)
    post = typograph(upper_first(forms.post.nominative)) if forms.post else ""
    return ["УТВЕРЖДАЮ", *([post] if post else []), f"{sign_line} {forms.initials_nominative}",
            format_date(date, "quoted")]


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    """«с 1 сентября 2026 г. по 31 мая 2027 г.», «с 1 сентября 2026 г.» (no end yet),
    «по 31 мая 2027 г.»; "" when neither is known."""
    if start and end:
        return f"с {format_date(start)} по {format_date(end)}"
    if start:
        return f"с {format_date(start)}"
    return f"по {format_date(end)}" if end else ""


def school_year(day: dt.date | None) -> str:
    """«2026/2027 учебный год» for a day from August on (a school's year is planned from
    August), a blank «20___/20___ учебный год» for no day."""
    if day is None:
        return f"20___/20___{NBSP}учебный год"
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}/{start + 1}{NBSP}учебный год"


def form_title(registry: Registry, pair: Pair) -> str:
    """The title of the pair's form of mentoring («Педагог – педагог»), or the form as the
    registry gives it when it is not one of the registry's forms."""
    form = registry.form_of(pair)
    return typograph(form.title if form else pair.form)


def pair_labels(registry: Registry) -> list[str]:
    """The numbers of the registry's pairs as a curator sees them, in the registry's order."""
    return [registry.pair_label(i) for i in range(len(registry.pairs))]


def letterhead_lines(organization: Organization) -> list[str]:
    """The founder line (if any) and the organisation's full name, at the top of a document."""
    return [typograph(line) for line in (organization.founder, organization.full_name) if line]


def place_of(organization: Organization, place: str | None) -> str:
    """«г.\u00a0Вологда»: the place of issue, «г.» added to a bare city name."""
    text = (place or organization.city).strip()
    prefixes = ("г.", "с.", "п.", "пос.", "пгт", "д.", "ст-ца", "ст.", "р.п.", "рп", "х.", "аул")
    low = text.lower()
    if not low.startswith(prefixes):
        text = f"г. {text}"
    return typograph(text)


def number_text(number: str | None) -> str:
    """«№\u00a045-о/д» or «№\u00a0______» for a document not yet registered."""
    return f"№{NBSP}{number.strip() if number and number.strip() else BLANK_NUMBER}"


# --------------------------------------------------------------------------- input


class DocumentInput(Model):
    """What every organisational document takes: the organisation and the requisites.

    ``number`` and ``date`` may be left out while the document is not yet registered: they
    print as blanks for handwriting. ``place`` defaults to the organisation's city;
    ``signer`` to its head. ``basis`` lists what the preamble cites (keys of the federal
    acts such as ``273-ФЗ``, ``Р-145``, ``АЗ-1128/08``, ``ТК-351.8``, ``1264-р``,
    ``Указ-94``; the organisation's acts as ``{title, date, number}``; a council decision as
    ``{council, date, number}``; or free text); left out, each kind cites its usual acts.
    ``purpose`` continues «в целях …».
    """

    organization: Organization = Field(description="Организация")
    number: str | None = Field(default=None, description="Регистрационный номер")
    date: dt.date | None = Field(default=None, description="Дата документа")
    place: str | None = Field(default=None, description="Место издания (по умолчанию — город организации)")
    signer: Official | None = Field(default=None, description="Кто подписывает (по умолчанию — руководитель)")
    basis: list[Act | CouncilDecision | str] | None = Field(
        default=None, description="Основания (преамбула); не указаны — типовые для документа")
    purpose: str | None = Field(default=None, description="Цель («в целях …»)")
    regulation: Act | None = Field(
        default=None, description="Положение о системе наставничества организации (дата, номер)")


class Task(Model):
    """An item of an order: what to do, who is responsible, by when.

    ``text`` starts with the infinitive («разработать персонализированные программы
    наставничества»). ``responsible`` is a person with a post, a role key of the order
    («curator», «signer») or a participant id of the registry. ``deadline`` is a date or
    the wording of a period («в течение 2026/2027 учебного года»).
    """

    text: str = Field(min_length=1, description="Что сделать (с инфинитива)")
    responsible: Official | str | None = Field(default=None, description="Ответственный")
    deadline: dt.date | str | None = Field(default=None, description="Срок")


# --------------------------------------------------------------------------- context


class Item(BaseModel):
    """A numbered item of an order or a decision: «2.1.» and its text."""

    number: str
    text: str


class AcquaintanceRow(BaseModel):
    number: str
    name: str
    post: str


class RequisitesContext(BaseModel):
    """The requisites every organisational document places (ГОСТ Р 7.0.97-2025).

    ``letterhead`` — the founder line (if any) and the organisation's full name;
    ``date`` — «1 сентября 2026 г.» or a blank; ``date_numeric`` — «01.09.2026» or a blank;
    ``number`` — «№ 45» or «№ ______»; ``place`` — «г. Вологда»; ``signer`` — PersonForms
    of the signer; ``signer_post`` / ``signer_name`` — the signature block («Директор …»,
    «Л.А. Горбунова»); ``font_name`` / ``font_size`` — the organisation's font, which the
    render layer applies to the whole document.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    letterhead: list[str]
    org_name: str
    org_full_name: str
    date: str
    date_numeric: str
    number: str
    place: str
    signer: PersonForms
    signer_post: str
    signer_name: str
    font_name: str
    font_size: float


def requisite_fields(data: DocumentInput) -> dict[str, Any]:
    """The values of :class:`RequisitesContext` for ``data`` (to spread into a subclass)."""
    org = data.organization
    signer = data.signer or org.head
    forms = person_forms(signer, signer.post)
    return {
        "letterhead": letterhead_lines(org),
        "org_name": typograph(org.short_name),
        "org_full_name": typograph(org.full_name),
        "date": format_date(data.date, "long"),
        "date_numeric": format_date(data.date, "numeric"),
        "number": number_text(data.number),
        "place": place_of(org, data.place),
        "signer": forms,
        "signer_post": typograph(signer.post),
        "signer_name": forms.initials_nominative,
        "font_name": org.font_name,
        "font_size": org.font_size,
    }


def appendix_mark(number: int | None, document: str, data: DocumentInput) -> list[str]:
    """Lines of an appendix mark: «Приложение № 1», «к приказу МБОУ …», «от 01.09.2026 № 45».

    ``document`` is the word in the dative («приказу», «протоколу»). ``number`` None gives
    «Приложение» (the only appendix).
    """
    head = "Приложение" if number is None else f"Приложение №{NBSP}{number}"
    return [head, f"к {document} {typograph(data.organization.short_name)}",
            act_reference(data.date, data.number)]


def numbered(texts: Iterable[str | tuple[str, Sequence[str]]], prefix: str = "") -> list[Item]:
    """Number items «1.», «2.»…; an item given as (text, subitems) gets «2.1.», «2.2.»…"""
    items: list[Item] = []
    for i, entry in enumerate(texts, start=1):
        text, subs = (entry, ()) if isinstance(entry, str) else entry
        number = f"{prefix}{i}."
        items.append(Item(number=number, text=text))
        items.extend(numbered(subs, prefix=number))
    return items


# --------------------------------------------------------------------------- people


#: The categories of participants who are staff of the organisation (they sign
#: acquaintance lists and mentor under art. 351.8 of the Labour Code).
STAFF_CATEGORIES: tuple[Category, ...] = (Category.TEACHER, Category.OTHER)


def is_staff(person: Person) -> bool:
    """True for an employee of the organisation: a participant who is a teacher or other
    staff; a person given inline without a category (ФИО and post) counts as an employee."""
    category = getattr(person, "category", None)
    return category is None or category in STAFF_CATEGORIES


def _participant_key(ref: object) -> str:
    return " ".join(str(ref).replace(NBSP, " ").split())


def participants_named(registry: Registry, ref: str) -> list[Participant]:
    """The participants of ``registry`` that ``ref`` names: the one with that ID, else
    those whose full name («Сидорук Наталья Ивановна») or «Фамилия И.О.» («Сидорук Н.И.»)
    it is (letter case and spaces aside). Empty when nobody matches; several people may
    share a name."""
    key = _participant_key(ref)
    try:
        return [registry.participant(key)]
    except KeyError:
        pass
    folded = key.casefold()
    return [p for p in registry.participants
            if folded in (p.full_name.casefold(), f"{p.last_name} {p.initials}".casefold())]


def _known_ids(registry: Registry, limit: int = 8) -> str:
    return ", ".join(p.id for p in registry.participants[:limit])


def _several(key: str, found: Sequence[Participant]) -> str:
    return f"в базе несколько участников «{key}»: укажите ID (" + ", ".join(p.id for p in found) + ")"


def find_participant(registry: Registry, ref: Participant | str, field: str) -> Participant:
    """The participant ``ref`` names (see :func:`participants_named`); a Participant given
    whole is returned as it is. An :class:`InputError` naming ``field`` when nobody in the
    registry or several people match."""
    if isinstance(ref, Participant):
        return ref
    key = _participant_key(ref)
    found = participants_named(registry, key)
    if len(found) == 1:
        return found[0]
    if found:
        raise bad_input(field, _several(key, found), ref)
    raise bad_input(field, f"в базе нет участника «{key}»: укажите ID или ФИО участника из базы "
                    f"(например: {_known_ids(registry)})", ref)


class People:
    """Resolves the people an order names and remembers the staff among them.

    A reference is a Person/Official/Participant, a role key registered with :meth:`add`
    («curator», «signer»), or a participant of the registry by ID, full name or «Фамилия И.О.»
    (see :func:`participants_named`). Every person resolved
    through :meth:`named` is added to the acquaintance list (staff only — pupils, students
    and employers' representatives never sign it; nor does the signer).
    """

    def __init__(self, registry: Registry | None = None, signer: Official | None = None):
        self.registry = registry
        self.roles: dict[str, Person] = {}
        self.signer = signer
        self._named: list[Person] = []
        if signer is not None:
            self.roles["signer"] = signer

    def add(self, key: str, person: Person) -> None:
        self.roles[key] = person

    def person(self, ref: Person | str) -> Person:
        if isinstance(ref, Person):
            return ref
        key = str(ref).strip()
        if key in self.roles:
            return self.roles[key]
        found = participants_named(self.registry, key) if self.registry is not None else []
        if len(found) == 1:
            return found[0]
        if found:
            raise ValueError(_several(_participant_key(key), found))
        known = ", ".join([*self.roles, *(p.id for p in (self.registry.participants if self.registry else []))][:12])
        raise ValueError(f"не найден человек «{key}»: укажите ФИО и должность, роль, ID или ФИО участника "
                         f"из базы (например: {known})")

    def named(self, ref: Person | str) -> PersonForms:
        """PersonForms of the person, remembered for the acquaintance list."""
        person = self.person(ref)
        if all(p is not person and p != person for p in self._named):
            self._named.append(person)
        return forms_of(person)

    def acquaintance(self) -> list[AcquaintanceRow]:
        """One row per person (the same person given by id and inline counts once)."""
        rows = []
        seen = {self.signer.full_name} if self.signer is not None else set()
        for person in self._named:
            if not is_staff(person) or person.full_name in seen:
                continue
            seen.add(person.full_name)
            forms = forms_of(person)
            rows.append(AcquaintanceRow(number=f"{len(rows) + 1}.", name=forms.short_nominative,
                                        post=typograph(upper_first(forms.post.nominative))))
        return rows


def forms_of(person: Person) -> PersonForms:
    return person_forms(person, getattr(person, "post", None))


def with_post(forms: PersonForms, case: str, *, name_style: str = "initials", post_first: bool = True) -> str:
    """«заместителю директора по УВР Е.Н. Власовой» (post first) or
    «Власовой Елене Николаевне, учителю математики» (``name_style="full"``, name first)."""
    name = getattr(forms, f"{'' if name_style == 'full' else name_style + '_'}{case}")
    post = lower_first(getattr(forms.post, case)) if forms.post else ""
    if not post:
        return name
    return f"{post} {name}" if post_first else f"{name}, {post}"


def deadline_text(deadline: dt.date | str | None) -> str:
    if deadline is None:
        return ""
    if isinstance(deadline, dt.date):
        return f"до {format_date(deadline, 'long')}"
    return typograph(deadline.strip().rstrip("."))


def task_text(task: Task, people: People) -> str:
    """«Заместителю директора по УВР Е.Н. Власовой разработать … Срок – до 1 октября 2026 г.»"""
    what = typograph(task.text.strip().rstrip("."))
    if task.responsible is not None:
        forms = people.named(task.responsible)
        what = f"{with_post(forms, 'dative')} {lower_first(what)}"
    text = sentence(what)
    deadline = deadline_text(task.deadline)
    if deadline:
        text += f" Срок {DASH} {stop(deadline)}"
    return text


def control_text(control: Official | str | None, people: People, document: str = "приказа") -> str:
    """The control item: kept by the signer, or laid on someone (accusative)."""
    if control is None or (isinstance(control, str) and control.strip() == "signer"):
        return f"Контроль за исполнением настоящего {document} оставляю за собой."
    forms = people.named(control)
    return f"Контроль за исполнением настоящего {document} возложить на {with_post(forms, 'accusative')}."


# --------------------------------------------------------------------------- phrases


#: A person an input names: inline (ФИО and post) or by a role key / registry id.
Ref = Official | str


def bad_input(field: str, message: str, value: object = None) -> InputError:
    return InputError([Problem(message, field=field, value=value)])


def named(people: People, ref: Ref, field: str) -> PersonForms:
    try:
        return people.named(ref)
    except ValueError as exc:
        raise bad_input(field, str(exc), ref if isinstance(ref, str) else None) from None


def sub_items(lines: Sequence[str], *, lower: bool = True) -> list[str]:
    """Sub-items of an enumeration: «;» after each, «.» after the last; ``lower`` starts
    each with a small letter (names keep their capital)."""
    out = []
    for text in lines:
        text = typograph(" ".join(t for t in text.split(" ") if t)).rstrip(" ;,")
        last = re.split(r"\s", text)[-1]  # \s includes the no-break space
        if text.endswith(".") and len(last.strip("()«».")) > 3:
            text = text[:-1]
        out.append(lower_first(text) if lower else text)
    return [t + (";" if i < len(out) - 1 else stop_mark(t)) for i, t in enumerate(out)]


def stop_mark(text: str) -> str:
    return "" if text.endswith(".") else "."


def pupil_text(forms: PersonForms, post: str | None, case: str = "nominative") -> str:
    """«обучающаяся 7 «Б» класса» in ``case`` (the noun agrees with the pupil's gender)."""
    noun = gendered(forms, "обучающийся", "обучающаяся")
    if case != "nominative":
        noun = decline_post(noun, case, forms.gender)
    cls = class_genitive(post)
    return f"{noun} {cls}" if cls else noun


def person_phrase(forms: PersonForms, person: Person, case: str) -> str:
    """«Кравченко Ольгу Викторовну, учителя русского языка и литературы» in ``case``;
    a pupil is «обучающегося 11 «А» класса»."""
    name = getattr(forms, case)
    if isinstance(person, Participant) and person.category is Category.PUPIL:
        return f"{name}, {pupil_text(forms, person.post, case)}"
    post = getattr(forms.post, case) if forms.post else ""
    return f"{name}, {lower_first(post)}" if post else name


def class_genitive(post: str | None) -> str:
    """«7 «Б» класс» → «7 «Б» класса» (a class named by its number)."""
    if not post:
        return ""
    text = typograph(post)
    words = text.split(" ")
    if words and words[-1].lower() == "класс":
        words[-1] = words[-1] + "а"
    return " ".join(words)
