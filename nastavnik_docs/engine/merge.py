"""One print file from many documents rendered from the same template.

docxcompose merges documents in general: it loads each one with python-docx, walks its
XML, and copies styles, numbering and media across — about 35 ms per document. Documents
of one batch share everything but their body (and pictures or headers the template fills
per record), so here the bodies are concatenated in one pass over the XML text:

* each document becomes a section of its own (the document's ``w:sectPr`` moves into its
  last paragraph), so it starts on a new page with its own page setup, and its page
  numbers restart at 1;
* drawing ids (``wp:docPr/@id``) are renumbered across the whole file, bookmark ids are
  made unique and bookmark names get a ``_<n>`` suffix after the first document;
* every list (``w:numId``) of the 2nd, 3rd… document gets a new ``w:num`` instance of the
  same abstract numbering with its levels restarted, so numbering restarts per document;
* relationships a document adds (pictures) and headers or footers that differ are copied
  under new names; parts identical in all documents are copied once, as compressed bytes.

The document XML is compressed as it is produced, so memory stays flat however many
documents go in. Documents from different templates (styles, numbering that differ) are
merged with docxcompose instead, which the debug log says.
"""

from __future__ import annotations

import logging
import os
import re
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from .._files import atomic_path
from ..errors import TemplateError
from .fast import (
    _DOCPR_ID,
    COMPRESS_LEVEL,
    NS_W,
    RT_FOOTER,
    RT_HEADER,
    RT_NUMBERING,
    RT_OFFICE_DOCUMENT,
    _Entry,
    _inflate,
    _relationships,
    _rels_name,
    _ZipWriter,
    read_raw_entries,
)

__all__ = ["merge_documents", "merge_with_docxcompose"]

log = logging.getLogger(__name__)

_P_TOKEN = re.compile(r"<w:p(?=[ >/])[^>]*>|</w:p>")
_BOOKMARK_ID = re.compile(r'(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")')
_BOOKMARK_NAME = re.compile(r'(<w:bookmarkStart\b[^>]*?\bw:name=")([^"]*)(")')
_NUM_ID = re.compile(r'(<w:numId\s+w:val=")(\d+)(")')
_REL_ATTR = re.compile(r'(\br:(?:id|embed|link|pict)=")([^"]+)(")')
_PG_NUM = re.compile(r"<w:pgNumType\b[^>]*/>|<w:pgNumType\b[^>]*>.*?</w:pgNumType>", re.S)
_SECT_AFTER_PGNUM = ("<w:cols", "<w:formProt", "<w:vAlign", "<w:noEndnote", "<w:titlePg",
                     "<w:textDirection", "<w:bidi", "<w:rtlGutter", "<w:docGrid",
                     "<w:printerSettings", "<w:sectPrChange", "</w:sectPr>")
_TINY_PARAGRAPH = ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" '
                   'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr>{}</w:pPr></w:p>')
CT_HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
CT_FOOTER = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"


class _Package:
    """A small zip read in one go: the directory parsed straight from its records.

    ``zipfile.ZipFile`` builds a ZipInfo object per member and seeks for every read; for a
    10 KB document of a dozen members that is most of the time it takes to merge it.
    Only what merging asks is offered: ``namelist``, ``getinfo(name).CRC``, ``read``.
    Anything unusual (zip64, encryption, several disks) is merged by docxcompose.
    """

    _CENTRAL = struct.Struct("<4s4B4HL2L5H2L")

    class _Info:
        __slots__ = ("CRC", "method", "csize", "offset")

        def __init__(self, crc: int, method: int, csize: int, offset: int):
            self.CRC, self.method, self.csize, self.offset = crc, method, csize, offset

    def __init__(self, path: Path):
        self.path = path
        data = path.read_bytes()
        end = data.rfind(b"PK\x05\x06")
        if end < 0 or len(data) - end < 22:
            raise _Incompatible(f"«{path.name}» — не архив DOCX")
        _, disk, _, count, total, size, start, _ = _ZipWriter.END.unpack(data[end:end + 22])
        if disk or count != total or start == 0xFFFFFFFF:
            raise _Incompatible(f"«{path.name}»: необычный архив")
        self.data = data
        self.infos: dict[str, _Package._Info] = {}
        pos = start
        for _ in range(total):
            rec = self._CENTRAL.unpack_from(data, pos)
            flags, method, crc, csize = rec[5], rec[6], rec[9], rec[10]
            n, m, k, offset = rec[12], rec[13], rec[14], rec[18]
            name = data[pos + 46:pos + 46 + n].decode("utf-8" if flags & 0x800 else "cp437")
            if flags & 0x1 or method not in (0, 8):
                raise _Incompatible(f"«{path.name}»: зашифрованный или необычно сжатый архив")
            self.infos[name] = self._Info(crc, method, csize, offset)
            pos += 46 + n + m + k

    def __enter__(self) -> _Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.data = b""

    def namelist(self) -> list[str]:
        return list(self.infos)

    def getinfo(self, name: str) -> _Package._Info:
        return self.infos[name]

    def read(self, name: str) -> bytes:
        info = self.infos[name]
        n, m = struct.unpack_from("<2H", self.data, info.offset + 26)
        start = info.offset + 30 + n + m
        raw = self.data[start:start + info.csize]
        return raw if info.method == 0 else zlib.decompress(raw, -15)


