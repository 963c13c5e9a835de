"""check_template sees what the renderer would refuse: typed table rows, loops over things
that are not lists, ``loop``'s attributes, filters and tests that do not exist — and
whatever it passes renders, whatever it fails does not render."""

from __future__ import annotations

from typing import Generic, TypeVar

import pytest
from pydantic import BaseModel
from render_helpers import DocCtx, PairCtx, build_docx, make_kind, sample_pairs

from nastavnik_docs import check_template
from nastavnik_docs.engine.check import CHECKS, SourceCheck, check_source
from nastavnik_docs.engine.check import check_template as check_with_model
from nastavnik_docs.engine.docx import render_docx
from nastavnik_docs.engine.introspect import opaque_paths
from nastavnik_docs.errors import TemplateError

KIND = make_kind()


def check(tmp_path, paragraphs, **build):
    return check_template(build_docx(tmp_path / "t.docx", paragraphs, **build), KIND)


def check_model(tmp_path, paragraphs, model, **build):
    return check_with_model(build_docx(tmp_path / "t.docx", paragraphs, **build), model, kind="свой")


@pytest.mark.parametrize("paragraph, path, suggestion, hint", [
    ("{% for p in pairs %}{{ loop.indx }}{% endfor %}", "loop.indx", "loop.index", "loop.index"),
    ("{{ school|uper }}", "|uper", "upper", "«upper»"),
    ("{% if school is strin %}да{% endif %}", "is strin", "string", "«string»"),
    ("{% filter uppr %}текст{% endfilter %}", "|uppr", "upper", "«upper»"),
    ("{{ school|zzzzzz }}", "|zzzzzz", None, "Доступные фильтры: "),
    ("{% for d in date %}{% endfor %}", "date[]", None, "«date» — дата; в {% for %} ставьте список"),
    ("{% for p in pairs %}{% for m in p.mentor %}{% endfor %}{% endfor %}", "pairs[].mentor[]", None,
     "«pairs[].mentor» — «Mentor»"),
    ("{% for k, v in extra.items() %}{{ v.foo }}{% endfor %}", "extra[].foo", None,
     "«extra[]» — строка, полей у этого значения нет"),
    ("{% for v in extra.values() %}{{ v.bar }}{% endfor %}", "extra[].bar", None, "строка"),
    ("{% for p in pairs %}{{ p.hourz }}{% endfor %}", "pairs[].hourz", "pairs[].hours",
     "Возможно, имелось в виду «pairs[].hours»"),
    ("{{ pairs[0].mentor.nam }}", "pairs[].mentor.nam", "pairs[].mentor.name", "«pairs[].mentor.name»"),
    ("{{ head.post.nominativ }}", "head.post.nominativ", "head.post.nominative", "nominative"),
    ("{{ nothing_like_it }}", "nothing_like_it", None, "Доступно: school, date"),
])
def test_mistakes_fail_with_the_path_a_hint_and_the_paragraph(tmp_path, paragraph, path, suggestion, hint):
    report = check(tmp_path, ["Начало", paragraph])
    assert not report.ok
    (issue,) = report.issues
    assert (issue.path, issue.suggestion) == (path, suggestion)
    assert hint in issue.hint
    assert issue.text == paragraph and issue.where == "текст документа"
    assert hint.split("«")[0] in str(issue) or (suggestion and suggestion in str(issue))


@pytest.mark.parametrize("paragraph", [
    "{% for p in pairs %}{{ loop.index }}/{{ loop.length }}{% if loop.last %}.{% endif %}{% endfor %}",
    "{% for p in pairs %}{{ loop.cycle('a', 'b') }}{{ loop.previtem }}{% endfor %}",
    "{{ school|upper|trim }} {{ school|length }} {% if note is none %}-{% endif %}",
    "{% for k, v in extra.items() %}{{ k }}={{ v|upper }}{% endfor %}",
    "{% for m, n in [(1, 2)] %}{{ m }}{% endfor %}",
    "{% for p in pairs %}{% for m in p.mentees %}{{ m|title }}{% endfor %}{% endfor %}",
])
def test_correct_uses_pass(tmp_path, paragraph):
    report = check(tmp_path, [paragraph])
    assert report.ok, str(report)


