"""One print file from many documents: sections, unique ids, restarted lists, pages."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from lxml import etree
from render_helpers import DocCtx, build_docx, png_bytes

from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.engine.fast import FastDocxTemplate
from nastavnik_docs.engine.lookup import find_template
from nastavnik_docs.engine.merge import merge_documents
from nastavnik_docs.kinds import get_kind
from nastavnik_docs.models import Image

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
NAMES = [("Белова", "Дарья", "Андреевна", "ж"), ("Осипов", "Кирилл", "Андреевич", "м"),
         ("Ким", "Алина", "Сергеевна", "ж"), ("Зайцев", "Иван", "Викторович", "м"),
         ("Гарипова", "Алсу", "Рашидовна", "ж")]


def certificates(folder: Path, n: int, *, logo: bool = True) -> list[Path]:
    """``n`` certificates of the sample, each for another person, via the fast path."""
    kind = get_kind("award.certificate")
    base = load_input(kind, sample_path("awards/certificate.yaml"))
    fast = FastDocxTemplate(find_template(kind.docx))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        last, first, middle, gender = NAMES[i % len(NAMES)]
        data = base.model_copy(update={
            "recipient": type(base.recipient).model_validate({
                **base.recipient.model_dump(),
                "last_name": f"{last}{'' if i < len(NAMES) else '-' + str(i)}",
                "first_name": first, "middle_name": middle, "gender": gender}),
            "logo": Image(path=sample_path("awards/logo.png"), height_mm=18) if logo else None,
        })
        paths.append(fast.write(kind.build_context(data), folder / f"{i:03d}.docx"))
    return paths


def document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        return etree.fromstring(zf.read("word/document.xml"))


def test_each_document_is_a_section_with_its_own_page_setup(tmp_path):
    paths = certificates(tmp_path / "src", 5)
    out = merge_documents(paths, tmp_path / "all.docx")
    doc = Document(str(out))
    assert len(doc.sections) == 5
    assert all(s.orientation == WD_ORIENT.LANDSCAPE for s in doc.sections)
    root = document_xml(out)
    for sect in root.iter(f"{{{W}}}sectPr"):
        assert sect.find(f"{{{W}}}pgBorders") is not None
        assert sect.find(f"{{{W}}}pgNumType").get(f"{{{W}}}start") == "1"
    recipients = [p.text for p in doc.paragraphs if p.text.endswith(("не", "чу", "су"))]
    assert recipients == ["Беловой Дарье Андреевне", "Осипову Кириллу Андреевичу",
                          "Ким Алине Сергеевне", "Зайцеву Ивану Викторовичу",
                          "Гариповой Алсу Рашидовне"]
    assert len(doc.inline_shapes) == 5


def test_drawing_and_bookmark_ids_are_unique(tmp_path):
    template = tmp_path / "t.docx"
    doc = Document()
    p = doc.add_paragraph("{{ school }}")
    start = etree.SubElement(p._p, f"{{{W}}}bookmarkStart")
    start.set(f"{{{W}}}id", "0")
    start.set(f"{{{W}}}name", "signature")
    end = etree.SubElement(p._p, f"{{{W}}}bookmarkEnd")
    end.set(f"{{{W}}}id", "0")
    doc.add_paragraph("{%p for x in pairs %}")
    doc.add_paragraph("{{ logo }}")
    doc.add_paragraph("{%p endfor %}")
    doc.save(str(template))
    fast = FastDocxTemplate(template)
    from render_helpers import sample_pairs

    paths = [fast.write(DocCtx(school=f"Школа {i}", pairs=sample_pairs(),
                               logo=Image(data=png_bytes(2 + i, 2))), tmp_path / f"{i}.docx")
             for i in range(4)]
    out = merge_documents(paths, tmp_path / "all.docx")
    root = document_xml(out)
    drawing_ids = root.xpath("//wp:docPr/@id", namespaces=NS)
    assert len(drawing_ids) == 8 and len(set(drawing_ids)) == 8
    starts = root.xpath("//w:bookmarkStart", namespaces=NS)
    assert len({b.get(f"{{{W}}}id") for b in starts}) == 4
    assert len({b.get(f"{{{W}}}name") for b in starts}) == 4
    ends = root.xpath("//w:bookmarkEnd/@w:id", namespaces=NS)
    assert sorted(ends) == sorted(b.get(f"{{{W}}}id") for b in starts)
    # each document's own pictures (different PNGs) are kept
    merged = Document(str(out))
    blobs = {merged.part.related_parts[s._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
             for s in merged.inline_shapes}
    assert len(blobs) == 4


def test_lists_restart_in_every_document(tmp_path):
    template = tmp_path / "t.docx"
    doc = Document()
    doc.add_paragraph("{{ school }}")
    for text in ("первый пункт", "второй пункт"):
        para = doc.add_paragraph(text)
        num_pr = etree.SubElement(para._p.get_or_add_pPr(), f"{{{W}}}numPr")
        etree.SubElement(num_pr, f"{{{W}}}ilvl").set(f"{{{W}}}val", "0")
        etree.SubElement(num_pr, f"{{{W}}}numId").set(f"{{{W}}}val", "1")
    doc.save(str(template))
    fast = FastDocxTemplate(template)
    paths = [fast.write(DocCtx(school=f"Школа {i}"), tmp_path / f"{i}.docx") for i in range(3)]
    out = merge_documents(paths, tmp_path / "all.docx")
    root = document_xml(out)
    used = root.xpath("//w:numPr/w:numId/@w:val", namespaces=NS)
    assert len(used) == 6 and len(set(used)) == 3
    assert used[0] == used[1] == "1"
    with zipfile.ZipFile(out) as zf:
        numbering = etree.fromstring(zf.read("word/numbering.xml"))
    abstract_of_1 = numbering.xpath("//w:num[@w:numId='1']/w:abstractNumId/@w:val", namespaces=NS)[0]
    for num_id in set(used) - {"1"}:
        num = numbering.xpath(f"//w:num[@w:numId='{num_id}']", namespaces=NS)[0]
        assert num.xpath("w:abstractNumId/@w:val", namespaces=NS) == [abstract_of_1]
        assert num.xpath("w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val", namespaces=NS) == ["1"]


def test_templated_headers_are_kept_per_document(tmp_path):
    template = build_docx(tmp_path / "t.docx", ["{{ school }}"], header="Шапка: {{ school }}")
    fast = FastDocxTemplate(template)
    paths = [fast.write(DocCtx(school=f"Школа {i}"), tmp_path / f"{i}.docx") for i in range(3)]
    out = merge_documents(paths, tmp_path / "all.docx")
    doc = Document(str(out))
    assert [s.header.paragraphs[0].text for s in doc.sections] == [
        "Шапка: Школа 0", "Шапка: Школа 1", "Шапка: Школа 2"]


def test_documents_of_different_templates_are_merged_by_docxcompose(tmp_path, caplog):
    a = build_docx(tmp_path / "a.docx", ["Первый документ"])
    doc = Document()
    doc.styles["Normal"].font.size = 20 * 12700
    doc.add_paragraph("Второй документ")
    doc.save(str(tmp_path / "b.docx"))
    import logging

    with caplog.at_level(logging.DEBUG, logger="nastavnik_docs.engine.merge"):
        out = merge_documents([a, tmp_path / "b.docx"], tmp_path / "all.docx")
    assert "docxcompose" in caplog.text
    text = [p.text for p in Document(str(out)).paragraphs]
    assert "Первый документ" in text and "Второй документ" in text


def test_existing_output_is_not_replaced_unless_asked(tmp_path):
    paths = certificates(tmp_path / "src", 2, logo=False)
    merge_documents(paths, tmp_path / "all.docx")
    from nastavnik_docs.errors import OutputExistsError

    with pytest.raises(OutputExistsError):
        merge_documents(paths, tmp_path / "all.docx")
    merge_documents(paths[:1], tmp_path / "all.docx", overwrite=True)
    assert len(Document(str(tmp_path / "all.docx")).sections) == 1


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdfinfo"),
                    reason="нужны LibreOffice и poppler")
def test_fifty_certificates_make_a_fifty_page_pdf(tmp_path):
    paths = certificates(tmp_path / "src", 50)
    out = merge_documents(paths, tmp_path / "all.docx")
    root = document_xml(out)
    ids = root.xpath("//wp:docPr/@id", namespaces=NS)
    assert len(ids) == 50 and len(set(ids)) == 50
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=300)
    info = subprocess.run(["pdfinfo", str(tmp_path / "all.pdf")], check=True,
                          capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+50$", info, re.M), info


def test_body_drawings_are_numbered_above_the_header_drawings(tmp_path):
    doc = Document()
    doc.add_paragraph("{{ school }}")
    doc.add_paragraph("{{ logo }}")
    import io

    doc.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(png_bytes()))
    doc.save(str(tmp_path / "t.docx"))
    fast = FastDocxTemplate(tmp_path / "t.docx")
    paths = [fast.write(DocCtx(school=str(i), logo=Image(data=png_bytes())), tmp_path / f"{i}.docx")
             for i in range(3)]
    out = merge_documents(paths, tmp_path / "all.docx")
    with zipfile.ZipFile(out) as zf:
        header_ids = {int(i) for name in zf.namelist() if name.startswith("word/header")
                      for i in re.findall(r'<wp:docPr[^>]*\bid="(\d+)"', zf.read(name).decode())}
    body_ids = [int(i) for i in document_xml(out).xpath("//wp:docPr/@id", namespaces=NS)]
    assert header_ids and len(body_ids) == 3
    assert min(body_ids) > max(header_ids) and len(set(body_ids)) == 3
