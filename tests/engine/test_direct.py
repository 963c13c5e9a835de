"""Direct rendering gives exactly what Jinja gives, or hands the record to Jinja."""

from __future__ import annotations

import enum

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from nastavnik_docs import load_input
from nastavnik_docs._limits import use_limits
from nastavnik_docs._resources import sample_path
from nastavnik_docs.engine import make_environment
from nastavnik_docs.engine._direct import DirectTemplate, Unhandled, compile_direct
from nastavnik_docs.engine._docxtpl_compat import DATA_UNDERSCORE, finish_part
from nastavnik_docs.engine._wordml import renumber_drawings
from nastavnik_docs.engine.fast import FastDocxTemplate
from nastavnik_docs.engine.lookup import find_template
from nastavnik_docs.errors import NastavnikError
from nastavnik_docs.kinds import all_kinds

ENV = make_environment(docx=True)


class Colour(enum.Enum):
    RED = "красный"


class Person:
    def __init__(self, dative: object):
        self.dative = dative


def jinja_way(source: str, values: dict) -> str:
    """What the fast path renders a part to with Jinja."""
    return finish_part(ENV.from_string(source).render(values), own_breaks=False)


def direct_way(source: str, values: dict) -> str:
    compiled = compile_direct(ENV, source, False, {})
    assert compiled is not None, source
    xml, drawing = compiled.render(values)
    text = xml.decode("utf-8")
    assert drawing == ("<wp:docPr" in text)
    return text


TEMPLATES = [
    "<w:t>{{ a }}</w:t>",
    "<w:p>{% if a %}<w:t>{{ a }}</w:t>{% elif b %}{{ b }}{% else %}<w:br/>{% endif %}</w:p>",
    "{% if not a and b or c %}<x>{{ c }}</x>{% endif %}{% if a %}{% endif %}",
    "<w:t>{{ p.dative }}</w:t>{% if p.dative %}!{% endif %}",
    "{{ '{' }}{{ a }}{{ b }}{{ '}' }}",  # printed values next to each other
    "x_{{ a }}_}{{ b }}{_",  # fixed text that may join a value into docxtpl's escapes
    "<w:t>{_{ a }_} {{ a }}</w:t>",  # docxtpl's escaped braces in the fixed text
    "<w:t>строка\tс табуляцией</w:t>{{ a }}",
]
TEXT = st.text(alphabet=st.sampled_from(list("{}_%<>&\"' \n\t\a\fабвxyz") + [DATA_UNDERSCORE]), max_size=12)
VALUE = st.one_of(TEXT, st.none(), st.integers(-5, 5), st.just(Colour.RED), TEXT.map(Markup),
                  st.just(""))


@pytest.mark.parametrize("source", TEMPLATES)
@settings(max_examples=150, deadline=None)
@given(a=VALUE, b=VALUE, c=VALUE, dative=VALUE)
def test_direct_equals_jinja_on_any_values(source, a, b, c, dative):
    values = {"a": a, "b": b, "c": c, "p": Person(dative)}
    assert direct_way(source, values) == jinja_way(source, values)


def test_printed_strings_are_remembered_within_a_bound(monkeypatch):
    monkeypatch.setattr(DirectTemplate, "MEMO_SIZE", 3)
    compiled = compile_direct(ENV, "<w:t>{{ a }}</w:t>", False, {})
    assert compiled is not None
    for i in range(10):
        assert compiled.render({"a": f"имя {i} & Ко"})[0] == f"<w:t>имя {i} &amp; Ко</w:t>".encode()
        assert len(compiled._memo) <= 3


@pytest.mark.parametrize("source", [
    "{% for x in a %}{{ x }}{% endfor %}",
    "{{ a|upper }}",
    "{{ a ~ b }}",
    "{% if a == b %}{% endif %}",
    "{{ a.__class__ }}",
    "{{ a[0] }}",
    "{% set x = 1 %}{{ x }}",
])
def test_anything_beyond_printing_and_testing_is_left_to_jinja(source):
    assert compile_direct(ENV, source, False, {}) is None


