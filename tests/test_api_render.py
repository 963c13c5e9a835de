"""Output anywhere: every kind rendered to a file, to bytes and into a BytesIO gives the same
document; a template for one call as a path or bytes; formats for streams; PDF bytes."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import KindNotFoundError, NastavnikError, TemplateError

CASES = [(kind.id, kind.samples[0], suffix) for kind in nd.all_kinds() if kind.samples
         for suffix in kind.formats]


def parts(data: bytes, suffix: str) -> dict[str, bytes]:
    """The content that must agree between two renders: every part of a package but its
    time-stamped properties; the lines of a calendar but its time stamps."""
    if suffix == ".ics":
        return {"lines": b"\n".join(line for line in data.splitlines() if not line.startswith(b"DTSTAMP"))}
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist() if not name.startswith("docProps/")}


@pytest.mark.parametrize("kind, sample, suffix", CASES, ids=[f"{k}{s}" for k, _, s in CASES])
def test_every_kind_renders_the_same_document_to_a_file_to_bytes_and_into_a_stream(kind, sample, suffix,
                                                                                    tmp_path):
    data = sample_path(sample)
    path = nd.render(kind, data, tmp_path / f"документ{suffix}")
    as_bytes = nd.render(kind, data, format=suffix.lstrip("."))
    stream = io.BytesIO()
    assert nd.render(kind, data, stream, format=suffix) is None
    expected = parts(path.read_bytes(), suffix)
    assert parts(as_bytes, suffix) == expected
    assert parts(stream.getvalue(), suffix) == expected
    assert not [p for p in tmp_path.iterdir() if p.name != path.name]  # nothing else was written


def test_the_default_format_of_bytes_is_the_kinds_first():
    data = nd.render("protocol.council", sample_path("protocols/council.yaml"))
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    with pytest.raises(KindNotFoundError):
        nd.render("protocol.council", sample_path("protocols/council.yaml"), format="ics")
    with pytest.raises(NastavnikError, match="Неизвестный формат"):
        nd.render("protocol.council", sample_path("protocols/council.yaml"), format="odt")
    with pytest.raises(NastavnikError, match='format="pdf"'):
        nd.render("protocol.council", sample_path("protocols/council.yaml"), io.BytesIO(), pdf=True)


def _own_template(tmp_path: Path) -> Path:
    """The built-in council protocol with a line of our own at the top."""
    from nastavnik_docs.engine.lookup import find_template

    doc = Document(str(find_template(nd.get_kind("protocol.council").docx)))
    doc.paragraphs[0].insert_paragraph_before("Наш бланк: {{ org_name }}")
    target = tmp_path / "свой.docx"
    doc.save(str(target))
    return target


@pytest.mark.parametrize("given", ["path", "bytes"])
def test_a_template_for_one_call(tmp_path, given):
    own = _own_template(tmp_path)
    template = own if given == "path" else own.read_bytes()
    data = nd.render("protocol.council", sample_path("protocols/council.yaml"), template=template)
    first = Document(io.BytesIO(data)).paragraphs[0].text
    assert first.startswith("Наш бланк: МБОУ")
    plain = nd.render("protocol.council", sample_path("protocols/council.yaml"))
    assert not Document(io.BytesIO(plain)).paragraphs[0].text.startswith("Наш бланк")
    assert [p.name for p in tmp_path.iterdir()] == ["свой.docx"]  # bytes left no file behind


def test_a_template_of_the_wrong_kind_is_refused(tmp_path):
    own = _own_template(tmp_path)
    with pytest.raises(TemplateError, match="формате .xlsx"):
        nd.render("registry.mentors", sample_path("forms/registry_mentors.yaml"), format="xlsx",
                  template=own.read_bytes())
    with pytest.raises(TemplateError, match="не zip"):
        nd.render("protocol.council", sample_path("protocols/council.yaml"), template=b"not a document")
    with pytest.raises(TemplateError, match="не найден"):
        nd.render("protocol.council", sample_path("protocols/council.yaml"), template=tmp_path / "нет.docx")


def test_a_format_that_disagrees_with_the_file_is_refused(tmp_path):
    with pytest.raises(NastavnikError, match="не совпадает"):
        nd.render("protocol.council", sample_path("protocols/council.yaml"), tmp_path / "p.docx", format="xlsx")


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(data)
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.slow
def test_pdf_as_bytes_into_a_stream_and_to_a_pdf_path(tmp_path):
    data = nd.render("protocol.council", sample_path("protocols/council.yaml"), format="pdf")
    assert data.startswith(b"%PDF")
    assert re.search(r"ПРОТОКОЛ", _pdf_text(data, tmp_path))
    stream = io.BytesIO()
    nd.render("award.certificate", sample_path("awards/certificate.yaml"), stream, format="pdf")
    assert "СЕРТИФИКАТ" in _pdf_text(stream.getvalue(), tmp_path).upper()
    out = nd.render("protocol.council", sample_path("protocols/council.yaml"), tmp_path / "протокол.pdf")
    assert out.read_bytes().startswith(b"%PDF") and sorted(p.name for p in tmp_path.iterdir()) == [
        "x.pdf", "протокол.pdf"]