# --- the check agrees with the renderer ---------------------------------------------------

CONTEXT = DocCtx(pairs=sample_pairs(), extra={"ключ": "значение"}, note="заметка")

AGREEMENT = [
    "{{ school }} {% for p in pairs %}{{ p.mentor.name }} {{ loop.index }}{% endfor %}",
    "{% for p in pairs %}{{ loop.indx }}{% endfor %}",
    "{{ school|uper }}",
    "{% if school is strin %}да{% endif %}",
    "{% for d in date %}{{ d }}{% endfor %}",
    "{% for k, v in extra.items() %}{{ v.foo }}{% endfor %}",
    "{% for p in pairs %}{{ p.mentor.nam }}{% endfor %}",
    "{{ schol }}",
    "{% for p in pairs %}{{ p.hours|round }}{% endfor %}",
]


@pytest.mark.parametrize("paragraph", AGREEMENT)
def test_what_passes_renders_and_what_fails_does_not(tmp_path, paragraph):
    template = build_docx(tmp_path / "t.docx", [paragraph])
    report = check_template(template, KIND)
    try:
        render_docx(template, CONTEXT, tmp_path / "out.docx")
        rendered = True
    except TemplateError:
        rendered = False
    assert report.ok == rendered, str(report)


# --- table rows typed by their item models ------------------------------------------------

R = TypeVar("R", bound=BaseModel)


class Table(BaseModel, Generic[R]):
    title: str
    rows: list[R]


class LooseTable(BaseModel):
    title: str
    rows: list[BaseModel]


class TypedCtx(BaseModel):
    pairs: Table[PairCtx]


class LooseCtx(BaseModel):
    pairs: LooseTable


def test_rows_of_a_generic_table_are_checked_by_their_item_model(tmp_path):
    typo = ["{% for p in pairs.rows %}{{ p.mentr }}{% endfor %}"]
    typed = check_model(tmp_path, typo, TypedCtx)
    (issue,) = typed.issues
    assert issue.path == "pairs.rows[].mentr" and issue.suggestion == "pairs.rows[].mentor"
    # a bare BaseModel says nothing about the rows: the check cannot see the typo, and
    # opaque_paths() names such places, so that a test keeps the built-in models typed
    loose = check_model(tmp_path, typo, LooseCtx)
    assert loose.ok
    assert opaque_paths(LooseCtx) == ["pairs.rows[]"]
    assert opaque_paths(TypedCtx) == []


def test_table_row_loop_typo_in_a_docx_table(tmp_path):
    report = check_model(tmp_path, ["{{ pairs.title }}"], TypedCtx, table=[
        ["{%tr for p in pairs.rows %}", ""], ["{{ p.mentor.name }}", "{{ p.mentor.pots }}"],
        ["{%tr endfor %}", ""]])
    (issue,) = report.issues
    assert issue.path == "pairs.rows[].mentor.pots" and issue.suggestion == "pairs.rows[].mentor.post"
    assert issue.text.startswith("{{ p.mentor.pots }}")


def test_a_rule_can_be_added(tmp_path, monkeypatch):
    def no_shouting(src: SourceCheck):
        for use in src.uses:
            if use.path[-1].isupper():
                yield src.issue("unsafe", "капслок", use.lineno, path=use.text)

    monkeypatch.setattr("nastavnik_docs.engine.check.CHECKS", [*CHECKS, no_shouting])
    issues, _ = check_source("{{ SCHOOL }}", DocCtx, "текст", lambda line: "абзац")
    assert [(i.kind, i.path) for i in issues] == [("unknown", "SCHOOL"), ("unsafe", "SCHOOL")]

