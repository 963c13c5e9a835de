"""The regulation on the mentoring system: the full document, its grifs, overrides, the approving order."""

from __future__ import annotations

import pytest
from docx import Document
from read_back import SAMPLES, assert_templates_check, plain, sample_data, texts, write_input

import nastavnik_docs as nd
from nastavnik_docs.errors import InputError
from nastavnik_docs.kinds import get_kind
from nastavnik_docs.kinds.regulation import section_keys

HEADINGS = [
    "1. Общие положения", "2. Основные понятия", "3. Цель и задачи наставничества",
    "4. Формы наставничества и участники", "5. Права и обязанности наставника",
    "6. Права и обязанности наставляемого", "7. Права и обязанности куратора", "8. Полномочия руководителя",
    "9. Отбор и обучение наставников", "10. Формирование, замена и прекращение наставнических пар (групп)",
    "11. Оплата и поощрение наставников", "12. Документы наставничества",
    "13. Мониторинг и оценка результатов наставничества", "14. Заключительные положения",
]


def _render(tmp_path, name: str = "regulation", **changes):
    data = {**sample_data("regulation/regulation.yaml"), **changes}
    data = {k: v for k, v in data.items() if v is not None}
    out = nd.render("regulation", write_input(tmp_path, data, f"{name}.yaml"), tmp_path / f"{name}.docx")
    return out, texts(out)


def _grifs(path) -> tuple[list[str], list[str]]:
    """The left (grifs) and right (approval) columns of the table that holds the grifs."""
    table = next(t for t in Document(path).tables if any("ПРИНЯТО" in c.text or "УТВЕРЖДЕНО" in c.text
                                                         for c in t.rows[0].cells))
    left, right = table.rows[0].cells
    return [plain(p.text) for p in left.paragraphs], [plain(p.text) for p in right.paragraphs]


def test_the_regulation_is_a_full_document_with_every_section(tmp_path):
    out, lines = _render(tmp_path)
    assert [t for t in lines if t in HEADINGS] == HEADINGS
    assert len(section_keys()) == len(HEADINGS)
    assert lines[:2] == ["Управление образования Администрации города Вологды",
                         "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12»"]
    assert "ПОЛОЖЕНИЕ" in lines
    assert "о системе наставничества педагогических работников и обучающихся МБОУ «СОШ № 12»" in lines
    points = [t for t in lines if t[:1].isdigit() and t not in HEADINGS]
    assert len(points) >= 40 and len(lines) >= 120  # not a skeleton
    joined = "\n".join(lines)
    for phrase in ("(далее – школа)", "статьёй 351.8 Трудового кодекса Российской Федерации",
                   "статьёй 191 Трудового кодекса Российской Федерации",
                   "письменно предупредив другую сторону не позднее чем за три рабочих дня",
                   "Поощрение работников оформляется приказом по личному составу",
                   "поощрение обучающихся оформляется отдельным приказом по основной деятельности",
                   "в соответствии с Положением об оплате труда работников МБОУ «СОШ № 12», утверждённым приказом "
                   "от 29.12.2025 № 201-о/д",
                   "Результаты мониторинга публикуются в ежегодном публичном докладе школы.",
                   "Настоящее Положение вступает в силу с 1 сентября 2026 г."):
        assert phrase in joined, phrase
    assert "{" not in joined and "None" not in joined


def test_the_legal_bases_list_federal_acts_then_regional_then_the_charter(tmp_path):
    _out, lines = _render(tmp_path)
    start = lines.index("1.2. Положение разработано в соответствии с:")
    bases = lines[start + 1:lines.index(next(t for t in lines if t.startswith("1.3.")))]
    assert bases[0] == "– Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»;"
    assert bases[-2].startswith("– приказом Департамента образования Вологодской области от 16.06.2025 № 1234")
    assert bases[-1] == "– Уставом МБОУ «СОШ № 12»."
    assert any("Р-145" in b for b in bases) and any("АЗ-1128/08" in b for b in bases)


def test_the_grifs_are_printed_for_the_bodies_given(tmp_path):
    out, lines = _render(tmp_path)
    left, right = _grifs(out)
    assert [t for t in left if t] == [
        "ПРИНЯТО", "педагогическим советом", "МБОУ «СОШ № 12»", "(протокол от 26.08.2026 № 1)",
        "УЧТЕНО мнение", "выборного органа первичной профсоюзной организации", "(протокол от 25.08.2026 № 4)",
        "СОГЛАСОВАНО", "советом обучающихся", "(протокол от 24.08.2026 № 1)",
        "СОГЛАСОВАНО", "советом родителей (законных представителей) обучающихся", "(протокол от 24.08.2026 № 1)"]
    assert [t for t in right if t] == ["Приложение № 1", "УТВЕРЖДЕНО", "приказом МБОУ «СОШ № 12»",
                                       "от 27.08.2026 № 108-о/д"]
    adoption = next(t for t in lines if t.startswith("1.5."))
    assert ("принимается педагогическим советом с учётом мнения выборного органа первичной профсоюзной организации "
            "(статья 372 Трудового кодекса Российской Федерации), совета обучающихся и совета родителей (законных "
            "представителей) обучающихся (часть 3 статьи 30 Федерального закона") in adoption


