"""The package layer: a real DOCX read part by part, written back byte for byte, extended."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree
from render_helpers import build_docx, png_bytes

from nastavnik_docs.engine._opc import (
    CONTENT_TYPES,
    RT_HEADER,
    RT_OFFICE_DOCUMENT,
    RT_STYLES,
    Member,
    NotAPackage,
    Package,
    PackageError,
    ZipLayout,
    ZipStream,
    add_content_types,
    add_relationships,
    relative_target,
    rels_name,
)

MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.fixture
def docx_path(tmp_path) -> Path:
    """A document python-docx wrote: a paragraph, a header, a picture."""
    path = build_docx(tmp_path / "t.docx", ["Здравствуйте, {{ school }}"], header="Шапка")
    doc = Document(str(path))
    doc.add_picture(io.BytesIO(png_bytes()))
    doc.save(str(path))
    return path


def test_every_part_reads_as_zipfile_reads_it(docx_path):
    package = Package.open(docx_path)
    with zipfile.ZipFile(docx_path) as zf:
        assert package.names == zf.namelist()
        for info in zf.infolist():
            assert package.read(info.filename) == zf.read(info.filename)
            assert package.crc(info.filename) == info.CRC
            member = package.member(info.filename)
            assert (member.crc, member.size, len(member.compressed)) == (
                info.CRC, info.file_size, info.compress_size)
            assert member.date_time == info.date_time
            assert member.data() == zf.read(info.filename)
    assert "word/document.xml" in package and "word/nothing.xml" not in package
    with pytest.raises(KeyError):
        package.read("word/nothing.xml")


def test_relationships_content_types_and_the_main_document(docx_path):
    package = Package.open(docx_path)
    assert package.main_part() == "word/document.xml"
    assert [r.type for r in package.relationships()].count(RT_OFFICE_DOCUMENT) == 1
    rels = package.relationships("word/document.xml")
    assert rels_name("word/document.xml") == "word/_rels/document.xml.rels"
    by_type = {r.type: r for r in rels}
    assert by_type[RT_STYLES].target == "word/styles.xml"  # resolved against word/
    header = by_type[RT_HEADER].target
    assert header in package and "Шапка" in package.read(header).decode()
    media = [r.target for r in rels if r.target.startswith("word/media/")]
    assert len(media) == 1 and package.read(media[0]) == png_bytes()
    types = package.content_types
    assert types.overrides["word/document.xml"] == MAIN_TYPE
    assert types.defaults["png"] == "image/png" and types.defaults["rels"].endswith("relationships+xml")
    assert package.relationships("word/styles.xml") == []  # a part without relationships


def test_a_layout_copies_unchanged_members_as_stored_bytes(docx_path, tmp_path):
    package = Package.open(docx_path)
    xml = package.read("word/document.xml").decode().replace("{{ school }}", "школа № 1")
    static = [package.member(n) for n in package.names if n != "word/document.xml"]
    layout = ZipLayout(static)
    out = tmp_path / "out.docx"
    out.write_bytes(layout.build([Member.from_bytes("word/document.xml", xml.encode())]))
    with zipfile.ZipFile(docx_path) as src, zipfile.ZipFile(out) as dst:
        assert dst.testzip() is None
        for info in src.infolist():
            if info.filename == "word/document.xml":
                continue
            copied = dst.getinfo(info.filename)
            assert (copied.CRC, copied.compress_size, copied.date_time) == (
                info.CRC, info.compress_size, info.date_time)
    assert Document(str(out)).paragraphs[0].text == "Здравствуйте, школа № 1"
    # the same layout builds the next archive from its precomputed head
    again = layout.build([Member.from_bytes("word/document.xml", xml.encode(), compress=False)])
    assert Package(again).read("word/document.xml").decode() == xml


def test_a_stream_writes_members_and_one_produced_piece_by_piece(tmp_path):
    path = tmp_path / "s.zip"
    with open(path, "wb") as fh:
        zs = ZipStream(fh)
        zs.put(Member.from_bytes("первый.txt", "кириллица в имени".encode()))
        streamed = zs.stream("word/document.xml", (2024, 5, 17, 10, 30, 4))
        for i in range(1000):
            streamed.write(f"<w:p>{i}</w:p>")
        streamed.close()
        zs.put(Member.from_bytes("last.bin", bytes(range(256)), compress=False))
        zs.finish()
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        assert zf.namelist() == ["первый.txt", "word/document.xml", "last.bin"]
        assert zf.read("word/document.xml").decode() == "".join(f"<w:p>{i}</w:p>" for i in range(1000))
        assert zf.getinfo("word/document.xml").date_time == (2024, 5, 17, 10, 30, 4)
        assert zf.getinfo("last.bin").compress_type == zipfile.ZIP_STORED
    assert Package.open(path).read("первый.txt").decode() == "кириллица в имени"


def test_relationships_and_content_types_are_added_as_text(docx_path):
    package = Package.open(docx_path)
    rels_xml = package.read("word/_rels/document.xml.rels")
    added = add_relationships(rels_xml, [
        ("rIdX1", RT_HEADER, relative_target("word/document.xml", "word/m1_header1.xml"), False),
        ("rIdX2", "http://example.org/link", "https://example.org/?a=1&b=2", True)])
    assert added.startswith(rels_xml[:rels_xml.rindex(b"</Relationships>")])
    root = etree.fromstring(added)
    last = {r.get("Id"): r for r in root}
    assert last["rIdX1"].get("Target") == "m1_header1.xml"
    assert last["rIdX2"].get("Target") == "https://example.org/?a=1&b=2"
    assert last["rIdX2"].get("TargetMode") == "External"
    assert add_relationships(rels_xml, []) is rels_xml

    types_xml = package.read(CONTENT_TYPES)
    assert add_content_types(types_xml, defaults={"png": "image/png"}) is types_xml  # known already
    extended = add_content_types(types_xml, overrides={"word/m1_header1.xml": "x/header"},
                                 defaults={"gif": "image/gif", "png": "image/other"})
    extended_types = Package(_with_part(docx_path, CONTENT_TYPES, extended)).content_types
    assert extended_types.overrides["word/m1_header1.xml"] == "x/header"
    assert extended_types.defaults["gif"] == "image/gif"
    assert extended_types.defaults["png"] == "image/png"


def _with_part(path: Path, name: str, data: bytes) -> bytes:
    package = Package.open(path)
    members = [package.member(n) for n in package.names if n != name]
    return ZipLayout(members).build([Member.from_bytes(name, data)])


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_not_a_zip(content):
    with pytest.raises(NotAPackage, match="не архив"):
        Package(content, "t.docx")


def test_unusual_zips_are_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as zf:
        zf.writestr("word/document.xml", "<x/>")
    with pytest.raises(PackageError, match="метод сжатия 12"):
        Package(buffer.getvalue(), "b.docx")
    with pytest.raises(PackageError, match="4 ГБ"):
        ZipLayout([Member("huge.bin", 0, 1 << 32, b"")])