class _Incompatible(Exception):
    """The documents do not share their template parts; docxcompose must merge them."""


def _attach_section(content: str, sect_pr: str) -> str:
    """Put ``sect_pr`` into the last paragraph of ``content`` (a section break that adds no
    line), or into a hairline paragraph after a closing table."""
    stripped = content.rstrip()
    if stripped.endswith("</w:p>"):
        depth = 0
        start = -1
        for m in reversed(list(_P_TOKEN.finditer(stripped))):
            token = m.group(0)
            if token == "</w:p>":
                depth += 1
            elif not token.endswith("/>"):
                depth -= 1
                if depth == 0:
                    start = m.start()
                    break
        if start >= 0:
            open_end = stripped.index(">", start) + 1
            rest = stripped[open_end:]
            if rest.startswith("<w:pPr/>"):
                rest = f"<w:pPr>{sect_pr}</w:pPr>" + rest[len("<w:pPr/>"):]
            elif rest.startswith("<w:pPr>") or rest.startswith("<w:pPr "):
                close = rest.index("</w:pPr>")
                rest = rest[:close] + sect_pr + rest[close:]
            else:
                rest = f"<w:pPr>{sect_pr}</w:pPr>" + rest
            return stripped[:open_end] + rest
    return content + _TINY_PARAGRAPH.format(sect_pr)


def _restart_pages(sect_pr: str) -> str:
    """Page numbers of each document start at 1."""
    if _PG_NUM.search(sect_pr):
        def fix(m: re.Match[str]) -> str:
            tag = re.sub(r'\s+w:start="\d+"', "", m.group(0))
            return tag.replace("<w:pgNumType", '<w:pgNumType w:start="1"', 1)
        return _PG_NUM.sub(fix, sect_pr, count=1)
    positions = [sect_pr.find(t) for t in _SECT_AFTER_PGNUM if sect_pr.find(t) >= 0]
    at = min(positions)
    return sect_pr[:at] + '<w:pgNumType w:start="1"/>' + sect_pr[at:]


def _split_body(xml: str) -> tuple[str, str, str, str]:
    """(prefix up to and with ``<w:body>``, content, final sectPr, suffix from ``</w:body>``)."""
    open_at = xml.index("<w:body")
    open_end = xml.index(">", open_at) + 1
    close_at = xml.rindex("</w:body>")
    inner = xml[open_end:close_at]
    sect_at = inner.rfind("<w:sectPr")
    if sect_at < 0 or not inner.rstrip().endswith("</w:sectPr>"):
        raise _Incompatible("в документе нет параметров раздела (w:sectPr)")
    return xml[:open_end], inner[:sect_at], inner[sect_at:].rstrip(), xml[close_at:]


@dataclass
class _Base:
    """What the first document gives: shared parts, relationships, numbering."""

    entries: dict[str, _Entry]
    order: list[str]
    main: str
    main_rels: str
    rels: dict[str, tuple[str, str, bool]]  # rId -> (type, target, external)
    numbering: str | None
    abstract_of: dict[str, str]  # numId -> abstractNumId
    starts: dict[str, dict[str, str]]  # abstractNumId -> ilvl -> start