def test_each_grif_is_optional(tmp_path):
    out, lines = _render(tmp_path, "bare", adopted=None, union_opinion=None, pupils_council=None,
                         parents_council=None, appendix_number=None, number=None, date=None)
    left, right = _grifs(out)
    assert not any(left)
    assert [t for t in right if t] == ["УТВЕРЖДЕНО", "приказом МБОУ «СОШ № 12»", "от __.__.20__ № ______"]
    adoption = next(t for t in lines if t.startswith("1.5."))
    assert "с учётом мнения" not in adoption and "принимается педагогическим советом и утверждается" in adoption


def test_a_regulation_for_pupils_cites_no_labour_law(tmp_path):
    _out, lines = _render(tmp_path, "pupils", scope="pupils", pay_regulation=None)
    joined = "\n".join(lines)
    assert "о наставничестве обучающихся МБОУ «СОШ № 12»" in lines
    assert "351.8" not in joined and "АЗ-1128/08" not in joined
    assert "статьёй 191" in joined  # teachers who mentor pupils are employees: rewarded under art. 191
    assert "Р-145" in joined and "«ученик – ученик»" in joined
    assert "Наставничество педагогических работников осуществляется в формах" not in joined


def test_a_regulation_for_teachers_leaves_the_pupils_out(tmp_path):
    _out, lines = _render(tmp_path, "teachers", scope="teachers")
    joined = "\n".join(lines)
    assert "о системе наставничества педагогических работников МБОУ «СОШ № 12»" in lines
    assert "Р-145" not in joined and "351.8" in joined and "«учитель – учитель»" in joined


def test_the_organisation_overrides_any_section(tmp_path):
    sections = {"goals": {"heading": "Цель наставничества", "points": ["Цель – адаптация молодых учителей {school.genitive}."]},
                "records": {"omit": True}}
    extra = [{"heading": "Наставничество в каникулы", "points": ["Встречи в каникулы проводятся дистанционно."]}]
    _out, lines = _render(tmp_path, "own", sections=sections, extra_sections=extra)
    assert "3. Цель наставничества" in lines and "3.1. Цель – адаптация молодых учителей школы." in lines
    assert "Документы наставничества" not in "\n".join(lines)
    assert "13. Наставничество в каникулы" in lines and "14. Заключительные положения" in lines
    assert "13.1. Встречи в каникулы проводятся дистанционно." in lines


def test_an_unknown_section_is_a_russian_error(tmp_path):
    data = {**sample_data("regulation/regulation.yaml"), "sections": {"pay_rules": {"omit": True}}}
    with pytest.raises(InputError, match="нет раздела «pay_rules»"):
        nd.render("regulation", write_input(tmp_path, data), tmp_path / "bad.docx")


def test_the_approving_order_appends_the_same_regulation(tmp_path):
    order = nd.render("order.approve_regulation", SAMPLES / "orders/approve_regulation.yaml", tmp_path / "order.docx")
    standalone, _lines = _render(tmp_path)
    regulation = [plain(p.text) for p in Document(standalone).paragraphs if p.text]
    lines = texts(order)
    body = regulation[regulation.index("1. Общие положения"):]
    start = lines.index("1. Общие положения")
    assert lines[start:start + len(body)] == body
    preamble = next(t for t in lines if t.startswith("В соответствии"))
    assert ("решением педагогического совета (протокол от 26.08.2026 № 1), с учётом мнения выборного органа "
            "первичной профсоюзной организации (протокол от 25.08.2026 № 4), совета обучающихся (протокол от "
            "24.08.2026 № 1) и совета родителей (законных представителей) обучающихся (протокол от 24.08.2026 № 1)") \
        in preamble
    assert ("4. Признать утратившим силу с 1 сентября 2026 г. Положение о системе наставничества педагогических "
            "работников и обучающихся МБОУ «СОШ № 12», утверждённое приказом от 27.08.2025 № 96-о/д.") in lines
    assert _grifs(order)[0] == _grifs(standalone)[0]


def test_the_approving_order_may_refer_to_a_separate_regulation(tmp_path):
    data = sample_data("orders/approve_regulation.yaml") | {"regulation_separate": True}
    lines = texts(nd.render("order.approve_regulation", write_input(tmp_path, data), tmp_path / "order.docx"))
    assert ("1. Утвердить Положение о системе наставничества педагогических работников и обучающихся "
            "МБОУ «СОШ № 12» (приложение № 1).") in lines
    assert "1. Общие положения" not in lines and "ПОЛОЖЕНИЕ" not in lines
    assert "Приложение № 2" in lines and "ДОРОЖНАЯ КАРТА (ПЛАН МЕРОПРИЯТИЙ)" in lines


def test_the_template_asks_for_nothing_the_context_lacks():
    assert_templates_check("regulation")
    assert get_kind("regulation").family == "Положения"
