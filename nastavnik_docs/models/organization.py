"""The organisation that issues the documents."""

from __future__ import annotations

from pydantic import Field

from ._enums import OrgKind
from .person import Model, Official


class Organization(Model):
    """An educational organisation or an education authority (requisite 05 of ГОСТ Р 7.0.97).

    ``full_name`` is printed in the letterhead of every document; ``short_name`` is used
    in running text. ``founder`` is the optional line above the name
    («Управление образования Администрации города Ижевска»).
    """

    full_name: str = Field(min_length=1, description="Полное наименование")
    short_name: str = Field(min_length=1, description="Сокращённое наименование")
    kind: OrgKind = Field(default=OrgKind.SCHOOL, description="Тип организации")
    founder: str | None = Field(default=None, description="Учредитель (строка над наименованием)")
    city: str = Field(min_length=1, description="Населённый пункт (место издания документа)")
    address: str | None = Field(default=None, description="Почтовый адрес")
    phone: str | None = Field(default=None, description="Телефон")
    email: str | None = Field(default=None, description="Электронная почта")
    website: str | None = Field(default=None, description="Сайт")
    inn: str | None = Field(default=None, pattern=r"^\d{10}(\d{2})?$", description="ИНН")
    ogrn: str | None = Field(default=None, pattern=r"^\d{13}(\d{2})?$", description="ОГРН")
    head: Official = Field(description="Руководитель (подписывает документы)")
    font_name: str = Field(default="Times New Roman", description="Шрифт документов")
    font_size: float = Field(default=14, ge=10, le=16, description="Кегль основного текста, пт")
