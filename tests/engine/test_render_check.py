"""check_template: unknown paths (nested, loops, aliases), broken tags, and every built-in template."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook
from pydantic import BaseModel
from render_helpers import build_docx, make_kind

from nastavnik_docs import check_template
from nastavnik_docs.engine.check import resolve_path
from nastavnik_docs.engine.lookup import find_template
from nastavnik_docs.engine.paths import variable_uses
from nastavnik_docs.errors import TemplateError
from nastavnik_docs.kinds import all_kinds

KIND = make_kind()


def check_paragraphs(tmp_path, paragraphs, **build):
    path = build_docx(tmp_path / "t.docx", paragraphs, **build)
    return check_template(path, KIND)


@pytest.mark.parametrize("paragraph", [
    "{{ school }} {{ date.year }} {{ date.year.real }} {{ note }} {{ pair_count }}",
    "{% for p in pairs %}{{ p.mentor.name }} {{ p.mentor.post }} {{ loop.index }}{% endfor %}",
    "{% for p in pairs %}{% for m in p.mentees %}{{ m }}{{ m.upper() }}{% endfor %}{% endfor %}",
    "{% for p in pairs|sort(attribute='hours') %}{{ p.hours }}{% endfor %}",
    "{{ pairs|map(attribute='mentor.name')|join(', ') }} {{ rows|sum(attribute='count') }}",
    "{% for g in pairs|groupby('hours') %}{{ g.grouper }}{% endfor %}",
    "{% for p in pairs if p.hours > 1 %}{{ p.mentor.dative }}{% endfor %}",
    "{% set m = pairs[0].mentor %}{{ m.name }}",
    "{% with f = pairs|first %}{{ f.hours }}{% endwith %}",
    "{{ extra.anything }} {{ extra['ключ'] }} {% for k, v in extra.items() %}{{ k }}{{ v }}{% endfor %}",
    "{{ head.dative }} {{ head.short_genitive }} {{ head.post.genitive }} {{ head.initials }}",
    "{% if logo %}{{ logo }}{% endif %} {{ rows[0].born.year }} {{ rows|length }}",
    "{% macro sign(x) %}{{ x.whatever }}{% endmacro %}{{ sign(school) }}",
])
def test_valid_templates_pass(tmp_path, paragraph):
    report = check_paragraphs(tmp_path, [paragraph])
    assert report.ok, [str(i) for i in report.issues]


@pytest.mark.parametrize("paragraph, path, suggestion", [
    ("{{ schol }}", "schol", "school"),
    ("{{ date.yaer }}", "date.yaer", None),
    ("{% for p in pairs %}{{ p.mentor.dativ }}{% endfor %}", "pairs[].mentor.dativ", "pairs[].mentor.dative"),
    ("{% for p in pairs %}{% for m in p.mentors %}{{ m }}{% endfor %}{% endfor %}",
     "pairs[].mentors", "pairs[].mentor"),
    ("{% set m = pairs[0].mentor %}{{ m.nam }}", "pairs[].mentor.nam", "pairs[].mentor.name"),
    ("{{ head.dativ }}", "head.dativ", "head.dative"),
    ("{{ head.post.dativ }}", "head.post.dativ", "head.post.dative"),
    ("{% for r in school %}{% endfor %}{% for c in pair_count %}{% endfor %}", "pair_count[]", None),
    ("{{ first_pair }}", "first_pair", None),  # a plain property of the context is not passed
    ("{{ school._secret }}", "school._secret", None),
    ("{{ pairs|map(attribute='mentor.nme')|join(', ') }}", "pairs[].mentor.nme", "pairs[].mentor.name"),
    ("{% for p in pairs|sort(attribute='hour') %}{% endfor %}", "pairs[].hour", "pairs[].hours"),
    ("{% for p in pairs|selectattr('hourz') %}{% endfor %}", "pairs[].hourz", "pairs[].hours"),
])
def test_unknown_paths_are_reported_in_full(tmp_path, paragraph, path, suggestion):
    report = check_paragraphs(tmp_path, ["Вступление", f"Абзац: {paragraph}"])
    assert not report.ok
    (issue,) = report.issues
    assert issue.path == path
    assert issue.suggestion == suggestion
    assert issue.text == f"Абзац: {paragraph}"
    assert issue.where == "текст документа"
    assert path in str(issue)


@pytest.mark.parametrize("paragraphs, message, text", [
    (["a", "{% if show_extra %}начало", "b"], "не закрыт: нет {% endif %}", "{% if show_extra %}начало"),
    (["{% for p in pairs %}", "{{ p.hours }}", "{% endif %}"], "закрыт тегом {% endif %}", "{% for p in pairs %}"),
    # docxtpl's repair joins an unclosed {{ with the text up to the next }}, here "y"
    (["x", "Плохо: {{ school }", "y"], "Ошибка в теге", "Плохо: {{ school }y"),
    (["{{ school | }}"], "Ошибка в теге", "{{ school | }}"),
    (["ok", "{% endfor %}"], "лишний закрывающий тег", "{% endfor %}"),
])
def test_broken_tags_are_reported_with_their_paragraph(tmp_path, paragraphs, message, text):
    report = check_paragraphs(tmp_path, paragraphs)
    syntax = [i for i in report.issues if i.kind == "syntax"]
    assert syntax and message in syntax[0].message
    assert syntax[0].text == text


def test_checking_goes_on_after_a_broken_tag(tmp_path):
    report = check_paragraphs(tmp_path, ["{% if show_extra %}без конца", "{{ schol }}", "{{ note }"],
                              header="{{ headr }}", footer="{{ date.dy }}")
    found = {(i.kind, i.where, i.path) for i in report.issues}
    assert ("unknown", "текст документа", "schol") in found
    assert ("unknown", "верхний колонтитул", "headr") in found
    assert ("unknown", "нижний колонтитул", "date.dy") in found
    assert sum(1 for i in report.issues if i.kind == "syntax") == 2


def test_table_row_loops_are_followed(tmp_path):
    report = check_paragraphs(tmp_path, ["Таблица"], table=[
        ["{%tr for p in pairs %}", ""], ["{{ p.mentor.name }}", "{{ p.hourz }}"], ["{%tr endfor %}", ""]])
    assert [i.path for i in report.issues] == ["pairs[].hourz"]
    assert report.issues[0].text.startswith("{{ p.hourz }}")  # docxtpl moved {%tr endfor%} here


def test_report_lists_every_path_used(tmp_path):
    report = check_paragraphs(tmp_path, ["{% for p in pairs %}{{ p.mentor.name }}{% endfor %}{{ school }}"])
    assert report.paths == ["pairs[]", "pairs[].mentor.name", "school"]


def test_xlsx_cells_and_row_loops_are_checked(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Реестр"
    ws["A1"] = "{{ school }}"
    ws["A2"] = "{%row for r in rows %}{{ loop.index }}"
    ws["B2"] = "{{ r.nme }}"
    ws["C2"] = "{{ r.born }}"
    ws["A4"] = "{{ totl }}"
    ws2 = wb.create_sheet("Плохо")
    ws2["B3"] = "{%row p in pairs %}"
    wb.save(tmp_path / "t.xlsx")
    report = check_template(tmp_path / "t.xlsx", KIND)
    found = {(i.kind, i.where, i.path) for i in report.issues}
    assert found == {
        ("unknown", "лист «Реестр», ячейка B2", "rows[].nme"),
        ("unknown", "лист «Реестр», ячейка A4", "totl"),
        ("syntax", "лист «Плохо», ячейка B3", None),
    }
    assert next(i for i in report.issues if i.path == "rows[].nme").suggestion == "rows[].name"


def test_not_a_template_file(tmp_path):
    (tmp_path / "t.txt").write_text("x")
    with pytest.raises(TemplateError, match=".docx или .xlsx"):
        check_template(tmp_path / "t.txt", KIND)
    with pytest.raises(TemplateError, match="не найден"):
        check_template(tmp_path / "нет.docx", KIND)


class _Inner(BaseModel):
    when: dt.date | None = None
    tags: list[str] = []


class _Outer(BaseModel):
    items: list[_Inner] = []
    by_name: dict[str, _Inner] = {}
    pair: tuple[_Inner, _Inner] | None = None


@pytest.mark.parametrize("path, failure_index", [
    (("items", "[]", "when", "year"), None),
    (("items", "[]", "tags", "[]", "upper"), None),
    (("by_name", "x", "when"), None),
    (("by_name", "[]", "tags"), None),
    (("pair", "[]", "when"), None),
    (("items", "[]", "whn"), 2),
    (("items", "when"), 1),
    (("nope",), 0),
])
def test_resolve_path_through_types(path, failure_index):
    result = resolve_path(_Outer, path)
    assert (None if result is None else result[0]) == failure_index


def test_variable_uses_follow_aliases():
    uses = variable_uses("{% for a in x.y %}{% set b = a.z %}{{ b.w }}{% endfor %}{{ loop }}")
    assert [u.text for u in uses] == ["x.y[]", "x.y[].z", "x.y[].z.w"]


# --- every built-in template of every registered kind -----------------------------------

BUILTIN = [(kind, name) for kind in all_kinds() for name in (kind.docx, kind.xlsx) if name]


@pytest.mark.parametrize("kind, name", BUILTIN, ids=[f"{k.id}:{n}" for k, n in BUILTIN])
def test_builtin_templates_pass_the_check(kind, name):
    report = check_template(find_template(name), kind)
    assert report.ok, str(report)
    assert report.paths  # a built-in template places at least one value


def test_xlsx_print_headers_are_checked(tmp_path):
    wb = Workbook()
    wb.active.title = "Реестр"
    wb.active.oddHeader.center.text = "{{ schoool }}"
    wb.save(tmp_path / "t.xlsx")
    (issue,) = check_template(tmp_path / "t.xlsx", KIND).issues
    assert issue.path == "schoool" and issue.suggestion == "school"
    assert issue.where == "лист «Реестр», верхний колонтитул (в центре)"


@pytest.mark.parametrize("paragraph, hint", [
    ("{%tr for p in pairs %}", "работает только внутри таблицы"),
    ("{{ school }", "одиночная фигурная скобка"),
    ("{{ school name }}", "лишний текст"),
    ("{{ school| }}", "не хватает имени"),
    ("{% frobnicate %}", "неизвестный тег {% frobnicate %}"),
])
def test_syntax_errors_are_explained_in_russian(tmp_path, paragraph, hint):
    (issue,) = check_paragraphs(tmp_path, [paragraph]).issues
    assert issue.kind == "syntax" and hint in issue.message


def test_the_engine_checks_against_a_model_without_the_catalogue(tmp_path):
    from render_helpers import DocCtx

    from nastavnik_docs.engine.check import check_template as check_with_model

    path = build_docx(tmp_path / "t.docx", ["{{ schol }}"], header="{{ pair_count }}")
    report = check_with_model(path, DocCtx, kind="свой бланк")
    assert report.kind == "свой бланк" and "«свой бланк»" in str(report)
    assert [(i.path, i.suggestion, i.where) for i in report.issues] == [
        ("schol", "school", "текст документа")]
    assert report.paths == ["schol", "pair_count"]
    assert str(check_template(path, KIND)) == str(report).replace("свой бланк", KIND.id)
