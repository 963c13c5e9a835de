"""Orders and protocols: every kind rendered from its sample and read back with python-docx.

Requisites, grammar (the case each phrase asks for), typography and the ГОСТ layout are
asserted on the generated documents; bad inputs must fail with located Russian errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.shared import Cm, Mm, Pt
from read_back import paragraph_texts

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs.errors import InputError
from nastavnik_docs.kinds import all_kinds, get_kind
from nastavnik_docs.ru import format_date

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
NBSP = "\u00a0"

MY_KINDS = sorted(k.id for k in all_kinds() if k.id.startswith(("order.", "protocol.")))

#: Phrases each sample must produce: the names and posts in the case their verb asks for.
EXPECTED: dict[str, list[str]] = {
    "order.appoint_curator": [
        "Назначить заместителя директора по учебно-воспитательной работе Е.Н. Власову куратором",
        "Возложить на куратора следующие обязанности:",
        "Заместителю директора по информатизации Т.О. Смирновой разместить",
        "Срок – до 15 сентября 2026 г.",
        "Контроль за исполнением настоящего приказа оставляю за собой.",
    ],
    "order.approve_regulation": [
        "Утвердить Положение о системе наставничества педагогических работников и обучающихся МБОУ «СОШ № 12» (приложение № 1).",
        "Утвердить дорожную карту (план мероприятий)",
        "решением педагогического совета (протокол от 26.08.2026 № 1)",
        "Ввести в действие Положение и дорожную карту с 1 сентября 2026 г.",
        "УТВЕРЖДЕНО", "УТВЕРЖДЕНА", "ПОЛОЖЕНИЕ", "ДОРОЖНАЯ КАРТА",
        "1.1. Настоящее Положение определяет",
    ],
    "order.introduce_model": [
        "с 1 сентября 2026 г. по 30 июня 2027 г.",
        "Назначить заместителя директора по учебно-воспитательной работе Е.Н. Власову ответственной",
        "4.1. входной мониторинг – до 15 октября 2026 г.;",
        "Учителю русского языка и литературы О.В. Кравченко провести",
    ],
    "order.working_group": [
        "Создать творческую группу по внедрению целевой модели наставничества",
        "Утвердить состав творческой группы (приложение).",
        "Определить основными задачами творческой группы:",
        "руководитель", "секретарь", "член группы",
        "Гарипова Алсу Ринатовна",
    ],
    "order.appoint_mentors": [
        "Назначить наставниками на 2026/2027 учебный год с их письменного согласия:",
        "Сидорук Наталью Ивановну, учителя математики;",
        "Мамедова Эльдара Рашид оглы, учителя физики и информатики;",
        "Зайцева Игоря Валентиновича, учителя технологии;",
        "протоколом заседания комиссии по отбору наставников от 18.09.2026 № 2",
    ],
    "order.assign_pairs": [
        "за Сидорук Натальей Ивановной, учителем математики, – Мамедова Эльдара Рашид оглы, учителя физики и информатики, в форме «учитель – учитель»",
        "Гарипову Алсу Ринатовну, педагога-психолога, и Лебедева Кирилла Андреевича, учителя физической культуры, в групповой форме",
        "за Ивановым Артёмом Дмитриевичем, обучающимся 11 «А» класса, – Ким Алину Сергеевну, обучающуюся 6 «А» класса, в форме «ученик – ученик»",
        "Сидорук Наталье Ивановне, учителю математики, – 3 500,00 руб. (три тысячи пятьсот рублей 00 копеек) в месяц",
        "со статьёй 351.8 Трудового кодекса Российской Федерации",
        "возложить на заместителя директора по учебно-воспитательной работе Е.Н. Власову",
        "Главному бухгалтеру И.В. Ермаковой обеспечить",
        "Состав наставнических пар (групп)", "согласие от 10.09.2026",
        "доп. соглашение от 31.08.2026 № 27",
    ],
    "order.reward": [
        "Объявить благодарность за успешную реализацию",
        "Кравченко Ольге Викторовне, учителю русского языка и литературы;",
        "Кузнецовой Софье Максимовне, обучающейся 7 «Б» класса.",
        "Наградить Почётной грамотой МБОУ «СОШ № 12»",
        "Кравченко Ольгу Викторовну, учителя русского языка и литературы;",
        "Власову Елену Николаевну, заместителя директора по учебно-воспитательной работе.",
        "литературы, – 5 000,00 руб. (пять тысяч рублей 00 копеек).",
        "Наградить ценным подарком",
        "Зайцева Игоря Валентиновича, учителя технологии.",
        "в 2025/2026 учебном году",
    ],
    "order.final_event": [
        "Провести фестиваль наставнических практик «Вместе к успеху» 20 мая 2027 г. в 14:00 в актовом зале.",
        "Утвердить программу фестиваля наставнических практик «Вместе к успеху» (приложение).",
        "ответственной за подготовку и проведение фестиваля",
        "Учителю технологии И.В. Зайцеву подготовить",
        "Программа",
    ],
    "order.change_pair": [
        "Прекратить досрочно с 20 марта 2026 г. наставничество Никитиной Полины Сергеевны, студентки 3 курса педагогического колледжа, в отношении Соловьёва Даниила Романовича, обучающегося 9 «А» класса",
        "в связи с переводом наставляемого в другую образовательную организацию",
        "пунктом 10.6 Положения о системе наставничества педагогических работников и обучающихся МБОУ «СОШ № 12», утверждённого приказом от 27.08.2025 № 96-о/д,",
        "на основании заявления законного представителя обучающегося от 16.03.2026,",
    ],
    "protocol.council": [
        "заседания педагогического совета",
        "Председатель – Л.А. Горбунова", "Секретарь – С.Б. Орлова",
        "Присутствовали: 16 человек (список прилагается).",
        "Приглашённые: Ковалёва М.И., методист Управления образования",
        "ПОВЕСТКА ДНЯ:", "1. СЛУШАЛИ:", "ВЫСТУПИЛИ:", "ПОСТАНОВИЛИ:",
        "Власова Е.Н. – О проекте Положения",
        "Голосовали: «за» – 15, «против» – 0, «воздержались» – 1.",
        "2.1. Согласовать дорожную карту (план мероприятий)",
        "Список присутствовавших",
    ],
    "protocol.mentor_interview": [
        "собеседования комиссии по отбору наставников с кандидатом в наставники",
        "Кандидат: Сидорук Наталья Ивановна", "Педагогический стаж: 22 года",
        "Включить Сидорук Наталью Ивановну, учителя математики, в базу наставников МБОУ «СОШ № 12»",
        "с рекомендацией осуществлять наставничество в форме «учитель – учитель», а также в традиционной форме",
        "Председатель комиссии", "Член комиссии",
    ],
    "protocol.candidates_review": [
        "заседания комиссии по отбору наставников",
        "Зайцев Игорь Валентинович", "30 лет", "22 года",
        "Не рекомендовать для включения в базу наставников МБОУ «СОШ № 12»: Лебедева Кирилла Андреевича, учителя физической культуры.",
        "Отложить рассмотрение кандидатуры: Никитиной Полины Сергеевны",
        "Шевчука Андрея Николаевича, инженера-конструктора",
    ],
}

#: Pupils the samples name: they must never appear in an acquaintance list.
PUPILS = ["Иванов А.Д.", "Кузнецова С.М.", "Ким А.С.", "Бондаренко Г.О.", "Соловьёв Д.Р."]


def _sample(kind_id: str) -> Path:
    return SAMPLES / get_kind(kind_id).samples[0]


def _plain(text: str) -> str:
    """No-break spaces as spaces, soft hyphens dropped: the text as a reader types it."""
    return text.replace(NBSP, " ").replace("\u00ad", "")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("orders")
    return {k: nd.render(k, _sample(k), folder / f"{k}.docx") for k in MY_KINDS}


def test_every_kind_of_the_catalogue_is_covered():
    assert set(MY_KINDS) == set(EXPECTED)
    for kind_id in MY_KINDS:
        kind = get_kind(kind_id)
        assert kind.family in ("Приказы", "Протоколы")
        assert kind.output_name and kind.docx == kind_id.replace(".", "_") + ".docx"
        assert _sample(kind_id).is_file()


@pytest.mark.parametrize("kind_id", MY_KINDS)
def test_requisites(rendered, kind_id):
    doc = Document(rendered[kind_id])
    raw = paragraph_texts(doc)
    texts = [_plain(t) for t in raw]
    joined = "\n".join(raw)
    data = load_input(get_kind(kind_id), _sample(kind_id))
    context = get_kind(kind_id).build_context(data)
    word = "ПРИКАЗ" if kind_id.startswith("order.") else "ПРОТОКОЛ"
    assert word in texts
    assert data.organization.full_name.replace(" № ", f" №{NBSP}") in joined
    assert format_date(data.date) in joined
    assert f"№{NBSP}{data.number}" in joined
    assert "г. Вологда" in _plain(joined)
    assert _plain(context.heading) in texts and not context.heading.endswith(".")
    if word == "ПРИКАЗ":
        assert context.heading.startswith("О")
        assert "ПРИКАЗЫВАЮ:" in texts
        assert any(t.startswith("В соответствии с") or t.startswith("В соответствии со") for t in texts)
        # the signature on the letterhead: the post alone, the organisation is named above
        signature = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == ["Директор", "Л.А.\u00a0Горбунова"])
        assert signature is not None and "Директор МБОУ" not in joined
    else:
        assert ("ПОСТАНОВИЛИ:" in texts and any(t.endswith("СЛУШАЛИ:") for t in texts)) or "РЕШИЛИ:" in texts
        assert any(t.startswith("Председатель") for t in texts)


@pytest.mark.parametrize("kind_id", MY_KINDS)
def test_grammar_and_no_leftovers(rendered, kind_id):
    doc = Document(rendered[kind_id])
    texts = paragraph_texts(doc)
    joined = _plain("\n".join(texts))
    for phrase in EXPECTED[kind_id]:
        assert phrase in joined, phrase
    for bad in ("None", "{{", "}}", "{%", "%}", "..", " ,", "г..", "  "):
        assert bad not in joined.replace("...", ""), bad
    # no-break spaces where Russian documents keep words together
    raw = "\n".join(texts)
    assert f"№{NBSP}" in raw
    assert " № " not in raw.replace(f"{NBSP}№{NBSP}", "")


@pytest.mark.parametrize("kind_id", MY_KINDS)
def test_gost_layout(rendered, kind_id):
    doc = Document(rendered[kind_id])
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    assert abs(section.left_margin - Mm(30)) < Mm(0.5)
    assert Mm(10) - Mm(0.5) <= section.right_margin <= Mm(15) + Mm(0.5)
    assert abs(section.top_margin - Mm(20)) < Mm(0.5) and abs(section.bottom_margin - Mm(20)) < Mm(0.5)
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    body = [p for p in doc.paragraphs if p.style.name == "Body Text GOST" and p.text]
    assert body and all(abs(p.style.paragraph_format.first_line_indent - Cm(1.25)) < Mm(0.1) for p in body)
    # page numbers from page 2: a different first page and a PAGE field in the header
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml
    # the signature row never splits, and the text before it keeps with it
    xml = doc.element.body.xml
    assert "w:cantSplit" in xml and "w:keepNext" in xml


@pytest.mark.parametrize("kind_id", [k for k in MY_KINDS if k.startswith("order.")])
def test_acquaintance_lists_staff_only(rendered, kind_id):
    doc = Document(rendered[kind_id])
    texts = [_plain(p.text) for p in doc.paragraphs]
    assert "С приказом ознакомлены:" in texts
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells][-2:] == ["Подпись", "Дата"])
    names = [_plain(r.cells[1].text) for r in table.rows[1:]]
    assert names and not any(p in names for p in PUPILS)
    assert "Горбунова Л.А." not in names  # the signer does not acquaint herself


def test_assign_pairs_takes_the_registry_pairs(tmp_path):
    data = yaml.safe_load(_sample("order.assign_pairs").read_text(encoding="utf-8"))
    data["pairs"] = ["2", "7"]
    path = tmp_path / "pairs.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    shutil_copy_links(path)
    out = nd.render("order.assign_pairs", path, tmp_path / "p.docx")
    doc = Document(out)
    table = next(t for t in doc.tables if len(t.columns) == 6)
    assert [r.cells[0].text for r in table.rows[1:]] == ["1.", "2."]
    assert "Сидорук Наталья Ивановна" in table.rows[1].cells[1].text
    assert "Иванов Артём Дмитриевич" in table.rows[2].cells[1].text  # pair 7 is completed, but asked for


def shutil_copy_links(path: Path) -> None:
    """Rewrite the sample's relative links so the copy in a temporary folder finds them."""
    text = path.read_text(encoding="utf-8")
    text = text.replace("../organization.yaml", str(SAMPLES / "organization.yaml"))
    text = text.replace("../registry.yaml", str(SAMPLES / "registry.yaml"))
    path.write_text(text, encoding="utf-8")


