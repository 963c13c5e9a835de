"""The package layer: a DOCX as a zip of parts (Open Packaging Conventions), nothing more.

Every zip the engine reads or writes for a DOCX goes through here; what the parts mean
(bodies, sections, lists, pictures) is the document layer's business (``fast``, ``merge``,
``check``), which sits above this module:

* :class:`Package` — a package read in one go, its zip directory parsed straight from the
  records. Each part is offered as stored (:meth:`Package.member`: its compressed bytes,
  untouched) or inflated (:meth:`Package.read`), with its relationships
  (:meth:`Package.relationships`), its content types (:attr:`Package.content_types`) and
  the main document (:meth:`Package.main_part`);
* :class:`Member` — one zip member with its compressed bytes, written into another archive
  without being inflated and deflated again;
* :class:`ZipLayout` — an archive whose leading members never change: their headers are
  laid out once, and each :meth:`ZipLayout.build` appends the members of one document;
* :class:`ZipStream` — an archive written to a file member after member, one of them
  deflated while it is being produced, so memory stays flat;
* :func:`add_relationships`, :func:`add_content_types` — the package's own XML extended
  as text, the rest of it left byte for byte.

Why not ``zipfile``: it builds a ZipInfo object and seeks for every member it reads, and it
has no way to put already-compressed bytes into an archive (``writestr`` compresses
everything again) — for a batch of certificates whose styles, theme, fonts and settings
never change, that recompression was most of the cost of saving. The zip format is simple
enough to read and write directly (APPNOTE 4.3: a local header and the data of each
member, then the central directory and its end record). Anything unusual — zip64,
encryption, several disks, a method other than stored or deflated — raises
:class:`PackageError`, and the caller uses its general path.

Atomic saving stays with :func:`nastavnik_docs._files.atomic_path`, shared with ``io``:
callers write a package to the temporary path it yields.
"""

from __future__ import annotations

import html
import struct
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import BinaryIO, NamedTuple

from lxml import etree

__all__ = [
    "COMPRESS_LEVEL",
    "CONTENT_TYPES",
    "ContentTypes",
    "Member",
    "NotAPackage",
    "Package",
    "PackageError",
    "RT_FOOTER",
    "RT_FOOTNOTES",
    "RT_HEADER",
    "RT_IMAGE",
    "RT_NUMBERING",
    "RT_OFFICE_DOCUMENT",
    "RT_STYLES",
    "Relationship",
    "ZipLayout",
    "ZipStream",
    "add_content_types",
    "add_relationships",
    "relative_target",
    "rels_name",
]


def _quoteattr(value: str) -> str:
    """``value`` as a quoted XML attribute. Not ``xml.sax.saxutils.quoteattr``: that module
    imports ``urllib.request`` (and with it ``http.client`` and ``email``), 15–30 ms of
    every command's start-up for three characters' escaping."""
    return f'"{html.escape(value, quote=True)}"'


_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = _RT + "officeDocument"
RT_HEADER = _RT + "header"
RT_FOOTER = _RT + "footer"
RT_FOOTNOTES = _RT + "footnotes"
RT_IMAGE = _RT + "image"
RT_STYLES = _RT + "styles"
RT_NUMBERING = _RT + "numbering"
_NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"

#: The part that lists the content type of every other part.
CONTENT_TYPES = "[Content_Types].xml"

#: zlib level where parts are deflated here (parts made once, the merged print file):
#: level 6 (zlib's default) takes twice as long for ~15 % less.
COMPRESS_LEVEL = 1

_STORED, _DEFLATED = 0, 8
_EPOCH = (1980, 1, 1, 0, 0, 0)
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")


class PackageError(Exception):
    """A zip this module does not read or write (the message says why, in Russian)."""


class NotAPackage(PackageError):
    """The bytes are not a zip archive at all."""


# --------------------------------------------------------------------------- members


DateTime = tuple[int, int, int, int, int, int]


@dataclass(slots=True)
class Member:
    """One zip member: its name, CRC, size and data as stored (``method`` 0 or 8)."""

    name: str
    crc: int
    size: int
    compressed: bytes
    method: int = _DEFLATED
    date_time: DateTime = _EPOCH

    @classmethod
    def from_bytes(cls, name: str, data: bytes, date_time: DateTime = _EPOCH, *,
                   compress: bool = True) -> Member:
        """A member holding ``data``, deflated at :data:`COMPRESS_LEVEL` or stored."""
        if not compress:
            return cls(name, zlib.crc32(data), len(data), data, _STORED, date_time)
        comp = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
        return cls(name, zlib.crc32(data), len(data), comp.compress(data) + comp.flush(),
                   _DEFLATED, date_time)

    def data(self) -> bytes:
        """The member's bytes, inflated."""
        return self.compressed if self.method == _STORED else zlib.decompress(self.compressed, -15)


