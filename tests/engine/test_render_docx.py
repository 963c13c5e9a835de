"""The DOCX engine: sandbox, escaping, strict variables with full paths, blanks, docxtpl tags."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document
from docx.shared import Pt
from render_helpers import (
    DocCtx,
    Mentor,
    PairCtx,
    all_text,
    build_docx,
    docx_texts,
    make_kind,
    png_bytes,
    sample_pairs,
)

import nastavnik_docs as nd
from nastavnik_docs.engine import BLANK, make_environment
from nastavnik_docs.engine._docxtpl_compat import prepare_part_xml
from nastavnik_docs.errors import TemplateError
from nastavnik_docs.models import Image, Person
from nastavnik_docs.ru import person_forms


def render_one(tpl_dir, out_dir, paragraphs, ctx=None, name="doc.docx", **build):
    build_docx(tpl_dir / "test_doc.docx", paragraphs, **build)
    return nd.render(make_kind(), ctx or DocCtx(), out_dir / name, templates=tpl_dir)


@pytest.mark.parametrize("expression", [
    "{{ ''.__class__.__mro__ }}",
    "{{ school.__class__.__base__.__subclasses__() }}",
    "{{ school.format.__globals__ }}",
    "{{ pairs.__len__() }}",
    "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ pairs.append(1) }}",
    "{{ extra.update({'a': 'b'}) }}",
    "{{ 'x' * 10**9 }}",
    "{{ [1, 2] * 100000 }}",
    "{{ 2 ** 1000000 }}",
])
def test_sandbox_refuses_python_internals(tpl_dir, out_dir, expression):
    ctx = DocCtx(pairs=sample_pairs(), extra={"x": "y"})
    with pytest.raises(TemplateError) as info:
        render_one(tpl_dir, out_dir, [f"Текст {expression}"], ctx)
    message = str(info.value)
    assert "test_doc.docx" in message
    assert not (out_dir / "doc.docx").exists()
    assert "запрещено песочницей" in message
    assert f"абзац: «Текст {expression}»" in message


@pytest.mark.parametrize("value", [
    "Школа & лицей",
    "a < b > c",
    "«ёлочки», \"лапки\" и 'апострофы'",
    "<w:p>не тег</w:p> &amp; уже экранировано",
    "]]> <![CDATA[ x",
    "{{ not a tag }} {% if %}",
])
def test_special_characters_come_out_as_given(tpl_dir, out_dir, value):
    path = render_one(tpl_dir, out_dir, ["Название: {{ school }}"], DocCtx(school=value))
    assert docx_texts(path)["body"][0] == f"Название: {value}"


def test_line_breaks_become_real_breaks_and_control_characters_are_dropped(tpl_dir, out_dir):
    path = render_one(tpl_dir, out_dir, ["{{ note }}"],
                      DocCtx(note="первая строка\r\nвторая\rтретья\x0b\x07!"))
    para = Document(path).paragraphs[0]
    assert para.text == "первая строка\nвторая\nтретья!"
    assert len(para._p.xpath(".//w:br")) == 2


def test_none_prints_a_blank_never_none(tpl_dir, out_dir):
    ctx = DocCtx(note=None, pairs=[PairCtx(mentor=Mentor(name="Иванова", post=None))])
    path = render_one(tpl_dir, out_dir, ["Примечание: {{ note }}",
                                         "{% for p in pairs %}{{ p.mentor.post }}{% endfor %}"], ctx)
    body = docx_texts(path)["body"]
    assert body == [f"Примечание: {BLANK}", BLANK]
    assert "None" not in all_text(path)


@pytest.mark.parametrize("paragraph, path", [
    ("{{ schol }}", "«schol»"),
    ("{% set m = pairs[1].mentor %}{{ m.pst }}", "«pairs[].mentor.pst»"),
    ("{{ first_pair.mentor }}", "«first_pair»"),  # a plain property is not in the context
    ("{% for p in pairs %}{{ p.mentor.dativ }}{% endfor %}", "«pairs[].mentor.dativ»"),
    ("{% for p in pairs %}{% for m in p.mentees %}{{ m.nme }}{% endfor %}{% endfor %}",
     "«pairs[].mentees[].nme»"),
    ("{{ pairs[0].mentor.nam }}", "«pairs[].mentor.nam»"),
    ("{{ head.dativ }}", "«head.dativ»"),
    ("{{ pairs[7].mentor.name }}", "«pairs[]» (в списке нет элемента с номером 7)"),
])
def test_missing_variable_is_named_with_its_full_path_and_paragraph(tpl_dir, out_dir, paragraph, path):
    ctx = DocCtx(pairs=sample_pairs(), head=person_forms(Person(last_name="Иванова", first_name="Мария",
                                                                middle_name="Петровна", gender="ж")))
    with pytest.raises(TemplateError) as info:
        render_one(tpl_dir, out_dir, ["Вводный абзац", f"Приказываю: {paragraph}"], ctx)
    message = str(info.value)
    assert f"нет значения {path}" in message
    assert "шаблон «test_doc.docx»" in message
    assert "Приказываю:" in message and "Вводный" not in message


def test_broken_tag_is_reported_with_its_paragraph(tpl_dir, out_dir):
    with pytest.raises(TemplateError) as info:
        render_one(tpl_dir, out_dir, ["Хорошо", "Плохо: {{ school }", "Ещё"])
    assert "Плохо:" in str(info.value)


def test_headers_footers_tables_and_conditional_paragraphs(tpl_dir, out_dir):
    ctx = DocCtx(pairs=sample_pairs(), show_extra=False)
    path = render_one(
        tpl_dir, out_dir,
        ["Школа {{ school }}", "{%p if show_extra %}", "Скрытый абзац", "{%p endif %}",
         "{%p if not show_extra %}", "Видимый абзац", "{%p endif %}", "Пар: {{ pair_count }}"],
        ctx, header="Шапка: {{ school }}", footer="Подвал {{ date.year }}",
        table=[["Наставник", "Часы"], ["{%tr for p in pairs %}", ""],
               ["{{ p.mentor.name }}", "{{ p.hours }}"], ["{%tr endfor %}", ""]],
    )
    texts = docx_texts(path)
    assert texts["body"] == ["Школа МБОУ «СОШ № 1»", "Видимый абзац", "Пар: 2"]
    assert texts["header"] == ["Шапка: МБОУ «СОШ № 1»"]
    assert texts["footer"] == ["Подвал 2026"]
    table = Document(path).tables[0]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Наставник", "Часы"], ["Иванова М.П.", "12"], ["Смирнов А.А.", "3"]]
    assert "{%" not in all_text(path) and "{{" not in all_text(path)


def test_tags_split_across_runs_are_repaired(tpl_dir, out_dir):
    doc = Document()
    para = doc.add_paragraph()
    for piece in ["Школа: {", "{ sch", "ool }", "}"]:
        para.add_run(piece).bold = piece.startswith("{ s")
    doc.save(tpl_dir / "test_doc.docx")
    path = nd.render(make_kind(), DocCtx(school="Лицей"), out_dir / "d.docx", templates=tpl_dir)
    assert Document(path).paragraphs[0].text == "Школа: Лицей"


@pytest.mark.parametrize("where", ["top", "nested"])
def test_images_from_file_and_memory(tpl_dir, out_dir, tmp_path, where):
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes(8, 4))
    image = Image(path=logo, width_mm=20) if where == "top" else Image(data=png_bytes(), height_mm=5)
    ctx = DocCtx(logo=image) if where == "top" else DocCtx(extra={}, logo=None)
    paragraphs = ["{{ logo }}"] if where == "top" else ["{{ images[0] }}"]
    if where == "nested":
        # a context given as a dict reaches the engine as is, with the image inside a list
        build_docx(tpl_dir / "test_doc.docx", paragraphs)
        from nastavnik_docs.engine.docx import render_docx
        path = render_docx(tpl_dir / "test_doc.docx", {"images": [image]}, out_dir / "d.docx")
    else:
        path = render_one(tpl_dir, out_dir, paragraphs, ctx)
    doc = Document(path)
    assert len(doc.inline_shapes) == 1
    with zipfile.ZipFile(path) as zf:
        assert any(n.startswith("word/media/") for n in zf.namelist())
    assert doc.paragraphs[0].text == ""


def test_missing_image_file_is_a_template_error(tpl_dir, out_dir, tmp_path):
    ctx = DocCtx(logo=Image(path=tmp_path / "нет.png"))
    with pytest.raises(TemplateError, match="нет.png"):
        render_one(tpl_dir, out_dir, ["{{ logo }}"], ctx)


def test_organisation_font_is_applied_to_the_default_style(tpl_dir, out_dir):
    path = render_one(tpl_dir, out_dir, ["Текст"], DocCtx(font_name="PT Astra Serif", font_size=13))
    font = Document(path).styles["Normal"].font
    assert font.name == "PT Astra Serif"
    assert font.size == Pt(13)


def test_environment_is_sandboxed_strict_and_escaping():
    env = make_environment()
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="a & b") == "a &amp; b"
    assert env.from_string("{{ x }}").render(x=None) == BLANK
    with pytest.raises(Exception):
        env.from_string("{{ y }}").render()
    assert "decline" in " ".join(env.filters) or len(env.filters) > 50  # ru filters added


def test_prepared_part_xml_puts_each_paragraph_on_its_own_line():
    xml = ('<w:body xmlns:w="w"><w:p><w:r><w:t>{{ a</w:t></w:r><w:r><w:t> }}</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>b</w:t></w:r></w:p></w:body>')
    prepared = prepare_part_xml(xml)
    assert prepared.count("\n<w:p>") == 2
    assert "{{ a }}" in prepared


def test_enum_values_print_as_their_value(tmp_path):
    import enum

    from nastavnik_docs.engine.docx import render_docx

    class Form(str, enum.Enum):  # noqa: UP042 - a str-mixin enum is what users pass
        TRADITIONAL = "традиционная"

    template = build_docx(tmp_path / "t.docx", ["Форма: {{ form }}"])
    out = render_docx(template, {"form": Form.TRADITIONAL}, tmp_path / "o.docx")
    assert docx_texts(out)["body"] == ["Форма: традиционная"]


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_unreadable_template_is_a_template_error(tpl_dir, out_dir, content):
    (tpl_dir / "test_doc.docx").write_bytes(content)
    with pytest.raises(TemplateError, match="Не удалось открыть шаблон DOCX «test_doc.docx»"):
        nd.render(make_kind(), DocCtx(), out_dir / "a.docx", templates=tpl_dir)
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize("value, ok", [
    ("эмблема.png", True), ({"path": "a.png", "width_mm": 20}, True), ({"data": b"x"}, True),
    ({}, False), ({"path": "a.png", "data": b"x"}, False), ({"path": "a.png", "width_mm": 0}, False),
])
def test_image_values(value, ok):
    from pydantic import ValidationError

    if ok:
        assert isinstance(Image.model_validate(value), Image)
    else:
        with pytest.raises(ValidationError):
            Image.model_validate(value)
