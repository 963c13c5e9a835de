"""``consent.personal_data`` — согласие на обработку персональных данных (152-ФЗ, ст. 9 ч. 4).

Every item the law requires: the operator, the purposes, the data, the actions and the
methods, the third parties, the period, how to withdraw it and the subject's rights. The
third parties are named in the dative the verb asks for, in two clauses that the law keeps
apart: the data passed on to another operator, and the processing entrusted to another
person on the operator's behalf (art. 6 part 3). The address and the identity document
print as blanks when the data does not hold them (they are never invented); for a minor
the legal representative gives the consent, and a minor of 14–17 signs too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import Field, field_validator

from ...models import Category, Model
from ...ru import BLANK_LINE, decline_post
from .._base import BatchSpec, DemoBatch, Kind, register
from .._data import schema_words
from ._subject import (
    DASH,
    FAMILY,
    LAW_152,
    TEXT,
    ConsentBase,
    ConsentFrame,
    Subject,
    consent_frame,
    consent_records,
    numbered_clauses,
    operator,
    semicolon_items,
)

__all__ = ["ConsentContext", "PersonalDataConsentInput", "ThirdParty", "build_personal_data"]

_TEXT = TEXT["personal_data"]


#: The Russian words of a third party's mode.
_MODES = {"передача": "transfer", "передать": "transfer", "поручение": "entrust", "поручить": "entrust",
          "поручение обработки": "entrust"}


class ThirdParty(Model):
    """Someone the operator passes the data to (another operator) or entrusts the processing
    to on its behalf (152-ФЗ art. 6 part 3; art. 9 part 4 item 3)."""

    name: str = Field(min_length=1, description="Наименование в именительном падеже")
    name_dative: str | None = Field(default=None, description="Наименование в дательном падеже (кому), если "
                                                              "склоняется не так, как нужно")
    address: str | None = Field(default=None, description="Адрес")
    purpose: str | None = Field(default=None,
            description="Для чего («для формирования региональной базы наставников»)")
    mode: Literal["transfer", "entrust"] = Field(
        default="transfer", json_schema_extra=schema_words(_MODES), description="transfer — передача другому оператору (по умолчанию); entrust — "
                                        "поручение обработки по договору с оператором (ч. 3 ст. 6 152-ФЗ)")

    @field_validator("mode", mode="before")
    @classmethod
    def _russian_mode(cls, value: Any) -> Any:
        return _MODES.get(str(value).strip().lower(), value) if isinstance(value, str) else value


class PersonalDataConsentInput(ConsentBase):
    """Согласие на обработку персональных данных участника программы наставничества."""

    purposes: list[str] | None = Field(default=None, description="Цели обработки (по умолчанию — типовые)")
    data_items: list[str] | None = Field(default=None,
            description="Перечень персональных данных (по умолчанию — по категории участника)")
    actions: str | None = Field(default=None,
            description="Перечень действий (по умолчанию — по ст. 3 152-ФЗ)")
    third_parties: list[ThirdParty] = Field(default_factory=list,
            description="Кому передаются данные или поручается обработка")


class ConsentContext(ConsentFrame):
    """What the template of ``consent.personal_data`` places."""


def _default_purposes(subject: Subject) -> list[str]:
    return [text.format(programme=subject.programme()) for text in _TEXT["purposes"]]


_CATEGORY_ITEMS = {Category.PUPIL: "pupil", Category.STUDENT: "student", Category.EMPLOYER: "employer"}


def _default_data_items(subject: Subject) -> list[str]:
    """What is processed, by the participant's category; a pupil who gives the consent
    himself (of age) has no «ребёнок» and no legal representative in the list."""
    items = _CATEGORY_ITEMS.get(subject.person.category, "staff")
    if items == "pupil" and not subject.minor:
        items = "pupil_adult"
    return list(_TEXT["data_items"][items])


def _third_party(t: ThirdParty) -> str:
    """«Управлению образования … (адрес: …) – для …»: the recipient in the dative."""
    text = t.name_dative or decline_post(t.name, "dative")
    text += f" (адрес: {t.address})" if t.address else ""
    return text + (f" {DASH} {t.purpose}" if t.purpose else "")


def _third_party_clauses(parties: Sequence[ThirdParty]) -> list[tuple[str, Sequence[str]]]:
    """A clause for passing the data on and one for entrusting the processing, each naming
    its recipients."""
    rows: list[tuple[str, Sequence[str]]] = []
    transfer = [t for t in parties if t.mode == "transfer"]
    entrust = [t for t in parties if t.mode == "entrust"]
    if transfer:
        rows.append((_TEXT["transfer"], semicolon_items([_third_party(t) for t in transfer])))
    if entrust:
        rows.append((_TEXT["entrust"], semicolon_items([_third_party(t) for t in entrust])))
    return rows


def build_personal_data(data: PersonalDataConsentInput) -> ConsentContext:
    subject = Subject(data)
    org = data.organization
    intro = subject.intro(f"свободно, своей волей и {subject.interest()} даю согласие {operator(org)} "
                          f"на обработку {subject.whose()} на следующих условиях.", "статьёй 9")
    period = data.period or _TEXT["period"].format(programme=subject.programme())
    rows: list[tuple[str, Sequence[str]]] = [
        ("Цели обработки персональных данных:", semicolon_items(data.purposes or _default_purposes(subject))),
        ("Перечень персональных данных, на обработку которых даётся согласие:",
         semicolon_items(data.data_items or _default_data_items(subject))),
        (f"Перечень действий с персональными данными: {(data.actions or _TEXT['actions']).rstrip('.')}. "
         + _TEXT["methods"], []),
    ]
    rows += _third_party_clauses(data.third_parties)
    rows += [
        (f"Согласие действует {period.rstrip('.')}.", []),
        (_TEXT["withdrawal"].format(address=org.address or BLANK_LINE), []),
        (f"Я {subject.aware()} с правами субъекта персональных данных, предусмотренными главой 3 "
         f"{LAW_152}, и с тем, что согласие оформлено отдельно от иных документов.", []),
    ]
    return ConsentContext(**consent_frame(
        data, subject, subtitle="на обработку персональных данных участника программы наставничества",
        intro=intro, clauses=numbered_clauses(rows), what="обработку персональных данных"))


register(Kind(
    id="consent.personal_data",
    title="Согласие на обработку персональных данных",
    build_context=build_personal_data,
    family=FAMILY,
    description="Согласие участника программы наставничества (за несовершеннолетнего — законного "
                "представителя) по ч. 4 ст. 9 152-ФЗ; паспортные данные, которых нет, — строки для руки.",
    samples=("forms/consent_personal_data.yaml", "forms/consent_personal_data_teacher.yaml"),
    sample_names={"forms/consent_personal_data.yaml": "обучающийся (подписывает законный представитель)",
                  "forms/consent_personal_data_teacher.yaml": "педагог"},
    output_name="Согласие на обработку ПД",
    batch=BatchSpec(records=consent_records, file_name="Согласие_{last_name}_{initials}"),
    demo_batch=DemoBatch(common="forms/consent_common.yaml"),
))