def _load_base(path: Path) -> _Base:
    entries_list = read_raw_entries(path)
    entries = {e.name: e for e in entries_list}
    root_rels = _relationships(_inflate(entries["_rels/.rels"]), "")
    main = next(t for _, rt, t, ext in root_rels if rt == RT_OFFICE_DOCUMENT and not ext)
    main_rels = _rels_name(main)
    rels = {rid: (rt, t, ext) for rid, rt, t, ext in _relationships(_inflate(entries[main_rels]), main)}
    numbering = next((t for rt, t, ext in rels.values() if rt == RT_NUMBERING and not ext), None)
    abstract_of: dict[str, str] = {}
    starts: dict[str, dict[str, str]] = {}
    if numbering and numbering in entries:
        root = etree.fromstring(_inflate(entries[numbering]))
        w = f"{{{NS_W}}}"
        for num in root.iter(f"{w}num"):
            ref = num.find(f"{w}abstractNumId")
            if ref is not None:
                abstract_of[num.get(f"{w}numId")] = ref.get(f"{w}val")
        for absn in root.iter(f"{w}abstractNum"):
            levels = {}
            for lvl in absn.iter(f"{w}lvl"):
                start = lvl.find(f"{w}start")
                levels[lvl.get(f"{w}ilvl")] = start.get(f"{w}val") if start is not None else "1"
            starts[absn.get(f"{w}abstractNumId")] = levels
    return _Base(entries, [e.name for e in entries_list], main, main_rels, rels, numbering,
                 abstract_of, starts)


