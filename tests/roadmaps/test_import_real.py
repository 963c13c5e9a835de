"""Importing published roadmaps rebuilt as Word files (sources in ``_real_roadmaps``): every
event, activity inside a cell, column, stage, stamp, appendix mark and the title are kept;
what cannot be placed is listed and written into the YAML as comments; an imported roadmap
renders back to Word and reads the same again."""

from __future__ import annotations

import warnings

import pytest
import yaml
from _docx_read import document_text
from _real_roadmaps import REAL

import nastavnik_docs as nd
from nastavnik_docs.io import import_roadmap, load_roadmap
from nastavnik_docs.models import Roadmap
from nastavnik_docs.models.roadmap import DeadlineStatus, StageLayout, StampKind, StampSide, parse_deadline


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("real")
    out = {}
    for key, build in REAL.items():
        path = folder / f"{key}.docx"
        build(path)
        out[key] = (path, import_roadmap(path))
    return out


def _columns(r: Roadmap) -> list[tuple[str, str]]:
    return [(c.role.value, c.heading) for c in r.columns]


def _stages(r: Roadmap) -> list[tuple[str | None, str | None]]:
    return [(s.number, s.title) for s in r.stages]


def _events(r: Roadmap) -> list[tuple[str | None, str, str | None]]:
    return [(row.number, row.texts()[0], row.deadline) for _, _, row in r.rows()]


def test_tambar(imported) -> None:
    result = imported["tambar"][1]
    r = result.roadmap
    assert result.unplaced == []
    assert r.title_lines == ["План мероприятий (дорожная карта)", "внедрения наставничества МБОУ Тамбарской ООШ"]
    assert _columns(r) == [("number", "№ п/п"), ("title", "Наименование мероприятий"),
                           ("deadline", "Срок реализации"), ("responsible", "Ответственный исполнитель"),
                           ("result", "Результат. Вид документа")]
    assert r.column_numbers and r.stage_layout is StageLayout.NUMBER_CELL
    assert _stages(r) == [("1.", "Нормативное правовое регулирование внедрения методологии (целевой модели) "
                                 "наставничества")]
    assert [row.number for _, _, row in r.rows()] == ["1.1", "1.2.", "1.3.", "1.4.", "1.5."]
    last = r.stages[0].rows[-1]
    assert [(b.bullet, b.text) for b in last.details] == [
        ("-", "сроки внедрения ЦМН в образовательной организации;"),
        ("-", "назначение ответственных за материально-техническое обеспечение программ наставничества;"),
        (None, "сроки проведения мониторинга эффективности программ наставничества;"),
        (None, "планируемые результаты внедрения ЦМН.")]
    (stamp,) = r.stamps
    assert (stamp.kind, stamp.heading, stamp.post, stamp.signer) == (
        StampKind.APPROVAL, "УТВЕРЖДАЮ", "ДИРЕКТОР ШКОЛЫ", "Е.В.ТАРАБАНОВА")


def test_povedniki(imported) -> None:
    r = imported["povedniki"][1].roadmap
    assert imported["povedniki"][1].unplaced == []
    assert r.appendix is not None and r.appendix.text == "Приложение 1\nк приказу №181/1 от 13.09.2021г."
    assert r.title.endswith("на 2021-2024 г.г.")
    assert r.period is not None and (r.period.start, r.period.end) == ((2021, 1), (2024, 12))
    assert [c.role.value for c in r.columns] == ["stage_number", "stage", "title", "content", "deadline",
                                                 "responsible"]
    assert _stages(r) == [("1.", "Подготовка условий для запуска программы наставничества"),
                          ("2.", "Формирование базы наставляемых")]
    first, second = r.stages[0].rows
    assert first.title == "Изучение и систематизация имеющихся материалов по проблеме наставничества"
    # Word's own numbering (not in the text) read as the markers Word prints
    assert [b.bullet for b in first.content] == ["1.", "2.", "3."]
    assert first.content[2].text == "Ознакомление с шаблонами документов для реализации целевой модели."
    assert [(b.bullet, b.text[:18]) for b in second.content] == [
        ("1.", "Издание приказа «В"), ("2.", "Разработка и утвер"), ("3.", "Разработка и утвер")]
    assert (second.deadline, second.responsible) == ("Сентябрь-октябрь 2021", "Директор, куратор")
    assert r.stages[1].rows[0].deadline == "2021-2022 учебный год"


