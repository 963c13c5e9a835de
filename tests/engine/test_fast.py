"""The fast batch path gives the same documents as the plain docxtpl path."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

import pytest
from docx import Document
from render_helpers import DocCtx, Mentor, PairCtx, Row, build_docx, png_bytes, sample_pairs

from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.engine.docx import render_docx
from nastavnik_docs.engine.fast import FastDocxTemplate, FastPathUnsupported
from nastavnik_docs.engine.lookup import find_template
from nastavnik_docs.engine.renderer import DocxRenderer
from nastavnik_docs.errors import TemplateError
from nastavnik_docs.kinds import all_kinds
from nastavnik_docs.models import Image


def content(path: Path) -> dict[str, object]:
    """What must agree: body paragraphs, table cells, every header and footer, pictures."""
    doc = Document(str(path))
    out: dict[str, object] = {
        "body": [p.text for p in doc.paragraphs],
        "tables": [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables],
        "images": len(doc.inline_shapes),
    }
    for i, section in enumerate(doc.sections):
        for name in ("header", "first_page_header", "even_page_header",
                     "footer", "first_page_footer", "even_page_footer"):
            part = getattr(section, name)
            if not part.is_linked_to_previous:
                out[f"{i}.{name}"] = [p.text for p in part.paragraphs] + [
                    c.text for t in part.tables for row in t.rows for c in row.cells]
    with zipfile.ZipFile(path) as zf:
        out["media"] = sorted(zf.read(n) for n in zf.namelist() if n.startswith("word/media/"))
    return out


def both(template: Path, context, tmp_path: Path) -> tuple[dict, dict]:
    plain = render_docx(template, context, tmp_path / "plain.docx")
    fast = FastDocxTemplate(template).write(context, tmp_path / "fast.docx")
    with zipfile.ZipFile(fast) as zf:
        assert zf.testzip() is None
    return content(plain), content(fast)


def _builtin_cases() -> list:
    cases = []
    for kind in all_kinds():
        if not kind.docx:
            continue
        for sample in kind.samples:
            cases.append(pytest.param(kind, sample, id=f"{kind.id}:{Path(sample).stem}"))
    return cases


@pytest.mark.parametrize(("kind", "sample"), _builtin_cases())
def test_every_builtin_template_agrees_with_the_plain_path(kind, sample, tmp_path):
    context = kind.build_context(load_input(kind, sample_path(sample)))
    template = find_template(kind.docx)
    plain, fast = both(template, context, tmp_path)
    assert fast == plain
    assert any(plain["body"]) or any(any(any(r) for r in t) for t in plain["tables"])


def test_award_with_a_logo_agrees_and_keeps_the_picture(tmp_path):
    kind = next(k for k in all_kinds() if k.id == "award.gramota")
    data = load_input(kind, sample_path("awards/gramota.yaml"))
    data.logo = Image(path=sample_path("awards/logo.png"), height_mm=20)
    plain, fast = both(find_template(kind.docx), kind.build_context(data), tmp_path)
    assert fast == plain
    assert fast["images"] == 1 and fast["media"] == [sample_path("awards/logo.png").read_bytes()]


def test_loops_tables_headers_escapes_and_line_breaks_agree(tmp_path):
    template = build_docx(
        tmp_path / "t.docx",
        ["Школа: {{ school }}", "{%p for pair in pairs %}",
         "{{ loop.index }}. {{ pair.mentor.name }} — {{ pair.mentees|join(', ') }}",
         "{%p endfor %}", "{%p if note %}", "Примечание: {{ note }}", "{%p endif %}",
         "Пар: {{ pair_count }}; без значения: {{ rows[0].born }}"],
        header="{{ school }} — колонтитул", footer="Стр. {{ date }}",
        table=[["№", "ФИО", "Часы"], ["{%tr for pair in pairs %}", "", ""],
               ["{{ loop.index }}", "{{ pair.mentor.dative }}", "{{ pair.hours }}"],
               ["{%tr endfor %}", "", ""]])
    context = DocCtx(school="ООО «Рога & Копыта» <b>", note="первая строка\nвторая\tс табуляцией",
                     pairs=sample_pairs(), rows=[Row(name="x")])
    plain, fast = both(template, context, tmp_path)
    assert fast == plain
    assert "ООО «Рога & Копыта» <b> — колонтитул" in fast["0.header"]
    assert fast["tables"][0][1] == ["1", "Ивановой М.П.", "12"]
    assert "Пар: 2; без значения: __________" in fast["body"]


def test_pictures_from_memory_in_a_loop_get_unique_drawing_ids(tmp_path):
    template = build_docx(tmp_path / "t.docx", ["{%p for pair in pairs %}", "{{ logo }}", "{%p endfor %}"])
    context = DocCtx(pairs=sample_pairs() * 2, logo=Image(data=png_bytes(), width_mm=10))
    plain, fast = both(template, context, tmp_path)
    assert fast == plain and fast["images"] == 4
    with zipfile.ZipFile(tmp_path / "fast.docx") as zf:
        xml = zf.read("word/document.xml").decode()
    import re

    ids = re.findall(r'<wp:docPr[^>]*\bid="(\d+)"', xml)
    assert len(ids) == 4 and len(set(ids)) == 4


def test_organisation_font_changes_the_styles_as_the_plain_path_does(tmp_path):
    template = build_docx(tmp_path / "t.docx", ["{{ school }}"])
    context = DocCtx(font_name="PT Astra Serif", font_size=13)
    render_docx(template, context, tmp_path / "plain.docx")
    FastDocxTemplate(template).write(context, tmp_path / "fast.docx")
    for name in ("plain.docx", "fast.docx"):
        font = Document(str(tmp_path / name)).styles["Normal"].font
        assert (font.name, font.size.pt) == ("PT Astra Serif", 13)


def test_missing_value_is_the_same_russian_template_error(tmp_path):
    template = build_docx(tmp_path / "t.docx", ["{{ pairs[0].mentor.nickname }}"])
    context = DocCtx(pairs=[PairCtx(mentor=Mentor(name="Иванова"))])
    with pytest.raises(TemplateError) as plain:
        render_docx(template, context, tmp_path / "plain.docx")
    with pytest.raises(TemplateError) as fast:
        FastDocxTemplate(template).write(context, tmp_path / "fast.docx")
    assert str(fast.value) == str(plain.value)
    assert "nickname" in str(fast.value)


def test_tagged_core_properties_fall_back_to_the_plain_path_visibly(tmp_path, caplog):
    path = tmp_path / "t.docx"
    doc = Document()
    doc.add_paragraph("{{ school }}")
    doc.core_properties.title = "Документ {{ school }}"
    doc.save(str(path))
    with pytest.raises(FastPathUnsupported):
        FastDocxTemplate(path)
    renderer = DocxRenderer(path)
    with caplog.at_level(logging.DEBUG, logger="nastavnik_docs.engine"):
        renderer = DocxRenderer(path)
        renderer.write(DocCtx(), tmp_path / "out.docx")
    assert renderer.fast is None and renderer.fallbacks == 1
    assert "быстрый путь недоступен" in caplog.text
    out = Document(str(tmp_path / "out.docx"))
    assert out.paragraphs[0].text == "МБОУ «СОШ № 1»"
    assert out.core_properties.title == "Документ МБОУ «СОШ № 1»"


def test_unchanged_parts_are_copied_byte_for_byte(tmp_path):
    template = build_docx(tmp_path / "t.docx", ["{{ school }}"], header="Постоянный колонтитул")
    FastDocxTemplate(template).write(DocCtx(), tmp_path / "fast.docx")
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(tmp_path / "fast.docx") as out:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                continue
            copied = out.getinfo(info.filename)
            assert (copied.CRC, copied.compress_size) == (info.CRC, info.compress_size)
            assert out.read(info.filename) == src.read(info.filename)


def test_a_picture_in_a_header_falls_back_to_the_plain_path(tmp_path, caplog):
    template = build_docx(tmp_path / "t.docx", ["{{ school }}"], header="{{ logo }}")
    context = DocCtx(logo=Image(data=png_bytes(), width_mm=10))
    with pytest.raises(FastPathUnsupported):
        FastDocxTemplate(template).render(context)
    renderer = DocxRenderer(template)
    with caplog.at_level(logging.DEBUG, logger="nastavnik_docs.engine"):
        renderer.write(context, tmp_path / "fast.docx")
    assert renderer.fast is not None and renderer.fallbacks == 1
    assert "колонтитуле" in caplog.text
    render_docx(template, context, tmp_path / "plain.docx")
    assert content(tmp_path / "fast.docx") == content(tmp_path / "plain.docx")
    header = Document(str(tmp_path / "fast.docx")).sections[0].header
    assert header._element.xpath(".//pic:pic")


def test_render_many_gives_each_record_its_document_or_its_own_error(tmp_path, caplog):
    """A block rendered stage by stage: a record that fails keeps its error in its place,
    one the fast path cannot take goes through docxtpl, the others are the fast path's."""
    template = build_docx(tmp_path / "t.docx", ["{{ pairs[0].mentor.name }}"], header="{{ logo }}")
    contexts = [DocCtx(pairs=[PairCtx(mentor=Mentor(name="Иванова"))]),
                DocCtx(pairs=[]),  # no first pair: the same Russian error as alone
                DocCtx(pairs=[PairCtx(mentor=Mentor(name="Петрова"))], logo=Image(data=png_bytes(), width_mm=10)),
                DocCtx(pairs=[PairCtx(mentor=Mentor(name="Сидорова"))])]
    renderer = DocxRenderer(template)
    with caplog.at_level(logging.DEBUG, logger="nastavnik_docs.engine"):
        results = renderer.render_many(contexts)
    assert renderer.fast is not None and renderer.fallbacks == 1 and "колонтитуле" in caplog.text
    assert isinstance(results[1], TemplateError)
    with pytest.raises(TemplateError) as alone:
        renderer.render_bytes(contexts[1])
    assert str(results[1]) == str(alone.value)
    for k in (0, 2, 3):
        data = results[k]
        assert isinstance(data, bytes)
        (tmp_path / f"{k}.docx").write_bytes(data)
        render_docx(template, contexts[k], tmp_path / f"plain{k}.docx")
        assert content(tmp_path / f"{k}.docx") == content(tmp_path / f"plain{k}.docx")
    assert [content(tmp_path / f"{k}.docx")["body"] for k in (0, 2, 3)] == [["Иванова"], ["Петрова"], ["Сидорова"]]