def _bad(kind_id: str, change, tmp_path: Path) -> InputError:
    data = yaml.safe_load(_sample(kind_id).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    shutil_copy_links(path)
    with pytest.raises(InputError) as info:
        nd.render(kind_id, path, tmp_path / "bad.docx")
    assert not (tmp_path / "bad.docx").exists()
    return info.value


@pytest.mark.parametrize("kind_id, change, words", [
    ("order.appoint_curator", lambda d: d.pop("curator"), "curator"),
    ("order.appoint_curator", lambda d: d.update(curator="У99"), "У99"),
    ("order.appoint_curator", lambda d: d["tasks"][0].update(responsible="нет-такого"), "нет-такого"),
    ("order.assign_pairs", lambda d: d.update(pairs=["99"]), "99"),
    ("order.assign_pairs", lambda d: d.pop("registry"), "registry"),
    ("order.reward", lambda d: (d["awards"][2].update(amount=1000), d["awards"][2]["people"].append("У16")),
     "работникам"),
    ("order.reward", lambda d: d["awards"][2]["people"][0].pop("amount"), "сумму"),
    ("order.reward", lambda d: d.update(awards=[{"kind": "благодарность", "reason": "за работу",
                                                  "from_pairs": "mentors"}], registry={"participants": []}),
     "некого поощрить"),
    ("order.change_pair", lambda d: d.update(action="replace_mentor"), "new_mentor"),
    ("order.introduce_model", lambda d: d.update(end="2026-08-01"), "позже"),
    ("protocol.council", lambda d: d["agenda"][0]["votes"].update({"for": 40}), "проголосовало"),
    ("protocol.council", lambda d: (d.pop("present"), d.pop("present_count", None)), "present"),
    ("protocol.candidates_review", lambda d: d["candidates"][0].update(decision="может быть"), "рекомендовать"),
])
def test_bad_input_is_reported(tmp_path, kind_id, change, words):
    error = _bad(kind_id, change, tmp_path)
    assert words in str(error)


def test_unregistered_order_prints_blanks(tmp_path):
    data = load_input(get_kind("order.appoint_curator"), _sample("order.appoint_curator"))
    data = data.model_copy(update={"number": None, "date": None})
    out = nd.render("order.appoint_curator", data, tmp_path / "blank.docx")
    joined = "\n".join(paragraph_texts(Document(out)))
    assert f"№{NBSP}______" in joined
    assert format_date(None) in joined
    assert "None" not in joined


def test_the_organisation_font_is_used(tmp_path):
    data = load_input(get_kind("order.reward"), _sample("order.reward"))
    org = data.organization.model_copy(update={"font_name": "Arial", "font_size": 12})
    out = nd.render("order.reward", data.model_copy(update={"organization": org}), tmp_path / "arial.docx")
    normal = Document(out).styles["Normal"]
    assert normal.font.name == "Arial" and normal.font.size == Pt(12)


def test_control_laid_on_someone_is_in_the_accusative():
    data = load_input(get_kind("order.appoint_curator"), _sample("order.appoint_curator"))
    context = get_kind("order.appoint_curator").build_context(data.model_copy(update={"control": "curator"}))
    assert _plain(context.control.text) == (
        "Контроль за исполнением настоящего приказа возложить на заместителя директора "
        "по учебно-воспитательной работе Е.Н. Власову.")


def test_the_cli_renders_one_order_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from nastavnik_docs.cli import app

    out = tmp_path / "приказ.docx"
    result = CliRunner().invoke(app, ["render", "order.assign_pairs", str(_sample("order.assign_pairs")),
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "ПРИКАЗ" in [p.text for p in Document(out).paragraphs]


def test_templates_are_built_by_the_committed_code(tmp_path):
    from tools.build_templates import orders, protocols
    from tools.build_templates._compare import differing_parts

    for module in (orders, protocols):
        for path in module.build(tmp_path, tmp_path):
            committed = ROOT / "templates" / "docx" / path.name
            assert committed.exists(), path.name
            assert differing_parts(committed, path) == [], path.name


def test_replacing_a_mentor_frees_one_and_fixes_the_other():
    import datetime as dt

    kind = get_kind("order.change_pair")
    data = load_input(kind, _sample("order.change_pair")).model_copy(update={
        "pair": "2", "action": "replace_mentor", "new_mentor": "У01",
        "reason": "длительная командировка наставника", "effective": dt.date(2027, 1, 10)})
    context = kind.build_context(data)
    texts = [_plain(i.text) for i in context.items]
    assert _plain(context.heading) == "О замене наставника в наставнической паре"
    assert texts[0].startswith("Освободить Сидорук Наталью Ивановну, учителя математики, от обязанностей "
                               "наставника Мамедова Эльдара Рашид оглы")
    assert "в связи с длительной командировкой наставника" in texts[0]
    assert texts[1].startswith("Закрепить за Кравченко Ольгой Викторовной, учителем русского языка и "
                               "литературы, – Мамедова Эльдара Рашид оглы, учителя физики и информатики, "
                               "с 10 января 2027 г. по 31 мая 2027 г.")
    assert texts[2].startswith("Прекратить с 10 января 2027 г. выплату доплаты за наставническую "
                               "деятельность Сидорук Наталье Ивановне")
    assert [_plain(r.name) for r in context.acquaintance][:3] == ["Сидорук Н.И.", "Мамедов Э.Р.", "Кравченко О.В."]


def test_a_person_given_twice_signs_the_acquaintance_list_once():
    kind = get_kind("order.appoint_curator")
    data = load_input(kind, _sample("order.appoint_curator"))
    registry = data.registry
    inline = nd.Official(**registry.participant("У10").model_dump(
        include={"last_name", "first_name", "middle_name", "gender"}), post="заместитель директора по УВР")
    head = data.organization.head
    tasks = [*data.tasks, data.tasks[0].model_copy(update={"responsible": inline}),
             data.tasks[0].model_copy(update={"responsible": head})]
    context = kind.build_context(data.model_copy(update={"tasks": tasks}))
    names = [_plain(r.name) for r in context.acquaintance]
    assert names.count("Власова Е.Н.") == 1
    assert "Горбунова Л.А." not in names
