"""``consent.publication`` — согласие на распространение персональных данных (152-ФЗ, ст. 10.1).

A document separate from the consent to processing, as приказ Роскомнадзора от 24.02.2021
№ 18 lays it out: the subject's contacts, the operator, the operator's resources with the
full address of the page, a table of the order's three categories of data (personal,
special, biometric — a photo is biometric only when used to establish who a person is)
with what is allowed and the conditions and prohibitions per category, how the data may
be passed on, the period and how to stop the publication.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, field_validator

from ...models import Category, Model, Organization, Participant, normalize_word
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

__all__ = ["CATEGORIES", "PublicationConsentInput", "PublicationContext", "PublicationItem", "PublicationRow",
           "build_publication", "category_key"]

_TEXT = TEXT["publication"]
#: The categories of order № 18: key → printed title, and the words that name each.
CATEGORIES: dict[str, str] = {key: c["title"] for key, c in _TEXT["categories"].items()}
_CATEGORY_WORDS: dict[str, str] = {normalize_word(w): key for key, c in _TEXT["categories"].items()
                                   for w in (key, c["title"], *c["aliases"])}
#: A web address with a path after the domain: the full address of a page.
_PAGE = re.compile(r"https?://[^/\s]+/\S+")
_SITE = re.compile(r"https?://\S+")


def category_key(text: str) -> str:
    """The order № 18 category a word names («изображение» → general); ValueError otherwise."""
    key = _CATEGORY_WORDS.get(normalize_word(text))
    if key is None:
        allowed = "; ".join(f"«{t}»" for t in CATEGORIES.values())
        raise ValueError(f"категория «{text}» не из приказа Роскомнадзора № 18; допустимо: {allowed}")
    return key


class PublicationItem(Model):
    """A row of the publication consent: a category, its data, allowed or not, conditions."""

    category: str = Field(min_length=1, description="Категория по приказу Роскомнадзора № 18: персональные данные "
                                                    "(общие), специальные, биометрические")
    data: str = Field(min_length=1, description="Перечень персональных данных")
    allowed: bool | None = Field(default=None,
            description="Разрешено к распространению (нет — «да / нет» от руки)")
    conditions: str | None = Field(default=None, description="Условия и запреты (нет — пустая графа)")

    @field_validator("category")
    @classmethod
    def _order_18(cls, value: str) -> str:
        return category_key(value)


class PublicationConsentInput(ConsentBase):
    """Согласие на обработку персональных данных, разрешённых для распространения (ст. 10.1)."""

    purpose: str | None = Field(default=None, description="Цель распространения (по умолчанию — типовая)")
    page: str | None = Field(default=None, description="Полный адрес страницы сайта, где публикуются данные "
                                                       "(https://…/nastavnichestvo/)")
    resources: list[str] | None = Field(default=None,
            description="Ресурсы, где публикуются данные, с полными адресами страниц (по умолчанию — страница page "
                        "сайта и стенды)")
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


def _default_resources(org: Organization, page: str | None) -> list[str]:
    site = f"официальный сайт {org.short_name}" + (f" ({org.website})" if org.website and not page else "")
    return [text.format(site=site, org=org.short_name, page=page or BLANK_LINE) for text in _TEXT["resources"]]


def _page_warnings(given: list[str] | None, page: str | None) -> list[str]:
    """Order № 18 asks for the full address of each page: a page or a resource naming a site
    without its page, or no page at all, is reported."""
    if page is not None and not _PAGE.search(page):
        return [f"Адрес страницы «{page}» неполный: приказ Роскомнадзора № 18 требует полного адреса "
                "страницы (протокол, сервер, домен, каталог, страница), например https://сайт/nastavnichestvo/."]
    if given is None:
        return [] if page else [
            "Не указан полный адрес страницы сайта, где публикуются данные (поле page): в согласии оставлена "
            "строка, впишите адрес от руки или укажите его и выпустите согласие заново."]
    return [f"В ресурсе «{r}» адрес сайта без страницы: укажите полный адрес страницы (приказ Роскомнадзора "
            "№ 18)." for r in given if _SITE.search(r) and not _PAGE.search(r)]


def _default_items(person: Participant) -> list[PublicationItem]:
    place = _TEXT["place_pupil"] if person.category is Category.PUPIL else _TEXT["place_other"]
    return [PublicationItem(category=item["category"], data=" ".join(item["data"].format(place=place).split()),
                            allowed=item.get("allowed"), conditions=item.get("conditions"))
            for item in _TEXT["items"]]


def _yes_no(value: bool | None) -> str:
    if value is None:
        return "да / нет"
    return "да" if value else "нет"


def build_publication(data: PublicationConsentInput) -> PublicationContext:
    subject = Subject(data)
    org = data.organization
    resources = data.resources or _default_resources(org, data.page)
    purpose = data.purpose or _TEXT["purpose"].format(programme_genitive=subject.programme("genitive"))
    intro = subject.intro(f"свободно, своей волей и {subject.interest()} даю согласие {operator(org)} "
                          f"на распространение {subject.whose()} "
                          f"в целях {purpose.rstrip('.')}.", "статьёй 10.1")
    head = [
        (f"Контактные данные {'законного представителя' if subject.minor else 'субъекта персональных данных'}:",
         semicolon_items(subject.contacts())),
        ("Информационные ресурсы оператора, посредством которых персональные данные "
         "предоставляются неограниченному кругу лиц:", semicolon_items(resources)),
        ("Категории и перечень персональных данных, разрешённых к распространению, условия и "
         "запреты по каждой категории (часть 9 статьи 10.1 Федерального закона №\u00a0152-ФЗ, приказ "
         "Роскомнадзора от 24.02.2021 №\u00a018):", []),
    ]
    items = data.items or _default_items(subject.person)
    rows = [PublicationRow(number=f"{i}.", category=CATEGORIES[it.category], data=typograph(it.data),
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
                        clauses=numbered_clauses(head), what="распространение персональных данных",
                        warnings=_page_warnings(data.resources, data.page)),
        rows=rows, after=numbered_clauses(after, start=len(head) + 1))


register(Kind(
    id="consent.publication",
    title="Согласие на распространение персональных данных",
    build_context=build_publication,
    family=FAMILY,
    description="Отдельное согласие на распространение (публикацию) персональных данных по ст. 10.1 "
                "152-ФЗ и приказу Роскомнадзора № 18: полный адрес страницы, категории (общие, специальные, "
                "биометрические), условия и запреты по каждой.",
    samples=("forms/consent_publication.yaml",),
    output_name="Согласие на распространение ПД",
    batch=BatchSpec(records=consent_records, file_name="Согласие_на_распространение_{last_name}_{initials}"),
))
