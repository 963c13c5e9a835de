"""File names at scale: the same names however they are planned, a planner whose memory
does not hold the names it gave, and the compact list a report keeps them in."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from nastavnik_docs.batch import render_batch, safe_file_stem, unique_names
from nastavnik_docs.batch._names import NameList, NamePlanner, name_fields, plan_names
from nastavnik_docs.batch._report import FileList
from nastavnik_docs.errors import InputError


def reference_names(stems: list[str], suffix: str) -> list[str]:
    """The rule written the plain way: the stem itself, else the smallest «_n» from 2 not
    given yet, ignoring case."""
    given: set[str] = set()
    out = []
    for stem in stems:
        name, n = stem + suffix, 1
        while name.casefold() in given:
            n += 1
            name = f"{stem}_{n}{suffix}"
        given.add(name.casefold())
        out.append(name)
    return out


def test_names_follow_the_plain_rule_for_repeats_case_and_numbered_stems():
    rnd = random.Random(16)
    pool = ["Иванова_М.П.", "ИВАНОВА_М.П.", "иванова_м.п._2", "Иванова_М.П._3", "Straße", "STRASSE",
            "X", "x_2", "X_2_2", "", "Σίσυφος", "ΣΊΣΥΦΟΣ", "Ke\u212ali", "KEKLI"]
    stems = [rnd.choice(pool) for _ in range(4000)] + [f"Фамилия{i}" for i in range(3000)]
    rnd.shuffle(stems)
    assert unique_names(stems, ".docx") == reference_names(stems, ".docx")


def test_a_planner_keeps_hashes_not_names():
    planner = NamePlanner("{last_name}_{initials}", ".docx")
    people = [{"recipient": {"last_name": f"Фамилиянова{i}", "first_name": "Анна", "middle_name": "Ильинична"}}
              for i in range(20_000)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        names = [planner.name(person, i) for i, person in enumerate(people, start=1)]
        first, count, distinct = names[0], len(names), len(set(names))
        del names
        kept = tracemalloc.get_traced_memory()[0] - before  # what the planner holds
    finally:
        tracemalloc.stop()
    assert first == "Фамилиянова0_А.И.docx" and count == distinct == 20_000
    assert kept < 40 * count, f"{kept / count:.0f} bytes a name kept by the planner"  # a str alone is 110
    assert planner.name(people[0], 1) == "Фамилиянова0_А.И_2.docx"  # and it still knows every one


def test_planning_names_one_by_one_or_all_at_once_gives_the_same_names():
    rnd = random.Random(7)
    records = []
    for i in range(3000):
        person = {"last_name": rnd.choice(["Ким", "КИМ", "Ли", "Ли_А.", " Цой ", "CON", "a/b"]),
                  "first_name": rnd.choice(["Анна", "анна", "", None, "ß"]),
                  "middle_name": rnd.choice(["Ивановна", "", None])}
        records.append({"n": i, "recipient": person} if i % 7 else {"n": i})  # every seventh names nobody
    pattern = "{last_name}_{initials}"
    planner = NamePlanner(pattern, ".docx")
    one_by_one = [planner.name(r, i) for i, r in enumerate(records, start=1)]
    stems = []
    for i, r in enumerate(records, start=1):
        fields = name_fields(r, i)
        stems.append(safe_file_stem(pattern.format_map(fields)) if "last_name" in fields else f"{i:05d}")
    assert list(plan_names(records, pattern, ".docx")) == one_by_one == reference_names(stems, ".docx")
    assert one_by_one[0] == "00001.docx"


def test_a_field_only_the_last_record_has_numbers_the_others_and_an_absent_one_is_an_error():
    records = [{"klass": "5А"} for _ in range(2000)] + [{"klass": "5А", "note": "Итог"}]
    names = plan_names(records, "{note}", ".docx")
    assert names[0] == "00001.docx" and names[1999] == "02000.docx" and names[-1] == "Итог.docx"
    with pytest.raises(InputError, match="неизвестное поле «nothing»"):
        plan_names(records, "{nothing}", ".docx")


class _Head(BaseModel):
    last_name: str
    first_name: str


class _Org(BaseModel):
    title: str
    head: _Head


class _Loose(BaseModel):
    model_config = ConfigDict(extra="allow")
    title: str = ""


def test_the_person_is_found_in_models_and_in_a_model_s_extras():
    org = _Org(title="Школа", head=_Head(last_name="Директорова", first_name="Вера"))
    assert name_fields({"org": org, "who": _Head(last_name="Ким", first_name="Ли")}, 1)["short_name"] == "Ким Л."
    assert name_fields({"loose": _Loose(title="x"), "who": {"last_name": "Цой"}}, 1)["last_name"] == "Цой"
    assert name_fields({"loose": _Loose(last_name="Пак", first_name="Ира")}, 1)["initials"] == "И."
    assert "last_name" not in name_fields({"org": org}, 1)  # a nested person's person is not the record's


@pytest.mark.parametrize(("raw", "safe"), [
    ("CON  .txt", "_CON .txt"),
    ("aux", "_aux"),
    ("COM1 ", "_COM1"),
    ("COM10", "COM10"),
    ("CONS.txt", "CONS.txt"),
    ("ﬀ.x", "ﬀ.x"),
])
def test_device_names_are_prefixed_and_longer_heads_are_not(raw, safe):
    assert safe_file_stem(raw) == safe


def test_a_name_list_reads_back_what_was_appended_across_blocks():
    names = [f"Имя_{i}_{'Я' * (i % 9)}.docx" for i in range(1000)] + ["", "CON.docx"]
    kept = NameList(names)
    kept.append("ещё.docx")
    names.append("ещё.docx")
    assert len(kept) == len(names) == 1003
    assert list(kept) == names and kept == names and kept != names[:-1]
    assert [kept[i] for i in (0, 255, 256, 511, 512, 1000, 1002, -1, -1003)] == [
        names[i] for i in (0, 255, 256, 511, 512, 1000, 1002, -1, -1003)]
    assert kept[250:260] == names[250:260] and kept[::300] == names[::300]
    with pytest.raises(IndexError):
        kept[1003]
    with pytest.raises(ValueError):
        kept.append("a\0b")
    assert FileList(Path("out"), kept)[300] == Path("out") / names[300]


def test_a_name_list_is_much_smaller_than_the_names():
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = NameList(f"Фамилиянова{i}_А.И.docx" for i in range(20_000))
        size = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept[12345] == "Фамилиянова12345_А.И.docx"
    assert size < 30 * len(kept), f"{size / len(kept):.0f} bytes a name"  # a str of it alone is 120


def test_a_folder_batch_reports_its_names_as_paths(tmp_path):
    from nastavnik_docs._resources import sample_path
    from nastavnik_docs.batch import records_from_source

    records = records_from_source("award.certificate", sample_path("registry.yaml"),
                                  common=sample_path("awards/common.yaml"))[:3]
    report = render_batch("award.certificate", iter(records), tmp_path / "out", jobs=1)
    assert isinstance(report.written, FileList) and isinstance(report.written.names, NameList)
    on_disk = {p.name for p in (tmp_path / "out").iterdir() if p.suffix == ".docx"}
    assert len(report.written) == 3 and {p.name for p in report.written} == on_disk
    assert all(p.parent == tmp_path / "out" and p.exists() for p in report.written)


def test_targets_are_paths_in_the_folder_made_when_asked(tmp_path):
    from nastavnik_docs.batch._plan import FileTargets

    names = NameList(f"Ким_{i}.docx" for i in range(600))
    targets = FileTargets(tmp_path, names)
    assert len(targets) == 600 and targets[300] == str(tmp_path / "Ким_300.docx")
    assert targets[-1] == str(tmp_path / "Ким_599.docx") and targets[1:3] == [
        str(tmp_path / "Ким_1.docx"), str(tmp_path / "Ким_2.docx")]


def test_a_listed_batch_reports_the_planned_names_and_a_failed_record_is_left_out(tmp_path):
    from nastavnik_docs._resources import sample_path
    from nastavnik_docs.batch import records_from_source

    records = records_from_source("award.certificate", sample_path("registry.yaml"),
                                  common=sample_path("awards/common.yaml"))[:4]
    report = render_batch("award.certificate", records, tmp_path / "all", jobs=1)
    assert isinstance(report.written.names, NameList) and len(report.written) == 4
    broken = [*records[:2], dict(records[2], date="не дата"), records[3]]
    report = render_batch("award.certificate", broken, tmp_path / "some", jobs=1)
    assert [f.row for f in report.failed] == [3] and len(report.written) == 3
    assert {p.name for p in report.written} == {p.name for p in (tmp_path / "some").glob("*.docx")}