class _Merger:
    """Streams the merged document.xml and collects the parts it adds."""

    def __init__(self, base: _Base):
        self.base = base
        self.docpr = 0
        self.bookmark = 0
        self.next_num = max([int(n) for n in base.abstract_of] + [0]) + 1
        self.new_nums: list[str] = []
        self.new_rels: list[str] = []
        self.new_parts: dict[str, _Entry] = {}
        self.overrides: list[str] = []
        self.rel_counter = 0
        dynamic = {base.main, base.main_rels, "[Content_Types].xml", base.numbering}
        dynamic |= {t for rt, t, ext in base.rels.values() if not ext and (
            rt in (RT_HEADER, RT_FOOTER) or t.startswith("word/media/"))}
        dynamic |= {_rels_name(t) for rt, t, ext in base.rels.values() if rt in (RT_HEADER, RT_FOOTER)}
        self.shared = {n for n in base.order if n not in dynamic and not n.startswith("docProps/")}
        # Drawings in headers and footers keep their ids: number the bodies' drawings above them.
        for rt, target, ext in base.rels.values():
            if not ext and rt in (RT_HEADER, RT_FOOTER) and target in base.entries:
                xml = _inflate(base.entries[target]).decode("utf-8", "replace")
                self.docpr = max([self.docpr, *(int(m[2]) for m in _DOCPR_ID.finditer(xml))])

    def _check_shared(self, zf: _Package, name: str) -> None:
        for part in self.shared:
            try:
                info = zf.getinfo(part)
            except KeyError:
                raise _Incompatible(f"в «{name}» нет части {part}") from None
            if info.CRC != self.base.entries[part].crc:
                raise _Incompatible(f"«{name}»: часть {part} отличается от первого документа")

    def _new_rid(self, index: int) -> str:
        self.rel_counter += 1
        return f"rIdM{index}x{self.rel_counter}"

    def _copy_part(self, zf: _Package, target: str, index: int, rel_type: str) -> str:
        """Copy a part of document ``index`` under a new name; return the new partname."""
        p = PurePosixPath(target)
        new_name = str(p.parent / f"m{index}_{p.name}")
        data = zf.read(target)
        self.new_parts[new_name] = _Entry.from_bytes(new_name, data)
        own_rels = _rels_name(target)
        if own_rels in zf.namelist():
            rels_new = _rels_name(new_name)
            self.new_parts[rels_new] = _Entry.from_bytes(rels_new, zf.read(own_rels))
        if rel_type in (RT_HEADER, RT_FOOTER):
            ct = CT_HEADER if rel_type == RT_HEADER else CT_FOOTER
            self.overrides.append(f'<Override PartName="/{new_name}" ContentType="{ct}"/>')
        return new_name

    def _unchanged(self, zf: _Package) -> bool:
        """The document relates to exactly the first one's parts, with the same content
        (checked on the CRCs of the zip directory, without reading anything)."""
        base = self.base
        try:
            if zf.getinfo(base.main_rels).CRC != base.entries[base.main_rels].crc:
                return False
            return all(zf.getinfo(t).CRC == base.entries[t].crc for rt, t, ext in base.rels.values()
                       if not ext and t in base.entries)
        except KeyError:
            return False

    def _relations(self, zf: _Package, index: int) -> dict[str, str]:
        """Map of this document's rIds that must change (added or different parts)."""
        base = self.base
        renamed: dict[str, str] = {}
        if self._unchanged(zf):
            return renamed
        rels_xml = zf.read(base.main_rels)
        main_dir = PurePosixPath(base.main).parent
        for rid, rt, target, ext in _relationships(rels_xml, base.main):
            known = base.rels.get(rid)
            same = known == (rt, target, ext)
            if same and not ext and target in base.entries and target in zf.namelist():
                same = zf.getinfo(target).CRC == base.entries[target].crc
            if same:
                continue
            new_rid = self._new_rid(index)
            renamed[rid] = new_rid
            if ext:
                ref, mode = target, ' TargetMode="External"'
            else:
                ref, mode = str(PurePosixPath(self._copy_part(zf, target, index, rt)).relative_to(main_dir)), ""
            self.new_rels.append(f'<Relationship Id="{new_rid}" Type="{rt}" Target="{ref}"{mode}/>')
        return renamed

    def body(self, zf: _Package, index: int, name: str, last: bool) -> tuple[str, str, str]:
        """(prefix, processed content with its section, suffix) of document ``index``."""
        if index > 0:
            self._check_shared(zf, name)
        xml = zf.read(self.base.main).decode("utf-8")
        prefix, content, sect_pr, suffix = _split_body(xml)
        renamed = self._relations(zf, index) if index > 0 else {}
        if renamed:
            content = _REL_ATTR.sub(lambda m: m[1] + renamed.get(m[2], m[2]) + m[3], content)
            sect_pr = _REL_ATTR.sub(lambda m: m[1] + renamed.get(m[2], m[2]) + m[3], sect_pr)

        def docpr(m: re.Match[str]) -> str:
            self.docpr += 1
            return f"{m[1]}{self.docpr}{m[3]}"

        content = _DOCPR_ID.sub(docpr, content)
        if "<w:bookmark" in content:
            ids: dict[str, int] = {}

            def bookmark(m: re.Match[str]) -> str:
                if m[2] not in ids:
                    self.bookmark += 1
                    ids[m[2]] = self.bookmark
                return f"{m[1]}{ids[m[2]]}{m[3]}"

            content = _BOOKMARK_ID.sub(bookmark, content)
            if index > 0:
                content = _BOOKMARK_NAME.sub(lambda m: f"{m[1]}{m[2]}_{index + 1}{m[3]}", content)
        if index > 0 and "<w:numId" in content:
            content = self._restart_lists(content)
        sect_pr = _restart_pages(sect_pr)
        if last:
            return prefix, content + sect_pr, suffix
        return prefix, _attach_section(content, sect_pr), suffix

    def _restart_lists(self, content: str) -> str:
        mapping: dict[str, str] = {}

        def renum(m: re.Match[str]) -> str:
            old = m[2]
            abstract = self.base.abstract_of.get(old)
            if abstract is None:  # numId 0 (no list) or unknown: leave as is
                return m.group(0)
            if old not in mapping:
                new = str(self.next_num)
                self.next_num += 1
                mapping[old] = new
                levels = "".join(
                    f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                    for lvl, start in sorted(self.base.starts.get(abstract, {"0": "1"}).items(),
                                             key=lambda kv: int(kv[0])))
                self.new_nums.append(f'<w:num w:numId="{new}"><w:abstractNumId w:val="{abstract}"/>'
                                     f"{levels}</w:num>")
            return f"{m[1]}{mapping[old]}{m[3]}"

        return _NUM_ID.sub(renum, content)

    # -- the parts changed at the end ---------------------------------------------------

    def finished_parts(self) -> dict[str, bytes]:
        base = self.base
        out: dict[str, bytes] = {}
        if self.new_nums and base.numbering:
            text = _inflate(base.entries[base.numbering]).decode("utf-8")
            # w:num elements follow every w:abstractNum (schema order): append at the end.
            close = text.rindex("</w:numbering>")
            out[base.numbering] = (text[:close] + "".join(self.new_nums) + text[close:]).encode("utf-8")
        if self.new_rels:
            text = _inflate(base.entries[base.main_rels]).decode("utf-8")
            close = text.rindex("</Relationships>")
            out[base.main_rels] = (text[:close] + "".join(self.new_rels) + text[close:]).encode("utf-8")
        types = _inflate(base.entries["[Content_Types].xml"]).decode("utf-8")
        extra = list(self.overrides)
        for part in self.new_parts:
            ext = part.rsplit(".", 1)[-1]
            if "/" in part and f'Extension="{ext}"' not in types and ext not in ("xml", "rels"):
                extra.append(f'<Default Extension="{ext}" ContentType="{_media_type(ext)}"/>')
        if extra:
            close = types.rindex("</Types>")
            out["[Content_Types].xml"] = (types[:close] + "".join(dict.fromkeys(extra)) + types[close:]).encode("utf-8")
        return out


