"""The requisites and the acts an organisational document cites (``nastavnik_docs.kinds._requisites``)."""

from __future__ import annotations

import datetime as dt

from nastavnik_docs._resources import sample_path
from nastavnik_docs.io import load_organization
from nastavnik_docs.kinds._requisites import (
    FEDERAL_ACTS,
    Act,
    CouncilDecision,
    approval_stamp,
    number_text,
    numbered,
    place_of,
    preamble,
    resolve_bases,
)

NB = "\u00a0"


def test_approval_stamp_by_an_order_agrees_with_the_title():
    org = load_organization(sample_path("organization.yaml"))
    lines = approval_stamp(org, "Дорожная карта", order=(dt.date(2026, 8, 28), "131-о/д"))
    assert lines[0] == "УТВЕРЖДЕНА" and lines[1].startswith("приказом ")
    assert lines[2] == f"от 28.08.2026 №{NB}131-о/д"
    assert approval_stamp(org, "Реестр наставников", order=(None, None))[0] == "УТВЕРЖДЕН"
    assert approval_stamp(org, "Положение о наставничестве", order=(None, None))[0] == "УТВЕРЖДЕНО"


def test_approval_stamp_by_signature():
    org = load_organization(sample_path("organization.yaml"))
    head = org.head
    lines = approval_stamp(org, "Реестр наставников", sign_line="___")
    assert lines[0] == "УТВЕРЖДАЮ" and lines[1].lower().startswith("директор")
    assert lines[2] == f"___ {head.initials}{NB}{head.last_name}"
    assert lines[3].startswith("«___»")


def test_federal_acts_come_from_the_data_file_by_key_or_alias():
    assert {"273-ФЗ", "Р-145", "АЗ-1128/08", "ТК-351.8", "1264-р", "Указ-94"} <= set(FEDERAL_ACTS)
    assert all(text == " ".join(text.split()) for text in FEDERAL_ACTS.values())  # folded YAML, one line
    by_key, by_alias = resolve_bases(["ТК-351.8"]), resolve_bases(["ст. 351.8 ТК РФ", "273-ФЗ", "273"])
    assert by_key == ["статьёй 351.8 Трудового кодекса Российской Федерации"]
    assert by_alias == [by_key[0], FEDERAL_ACTS["273-ФЗ"]]  # duplicates once


def test_own_acts_and_council_decisions_are_cited_in_the_instrumental_case():
    # a regulation has no number of its own: it is cited with the order that approved it
    act = Act(title="Положение о системе наставничества", date=dt.date(2026, 8, 27), number="108-о/д")
    council = CouncilDecision(date=dt.date(2026, 8, 26), number="1")
    bases = resolve_bases([act, council, "своим основанием"])
    assert bases[0] == f"Положением о системе наставничества, утверждённым приказом от 27.08.2026 №{NB}108-о/д"
    assert bases[1] == f"решением педагогического совета (протокол от 26.08.2026 №{NB}1)"
    assert preamble(bases[:1], "внедрения целевой модели") == (
        f"В соответствии с Положением о системе наставничества, утверждённым приказом от 27.08.2026 "
        f"№{NB}108-о/д, в целях внедрения целевой модели,")
    assert preamble(["статьёй 351.8"], None).startswith("В соответствии со статьёй")
    # an approved document closes its apposition before «и»
    assert preamble(bases[:2], None) == (
        f"В соответствии с Положением о системе наставничества, утверждённым приказом от 27.08.2026 "
        f"№{NB}108-о/д, и решением педагогического совета (протокол от 26.08.2026 №{NB}1),")


def test_acts_are_cited_as_their_kind_is():
    regional = Act(title="приказ Департамента образования Вологодской области «О внедрении целевой модели "
                         "наставничества»", date=dt.date(2025, 6, 16), number="1234")
    assert regional.cite() == ("приказом Департамента образования Вологодской области от 16.06.2025 "
                               f"№{NB}1234 «О внедрении целевой модели наставничества»")
    roadmap = Act(title="Дорожная карта (план мероприятий)", date=dt.date(2026, 8, 27), number="108-о/д")
    assert roadmap.cite("genitive") == (f"Дорожной карты (плана мероприятий), утверждённой приказом от 27.08.2026 "
                                        f"№{NB}108-о/д")
    order = Act(title="приказ МБОУ «СОШ № 12» «О закреплении наставнических пар»", date=dt.date(2026, 9, 28),
                number="113-о/д")
    assert order.cite() == (f"приказом МБОУ «СОШ{NB}№{NB}12» от 28.09.2026 №{NB}113-о/д «О закреплении "
                            "наставнических пар»")
    protocol = Act(title="протокол заседания комиссии по отбору наставников", date=dt.date(2026, 9, 18), number="2")
    assert protocol.cite() == f"протоколом заседания комиссии по отбору наставников от 18.09.2026 №{NB}2"
    assert Act(title="Положение об оплате труда").cite() == "Положением об оплате труда"


def test_number_place_and_items():
    org = load_organization(sample_path("organization.yaml"))
    assert number_text(None) == f"№{NB}______" and number_text(" 45-о/д ") == f"№{NB}45-о/д"
    assert place_of(org, "Вологда") == f"г.{NB}Вологда" and place_of(org, "с. Кубенское").startswith("с.")
    items = numbered(["Первое.", ("Второе:", ["а;", "б."])])
    assert [i.number for i in items] == ["1.", "2.", "2.1.", "2.2."]
