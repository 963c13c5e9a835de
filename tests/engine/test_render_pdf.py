"""PDF through LibreOffice: real conversions checked with pdfinfo / pdftotext, and a clear error
when LibreOffice is missing."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from openpyxl import Workbook
from render_helpers import DocCtx, Row, build_docx, make_kind

import nastavnik_docs as nd
from nastavnik_docs.engine.pdf import ENV_VAR, convert_to_pdf, find_soffice
from nastavnik_docs.errors import ConverterMissingError, NastavnikError, OutputExistsError

needs_lo = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdfinfo")),
                              reason="LibreOffice and poppler-utils are not installed")


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_missing_libreoffice_is_one_clear_error(monkeypatch, tpl_dir, out_dir):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("PATH", str(out_dir))  # an empty folder: no soffice anywhere
    with pytest.raises(ConverterMissingError) as info:
        find_soffice()
    assert "apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation" in str(info.value)
    build_docx(tpl_dir / "test_doc.docx", ["{{ school }}"])
    with pytest.raises(ConverterMissingError):
        nd.render(make_kind(), DocCtx(), out_dir / "a.docx", templates=tpl_dir, pdf=True)
    assert list(out_dir.iterdir()) == []  # nothing written when the PDF cannot be made


def test_configured_soffice_that_does_not_exist(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "soffice"))
    with pytest.raises(ConverterMissingError, match=ENV_VAR):
        find_soffice()


@pytest.mark.slow
@needs_lo
def test_docx_and_xlsx_to_pdf_in_one_run(tpl_dir, out_dir):
    ctx = DocCtx(school="Школа & лицей <№ 1> \"Знание\" 'сила'", note="строка 1\nстрока 2",
                 rows=[Row(name=f"Участник {i}", count=i) for i in range(1, 4)])
    build_docx(tpl_dir / "test_doc.docx", ["Первая страница: {{ school }}", "{{ note }}",
                                           "Вторая страница"], page_break_before=2)
    wb = Workbook()
    wb.active["A1"] = "Реестр {{ school }}"
    wb.active["A2"] = "{%row for r in rows %}{{ r.name }}"
    wb.active["B2"] = "{{ r.count }}"
    wb.save(tpl_dir / "test_doc.xlsx")
    kind = make_kind(xlsx="test_doc.xlsx")
    docx, docx_pdf = nd.render(kind, ctx, out_dir / "Документ.docx", templates=tpl_dir, pdf=True)
    xlsx = nd.render(kind, ctx, out_dir / "Документ.xlsx", templates=tpl_dir)
    assert docx_pdf == out_dir / "Документ.pdf"
    assert pdf_pages(docx_pdf) == 2
    text = pdf_text(docx_pdf)
    assert "Школа & лицей <№ 1> \"Знание\" 'сила'" in text
    lines = [line.strip() for line in text.splitlines()]
    assert "строка 1" in lines and "строка 2" in lines  # the line break is a real break
    (xlsx_pdf,) = convert_to_pdf([xlsx], out_dir / "pdf")
    assert xlsx_pdf == out_dir / "pdf" / "Документ.pdf"
    assert pdf_pages(xlsx_pdf) == 1
    assert "Участник 3" in pdf_text(xlsx_pdf)
    with pytest.raises(NastavnikError, match="одним и тем же именем"):
        convert_to_pdf([docx, xlsx], out_dir / "both")


@pytest.mark.slow
@needs_lo
def test_several_files_in_one_process_and_no_overwrite(tpl_dir, out_dir):
    build_docx(tpl_dir / "a.docx", ["Один"])
    build_docx(tpl_dir / "b.docx", ["Два", "Три"], page_break_before=1)
    wb = Workbook()
    wb.active["A1"] = "Лист"
    wb.save(tpl_dir / "c.xlsx")
    written = convert_to_pdf([tpl_dir / "a.docx", tpl_dir / "b.docx", tpl_dir / "c.xlsx"], out_dir)
    assert [p.name for p in written] == ["a.pdf", "b.pdf", "c.pdf"]
    assert [pdf_pages(p) for p in written] == [1, 2, 1]
    with pytest.raises(OutputExistsError):
        convert_to_pdf([tpl_dir / "a.docx"], out_dir)
    assert convert_to_pdf([tpl_dir / "a.docx"], out_dir, overwrite=True) == [out_dir / "a.pdf"]


def test_pdf_only_from_docx_or_xlsx(out_dir):
    kind = make_kind(docx=None, extra_formats=(".ics",))
    with pytest.raises(NastavnikError, match="PDF делается только из DOCX или XLSX"):
        nd.render(kind, DocCtx(), out_dir / "a.ics", pdf=True)
    assert list(out_dir.iterdir()) == []


def _fake_soffice(tmp_path, body: str):
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return script


def test_conversion_that_hangs_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(_fake_soffice(tmp_path, "sleep 30")))
    build_docx(tmp_path / "a.docx", ["x"])
    with pytest.raises(NastavnikError, match="не успел"):
        convert_to_pdf([tmp_path / "a.docx"], timeout=0.5)
    assert not (tmp_path / "a.pdf").exists()


def test_conversion_that_makes_nothing_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(_fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2")))
    build_docx(tmp_path / "a.docx", ["x"])
    with pytest.raises(NastavnikError, match="не смог сделать PDF из a.docx: Error: source file could not"):
        convert_to_pdf([tmp_path / "a.docx"])
    assert not (tmp_path / "a.pdf").exists()


@pytest.mark.slow
@needs_lo
def test_a_batch_document_that_runs_over_a_page_still_gets_a_pdf_of_its_own(tpl_dir, out_dir):
    """The chunk's PDF has more pages than documents: nothing is cut from it, and the
    documents are converted one by one instead."""
    from nastavnik_docs.batch._pdf import make_pdfs
    from nastavnik_docs.engine.pdf_pages import PageCountError, split_pdf

    docs = []
    for name, paragraphs, page_break in (("a", ["Первый"], None), ("b", ["Второй", "Второй, продолжение"], 1),
                                         ("c", ["Третий"], None)):
        docs.append(out_dir / f"{name}.docx")
        build_docx(docs[-1], paragraphs, page_break_before=page_break)
    result = make_pdfs(docs, jobs=1)
    assert result.files == [d.with_suffix(".pdf") for d in docs]
    assert [pdf_pages(p) for p in result.files] == [1, 2, 1]
    assert [pdf_text(p).split()[0] for p in result.files] == ["Первый", "Второй", "Третий"]
    whole = out_dir / "b.pdf"
    with pytest.raises(PageCountError):
        split_pdf(whole, [out_dir / "x.pdf", out_dir / "y.pdf", out_dir / "z.pdf"])
    assert not any((out_dir / n).exists() for n in ("x.pdf", "y.pdf", "z.pdf"))


def _blank_pdf(path, version: str, pages: int):
    import pikepdf

    document = pikepdf.new()
    for _ in range(pages):
        document.add_blank_page(page_size=(595, 842))
    document.save(path, min_version=version)
    return path


def test_cut_and_joined_pdfs_keep_the_version_their_pages_need(tmp_path):
    """A page of a PDF 1.7 file may use what 1.3 does not have (transparency): its own file
    says 1.7 too, and so does a file that joins it with older ones."""
    from pypdf import PdfReader

    from nastavnik_docs.engine.pdf_pages import join_pdfs, split_pdf

    old = _blank_pdf(tmp_path / "old.pdf", "1.4", 1)
    new = _blank_pdf(tmp_path / "new.pdf", "1.7", 3)
    parts = split_pdf(new, [tmp_path / "a.pdf", tmp_path / "b.pdf"], pages=[2, 1])
    assert [len(PdfReader(str(p)).pages) for p in parts] == [2, 1]
    assert {PdfReader(str(p)).pdf_header for p in parts} == {"%PDF-1.7"}
    joined = join_pdfs([old, *parts], tmp_path / "all.pdf")
    assert len(PdfReader(str(joined)).pages) == 4 and PdfReader(str(joined)).pdf_header == "%PDF-1.7"
