"""Legal bases chosen by rule (``acts.yaml``, ``kinds._legal``), asserted on generated documents.

* art. 351.8 of the Labour Code only where mentor and mentee are both employees: a pupil pair
  has it nowhere, a teacher pair with pay has it in the order and in its agreement, together
  with the three-working-day notice;
* a reward of a pupil and a teacher yields two orders: the personnel one cites art. 191 and
  the regulation on pay, the pupils' one — art. 34 of 273-ФЗ, and neither cites art. 351.8;
* the early end cites the ground that fits the pair;
* regional and municipal acts come first.
"""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from read_back import REGISTRY, SAMPLES, plain, sample_data, texts, write_input

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs.errors import InputError
from nastavnik_docs.kinds import get_kind
from nastavnik_docs.kinds._legal import ACTS, FACTS, act_key, default_bases, pair_facts
from nastavnik_docs.kinds._requisites import Act

LABOUR_CODE = "351.8"
REGULATION = {"title": "Положение о системе наставничества педагогических работников и обучающихся МБОУ «СОШ № 12»",
              "date": "2026-08-27", "number": "108-о/д"}


def _pairs(*labels: str):
    return [REGISTRY.pairs[REGISTRY.pairs.index(next(p for p in REGISTRY.pairs if p.id == label))]
            for label in labels]


def test_the_table_names_each_act_in_full_and_each_rule_a_known_fact():
    for key, act in ACTS.items():
        assert act.title and act.cite and act.about, key
        assert "  " not in act.cite and act.cite[0] != " "
    assert "от 09.11.2024 № 381-ФЗ" in ACTS["ТК-351.8"].title
    assert act_key("ст. 191 ТК РФ") == "ТК-191" and act_key("закон об образовании") == "273-ФЗ"
    assert act_key("неизвестный акт") is None
    assert {"staff_pair", "pupil_mentee", "staff_mentee"} <= set(FACTS)


@pytest.mark.parametrize(("labels", "facts", "cited"), [
    (["2"], {"staff_pair", "staff_mentee"}, ["273-ФЗ", "ТК-351.8", "АЗ-1128/08"]),
    (["7"], {"pupil_mentee"}, ["273-ФЗ", "Р-145"]),                 # ученик – ученик
    (["5"], {"pupil_mentee"}, ["273-ФЗ", "Р-145"]),                 # a teacher mentors a pupil
    (["8"], {"pupil_mentee"}, ["273-ФЗ", "Р-145"]),                 # a student mentors a pupil
    (["9"], {"pupil_mentee"}, ["273-ФЗ", "Р-145"]),                 # an employer's representative
    (["2", "5"], {"staff_pair", "staff_mentee", "pupil_mentee"}, ["273-ФЗ", "ТК-351.8", "Р-145", "АЗ-1128/08"]),
])
def test_the_rules_follow_whom_the_pairs_join(labels, facts, cited):
    assert pair_facts(REGISTRY, _pairs(*labels)) == facts
    assert default_bases("order.assign_pairs", facts) == cited


def test_art_351_8_is_never_a_default_of_a_reward_or_an_early_end_without_employees():
    assert "ТК-351.8" not in default_bases("order.reward", set(FACTS))
    assert "ТК-351.8" not in default_bases("order.reward.pupils", set(FACTS))
    assert "ТК-351.8" not in default_bases("order.change_pair", {"pupil_mentee"})
    assert "ТК-191" in default_bases("order.reward")


# --------------------------------------------------------------------------- pupil pair, teacher pair


def _assign(tmp_path, pairs: list[str], name: str):
    data = sample_data("orders/assign_pairs.yaml") | {"pairs": pairs}
    return nd.render("order.assign_pairs", write_input(tmp_path, data, f"{name}.yaml"), tmp_path / f"{name}.docx")


