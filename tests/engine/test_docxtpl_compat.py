"""Every shim over docxtpl's internals, against the installed docxtpl: each one must do what
docxtpl itself does, so a docxtpl release that changes its internals fails here first."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docxtpl import DocxTemplate
from lxml import etree
from render_helpers import DocCtx, build_docx, png_bytes

from nastavnik_docs.engine._docxtpl_compat import (
    PROPERTIES_LABEL,
    DocxTemplateWithHooks,
    PictureHost,
    finish_part,
    fix_tables,
    line_per_paragraph,
    patch_xml,
    picture_run_xml,
    prepare_part_xml,
    template_sources,
)
from nastavnik_docs.engine._jinja import make_environment, template_context
from nastavnik_docs.engine._opc import Package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _body(*paragraphs: str) -> str:
    return f'<w:body xmlns:w="{W}">' + "".join(paragraphs) + "</w:body>"


def test_patch_xml_joins_split_tags_and_lifts_paragraph_tags():
    xml = _body("<w:p><w:r><w:t>{{ sch</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ool }}</w:t></w:r></w:p>",
                "<w:p><w:r><w:t>{%p if note %}</w:t></w:r></w:p>",
                "<w:p><w:r><w:t>{{ note }}</w:t></w:r></w:p>",
                "<w:p><w:r><w:t>{%p endif %}</w:t></w:r></w:p>")
    patched = patch_xml(xml)
    assert "{{ school }}" in patched
    assert "{% if note %}" in patched and "{%p" not in patched
    assert patched.count("<w:p>") == 2  # the {%p %} paragraphs are gone, their tags kept
    assert prepare_part_xml(xml) == line_per_paragraph(patched)
    assert line_per_paragraph(patched).count("\n<w:p>") == 2


@pytest.mark.parametrize("note", ["строка\nвторая\tс табуляцией", "страница\fновая", "абзац\aещё",
                                  "{_{ не тег }_}", "просто текст"])
def test_finish_part_is_what_render_xml_part_does(note):
    xml = patch_xml(_body('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:i/></w:rPr>'
                          '<w:t xml:space="preserve">{{ note }}</w:t></w:r></w:p>',
                          "<w:p><w:r><w:t>{{ school }}</w:t></w:r></w:p>"))
    context = template_context(DocCtx(note=note))
    env = make_environment()
    theirs = DocxTemplate.render_xml_part(DocxTemplate("unused.docx"), xml, None, context, env)
    ours = finish_part(env.from_string(xml).render(context), own_breaks=False)
    assert ours == theirs
    # a pretty-printed source (line breaks of its own before paragraphs, which python-docx
    # drops before docxtpl sees the part) comes out as the plain path makes it
    pretty = xml.replace("<w:p>", "\n<w:p>")
    assert finish_part(env.from_string(pretty).render(context), own_breaks=True) == theirs


def test_fix_tables_fits_the_grid_to_the_cells_a_loop_made():
    cell = "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    xml = _body('<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>'
                f"<w:tr>{cell * 4}</w:tr></w:tbl>")
    tree = fix_tables(xml)
    widths = [int(c.get(f"{{{W}}}w")) for c in tree.iter(f"{{{W}}}gridCol")]
    assert widths == [1500] * 4  # four columns sharing the table's width
    assert etree.tostring(tree) == etree.tostring(DocxTemplate.fix_tables(None, xml))


def test_template_sources_are_what_docxtpl_reads(tmp_path):
    path = build_docx(tmp_path / "t.docx", ["{{ school }}", "{% if note %}{{ note }}{% endif %}"],
                      header="Шапка {{ school }}", footer="Подвал {{ date }}")
    ours = template_sources(Package.open(path))
    tpl = DocxTemplate(str(path))
    tpl.init_docx()
    theirs = [("текст документа", tpl.get_xml())]
    theirs += [("верхний колонтитул", tpl.get_part_xml(part))
               for _key, part in tpl.get_headers_footers(tpl.HEADER_URI)]
    theirs += [("нижний колонтитул", tpl.get_part_xml(part))
               for _key, part in tpl.get_headers_footers(tpl.FOOTER_URI)]
    assert ours == theirs
    assert "Шапка {{ school }}" in ours[1][1] and "Подвал {{ date }}" in ours[2][1]


class _Failure(Exception):
    pass


class _Hooked(DocxTemplateWithHooks):
    def part_failed(self, exc, label, source):
        return _Failure(label, type(exc).__name__, source)


@pytest.mark.parametrize("header, footer, label", [
    ("{{ missing.name }}", "Стр.", "верхний колонтитул"),
    ("Шапка", "{{ 1 + }}", "нижний колонтитул"),
])
def test_a_failing_part_goes_through_the_hook_with_its_label(tmp_path, header, footer, label):
    path = build_docx(tmp_path / "t.docx", ["{{ school }}"], header=header, footer=footer)
    tpl = _Hooked(str(path))
    with pytest.raises(_Failure) as failure:
        tpl.render({"school": "Школа"}, make_environment())
    assert failure.value.args[0] == label
    assert "\n<w:p" in failure.value.args[2]  # the source with a line per paragraph


def test_core_properties_are_rendered_without_escaping_and_fail_through_the_hook(tmp_path):
    path = tmp_path / "t.docx"
    doc = Document()
    doc.add_paragraph("{{ school }}")
    doc.core_properties.title = "Документ {{ school }}"
    doc.core_properties.subject = "{{ school.nothing.more }}"
    doc.save(str(path))
    tpl = _Hooked(str(path))
    with pytest.raises(_Failure) as failure:
        tpl.render({"school": "Рога & Копыта"}, make_environment())
    assert failure.value.args[0] == PROPERTIES_LABEL
    doc.core_properties.subject = ""
    doc.save(str(path))
    tpl = _Hooked(str(path))
    tpl.render({"school": "Рога & Копыта"}, make_environment())
    tpl.save(str(tmp_path / "out.docx"))
    out = Document(str(tmp_path / "out.docx"))
    assert out.core_properties.title == "Документ Рога & Копыта"
    assert out.paragraphs[0].text == "Рога & Копыта"


class _Host(PictureHost):
    def __init__(self):
        super().__init__()
        self.asked = []

    def picture_xml(self, image_descriptor, width, height):
        self.asked.append((image_descriptor.read(), width, height))
        return "<wp:inline>картинка</wp:inline>"


def test_picture_run_xml_asks_the_host_for_the_drawing():
    host = _Host()
    xml = picture_run_xml(host, io.BytesIO(png_bytes()), 3600, None)
    assert host.asked == [(png_bytes(), 3600, None)]
    assert "<w:drawing><wp:inline>картинка</wp:inline></w:drawing>" in xml
    assert xml.startswith("</w:t></w:r><w:r>")  # closes the text run it is printed in


def _footnotes(text: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r>'
            f"<w:t>{text}</w:t></w:r></w:p></w:footnote></w:footnotes>")


def _with_footnotes(path, text):
    """``path`` with a footnotes part holding ``text`` (python-docx cannot add one)."""
    from nastavnik_docs.engine._opc import (
        CONTENT_TYPES,
        RT_FOOTNOTES,
        Member,
        ZipLayout,
        add_content_types,
        add_relationships,
    )

    package = Package.open(path)
    rels = "word/_rels/document.xml.rels"
    changed = {
        "word/footnotes.xml": _footnotes(text).encode(),
        rels: add_relationships(package.read(rels), [("rIdFn", RT_FOOTNOTES, "footnotes.xml", False)]),
        CONTENT_TYPES: add_content_types(package.read(CONTENT_TYPES), overrides={
            "word/footnotes.xml": "application/vnd.openxmlformats-officedocument."
                                  "wordprocessingml.footnotes+xml"}),
    }
    static = [package.member(n) for n in package.names if n not in changed]
    path.write_bytes(ZipLayout(static).build([Member.from_bytes(n, d) for n, d in changed.items()]))
    return path


def test_footnotes_are_read_checked_and_rendered_as_docxtpl_does(tmp_path):
    from nastavnik_docs.engine.check import check_template
    from nastavnik_docs.engine.docx import render_docx
    from nastavnik_docs.engine.fast import FastDocxTemplate

    path = _with_footnotes(build_docx(tmp_path / "t.docx", ["{{ school }}"]), "{{ school }} {{ schol }}")
    sources = template_sources(Package.open(path))
    assert [label for label, _ in sources] == ["текст документа", "сноски"]
    assert sources[-1][1] == _footnotes("{{ school }} {{ schol }}")  # docxtpl reads them as stored
    (issue,) = check_template(path, DocCtx, kind="t").issues
    assert (issue.path, issue.where) == ("schol", "сноски")

    path = _with_footnotes(build_docx(tmp_path / "t.docx", ["{{ school }}"]), "{{ school }} {{ date.year }}")
    context = DocCtx(school="Школа «Рога & Копыта»")
    render_docx(path, context, tmp_path / "plain.docx")
    FastDocxTemplate(path).write(context, tmp_path / "fast.docx")
    texts = []
    for name in ("plain.docx", "fast.docx"):
        footnotes = etree.fromstring(Package.open(tmp_path / name).read("word/footnotes.xml"))
        texts.append("".join(footnotes.itertext()))
    assert texts == ["Школа «Рога & Копыта» 2026"] * 2


@pytest.mark.parametrize("value", ["%_}", "{_{ не тег }_}", "{_% if %_}", "a_}b{_c"])
def test_a_value_with_docxtpls_escape_marks_prints_as_given_on_both_paths(tmp_path, value):
    """docxtpl turns «{_{», «}_}», «{_%» and «%_}» into Jinja's brackets after rendering,
    so that a template can print them; a value holding them is printed unchanged, by the
    plain path and by the fast one, in the body and in a header."""
    from nastavnik_docs.engine.docx import render_docx
    from nastavnik_docs.engine.fast import FastDocxTemplate

    template = build_docx(tmp_path / "t.docx", ["{{ school }}", "Литерал: {_{ x }_}"], header="Шапка {{ school }}")
    context = DocCtx(school=value)
    plain = render_docx(template, context, tmp_path / "plain.docx")
    fast = FastDocxTemplate(template).write(context, tmp_path / "fast.docx")
    for path in (plain, fast):
        document = Document(str(path))
        assert [p.text for p in document.paragraphs[:2]] == [value, "Литерал: {{ x }}"]
        assert document.sections[0].header.paragraphs[0].text == f"Шапка {value}"