def test_bagaevskaya(imported) -> None:
    r = imported["bagaevskaya"][1].roadmap
    assert imported["bagaevskaya"][1].unplaced == []
    agreement, approval = r.stamps
    assert (agreement.kind, agreement.heading) == (StampKind.AGREEMENT, "СОГЛАСОВАНО")
    assert agreement.reference == "Протокол № 1\nзаседания Педагогического\nсовета школы\nот «31» 08. 2020 г."
    assert (approval.kind, approval.heading, approval.post, approval.signer, approval.signature_line) == (
        StampKind.APPROVAL, "Утверждаю", "Директор МБОУ Багаевской СОШ №3", "Н.В. Боряева", True)
    assert len(r.title_lines) == 4 and r.title_lines[-1] == "на 2020 – 2024 учебный год"
    assert r.period is not None and (r.period.start, r.period.end) == ((2020, 9), (2024, 8))
    assert r.column_numbers and r.stage_layout is StageLayout.NUMBER_CELL
    assert [s.number for s in r.stages] == ["1.", "2."]
    assert _events(r) == [
        ("1.2.", "Утверждение состава рабочей группы по внедрению целевой модели наставничества", "Ежегодно (май)"),
        ("1.3.", "Назначение куратора внедрения целевой модели наставничества", "С сентября 2020 г. ежегодно"),
        ("2.1.", "Встречи наставников и наставляемых", "1 раз в четверть")]


def test_alenushka(imported) -> None:
    r = imported["alenushka"][1].roadmap
    assert imported["alenushka"][1].unplaced == []
    assert r.appendix is not None and r.appendix.text == "Приложение №2 к приказу МБДОУ №18\nот 01.09.2022 №21/1"
    assert r.title_lines[0] == "Дорожная карта (план мероприятий) по" and len(r.title_lines) == 3
    assert r.period is not None and (r.period.start, r.period.end) == ((2022, 9), (2024, 5))
    assert _columns(r)[3] == ("content", "Содержание деятельности и примерный план мероприятий")
    rows = r.stages[0].rows
    assert [row.title for row in rows] == [
        "Изучение и систематизация имеющихся материалов по проблеме наставничества",
        "Подготовка нормативной базы реализации целевой модели наставничества в МДОУ"]
    assert rows[0].responsible == "Пономарёва Е.А.,\nзаведующий МБДОУ №18,\nпедагоги"
    assert [b.bullet for b in rows[1].content] == ["1.", "2."]


def test_gavrilovo(imported) -> None:
    r = imported["gavrilovo"][1].roadmap
    assert imported["gavrilovo"][1].unplaced == []
    assert r.appendix is not None and r.appendix.text.startswith("Приложение 1\nк приказу № 15")
    assert _stages(r) == [("1.", "Подготовка и принятие локальных нормативных правовых актов"),
                          ("2.", "Формирование банка наставляемых")]
    acts = r.stages[0].rows[0]
    assert acts.title is None  # the first dash item is content, not a title
    assert len(acts.details) == 5 and all(b.bullet == "–" for b in acts.details)
    assert acts.details[0].text.startswith("приказ «Об утверждении положения")
    bank = r.stages[1].rows[0]
    assert [(a.number, a.text[:20]) for a in bank.activities] == [("1)", "Сбор информации о пр"),
                                                                  ("2)", "Формирование банка д")]
    assert (bank.deadline, bank.responsible, bank.result) == ("Ежегодно", "Куратор\nКалачева Е. А.",
                                                              "Сформирован банк наставляемых")


def test_irbit(imported) -> None:
    r = imported["irbit"][1].roadmap
    assert imported["irbit"][1].unplaced == []
    assert r.organization_lines[-1] == "(МБДОУ «Детский сад № 22»)" and len(r.organization_lines) == 3
    assert len(r.title_lines) == 4 and r.title_lines[-1] == "Свердловской области «Детский сад № 22»"
    assert r.appendix is not None and r.appendix.text.split("\n") == [
        "Приложение №2 к приказу", "заведующего МБДОУ «Детский сад № 22»", "от 01.04.2022 № 42"]
    adopted, approved = r.stamps
    assert (adopted.kind, adopted.heading, adopted.placed) == (StampKind.ADOPTION, "ПРИНЯТО", StampSide.LEFT)
    assert adopted.reference == "Педагогическим советом\nМБДОУ «Детский сад № 22»\n(Протокол от 01.04.2022 № 4)"
    assert (approved.kind, approved.heading, approved.placed) == (StampKind.APPROVAL, "УТВЕРЖДЕНО", StampSide.RIGHT)
    assert approved.reference.endswith("С.М. Палкиной от 01.04.2022 № 42-ОД")
    assert _columns(r)[0] == ("stage_number", "№пп") and _columns(r)[5] == ("result", "Предполагаемый результат")
    assert [row.deadline for _, _, row in r.rows()] == ["апрель 2022 г.", "2 раза в год (декабрь, май)"]