def test_a_pupil_pair_has_no_art_351_8_anywhere(tmp_path):
    out = _assign(tmp_path, ["12"], "pupils")  # ученик – ученик
    joined = "\n".join(texts(out))
    assert LABOUR_CODE not in joined and "Трудового кодекса" not in joined
    assert "распоряжением Минпросвещения России от 25.12.2019 № Р-145" in joined
    assert "АЗ-1128/08" not in joined  # the methodology for teachers is not about pupils
    assert "с письменного согласия наставника" not in joined


def test_a_teacher_pair_with_pay_cites_art_351_8_in_the_order_and_the_agreement(tmp_path):
    out = _assign(tmp_path, ["2"], "teachers")
    joined = "\n".join(texts(out))
    assert "статьёй 351.8 Трудового кодекса Российской Федерации" in joined
    assert "с письменного согласия наставника" in joined
    assert ("Установить доплату наставнику за наставническую деятельность в соответствии со статьёй 351.8 "
            "Трудового кодекса Российской Федерации: Сидорук Наталье Ивановне, учителю математики, – 3 500,00 руб.") \
        in joined
    data = sample_data("labour/supplementary_agreement.yaml")
    agreement = nd.render("labour.supplementary_agreement", write_input(tmp_path, data, "agreement.yaml"),
                          tmp_path / "agreement.docx")
    text = "\n".join(texts(agreement))
    assert "в соответствии со статьёй 351.8 Трудового кодекса Российской Федерации" in text
    assert ("Каждая из Сторон вправе досрочно прекратить наставничество: Работник – отказавшись от его "
            "осуществления, Работодатель – отменив поручение о нём, предупредив об этом другую Сторону в "
            "письменной форме не позднее чем за три рабочих дня.") in text
    assert "Работодатель обязан:" in text
    assert "по соглашению Сторон" not in text


def test_an_agreement_is_dated_on_or_after_the_regulation_it_cites(tmp_path):
    data = sample_data("labour/supplementary_agreement.yaml") | {"date": "2026-08-20"}
    with pytest.raises(InputError) as err:
        nd.render("labour.supplementary_agreement", write_input(tmp_path, data), tmp_path / "early.docx")
    assert err.value.problems[0].field == "date" and "раньше положения" in str(err.value)
    assert not (tmp_path / "early.docx").exists()


# --------------------------------------------------------------------------- rewards


def test_a_reward_of_a_pupil_and_a_teacher_yields_two_orders(tmp_path):
    data = sample_data("orders/reward.yaml") | {"awards": [
        {"kind": "благодарность", "reason": "за успешную реализацию программы наставничества",
         "people": ["У01", "У16"]}]}
    out = nd.render("order.reward", write_input(tmp_path, data), tmp_path / "reward.docx")
    paragraphs = [plain(p.text) for p in Document(out).paragraphs]
    starts = [i for i, t in enumerate(paragraphs) if t == "ПРИКАЗ"]
    assert len(starts) == 2  # two orders in the file
    personnel, pupils = "\n".join(paragraphs[:starts[1]]), "\n".join(paragraphs[starts[1]:])
    cells = [plain(c.text) for t in Document(out).tables for c in t.rows[0].cells]
    numbers = [c for c in cells if c.startswith("№ ") and "п/п" not in c]
    assert numbers == ["№ 98-л/с", "№ 99-о/д"]
    # the personnel order: employees only, art. 191 and the regulation on pay
    assert "статьёй 191 Трудового кодекса Российской Федерации" in personnel
    assert "Положением об оплате труда работников МБОУ «СОШ № 12», утверждённым приказом от 29.12.2025" in personnel
    assert "Объявить благодарность за успешную реализацию программы наставничества Кравченко Ольге Викторовне" \
        in personnel
    assert "Кузнецов" not in personnel and "обучающ" not in personnel.split("ПРИКАЗЫВАЮ:")[1]
    # the pupils' order of the main series
    assert pupils.splitlines()[pupils.splitlines().index("ПРИКАЗ") + 2].startswith("О поощрении обучающихся")
    assert "пунктом 28 части 1 статьи 34 Федерального закона от 29.12.2012 № 273-ФЗ" in pupils
    assert "Кузнецовой Софье Максимовне, обучающейся 7 «Б» класса" in pupils
    assert "Кравченко" not in pupils and "статьёй 191" not in pupils
    assert LABOUR_CODE not in personnel + pupils


