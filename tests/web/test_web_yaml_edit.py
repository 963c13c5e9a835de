"""Saving forms into the curator's YAML files: every comment, the order and the layout of the
rest of the file survive; values are written as a curator would write them."""

from __future__ import annotations

import re

import pytest
import yaml
from web_support import SAMPLE_PROJECT, comments

from nastavnik_docs.models import Gender, OrgKind
from nastavnik_docs.project import Project
from nastavnik_docs.web.yaml_edit import YamlDocument


@pytest.fixture
def template(tmp_path):
    Project.init(tmp_path / "p", school_year=2026)
    return tmp_path / "p"


@pytest.mark.parametrize("name", ["nastavnik.yaml", "organization.yaml"])
def test_a_file_saved_unchanged_is_byte_for_byte_the_same(template, name):
    for path in (template / name, SAMPLE_PROJECT / name):
        assert YamlDocument(path).text() == path.read_text(encoding="utf-8"), path


def test_a_four_space_file_keeps_its_indentation(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a:   # первое\n    b: 1\n    c:\n        - x   # элемент\n        - y\nd: 2\n", encoding="utf-8")
    document = YamlDocument(path)
    assert document.text() == path.read_text(encoding="utf-8")
    document.update(document.data["a"], {"b": 5})
    assert document.text() == path.read_text(encoding="utf-8").replace("b: 1", "b: 5")


def test_officials_are_written_and_every_comment_of_the_template_survives(template):
    path = template / "nastavnik.yaml"
    before = path.read_text(encoding="utf-8")
    document = YamlDocument(path)
    document.update(document.section("officials"), {
        "curator": "У10", "deputy": None,
        "chief_accountant": {"last_name": "Ермакова", "first_name": "Ирина", "gender": Gender.FEMALE,
                             "post": "главный бухгалтер, заведующая хозяйством"},
        "commission": {"name": "комиссия по отбору наставников", "chair": "У10", "members": ["У01", "У06"]},
    })
    document.save()
    after = path.read_text(encoding="utf-8")
    assert comments(after) == comments(before)
    # each value on the line of its comment; the new key before the next section's heading
    assert re.search(r"^  curator: У10 +# куратор наставничества$", after, re.M)
    assert re.search(r"^  deputy: +# заместитель руководителя", after, re.M)
    assert "  chief_accountant: {last_name: Ермакова, first_name: Ирина, gender: женский, " \
           "post: 'главный бухгалтер, заведующая хозяйством'} # главный бухгалтер" in after
    lines = after.splitlines()
    assert lines.index("  commission: {name: комиссия по отбору наставников, chair: У10, members: [У01, У06]}") \
        < lines.index("# Действующие акты: на них ссылаются по ключу. Акт этой папки — ключом документа,") \
        < lines.index("acts:")
    officials = yaml.safe_load(after)["officials"]
    assert officials == {
        "curator": "У10", "deputy": None, "council_chair": None, "council_secretary": None,
        "chief_accountant": {"last_name": "Ермакова", "first_name": "Ирина", "gender": "женский",
                             "post": "главный бухгалтер, заведующая хозяйством"},
        "commission": {"name": "комиссия по отбору наставников", "chair": "У10", "members": ["У01", "У06"]},
    }
    # everything outside the officials is exactly as it was
    assert after.split("\nacts:")[1] == before.split("\nacts:")[1]
    assert after.split("\nofficials:")[0] == before.split("\nofficials:")[0]


def test_a_block_written_by_hand_is_updated_in_place_and_keeps_unknown_fields(tmp_path):
    path = tmp_path / "nastavnik.yaml"
    path.write_text("officials:\n  chief_accountant:   # бухгалтерия\n    last_name: Ермакова  # фамилия\n"
                    "    first_name: Ирина\n    post_overrides: {dative: главному бухгалтеру}\n", encoding="utf-8")
    document = YamlDocument(path)
    document.update(document.section("officials"), {"chief_accountant": {
        "last_name": "Ермакова", "first_name": "Ирина", "middle_name": "Владимировна", "post": "главный бухгалтер"}})
    assert document.text() == (
        "officials:\n  chief_accountant:   # бухгалтерия\n    last_name: Ермакова  # фамилия\n"
        "    first_name: Ирина\n    post_overrides: {dative: главному бухгалтеру}\n"
        "    middle_name: Владимировна\n    post: главный бухгалтер\n")


def test_values_that_mean_the_same_are_left_as_written(tmp_path):
    path = tmp_path / "organization.yaml"
    text = "kind: школа   # тип\nfont_size: 14\ninn: '3525000012'\nhead:\n  gender: ж\n"
    path.write_text(text, encoding="utf-8")
    document = YamlDocument(path)
    document.update(document.data, {"kind": OrgKind.SCHOOL, "font_size": 14.0, "inn": "3525000012",
                                    "head": {"gender": Gender.FEMALE}})
    assert document.text() == text
    document.update(document.data, {"kind": OrgKind.COLLEGE, "font_size": 12.5})
    assert document.text().startswith("kind: колледж # тип\nfont_size: 12.5\n")  # the comment keeps its column


def test_a_broken_file_is_a_located_error(tmp_path):
    from nastavnik_docs.errors import InputError

    path = tmp_path / "nastavnik.yaml"
    path.write_text("officials:\n  curator: [У10\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        YamlDocument(path)
    (problem,) = caught.value.problems
    assert problem.file == "nastavnik.yaml" and problem.row is not None