def _dos(date_time: DateTime) -> tuple[int, int]:
    y, mo, d, h, mi, s = date_time
    return (h << 11) | (mi << 5) | (s // 2), ((max(y, 1980) - 1980) << 9) | (mo << 5) | d


def _from_dos(time: int, date: int) -> DateTime:
    return ((date >> 9) + 1980, (date >> 5) & 0xF, date & 0x1F,
            time >> 11, (time >> 5) & 0x3F, (time & 0x1F) * 2)


def _records(member: Member, offset: int, csize: int | None = None) -> tuple[bytes, bytes]:
    """The local header and the central-directory record of ``member`` at ``offset``
    (``csize``: the compressed length, when the data was streamed, not held)."""
    name = member.name.encode("utf-8")
    flags = 0x800 if not member.name.isascii() else 0
    dostime, dosdate = _dos(member.date_time)
    csize = len(member.compressed) if csize is None else csize
    if offset > 0xFFFFFFFF or csize > 0xFFFFFFFF or member.size > 0xFFFFFFFF:
        raise PackageError("архив больше 4 ГБ")
    local = _LOCAL.pack(b"PK\x03\x04", 20, 0, flags, member.method, dostime, dosdate,
                        member.crc, csize, member.size, len(name), 0) + name
    central = _CENTRAL.pack(b"PK\x01\x02", 20, 0, 20, 0, flags, member.method, dostime, dosdate,
                            member.crc, csize, member.size, len(name), 0, 0, 0, 0, 0, offset) + name
    return local, central


def _end_record(count: int, cd_size: int, cd_offset: int) -> bytes:
    return _END.pack(b"PK\x05\x06", 0, 0, count, count, cd_size, cd_offset, 0)


# --------------------------------------------------------------------------- reading


class Relationship(NamedTuple):
    """One relationship of a part: ``target`` is a partname (resolved against the source
    part) or, when ``external``, the URL as written."""

    rid: str
    type: str
    target: str
    external: bool


@dataclass(frozen=True)
class ContentTypes:
    """``[Content_Types].xml``: content types by extension and by partname (no ``/``)."""

    defaults: dict[str, str]  # lower-case extension -> content type
    overrides: dict[str, str]  # partname -> content type


def rels_name(partname: str) -> str:
    """The relationships part of ``partname`` (``""``: the package's own, ``_rels/.rels``)."""
    p = PurePosixPath(partname)
    return str(p.parent / "_rels" / f"{p.name}.rels")


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for piece in (str(PurePosixPath(source).parent) + "/" + target).split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            if parts:
                parts.pop()
        else:
            parts.append(piece)
    return "/".join(parts)


def relative_target(source: str, partname: str) -> str:
    """How a relationship of part ``source`` names ``partname`` (relative to its folder)."""
    return str(PurePosixPath(partname).relative_to(PurePosixPath(source).parent))


def _parse_relationships(xml: bytes, source: str) -> list[Relationship]:
    out = []
    for rel in etree.fromstring(xml).iter(f"{{{_NS_RELS}}}Relationship"):
        external = rel.get("TargetMode") == "External"
        target = rel.get("Target", "")
        out.append(Relationship(rel.get("Id", ""), rel.get("Type", ""),
                                target if external else _resolve(source, target), external))
    return out


class Package:
    """A package read in one go (see the module docstring); parts by partname (no ``/``)."""

    def __init__(self, data: bytes, name: str = "DOCX"):
        self.name = name
        end = data.rfind(b"PK\x05\x06")
        if end < 0 or len(data) - end < _END.size:
            raise NotAPackage(f"«{name}» — не архив DOCX")
        _, disk, _, count, total, _size, start, _ = _END.unpack_from(data, end)
        if disk or count != total or start == 0xFFFFFFFF:
            raise PackageError(f"«{name}»: необычный архив (zip64 или несколько томов)")
        self._data = data
        # partname -> (method, crc, compressed size, size, offset of the local header, time, date)
        self._dir: dict[str, tuple[int, int, int, int, int, int, int]] = {}
        pos = start
        for _ in range(total):
            if data[pos:pos + 4] != b"PK\x01\x02":
                raise PackageError(f"«{name}»: повреждённый каталог архива")
            rec = _CENTRAL.unpack_from(data, pos)
            flags, method, time, date, crc, csize, size = rec[5:12]
            n, m, k, offset = rec[12], rec[13], rec[14], rec[18]
            partname = data[pos + 46:pos + 46 + n].decode("utf-8" if flags & 0x800 else "cp437")
            if flags & 0x1 or method not in (_STORED, _DEFLATED):
                raise PackageError(f"«{name}»: зашифрованный или необычно сжатый архив "
                                   f"(метод сжатия {method})")
            if 0xFFFFFFFF in (csize, size, offset):
                raise PackageError(f"«{name}»: необычный архив (zip64)")
            self._dir[partname] = (method, crc, csize, size, offset, time, date)
            pos += 46 + n + m + k

    @classmethod
    def open(cls, path: str | Path) -> Package:
        path = Path(path)
        return cls(path.read_bytes(), path.name)

    @property
    def names(self) -> list[str]:
        """Every partname, in the order of the zip directory."""
        return list(self._dir)

    def __contains__(self, partname: object) -> bool:
        return partname in self._dir

    def crc(self, partname: str) -> int:
        """The CRC of a part, from the directory (nothing is read); KeyError when absent."""
        return self._dir[partname][1]

    def _stored(self, offset: int, csize: int) -> bytes:
        n, m = struct.unpack_from("<2H", self._data, offset + 26)
        start = offset + 30 + n + m
        return self._data[start:start + csize]

    def member(self, partname: str) -> Member:
        """The part as stored: its compressed bytes, ready to be copied."""
        method, crc, csize, size, offset, time, date = self._dir[partname]
        return Member(partname, crc, size, self._stored(offset, csize), method, _from_dos(time, date))

    def read(self, partname: str) -> bytes:
        """The part's bytes, inflated; KeyError when absent. Never more than the size the
        directory declares (which the package limits were checked against): a member
        that inflates further is damaged — or a bomb."""
        method, _crc, csize, size, offset, _time, _date = self._dir[partname]
        raw = self._stored(offset, csize)
        if method == _STORED:
            return raw
        inflate = zlib.decompressobj(-15)
        data = inflate.decompress(raw, size + 1)
        if len(data) > size:
            raise PackageError(f"«{self.name}»: часть «{partname}» распаковывается больше заявленного размера")
        if not inflate.eof:
            raise PackageError(f"«{self.name}»: часть «{partname}» повреждена (обрезана)")
        return data

    def relationships(self, source: str = "") -> list[Relationship]:
        """The relationships of part ``source`` (``""``: of the package), in file order."""
        name = rels_name(source)
        return _parse_relationships(self.read(name), source) if name in self._dir else []

    def main_part(self) -> str | None:
        """The main document's partname (``word/document.xml``), None when there is none."""
        return next((r.target for r in self.relationships()
                     if r.type == RT_OFFICE_DOCUMENT and not r.external and r.target in self._dir),
                    None)

    @cached_property
    def content_types(self) -> ContentTypes:
        root = etree.fromstring(self.read(CONTENT_TYPES))
        defaults = {e.get("Extension", "").lower(): e.get("ContentType", "")
                    for e in root.iter(f"{{{_NS_TYPES}}}Default")}
        overrides = {e.get("PartName", "").lstrip("/"): e.get("ContentType", "")
                     for e in root.iter(f"{{{_NS_TYPES}}}Override")}
        return ContentTypes(defaults, overrides)


# --------------------------------------------------------------------------- the package's XML


def _insert_before(xml: bytes, closing: str, added: str) -> bytes:
    text = xml.decode("utf-8")
    at = text.rindex(closing)
    return (text[:at] + added + text[at:]).encode("utf-8")


_EXTERNAL = ' TargetMode="External"'
_NOTHING: Mapping[str, str] = MappingProxyType({})


def add_relationships(rels_xml: bytes, rels: Iterable[tuple[str, str, str, bool]]) -> bytes:
    """A ``.rels`` part with relationships ``(rId, type, target as written, external)``
    appended; the rest of it is kept byte for byte."""
    added = "".join(
        f"<Relationship Id={_quoteattr(rid)} Type={_quoteattr(rt)} Target={_quoteattr(target)}"
        f"{_EXTERNAL if external else ''}/>" for rid, rt, target, external in rels)
    return _insert_before(rels_xml, "</Relationships>", added) if added else rels_xml


def add_content_types(types_xml: bytes, *, overrides: Mapping[str, str] = _NOTHING,
                      defaults: Mapping[str, str] = _NOTHING) -> bytes:
    """``[Content_Types].xml`` with ``Override`` entries (partname → type) and the
    ``Default`` entries (extension → type) it lacks; unchanged when nothing is new."""
    text = types_xml.decode("utf-8")
    added = [f"<Override PartName={_quoteattr('/' + name)} ContentType={_quoteattr(ct)}/>"
             for name, ct in overrides.items()]
    added += [f"<Default Extension={_quoteattr(ext)} ContentType={_quoteattr(ct)}/>"
              for ext, ct in defaults.items()
              if f'Extension="{ext}"' not in text and f"Extension='{ext}'" not in text]
    if not added:
        return types_xml
    return _insert_before(types_xml, "</Types>", "".join(dict.fromkeys(added)))


# --------------------------------------------------------------------------- writing


class ZipLayout:
    """Writes archives that start with the same members (see the module docstring).

    The ``static`` members are laid out once, at fixed offsets at the start of every
    archive, so their local headers *and* central-directory records are precomputed bytes;
    :meth:`build` only appends the members given to it.
    """

    def __init__(self, static: Sequence[Member]):
        head: list[bytes] = []
        central: list[bytes] = []
        self.offset = self._lay_out(static, 0, head, central)
        self.head = b"".join(head)
        self.central = b"".join(central)
        self.count = len(static)

    @staticmethod
    def _lay_out(members: Sequence[Member], offset: int, chunks: list[bytes],
                 central: list[bytes]) -> int:
        """Append the local records and data of ``members`` starting at ``offset``."""
        for member in members:
            local, record = _records(member, offset)
            chunks.append(local)
            chunks.append(member.compressed)
            central.append(record)
            offset += len(local) + len(member.compressed)
        return offset

    def build(self, dynamic: Sequence[Member]) -> bytes:
        """The archive: the static members, then ``dynamic``."""
        chunks = [self.head]
        central = [self.central]
        offset = self._lay_out(dynamic, self.offset, chunks, central)
        cd = b"".join(central)
        chunks.append(cd)
        chunks.append(_end_record(self.count + len(dynamic), len(cd), offset))
        return b"".join(chunks)


class ZipStream:
    """Writes an archive to a seekable binary file, member after member; :meth:`finish`
    writes the directory."""

    def __init__(self, fh: BinaryIO):
        self.fh = fh
        self.centrals: list[bytes] = []

    def put(self, member: Member) -> None:
        """Write a member whose data is at hand."""
        local, central = _records(member, self.fh.tell())
        self.fh.write(local)
        self.fh.write(member.compressed)
        self.centrals.append(central)

    def stream(self, name: str, date_time: DateTime = _EPOCH) -> StreamedMember:
        """Start a member whose data is written piece by piece (and deflated as it comes)."""
        return StreamedMember(self, name, date_time)

    def finish(self) -> None:
        cd_offset = self.fh.tell()
        cd = b"".join(self.centrals)
        self.fh.write(cd)
        self.fh.write(_end_record(len(self.centrals), len(cd), cd_offset))


class StreamedMember:
    """A member of a :class:`ZipStream` written while its data is produced: the local
    header first, then the deflated data, then the header rewritten with the CRC and sizes."""

    def __init__(self, owner: ZipStream, name: str, date_time: DateTime):
        self.owner, self.name, self.date_time = owner, name, date_time
        self.offset = owner.fh.tell()
        self.crc = 0
        self.size = 0
        self.csize = 0
        self.comp = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
        header, _ = _records(Member(name, 0, 0, b"", _DEFLATED, date_time), self.offset)
        owner.fh.write(header)

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        out = self.comp.compress(data)
        self.csize += len(out)
        self.owner.fh.write(out)

    def close(self) -> None:
        """Finish the data, fix the local header, add the member to the directory."""
        fh = self.owner.fh
        out = self.comp.flush()
        self.csize += len(out)
        fh.write(out)
        end = fh.tell()
        member = Member(self.name, self.crc, self.size, b"", _DEFLATED, self.date_time)
        header, central = _records(member, self.offset, self.csize)
        fh.seek(self.offset)
        fh.write(header)
        fh.seek(end)
        self.owner.centrals.append(central)