def test_pupils_never_receive_a_bonus(tmp_path):
    data = sample_data("orders/reward.yaml") | {"awards": [
        {"kind": "премия", "reason": "за наставничество", "people": ["У15"], "amount": 1000}]}
    with pytest.raises(InputError, match="только работникам"):
        nd.render("order.reward", write_input(tmp_path, data), tmp_path / "bonus.docx")


def test_a_reward_of_pupils_alone_is_one_order_of_the_main_series(tmp_path):
    data = sample_data("orders/reward.yaml") | {"pupils_number": None, "number": "77-о/д", "awards": [
        {"kind": "грамота", "reason": "за помощь младшим", "people": ["У15"]}]}
    out = nd.render("order.reward", write_input(tmp_path, data), tmp_path / "pupils.docx")
    joined = "\n".join(texts(out))
    assert joined.count("ПРИКАЗ\n") == 1 and "№ 77-о/д" in joined
    assert "Наградить Почётной грамотой МБОУ «СОШ № 12» за помощь младшим Иванова Артёма Дмитриевича" in joined
    assert "статьёй 191" not in joined


# --------------------------------------------------------------------------- early end, regional acts


def test_the_early_end_of_a_pupil_pair_rests_on_the_application_and_the_clause(tmp_path):
    out = nd.render("order.change_pair", SAMPLES / "orders/change_pair.yaml", tmp_path / "end.docx")
    joined = "\n".join(texts(out))
    assert LABOUR_CODE not in joined
    assert ("пунктом 10.6 Положения о системе наставничества педагогических работников и обучающихся МБОУ «СОШ № 12», "
            "утверждённого приказом от 27.08.2025 № 96-о/д, на основании заявления законного представителя "
            "обучающегося от 16.03.2026,") in joined


def test_the_early_end_of_a_pair_of_employees_rests_on_the_mentors_notice(tmp_path):
    data = sample_data("orders/change_pair.yaml") | {"pair": "2", "reason": "отказ наставника от наставничества",
                                                     "effective": "2027-02-01", "notice_date": "2027-01-27"}
    data.pop("notice_from")
    out = nd.render("order.change_pair", write_input(tmp_path, data), tmp_path / "staff.docx")
    joined = "\n".join(texts(out))
    assert "В соответствии со статьёй 351.8 Трудового кодекса Российской Федерации" in joined
    assert "на основании письменного уведомления наставника от 27.01.2027," in joined
    assert "в связи с отказом наставника от наставничества" in joined
    assert "Прекратить с 1 февраля 2027 г. выплату доплаты за наставническую деятельность" in joined


def test_regional_and_municipal_acts_are_cited_first(tmp_path):
    out = nd.render("order.introduce_model", SAMPLES / "orders/introduce_model.yaml", tmp_path / "model.docx")
    preamble = next(t for t in texts(out) if t.startswith("В соответствии"))
    assert preamble.startswith("В соответствии с приказом Департамента образования Вологодской области от 16.06.2025 "
                               "№ 1234 «О внедрении целевой модели наставничества в образовательных организациях "
                               "Вологодской области», Федеральным законом от 29.12.2012 № 273-ФЗ")
    kind = get_kind("order.appoint_curator")
    data = load_input(kind, SAMPLES / "orders/appoint_curator.yaml").model_copy(update={
        "regional_acts": [Act(title="постановление Администрации города Вологды «О наставничестве»",
                              date=dt.date(2025, 3, 3), number="55")]})
    context = kind.build_context(data)
    assert plain(context.preamble).startswith("В соответствии с постановлением Администрации города Вологды "
                                              "от 03.03.2025 № 55 «О наставничестве», Федеральным законом")
