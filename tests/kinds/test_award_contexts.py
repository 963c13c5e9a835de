"""Award contexts in a batch: the part every record shares is built once per distinct input
and never outlives a change of that input; the statement once per event, role and gender."""

from __future__ import annotations

import datetime as dt

from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.kinds import awards, get_kind
from nastavnik_docs.models import Gender, Role

NBSP = "\u00a0"


def certificate(**changes):
    kind = get_kind("award.certificate")
    data = load_input(kind, sample_path("awards/certificate.yaml"))
    return type(data).model_validate({**data.model_dump(), **changes}) if changes else data


def build(data):
    return get_kind("award.certificate").build_context(data)


def test_each_shared_value_follows_its_own_input():
    base = certificate(order_number="7-о", order_date=dt.date(2026, 5, 20), number="15")
    first = build(base)
    assert first.basis == f"Приказ от 20.05.2026 №{NBSP}7-о"
    assert first.number == f"Рег.{NBSP}№{NBSP}15"
    org = base.organization.model_dump()
    head = {**org["head"], "last_name": "Кузнецова", "first_name": "Анна", "middle_name": "Ильинична"}
    other = build(certificate(order_number="8-о", order_date=None, number=None, date=dt.date(2027, 6, 1),
                              organization={**org, "full_name": "Другая школа", "city": "Тотьма", "head": head}))
    assert other.basis == f"Приказ №{NBSP}8-о" and other.number is None
    assert other.organization_name == "Другая школа" and other.place == f"Тотьма{NBSP}— 2027"
    assert other.date.startswith("1") and "2027" in other.date
    assert other.signer_name == f"А.И.{NBSP}Кузнецова"
    assert build(base).model_dump(exclude={"recipient"}) == first.model_dump(exclude={"recipient"})


def test_an_organisation_changed_in_place_is_not_taken_for_the_old_one():
    data = certificate()
    before = build(data)
    data.organization.full_name = "Муниципальное автономное учреждение «Лицей № 1»"
    data.organization.head.last_name = "Смирнова"
    after = build(data)
    assert after.organization_name != before.organization_name
    assert after.organization_name.startswith("Муниципальное автономное учреждение")
    assert after.signer_name.endswith("Смирнова") and not before.signer_name.endswith("Смирнова")


def test_the_shared_part_is_kept_for_a_bounded_number_of_inputs():
    data = certificate()
    for day in range(200):
        build(data.model_copy(update={"date": dt.date(2026, 1, 1) + dt.timedelta(days=day)}))
    info = awards._common_cached.cache_info()
    assert info.maxsize is not None and info.currsize <= info.maxsize <= 256
    assert awards._certificate_statement.cache_info().maxsize is not None


def test_the_statement_agrees_with_each_recipient_of_a_batch():
    data = certificate()
    recipient = data.recipient.model_dump()
    woman = build(data.model_copy(update={"recipient": type(data.recipient).model_validate(
        {**recipient, "last_name": "Орлова", "first_name": "Вера", "middle_name": "Игоревна", "gender": "female"})}))
    man = build(data.model_copy(update={"recipient": type(data.recipient).model_validate(
        {**recipient, "last_name": "Орлов", "first_name": "Пётр", "middle_name": "Игоревич", "gender": "male"})}))
    assert "она приняла" in woman.statement and "он принял" in man.statement
    assert woman.statement.replace("она приняла", "он принял") == man.statement


def test_a_curators_certificate_describes_the_post_without_the_role():
    data = certificate()
    curator = data.recipient.model_copy(update={"role": Role.CURATOR, "post": "учитель химии",
                                                "gender": Gender.FEMALE})
    context = build(data.model_copy(update={"recipient": curator}))
    assert context.statement.startswith("в том, что")
    assert context.about.dative == "учителю химии"
    assert awards.describe(curator, Gender.FEMALE).dative == "учителю химии, куратору программы наставничества"
