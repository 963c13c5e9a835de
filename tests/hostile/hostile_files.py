"""Hostile files for the hostile suite, built here so that each test shows what it feeds.

Bombs are built without holding their inflated size in memory: a deflate stream whose
blocks are fully flushed repeats byte for byte, so a gigabyte of XML is one compressed
block written many times (:func:`deflated_repeat`).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

from docx import Document
from pydantic import BaseModel

from nastavnik_docs.engine._opc import Member, Package, ZipLayout
from nastavnik_docs.kinds import Kind

MB = 1024 * 1024


class HostileCtx(BaseModel):
    """The context of the test kind: text, a list, a number, a mapping."""

    school: str = "Школа"
    note: str | None = None
    items: list[str] = ["а", "б", "в"]
    count: int = 3
    extra: dict[str, str] = {"ключ": "значение"}


def hostile_kind(docx: str | None = "hostile.docx", xlsx: str | None = None) -> Kind:
    return Kind(id="test.hostile", title="Проверка", input_model=HostileCtx, context_model=HostileCtx,
                build_context=lambda data: data, docx=docx, xlsx=xlsx)


def docx_template(path: Path | io.BytesIO, paragraphs: list[str]) -> Path | io.BytesIO:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path) if isinstance(path, Path) else path)
    return path


def xlsx_template(path: Path, cells: dict[str, str]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    for coordinate, text in cells.items():
        workbook.active[coordinate] = text
    workbook.save(path)
    return path


def png() -> bytes:
    """A 1×1 green PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x00\xff\x00")) + chunk(b"IEND", b""))


def deflated_repeat(prefix: bytes, unit: bytes, count: int, suffix: bytes) -> tuple[bytes, int, int]:
    """(raw deflate data, CRC-32, size) of ``prefix + unit * count + suffix``."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(prefix) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(unit) + comp.flush(zlib.Z_FULL_FLUSH)
    tail = comp.compress(suffix) + comp.flush(zlib.Z_FINISH)
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(suffix, crc)
    return head + block * count + tail, crc, len(prefix) + len(unit) * count + len(suffix)


def replace_part(source: bytes, partname: str, deflated: tuple[bytes, int, int]) -> bytes:
    """The package ``source`` with part ``partname`` replaced by already deflated data."""
    package = Package(source)
    data, crc, size = deflated
    members = [Member(partname, crc, size, data) if name == partname else package.member(name)
               for name in package.names]
    return ZipLayout(members).build([])


def docx_bomb(path: Path, megabytes: int) -> Path:
    """A DOCX template whose body is ``megabytes`` of paragraphs (a few hundred KB)."""
    source = io.BytesIO()
    docx_template(source, ["{{ school }}"])
    document = Package(source.getvalue()).read("word/document.xml")
    head, _, tail = document.partition(b"<w:body>")
    unit = b"<w:p><w:r><w:t>" + b"x" * 1000 + b"</w:t></w:r></w:p>"
    body = deflated_repeat(head + b"<w:body>", unit * 1024, megabytes, tail)
    path.write_bytes(replace_part(source.getvalue(), "word/document.xml", body))
    return path


def registry_styles_bomb(sample: Path, path: Path, megabytes: int) -> Path:
    """The sample registry with ``megabytes`` of comment in its styles.xml."""
    data = sample.read_bytes()
    styles = Package(data).read("xl/styles.xml")
    declaration, _, rest = styles.partition(b"?>")
    bomb = deflated_repeat(declaration + b"?><!--", b"a" * MB, megabytes, b"-->" + rest)
    path.write_bytes(replace_part(data, "xl/styles.xml", bomb))
    return path


def yaml_alias_bomb(levels: int = 10, width: int = 9) -> str:
    """A "billion laughs" YAML: ``width ** levels`` values from a few hundred bytes."""
    lines = ['a0: &a0 ["ха-ха"' + ', "ха-ха"' * (width - 1) + "]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def with_doctype(source: bytes, partname: str) -> bytes:
    """The package with a DOCTYPE declaring an external entity in part ``partname``."""
    package = Package(source)
    xml = package.read(partname)
    declaration = b'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    xml = re.sub(rb"(<\?xml[^>]*\?>)", rb"\1" + declaration, xml, count=1) if xml.startswith(b"<?xml") \
        else declaration + xml
    members = [Member.from_bytes(name, xml) if name == partname else package.member(name) for name in package.names]
    return ZipLayout(members).build([])


def many_entries(source: bytes, count: int) -> bytes:
    """The package with ``count`` empty parts added."""
    package = Package(source)
    extra = [Member.from_bytes(f"x/{i}.bin", b"") for i in range(count)]
    return ZipLayout([package.member(n) for n in package.names] + extra).build([])


#: An encrypted Office file is an OLE compound file, not a zip: its first bytes.
OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def broken_files(docx: bytes) -> dict[str, bytes]:
    """The broken-file types every command must refuse in Russian, by name."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        names = archive.namelist()
    return {
        "пустой файл": b"",
        "случайные байты": bytes(range(256)) * 8,
        "обрезанный архив": docx[: len(docx) // 2],
        "зашифрованный (OLE)": OLE_HEADER,
        "PDF": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        "RTF": b"{\\rtf1\\ansi \\b Hello\\b0}",
        "DOCTYPE (XXE)": with_doctype(docx, "word/document.xml" if "word/document.xml" in names else names[0]),
        "архив без частей Office": _zip({"a.txt": b"hello"}),
    }


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()