def _media_type(ext: str) -> str:
    return {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif",
            "bmp": "image/bmp", "tiff": "image/tiff", "emf": "image/x-emf",
            "wmf": "image/x-wmf"}.get(ext.lower(), "application/octet-stream")


class _StreamedEntry:
    """A zip member written while its data is produced: local header first, then the
    deflated data, then the header rewritten with the CRC and sizes (the file is seekable)."""

    def __init__(self, fh, name: str, date_time) -> None:
        self.fh, self.name, self.date_time = fh, name, date_time
        self.offset = fh.tell()
        self.crc = 0
        self.size = 0
        self.csize = 0
        self.comp = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
        header, _ = _ZipWriter._records(_Entry(name, 0, 0, b"", 8, date_time), self.offset)
        fh.write(header)
        self.header_len = len(header)

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        out = self.comp.compress(data)
        self.csize += len(out)
        self.fh.write(out)

    def close(self) -> bytes:
        """Finish the data, fix the local header, return the central directory record."""
        out = self.comp.flush()
        self.csize += len(out)
        self.fh.write(out)
        end = self.fh.tell()
        entry = _Entry(self.name, self.crc, self.size, b"", 8, self.date_time)
        header, central = _ZipWriter._records(entry, self.offset, self.csize)
        self.fh.seek(self.offset)
        self.fh.write(header)
        self.fh.seek(end)
        return central


def _put(fh, entry: _Entry, centrals: list[bytes]) -> None:
    """Write a member whose data is at hand; keep its central-directory record."""
    local, central = _ZipWriter._records(entry, fh.tell())
    fh.write(local)
    fh.write(entry.compressed)
    centrals.append(central)


def _write_merged(paths: Sequence[Path], out: Path) -> None:
    base = _load_base(paths[0])
    merger = _Merger(base)
    centrals: list[bytes] = []
    with open(out, "wb") as fh:
        # Parts shared by every document: copied once, as compressed bytes.
        for name in base.order:
            if name in merger.shared or name.startswith("docProps/"):
                _put(fh, base.entries[name], centrals)
        # Parts the first document keeps under their names (headers, media, …).
        for name in base.order:
            if name in merger.shared or name.startswith("docProps/"):
                continue
            if name in (base.main, base.main_rels, "[Content_Types].xml", base.numbering):
                continue
            _put(fh, base.entries[name], centrals)
        stream = _StreamedEntry(fh, base.main, base.entries[base.main].date_time)
        last = len(paths) - 1
        suffix = ""
        for i, path in enumerate(paths):
            with _Package(path) as zf:
                prefix, content, tail = merger.body(zf, i, path.name, i == last)
            if i == 0:
                stream.write(prefix)
                suffix = tail
            stream.write(content)
        stream.write(suffix)
        centrals.append(stream.close())
        finished = merger.finished_parts()
        for name in (base.main_rels, "[Content_Types].xml", base.numbering):
            if name is None or name not in base.entries:
                continue
            _put(fh, _Entry.from_bytes(name, finished[name]) if name in finished
                 else base.entries[name], centrals)
        for entry in merger.new_parts.values():
            _put(fh, entry, centrals)
        cd_offset = fh.tell()
        cd = b"".join(centrals)
        fh.write(cd)
        fh.write(_ZipWriter.END.pack(b"PK\x05\x06", 0, 0, len(centrals), len(centrals),
                                     len(cd), cd_offset, 0))


def merge_with_docxcompose(paths: Sequence[Path], out: Path) -> None:
    """The general merge (docxcompose): each document after a section break (new page)."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docxcompose.composer import Composer

    master = Document(str(paths[0]))
    composer = Composer(master)
    for path in paths[1:]:
        master.add_section(WD_SECTION.NEW_PAGE)
        composer.append(Document(str(path)))
    composer.save(str(out))


def merge_documents(paths: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str], *,
                    overwrite: bool = False) -> Path:
    """One DOCX with every document of ``paths`` in order, each from a new page."""
    sources = [Path(p) for p in paths]
    if not sources:
        raise TemplateError("Нечего объединять: нет ни одного документа")
    out = Path(out)
    with atomic_path(out, overwrite=overwrite) as tmp:
        try:
            _write_merged(sources, tmp)
        except _Incompatible as exc:
            log.debug("общий файл собирается через docxcompose: %s", exc)
            merge_with_docxcompose(sources, tmp)
    return out