@pytest.mark.parametrize("values", [
    {},  # a missing name
    {"p": Person("x"), "a": object()},  # an object Jinja's sandbox lets print
    {"p": object()},  # an attribute the object lacks
], ids=["missing name", "object", "missing attribute"])
def test_what_jinja_must_decide_is_handed_to_it(values):
    compiled = compile_direct(ENV, "{{ p.dative }}", False, {})
    assert compiled is not None
    if "p" in values and hasattr(values["p"], "dative"):
        assert compiled.render(values)[0] == b"x"
        return
    with pytest.raises(Unhandled):
        compiled.render(values)


def test_a_part_over_the_size_limit_is_handed_to_jinja():
    compiled = compile_direct(ENV, "<w:t>{{ a }}</w:t>", False, {})
    assert compiled is not None
    with use_limits(document_chars=100), pytest.raises(Unhandled):
        compiled.render({"a": "я" * 200})


def _award_kinds() -> list:
    return [pytest.param(kind, id=kind.id) for kind in all_kinds() if kind.id.startswith("award.") and kind.docx]


@pytest.mark.parametrize("kind", _award_kinds())
def test_every_award_renders_directly_and_as_jinja_does(kind):
    """The awards print and test values only: a batch of them never runs Jinja. Their
    documents are byte for byte those Jinja makes."""
    fast = FastDocxTemplate(find_template(kind.docx))
    assert fast.all_direct, kind.id
    jinja = FastDocxTemplate(find_template(kind.docx))
    for part in (jinja.body, *jinja.parts):
        part.direct = None
    jinja.all_direct = False
    for sample in kind.samples:
        data = load_input(kind.id, sample_path(sample))
        for extras in ({}, {"number": "НК-0042", "qr": True}):  # a QR code is a picture
            context = kind.build_context(data.model_copy(update=extras))
            assert fast.render_bytes(context) == jinja.render_bytes(context), (sample, extras)


def test_a_missing_value_gives_the_plain_path_s_error():
    kind = next(k for k in all_kinds() if k.id == "award.certificate")
    fast = FastDocxTemplate(find_template(kind.docx))
    with pytest.raises(NastavnikError) as caught:
        fast.render({"organization_name": "Школа"})
    assert str(caught.value) == ("шаблон «award_certificate.docx», текст документа: нет значения «logo»; "
                                 "абзац: «{% if logo %}»")


DRAWING = Markup('<w:drawing><wp:inline><wp:docPr id="1" name="Рисунок"/></wp:inline></w:drawing>')


@pytest.mark.parametrize("fixed_drawing", [False, True], ids=["printed only", "also in the fixed text"])
def test_printed_drawings_are_numbered_as_the_whole_body_would_be(fixed_drawing):
    """The body's drawings get unique ids 1001, 1002… in their order: printed ones are
    numbered as they are printed, unless the fixed text has drawings of its own (then the
    caller numbers the whole body, as before)."""
    fixed = '<wp:docPr id="7" name="Рамка"/>' if fixed_drawing else ""
    source = f"<w:p>{{{{ a }}}}</w:p>{fixed}<w:p>{{{{ b }}}}{{{{ a }}}}</w:p>"
    compiled = compile_direct(ENV, source, False, {}, renumber=True)
    assert compiled is not None
    expected = renumber_drawings(jinja_way(source, {"a": DRAWING, "b": "текст"}), 1000)[0]
    for _ in range(2):  # the second time from the memo
        xml, drawing = compiled.render({"a": DRAWING, "b": "текст"})
        text = xml.decode("utf-8")
        assert drawing is fixed_drawing
        assert (renumber_drawings(text, 1000)[0] if drawing else text) == expected
    assert expected.count('id="1001"') == 1 and expected.count('id="100' + ("3" if fixed_drawing else "2") + '"') == 1


@pytest.mark.parametrize("fast", [True, False], ids=["fast path", "docxtpl"])
def test_a_missing_picture_file_is_named(tmp_path, fast):
    from nastavnik_docs.engine.docx import render_docx
    from nastavnik_docs.models import Image

    kind = next(k for k in all_kinds() if k.id == "award.certificate")
    data = load_input(kind.id, sample_path(kind.samples[0]))
    context = kind.build_context(data).model_copy(update={"logo": Image(path=tmp_path / "нет.png")})
    with pytest.raises(NastavnikError) as caught:
        if fast:
            FastDocxTemplate(find_template(kind.docx)).render(context)
        else:
            render_docx(find_template(kind.docx), context, tmp_path / "out.docx")
    assert f"Файл изображения не найден: {tmp_path / 'нет.png'}" in str(caught.value)
