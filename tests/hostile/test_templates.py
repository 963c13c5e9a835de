"""Templates against the sandbox: code execution, resource exhaustion, data that looks like
markup — and ``check-template`` agreeing with the renderer on every refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from hostile_files import HostileCtx, docx_template, hostile_kind
from hostile_harness import hostile_settings
from hypothesis import given
from hypothesis import strategies as st

import nastavnik_docs as nd
from nastavnik_docs._textsafe import xml_text
from nastavnik_docs.engine.check import check_template
from nastavnik_docs.engine.fast import FastDocxTemplate
from nastavnik_docs.errors import TemplateError

# Each of these fails at render; check-template used to pass fourteen of them.
SSTI = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ school.__class__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ range.__self__ }}",
    "{{ dict.mro() }}",
    "{{ (1).__class__.__base__.__subclasses__() }}",
    "{{ [].__class__ }}",
    "{{ ().__class__.__bases__[0] }}",
    "{{ ''['__class__'] }}",
    "{{ school['__class__'] }}",
    "{{ school|attr('__class__') }}",
    "{{ school|attr('\\x5f\\x5fclass\\x5f\\x5f') }}",
    "{{ items|map(attribute='__class__')|list }}",
    "{{ items|selectattr('__class__')|list }}",
    "{{ items|sort(attribute='__len__') }}",
    "{{ '{0.__class__}'.format(school) }}",
    "{{ '{0.__class__.__init__.__globals__}'.format(items) }}",
    "{{ '{x.__class__}'.format_map({'x': school}) }}",
    "{{ items.append(1) }}",
    "{{ extra.update({'a': 'b'}) }}",
    "{{ extra.setdefault('a', 'b') }}",
    "{{ items.pop() }}",
    "{{ loop.__class__ }}",
    "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{% set x = school.__class__ %}{{ x }}",
    "{% include 'other.docx' %}",
    "{% import 'macros' as m %}",
    "{% from 'macros' import m %}",
    "{% extends 'base.docx' %}",
    "{{ school.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ undefined_name.__class__ }}",
    "{{ school|nosuchfilter }}",
    "{{ range(100000)|list }}",
    "{{ 'x' * 10**9 }}",
]

# Resource exhaustion: each took gigabytes or minutes before (issue 17).
EXHAUSTION = [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% for i in range(10000) %}{% for j in range(10000) %}.{% endfor %}{% endfor %}",
    "{{ ((10**1000)**1000)**1000 }}",
    "{{ ''|center(400000000) }}",
    "{{ '%0400000000d'|format(1) }}",
    "{{ '{:>400000000}'.format(1) }}",
    "{{ '%0400000000d' % 1 }}",
    "{% set a = 'x' * 100000 %}{% set b = a~a~a~a~a~a~a~a~a~a %}{% set c = b~b~b~b~b~b~b~b~b~b %}{{ c~c }}",
    "{{ (['x' * 100000] * 10000)|join }}",
    "{{ lipsum(1000000) }}",
    "{% for i in 'x' * 100000 %}{% for j in 'x' * 100000 %}{% endfor %}{% endfor %}",
    "{{ ''.ljust(10**9) }}",
    "{{ 'ab'.expandtabs(10**9) }}",
    "{{ ('x' * 100000)|replace('x', 'y' * 100000) }}",
    "{{ [1]|batch(10**9, 0)|list }}",
    "{{ [1, 2] * 100000 }}",
    "{% set s %}{% for i in range(10000) %}{{ 'y' * 100000 }}{% endfor %}{% endset %}{{ s }}",
    "{{ 'a'|indent(10**9) }}",
]


def _render(tmp_path: Path, paragraph: str, ctx: HostileCtx | None = None) -> Path:
    folder = tmp_path / "tpl"
    folder.mkdir(exist_ok=True)
    docx_template(folder / "hostile.docx", [f"Текст {paragraph}"])
    out = tmp_path / "out.docx"
    return nd.render(hostile_kind(), ctx or HostileCtx(), out, templates=folder, overwrite=True)  # type: ignore[return-value]


def _check(tmp_path: Path) -> list[str]:
    report = check_template(tmp_path / "tpl" / "hostile.docx", HostileCtx, kind="test.hostile")
    return [issue.kind for issue in report.issues]


@pytest.mark.hostile("sandbox")
@pytest.mark.parametrize("payload", SSTI)
def test_code_execution_is_refused_and_check_template_agrees(tmp_path, payload, tally):
    with pytest.raises(TemplateError) as info:
        _render(tmp_path, payload)
    assert "hostile.docx" in str(info.value)
    assert not (tmp_path / "out.docx").exists()
    assert _check(tmp_path), f"check-template passed what the renderer refused: {payload}"
    tally.add("sandbox", "отклонён и найден проверкой")


@pytest.mark.hostile("limits")
@pytest.mark.parametrize("payload", EXHAUSTION)
def test_resource_exhaustion_is_refused_before_the_work(tmp_path, payload, tally):
    with pytest.raises(TemplateError) as info:
        _render(tmp_path, payload)
    assert "предел" in str(info.value) or "запрещено песочницей" in str(info.value)
    assert "NASTAVNIK_DOCS_LIMIT_" in str(info.value)  # how to raise the limit, if it is a real need
    assert _check(tmp_path), f"check-template passed what the renderer refused: {payload}"
    tally.add("limits", "отклонён")


# --- generated attacks --------------------------------------------------------------------

_BASES = ["school", "items", "extra", "count", "''", "()", "[]", "{}", "(1)", "lipsum", "cycler", "joiner",
          "namespace", "range", "dict", "loop", "items[0]", "extra['ключ']"]
_UNSAFE = ["__class__", "__mro__", "__base__", "__bases__", "__subclasses__", "__globals__", "__init__",
           "__dict__", "__builtins__", "__import__", "_private", "mro", "gi_frame", "f_globals", "__code__"]


@st.composite
def attacks(draw):
    base = draw(st.sampled_from(_BASES))
    attr = draw(st.sampled_from(_UNSAFE))
    how = draw(st.sampled_from(["dot", "item", "attr", "format", "map"]))
    tail = draw(st.sampled_from(["", ".x", "()", "[0]", "|string"]))
    if how == "dot":
        expr = f"{base}.{attr}{tail}"
    elif how == "item":
        expr = f"{base}['{attr}']{tail}"
    elif how == "attr":
        expr = f"{base}|attr('{attr}'){tail}"
    elif how == "format":
        expr = f"'{{0.{attr}}}'.format({base})"
    else:
        expr = f"[{base}]|map(attribute='{attr}')|list"
    wrap = draw(st.sampled_from(["{{ %s }}", "{%% if %s %%}да{%% endif %%}", "{%% for x in [%s] %%}{{ x }}{%% endfor %%}",
                                 "{%% set v = %s %%}{{ v }}"]))
    return wrap % expr


@pytest.mark.hostile("sandbox")
@hostile_settings(60)
@given(source=attacks())
def test_generated_attribute_attacks_never_render_and_are_all_reported(tmp_path_factory, source, tally):
    tmp_path = tmp_path_factory.mktemp("ssti")
    with pytest.raises(TemplateError):
        _render(tmp_path, source)
    assert _check(tmp_path), source
    tally.add("sandbox", "отклонён и найден проверкой")


_TEXT = st.text(alphabet=st.sampled_from(list("{}%#<>&;\"'/\\![]=-_аяЁ ab\n\t\r")) | st.characters(
    codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@pytest.fixture(scope="module")
def fast_template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("escaping")
    docx_template(folder / "t.docx", ["{{ school }}", "{% for i in items %}{{ i }};{% endfor %}", "{{ extra['ключ'] }}"])
    return FastDocxTemplate(folder / "t.docx")


def _paragraphs(data: bytes) -> list[str]:
    import io

    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


@pytest.mark.hostile("escaping")
@hostile_settings(150)
@given(school=_TEXT, item=_TEXT, value=_TEXT)
def test_markup_in_data_is_printed_as_text(fast_template, school, item, value, tally):
    ctx = HostileCtx(school=school, items=[item, item], extra={"ключ": value})
    paragraphs = _paragraphs(fast_template.render_bytes(ctx))
    expected = [xml_text(school), f"{xml_text(item)};{xml_text(item)};", xml_text(value)]
    assert paragraphs[:3] == expected
    tally.add("escaping", "напечатан как текст")


# --- generated limits ---------------------------------------------------------------------


@st.composite
def heavy(draw):
    n = draw(st.sampled_from([10, 1000, 10**5, 10**6, 10**7, 10**9]))
    m = draw(st.sampled_from([2, 10, 1000, 10**5]))
    form = draw(st.sampled_from([
        "{{ 'ab' * %(n)d }}", "{{ ''|center(%(n)d) }}", "{{ '%%0%(n)dd'|format(1) }}", "{{ '{:>%(n)d}'.format(1) }}",
        "{%% for i in range(%(n)d) %%}{%% for j in range(%(m)d) %%}{%% endfor %%}{%% endfor %%}",
        "{{ %(m)d ** %(n)d }}", "{{ (['ab'] * %(m)d)|join * %(m)d }}", "{{ lipsum(%(m)d) }}",
        "{%% set s = 'x' * %(m)d %%}{{ s ~ s ~ s ~ s }}", "{{ 'x'|indent(%(n)d) }}",
    ]))
    return form % {"n": n, "m": m}


@pytest.mark.hostile("limits")
@hostile_settings(60)
@given(source=heavy())
def test_generated_heavy_templates_render_within_limits_or_are_refused(tmp_path_factory, source, tally):
    tmp_path = tmp_path_factory.mktemp("heavy")
    try:
        _render(tmp_path, source)
        outcome = "собран в пределах"
    except TemplateError as exc:
        assert "предел" in str(exc) or "ошибка шаблона" in str(exc), str(exc)
        outcome = "отклонён"
        if "предел" in str(exc):  # a limit the check sees on constants, as the renderer does
            assert _check(tmp_path), source
    tally.add("limits", outcome)
