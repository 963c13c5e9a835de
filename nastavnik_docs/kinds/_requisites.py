"""The requisites of organisational documents (ГОСТ Р 7.0.97-2025) and the acts they cite.

Every order and protocol (and the reports that reuse this module) takes a
:class:`DocumentInput` — the organisation, the registration number and date (both optional:
a document not yet registered prints blanks for handwriting), the place, the signer and the
bases its preamble cites — and builds its context on :class:`RequisitesContext` with
:func:`requisite_fields`. The template receives finished strings and
:class:`~nastavnik_docs.ru.PersonForms`.

* :class:`Act` / :class:`CouncilDecision` — the organisation's own acts, regional and
  municipal acts and council decisions, cited by date and number; :data:`FEDERAL_ACTS` —
  the federal acts by key (``acts.yaml``, see :mod:`._legal`); :func:`resolve_bases` and
  :func:`preamble` — «В соответствии с …, в целях …»;
* :func:`act_reference`, :func:`number_text`, :func:`place_of`, :func:`letterhead_lines`,
  :func:`approval_stamp`, :func:`appendix_mark`, :func:`signature_post` — the requisites;
* :class:`Item` and :func:`numbered` — numbered items «1.», «2.1.»;
* :func:`typeset` — the last pass over a finished context: one-letter words and dashes bound
  to their neighbours by no-break spaces in every string it holds.
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
    agreeing,
    approved_word,
    bind_words,
    decline_post,
    decline_title,
    format_date,
    join_appositions,
    person_forms,
    typograph,
    upper_first,
    with_preposition,
)
from ._legal import ACTS, APPROVED_WORDS, ISSUED_WORDS, act_key
from ._people import forms_of

__all__ = [
    "FEDERAL_ACTS", "SIGN_LINE", "Act", "Basis", "CouncilDecision", "DocumentInput", "Item",
    "RequisitesContext", "act_reference", "appendix_mark", "approval_stamp", "letterhead_lines",
    "number_text", "numbered", "place_of", "post_without_org", "preamble", "requisite_fields",
    "resolve_bases", "signature_post", "typeset",
]

NBSP = "\u00a0"

#: Federal acts a preamble may cite, by a short key («273-ФЗ», «Р-145», «ТК-351.8» …), in
#: the instrumental case that «В соответствии с …» asks for.
FEDERAL_ACTS: dict[str, str] = {key: act.cite for key, act in ACTS.items()}

#: The signature line of an «УТВЕРЖДАЮ» stamp.
SIGN_LINE = "_______________"


# --------------------------------------------------------------------------- acts


def act_reference(date: dt.date | None, number: str | None) -> str:
    """«от 28.08.2026 № 1»; a missing date or number prints as a blank."""
    return f"от {format_date(date, 'numeric')} №{NBSP}{number or BLANK_NUMBER}"


def _last_quoted(title: str) -> int | None:
    """Where the quoted name that ends ``title`` begins («…» with its nested quotes), or None."""
    if not title.endswith("»"):
        return None
    depth = 0
    for i in range(len(title) - 1, -1, -1):
        if title[i] in "»“":
            depth += 1
        elif title[i] in "«„":
            depth -= 1
            if depth == 0:
                return i if i > 0 and title[i - 1] == " " else None
    return None


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
        """The act in ``case`` with its date and number, as its kind is cited (``acts.yaml``):

        * an issued act names them before its quoted name: «приказом Департамента
          образования … от 01.08.2025 № 123 «О внедрении …»»;
        * an approved document names the order that approved it: «Положением о системе
          наставничества …, утверждённым приказом от 27.08.2026 № 108-о/д»;
        * anything else is followed by them: «протоколом заседания комиссии от … № …».
        """
        title = typograph(self.title)
        reference = self.reference()
        first = title.split(" ", 1)[0].lower()
        if reference and first in APPROVED_WORDS:
            return (f"{decline_title(title, case)}, {agreeing('утверждённый', title, case)} приказом "
                    f"{reference}")
        name = ""
        start = _last_quoted(title) if reference and first in ISSUED_WORDS else None
        if start:  # «приказ МБОУ «СОШ № 12» «О …»»: the date and number go before the act's name
            title, name = title[:start].rstrip(), title[start:]
        words = [decline_title(title, case), reference, name]
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
            key = act_key(str(basis))
            text = ACTS[key].cite if key is not None else typograph(str(basis).strip())
        if text and text not in out:
            out.append(text)
    return out


def preamble(bases: Sequence[str], purpose: str | None, clause: str = "") -> str:
    """«В соответствии с A, B и C, с учётом мнения …, в целях D,» — the sentence before
    «ПРИКАЗЫВАЮ:».

    ``purpose`` is the continuation after «в целях» («внедрения целевой модели …»);
    ``clause`` («с учётом мнения …», «на основании заявления …») goes between the bases and
    the purpose.
    """
    parts = []
    if bases:
        # an act cited with the order that approved it is an apposition: a comma closes it before «и»
        parts.append(f"в соответствии {with_preposition(bases[0])} " + join_appositions(list(bases), sep=", "))
    if clause:
        parts.append(clause.strip().rstrip(".,"))
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
    regional_acts: list[Act] = Field(
        default_factory=list,
        description="Региональные и муниципальные акты о наставничестве: цитируются в преамбуле "
                    "первыми, перед федеральными (название в именительном падеже, дата, номер)")
    signature_post: str | None = Field(
        default=None,
        description="Должность в подписи; по умолчанию — должность подписывающего без наименования "
                    "организации («Директор»): на бланке организация уже названа")


class RequisitesContext(BaseModel):
    """The requisites every organisational document places (ГОСТ Р 7.0.97-2025).

    ``letterhead`` — the founder line (if any) and the organisation's full name;
    ``date`` — «1 сентября 2026 г.» or a blank; ``date_numeric`` — «01.09.2026» or a blank;
    ``number`` — «№ 45» or «№ ______»; ``place`` — «г. Вологда»; ``signer`` — PersonForms
    of the signer; ``signer_post`` / ``signer_name`` — the signature block («Директор …»,
    «Л.А. Горбунова»); ``font_name`` / ``font_size`` — the organisation's font, which the
    engine applies to the whole document. Each document's context is built when it is
    first made (``defer_build``), not for every kind of its family at import.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True, defer_build=True)

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
        "signer_post": signature_post(signer, org, data.signature_post),
        "signer_name": forms.initials_nominative,
        "font_name": org.font_name,
        "font_size": org.font_size,
    }


def post_without_org(post: str, organization: Organization) -> str:
    """«директора МБОУ «СОШ № 12»» → «директора» when the organisation is named anyway."""
    text = typograph(post)
    for name in (organization.short_name, organization.full_name):
        tail = typograph(name)
        if text.endswith(" " + tail):
            return text[: -len(tail) - 1]
    return text


def signature_post(signer: Official, organization: Organization, given: str | None = None) -> str:
    """The post in a signature on the organisation's letterhead: as ``given``, else the
    signer's post without the organisation's name, which the letterhead already carries
    («Директор»)."""
    return upper_first(typograph(given.strip())) if given and given.strip() else \
        upper_first(post_without_org(signer.post, organization))


def typeset(value: Any) -> Any:
    """``value`` with :func:`~nastavnik_docs.ru.bind_words` applied to every string it holds
    (a context model, its lists and nested models); people's forms are left as they are."""
    if isinstance(value, str):
        return bind_words(value)
    if isinstance(value, list):
        return [typeset(v) for v in value]
    if isinstance(value, BaseModel):
        return value.model_copy(update={name: typeset(getattr(value, name)) for name in type(value).model_fields})
    return value


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
