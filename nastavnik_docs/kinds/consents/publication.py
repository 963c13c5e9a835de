"""``consent.publication`` — согласие на распространение персональных данных (152-ФЗ, ст. 10.1).

A document separate from the consent to processing: the resources where the data is
published, a table of the categories of data allowed (or not) with the conditions and
prohibitions the subject sets, how the data may be passed on, the period and how to stop
the publication.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from ...models import Category, Model, Organization, Participant
from ...ru import BLANK_LINE, typograph
from .._base import BatchSpec, Kind, register
from ._subject import (
    FAMILY,
    TEXT,
    Clause,
    ConsentBase,
    ConsentFrame,
    Subject,
    consent_frame,
    consent_records,
    numbered_clauses,
    operator,
    semicolon_items,
)

__all__ = ["PublicationConsentInput", "PublicationContext", "PublicationItem", "PublicationRow",
           "build_publication"]

_TEXT = TEXT["publication"]


class PublicationItem(Model):
    """A row of the publication consent: a category, its data, allowed or not, conditions."""

    category: str = Field(min_length=1, description="Категория персональных данных")
    data: str = Field(min_length=1, description="Перечень персональных данных")
    allowed: bool | None = Field(default=None,
            description="Разрешено к распространению (нет — «да / нет» от руки)")
    conditions: str | None = Field(default=None, description="Условия и запреты (нет — пустая графа)")


class PublicationConsentInput(ConsentBase):
    """Согласие на обработку персональных данных, разрешённых для распространения (ст. 10.1)."""

    purpose: str | None = Field(default=None, description="Цель распространения (по умолчанию — типовая)")
    resources: list[str] | None = Field(default=None,
            description="Ресурсы, где публикуются данные (по умолчанию — сайт, раздел «Наставничество»)")
    items: list[PublicationItem] | None = Field(default=None,
            description="Категории и перечень данных (по умолчанию — типовые)")
    transfer_conditions: str | None = Field(default=None,
            description="Условия передачи по внутренней сети или сетям связи (нет — строка для руки)")


class PublicationRow(BaseModel):
    number: str
    category: str
    data: str
    allowed: str
    conditions: str


class PublicationContext(ConsentFrame):
    """What the template of ``consent.publication`` places: the frame, the table of categories
    after the clauses, and the clauses after it."""

    rows: list[PublicationRow]
    after: list[Clause]


def _default_resources(org: Organization) -> list[str]:
    site = f"официальный сайт {org.short_name}" + (f" {org.website}" if org.website else "")
    return [text.format(site=site, org=org.short_name) for text in _TEXT["resources"]]


def _default_items(person: Participant) -> list[PublicationItem]:
    place = _TEXT["place_pupil"] if person.category is Category.PUPIL else _TEXT["place_other"]
    return [PublicationItem(category=item["category"], data=item["data"].format(place=place))
            for item in _TEXT["items"]]


def _yes_no(value: bool | None) -> str:
    if value is None:
        return "да / нет"
    return "да" if value else "нет"


def build_publication(data: PublicationConsentInput) -> PublicationContext:
    subject = Subject(data)
    org = data.organization
    purpose = data.purpose or _TEXT["purpose"].format(programme_genitive=subject.programme("genitive"))
    intro = subject.intro(f"свободно, своей волей и {subject.interest()} даю согласие {operator(org)} "
                          f"на распространение {subject.whose()} "
                          f"в целях {purpose.rstrip('.')}.", "статьёй 10.1")
    head = [
        (f"Контактные данные {'законного представителя' if subject.minor else 'субъекта персональных данных'}:",
         semicolon_items(subject.contacts())),
        ("Информационные ресурсы оператора, посредством которых персональные данные "
         "предоставляются неограниченному кругу лиц:", semicolon_items(data.resources or _default_resources(org))),
        ("Категории и перечень персональных данных, разрешённых к распространению, условия и "
         "запреты (часть 9 статьи 10.1 Федерального закона №\u00a0152-ФЗ):", []),
    ]
    items = data.items or _default_items(subject.person)
    rows = [PublicationRow(number=f"{i}.", category=typograph(it.category), data=typograph(it.data),
                           allowed=_yes_no(it.allowed), conditions=typograph(it.conditions or ""))
            for i, it in enumerate(items, start=1)]
    transfer = [data.transfer_conditions.rstrip(".") + "."] if data.transfer_conditions else [BLANK_LINE]
    period = data.period or _TEXT["period"].format(programme=subject.programme())
    after = [
        ("Условия, при которых полученные персональные данные могут передаваться оператором только "
         "по его внутренней сети с доступом строго определённых работников, с использованием "
         "информационно-телекоммуникационных сетей или без передачи:", transfer),
        (f"Согласие действует {period.rstrip('.')}.", []),
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
        **consent_frame(data, subject, subtitle="на обработку персональных данных, разрешённых субъектом "
                        "персональных данных для распространения", intro=intro,
                        clauses=numbered_clauses(head)),
        rows=rows, after=numbered_clauses(after, start=len(head) + 1))


register(Kind(
    id="consent.publication",
    title="Согласие на распространение персональных данных",
    build_context=build_publication,
    family=FAMILY,
    description="Отдельное согласие на распространение (публикацию) персональных данных по ст. 10.1 "
                "152-ФЗ: ресурсы, категории, условия и запреты.",
    samples=("forms/consent_publication.yaml",),
    output_name="Согласие на распространение ПД",
    batch=BatchSpec(records=consent_records, file_name="Согласие_на_распространение_{last_name}_{initials}"),
))