def test_chelyabinsk(imported) -> None:
    r = imported["chelyabinsk"][1].roadmap
    assert imported["chelyabinsk"][1].unplaced == []
    assert r.appendix is not None and len(r.appendix.text.split("\n")) == 5
    assert r.appendix.text.endswith("от 6 февраля 2023 г. N 01/288")
    assert r.period is not None and (r.period.start, r.period.end) == ((2023, 1), (2024, 12))
    assert _columns(r) == [("number", "NN п/п"), ("title", "Наименование мероприятия"), ("deadline", "Сроки"),
                           ("responsible", "Ответственный исполнитель/ соисполнители"),
                           ("document", "Вид документа"), ("result", "Ожидаемые результаты")]
    assert r.stage_layout is StageLayout.NUMBER_CELL
    assert [s.number for s in r.stages] == ["I.", "II."]  # the second Word table continues the first
    assert [(row.number, row.document) for _, _, row in r.rows()] == [
        ("1.", "Приказ"), ("2.", "План"), ("3.", "Аналитическая справка"), ("4.", "Отчёт")]


def test_nevyansk(imported) -> None:
    r = imported["nevyansk"][1].roadmap
    assert imported["nevyansk"][1].unplaced == []
    (stamp,) = r.stamps
    assert (stamp.kind, stamp.heading) == (StampKind.APPROVAL, "Утверждена")
    assert stamp.reference == "приказом по МАОУ СОШ № 6\nг. Невьянска\nОт 03.09.2021 года № 78-Д"
    assert (stamp.post, stamp.signer, stamp.signature_line) == ("Директор школы", "Бицюта И.Н.", True)
    assert r.cover_title.startswith("ПРОГРАММА наставнической деятельности") and r.place_line == "г. Невьянск"
    assert r.title == "Дорожная карта реализации программы наставничества на 2021-2022 учебный год"
    assert len(r.stages) == 1 and not r.stages[0].printed  # a table without stages invents none
    assert [row.title for _, _, row in r.rows()] == ["Анкетирование молодых педагогов", "Открытые уроки наставников"]


def test_yuva_keeps_what_it_cannot_place_as_comments(imported, tmp_path) -> None:
    result = imported["yuva"][1]
    r = result.roadmap
    agreement, approval = r.stamps
    assert (agreement.post, agreement.signer, agreement.signed, agreement.reference, agreement.reference_last) == (
        "Председатель методического совета", "Ю.В.Попова", "« 23» августа 2021 г.", "протокол №1", True)
    assert (approval.heading, approval.signed, approval.reference) == ("Утверждаю", "«23 » августа 2021 г.",
                                                                        "приказ № 60")
    assert (r.cover_title, r.place_line) == ("Программа наставничества на 2021-2022 учебный год", "село Юва 2021 г.")
    assert result.unplaced == ["Текст перед заголовком: «Составители: Сташкина Н.Н., заместитель директора; "
                               "Попова Ю.В., учитель»"]
    text = result.to_yaml()
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "Составители" in line)
    assert lines[at].startswith("# НЕ РАЗМЕЩЕНО ПРИ ИМПОРТЕ:") and lines[at + 1].startswith("title:")
    assert Roadmap.model_validate(yaml.safe_load(text)) == r  # comments do not change the data


@pytest.mark.parametrize("key", sorted(REAL))
def test_every_deadline_of_the_collected_roadmaps_is_understood(imported, key: str) -> None:
    r = imported[key][1].roadmap
    for _, _, row in r.rows():
        assert parse_deadline(row.deadline).status is not DeadlineStatus.UNPARSED, row.deadline


@pytest.mark.parametrize("key", sorted(REAL))
def test_an_imported_roadmap_renders_back_and_reads_the_same(imported, key: str, tmp_path) -> None:
    r = imported[key][1].roadmap
    out = tmp_path / f"{key}.docx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nd.render("roadmap", r, out)
    again = import_roadmap(out).roadmap
    assert [(s.number, s.title, [row.model_dump() for row in s.rows]) for s in again.stages] == \
           [(s.number, s.title, [row.model_dump() for row in s.rows]) for s in r.stages]
    assert (again.title, again.appendix, again.stamps, again.columns) == (r.title, r.appendix, r.stamps, r.columns)
    assert (again.stage_layout, again.column_numbers, again.period) == (r.stage_layout, r.column_numbers, r.period)
    text = document_text(out).replace("\u00a0", " ")
    for line in r.appendix.text.split("\n") if r.appendix else []:
        assert line in text
    for _, _, row in r.rows():
        for piece in row.texts():
            assert piece in text
    for suffix in (".xlsx", ".ics"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nd.render("roadmap", r, tmp_path / f"{key}{suffix}")


def test_load_roadmap_reads_word_and_yaml(imported, tmp_path) -> None:
    path, result = imported["chelyabinsk"]
    assert load_roadmap(path).roadmap == result.roadmap
    saved = tmp_path / "c.yaml"
    result.save(saved)
    assert load_roadmap(saved).roadmap == result.roadmap and load_roadmap(saved).notes == []
