"""``nastavnik-docs init``: an empty registry workbook and an organisation card to fill in."""

from __future__ import annotations

import os
from pathlib import Path

from .._files import write_bytes_atomic
from ..errors import OutputExistsError
from ..models import Registry
from ._registry_xlsx import write_registry

REGISTRY_FILE = "База наставников и наставляемых.xlsx"
ORGANIZATION_FILE = "organization.yaml"

#: The organisation card a curator fills in: every field with a Russian comment.
ORGANIZATION_TEMPLATE = """\
# Карточка образовательной организации для документов nastavnik-docs.
# Впишите значения после двоеточий. Строки, начинающиеся с «#», — пояснения;
# обязательные поля помечены «обязательно», остальные можно оставить пустыми.
# Текст с кавычками-«ёлочками» пишите как есть, без дополнительных кавычек.

# Полное наименование — печатается в шапке каждого документа (обязательно), например:
# Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12»
full_name:
# Сокращённое наименование — в тексте документов (обязательно), например: МБОУ «СОШ № 12»
short_name:
# Тип: школа, колледж, детский сад, дополнительное образование, центр, управление образования
kind: школа
# Учредитель — строка над наименованием в шапке, например:
# Управление образования Администрации города Вологды
founder:
# Населённый пункт — место издания документа (обязательно), например: Вологда
city:
# Почтовый адрес, телефон, электронная почта, сайт:
address:
phone:
email:
website:
# ИНН (10 или 12 цифр) и ОГРН (13 или 15 цифр) — в кавычках, например: '3525000012'
inn:
ogrn:

# Руководитель, который подписывает документы:
head:
  last_name:      # фамилия (обязательно)
  first_name:     # имя (обязательно)
  middle_name:    # отчество, если есть
  gender:         # пол: м или ж (если пусто — определяется по отчеству)
  post:           # должность полностью (обязательно), например: Директор МБОУ «СОШ № 12»

# Шрифт и кегль документов (ГОСТ Р 7.0.97-2025 шрифт не предписывает; 12–14 пт):
font_name: Times New Roman
font_size: 14
"""


def init_workspace(folder: str | os.PathLike[str], *, overwrite: bool = False) -> list[Path]:
    """Write an empty registry workbook and an organisation YAML into ``folder``.

    Nothing is written when either file exists and ``overwrite`` is False.
    """
    folder = Path(folder)
    registry_path, organization_path = folder / REGISTRY_FILE, folder / ORGANIZATION_FILE
    if not overwrite:
        for path in (registry_path, organization_path):
            if path.exists():
                raise OutputExistsError.file(path)
    folder.mkdir(parents=True, exist_ok=True)
    written = [write_registry(Registry(), registry_path, overwrite=overwrite)]
    written.append(write_bytes_atomic(organization_path, ORGANIZATION_TEMPLATE.encode("utf-8"),
                                      overwrite=overwrite))
    return written
