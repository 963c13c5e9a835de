"""The requisites of organisational documents (ГОСТ Р 7.0.97-2025) and the acts they cite.

Every order and protocol (and the reports that reuse this module) takes a
:class:`DocumentInput` — the organisation, the registration number and date (both optional:
a document not yet registered prints blanks for handwriting), the place, the signer and the
bases its preamble cites — and builds its context on :class:`RequisitesContext` with
:func:`requisite_fields`. The template receives finished strings and
:class:`~nastavnik_docs.ru.PersonForms`.

* :class:`Act` / :class:`CouncilDecision` — the organisation's own acts and council
  decisions, cited by date and number; :data:`FEDERAL_ACTS` — the federal acts by key
  (``acts.yaml``); :func:`resolve_bases` and :func:`preamble` — «В соответствии с …, в целях …»;
* :func:`act_reference`, :func:`number_text`, :func:`place_of`, :func:`letterhead_lines`,
  :func:`approval_stamp`, :func:`appendix_mark` — the requisites themselves;
* :class:`Item` and :func:`numbered` — numbered items «1.», «2.1.».
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..models import Model, Official, Organization, Person
from ..ru import (
    BLANK_NUMBER,
    PersonForms,
    approved_word,
    decline_post,
    format_date,
    join_and,
    person_forms,
    typograph,
    upper_first,
    with_preposition,
)
from ._data import wording
from ._people import forms_of

__all__ = [
    "FEDERAL_ACTS", "SIGN_LINE", "Act", "Basis", "CouncilDecision", "DocumentInput", "Item",
    "RequisitesContext", "act_reference", "appendix_mark", "approval_stamp", "letterhead_lines",
    "number_text", "numbered", "place_of", "preamble", "requisite_fields", "resolve_bases",
]

NBSP = "\u00a0"

_ACTS = wording(__package__ or "nastavnik_docs.kinds", "acts.yaml")
#: Federal acts a preamble may cite, by a short key («273-ФЗ», «Р-145», «ТК-351.8» …), in
#: the instrumental case that «В соответствии с …» asks for.
FEDERAL_ACTS: dict[str, str] = dict(_ACTS["federal"])
_ACT_ALIASES: dict[str, str] = dict(_ACTS["aliases"])

#: The signature line of an «УТВЕРЖДАЮ» stamp.
SIGN_LINE = "_______________"


# --------------------------------------------------------------------------- acts


def act_reference(date: dt.date | None, number: str | None) -> str:
    """«от 28.08.2026 № 1»; a missing date or number prints as a blank."""
    return f"от {format_date(date, 'numeric')} №{NBSP}{number or BLANK_NUMBER}"


class Act(Model):
    """A document of the organisation (or of a regional body) cited by date and number.

    ``title`` is in the nominative, as on the document itself:
    «Положение о системе наставничества педагогических работников МБОУ «СОШ № 12»».
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


# --------------------------------------------------------------------------- requisites


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


def approval_stamp(organization: Organization, title: str, *,
                   order: tuple[dt.date | None, str | None] | None = None,
                   signer: Person | None = None, date: dt.date | None = None,
                   sign_line: str = SIGN_LINE) -> list[str]:
    """The lines of the approval stamp of a document titled ``title``.

    Approved by an order (``order=(date, number)``; a missing date or number prints as a
    blank): «УТВЕРЖДЕНА / приказом МБОУ «СОШ № 12» / от 28.08.2026 № 131-о/д», the
    participle agreeing with the title. Otherwise approved by signature: «УТВЕРЖДАЮ /
    Директор МБОУ … / ________ Л.А. Горбунова / «___» ____ 20___ г.» — ``signer`` (by
    default the head of the organisation), a signature line and ``date`` (a blank without one).
    """
    if order is not None:
        return [approved_word(title), f"приказом {typograph(organization.short_name)}", act_reference(*order)]
    forms = forms_of(signer or organization.head)
    post = typograph(upper_first(forms.post.nominative)) if forms.post else ""
    return ["УТВЕРЖДАЮ", *([post] if post else []), f"{sign_line} {forms.initials_nominative}",
            format_date(date, "quoted")]


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


class RequisitesContext(BaseModel):
    """The requisites every organisational document places (ГОСТ Р 7.0.97-2025).

    ``letterhead`` — the founder line (if any) and the organisation's full name;
    ``date`` — «1 сентября 2026 г.» or a blank; ``date_numeric`` — «01.09.2026» or a blank;
    ``number`` — «№ 45» or «№ ______»; ``place`` — «г. Вологда»; ``signer`` — PersonForms
    of the signer; ``signer_post`` / ``signer_name`` — the signature block («Директор …»,
    «Л.А. Горбунова»); ``font_name`` / ``font_size`` — the organisation's font, which the
    engine applies to the whole document.
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


# --------------------------------------------------------------------------- items


class Item(BaseModel):
    """A numbered item of an order or a decision: «2.1.» and its text."""

    number: str
    text: str


def numbered(texts: Iterable[str | tuple[str, Sequence[str]]], prefix: str = "") -> list[Item]:
    """Number items «1.», «2.»…; an item given as (text, subitems) gets «2.1.», «2.2.»…"""
    items: list[Item] = []
    for i, entry in enumerate(texts, start=1):
        text, subs = (entry, ()) if isinstance(entry, str) else entry
        number = f"{prefix}{i}."
        items.append(Item(number=number, text=text))
        items.extend(numbered(subs, prefix=number))
    return items
