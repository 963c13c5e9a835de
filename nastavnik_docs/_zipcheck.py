"""A look at a DOCX or XLSX package before any library parses it.

python-docx, docxtpl and openpyxl inflate and parse whatever a zip holds: 300 KB can hold
200 MB of XML, which takes gigabytes and minutes; a part may declare a DOCTYPE with
entities; an encrypted Office file is not a zip at all and gives «Package not found».
:func:`inspect_package` reads only the zip directory (and the first bytes of each XML
part) and refuses, in Russian:

* what is not a package: an encrypted or old-format Office file (an OLE compound file), a
  PDF, an RTF, random bytes, a zip without ``[Content_Types].xml``;
* an encrypted zip, an unknown compression method, a damaged directory;
* more entries, or more inflated bytes in one part or in all, than :mod:`._limits` allows
  (a :class:`~nastavnik_docs.errors.LimitError`);
* an XML part whose prolog declares a DOCTYPE (Office never writes one; entities are how
  XXE and "billion laughs" attacks begin).

The sizes checked are those the directory declares. They are what the readers trust:
``zipfile`` stops inflating a member at its declared size (and then fails its CRC), and
the engine's own reader (``engine._opc``) inflates at most the declared size too.

Shared by ``engine`` (templates) and ``io`` (registries, roadmaps to import), which may
not import each other; no format library is used here — the zip directory is read with
``struct`` (APPNOTE 4.3, zip64 included) and the prologs inflated with ``zlib``.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import _limits
from .errors import NastavnikError

__all__ = ["ZipEntry", "inspect_package", "is_xml_part"]

_END = struct.Struct("<4s4H2LH")
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_LOCAL_NAME_LENGTHS = struct.Struct("<2H")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: How much of a prolog is inflated at a time while looking for the root element.
_CHUNK = 64 * 1024

ErrorFactory = Callable[[str], Exception]


@dataclass(frozen=True)
class ZipEntry:
    """One member as the central directory describes it."""

    name: str
    method: int
    flags: int
    compressed_size: int
    size: int
    offset: int


def is_xml_part(name: str) -> bool:
    """A part holding XML (``.xml``, ``.rels``, ``.vml``), as opposed to a picture or a font."""
    return name.lower().endswith((".xml", ".rels", ".vml"))


def _what_else(data: bytes, kind: str) -> str:
    """Why bytes that are not a zip cannot be a ``kind`` file."""
    if data.startswith(_OLE_MAGIC):
        old = {"DOCX": ".doc", "XLSX": ".xls"}.get(kind, ".doc или .xls")
        return (f"файл зашифрован паролем или сохранён в старом формате {old}: откройте его в "
                f"{'Word' if kind == 'DOCX' else 'Excel'} и сохраните без пароля как .{kind.lower()}")
    if data.startswith(b"%PDF"):
        return f"это PDF, а нужен файл {kind}"
    if data.lstrip().startswith(b"{\\rtf"):
        return f"это документ RTF, а нужен {kind}: сохраните его в Word как .docx"
    if not data:
        return "файл пустой"
    return f"это не файл {kind} (не архив Office Open XML) или он повреждён"


def _zip64_sizes(extra: bytes, size: int, csize: int, offset: int) -> tuple[int, int, int]:
    pos = 0
    while pos + 4 <= len(extra):
        tag, length = struct.unpack_from("<2H", extra, pos)
        if tag == 0x0001:
            fields = extra[pos + 4:pos + 4 + length]
            values = [struct.unpack_from("<Q", fields, i)[0] for i in range(0, len(fields) - 7, 8)]
            if size == 0xFFFFFFFF and values:
                size = values.pop(0)
            if csize == 0xFFFFFFFF and values:
                csize = values.pop(0)
            if offset == 0xFFFFFFFF and values:
                offset = values.pop(0)
            break
        pos += 4 + length
    return size, csize, offset


def _directory(data: bytes, label: str, kind: str, error: ErrorFactory, limit_label: str) -> list[ZipEntry]:
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or len(data) - end < _END.size:
        raise error(f"{label}: {_what_else(data[:16], kind)}")
    _sig, disk, _disk_cd, _count, total, _cd_size, cd_offset, _comment = _END.unpack_from(data, end)
    if disk:
        raise error(f"{label}: архив из нескольких томов не поддерживается")
    locator = end - _END64_LOCATOR.size
    if locator >= 0 and data[locator:locator + 4] == b"PK\x06\x07":
        end64 = _END64_LOCATOR.unpack_from(data, locator)[2]
        if data[end64:end64 + 4] != b"PK\x06\x06":
            raise error(f"{label}: повреждённый каталог архива")
        fields = _END64.unpack_from(data, end64)
        total, cd_offset = fields[7], fields[9]
    _limits.check("package_entries", total, limit_label)
    entries: list[ZipEntry] = []
    pos = cd_offset
    for _ in range(total):
        if data[pos:pos + 4] != b"PK\x01\x02" or pos + _CENTRAL.size > len(data):
            raise error(f"{label}: повреждённый каталог архива (файл обрезан или испорчен)")
        rec = _CENTRAL.unpack_from(data, pos)
        flags, method, csize, size = rec[5], rec[6], rec[10], rec[11]
        n, m, k, offset = rec[12], rec[13], rec[14], rec[18]
        raw_name = data[pos + 46:pos + 46 + n]
        name = raw_name.decode("utf-8" if flags & 0x800 else "cp437", "replace")
        if 0xFFFFFFFF in (size, csize, offset):
            size, csize, offset = _zip64_sizes(data[pos + 46 + n:pos + 46 + n + m], size, csize, offset)
        entries.append(ZipEntry(name, method, flags, csize, size, offset))
        pos += 46 + n + m + k
    return entries


def _prolog_declares_doctype(data: bytes, entry: ZipEntry, limit: int) -> bool:
    """Whether the XML part's prolog (before its root element) has ``<!DOCTYPE``."""
    start = entry.offset + 30
    if data[entry.offset:entry.offset + 4] != b"PK\x03\x04":
        raise ValueError("bad local header")
    n, m = _LOCAL_NAME_LENGTHS.unpack_from(data, entry.offset + 26)
    start += n + m
    raw = data[start:start + entry.compressed_size]
    inflate = zlib.decompressobj(-15) if entry.method == 8 else None
    pending = raw
    buffer = ""
    seen = 0
    encoding = ""
    while True:
        if inflate is not None:
            chunk = inflate.decompress(pending, _CHUNK)
            pending = inflate.unconsumed_tail
        else:
            chunk, pending = pending[:_CHUNK], pending[_CHUNK:]
        seen += len(chunk)
        if not encoding:
            encoding = "utf-16" if chunk[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"
        buffer += chunk.decode(encoding, "ignore") if encoding == "utf-8" else chunk.decode("utf-16", "ignore")
        more = bool(chunk) and seen <= limit
        while True:
            buffer = buffer.lstrip("\ufeff \t\r\n")
            if buffer.startswith("<?") or buffer.startswith("<!--"):
                close = "?>" if buffer.startswith("<?") else "-->"
                at = buffer.find(close, 2)
                if at < 0:
                    buffer = buffer[:4] + buffer[-2:] if len(buffer) > 8 else buffer
                    break
                buffer = buffer[at + len(close):]
                continue
            if buffer[:9].upper() == "<!DOCTYPE":
                return True
            if len(buffer) >= 9 or (buffer and not "<!DOCTYPE".startswith(buffer[:9].upper())):
                return False
            break
        if not more:
            return False


def inspect_package(source: str | os.PathLike[str] | bytes, *, label: str | None = None,
                    kind: str = "DOCX", part_limit: str = "docx_part_bytes",
                    error: ErrorFactory = NastavnikError, limit_label: str | None = None) -> list[ZipEntry]:
    """The entries of the package ``source`` (a path or its bytes), checked as the module
    docstring says. ``kind`` («DOCX», «XLSX») is what the messages call the file;
    ``part_limit`` is the limit (of :class:`~._limits.Limits`) on one XML part; ``label``
    begins every message (default «name.docx»; ``limit_label``, when given, begins those
    of the limits, which carry no file of their own); problems other than limits are
    raised as ``error(message)``."""
    if isinstance(source, bytes):
        data = source
        label = label or f"файл {kind}"
    else:
        path = Path(source)
        label = label or f"«{path.name}»"
        try:
            size = path.stat().st_size
            _limits.check("package_bytes", size, limit_label or label)
            data = path.read_bytes()
        except OSError as exc:
            raise error(f"{label}: не удалось прочитать файл ({exc.strerror or exc})") from None
    entries = _directory(data, label, kind, error, limit_label or label)
    names = {e.name for e in entries}
    if "[Content_Types].xml" not in names:
        raise error(f"{label}: это не файл {kind}: в архиве нет описания частей ([Content_Types].xml)")
    limits = _limits.current()
    part_bytes = getattr(limits, part_limit)
    limit_label = limit_label or label
    total = 0
    for entry in entries:
        if entry.flags & 0x1:
            raise error(f"{label}: архив зашифрован; сохраните файл без пароля")
        if entry.method not in (0, 8):
            raise error(f"{label}: необычный способ сжатия архива ({entry.method}); "
                        f"пересохраните файл в Word или Excel")
        if is_xml_part(entry.name) and entry.size > part_bytes:
            raise _limits.exceeded(part_limit, f"{limit_label}, часть «{entry.name}»", entry.size)
        total += entry.size
        if total > limits.package_bytes:
            raise _limits.exceeded("package_bytes", limit_label, total)
    for entry in entries:
        if not is_xml_part(entry.name):
            continue
        try:
            doctype = _prolog_declares_doctype(data, entry, part_bytes)
        except (ValueError, zlib.error, struct.error):
            raise error(f"{label}: часть «{entry.name}» повреждена") from None
        if doctype:
            raise error(f"{label}: в части «{entry.name}» есть объявление DOCTYPE; в файлах "
                        f"Word и Excel его не бывает, а через него строятся атаки (XXE) — файл отклонён")
    return entries
