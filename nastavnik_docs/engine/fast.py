"""The fast DOCX path for batches: prepare a template once, render each record in ~1 ms.

``DocxTemplate(path).render(ctx); save(out)`` — the plain path — re-reads the template
package, re-parses every part with lxml, re-runs docxtpl's regex preprocessing and
re-compiles the Jinja template for *every* document, then re-serialises and re-compresses
every part (styles, fonts, theme, settings…) on save. For one document that is fine; for
ten thousand certificates it is 26 ms × 10,000.

:class:`FastDocxTemplate` does the invariant work once:

* the package is read once; every part keeps its *compressed* bytes from the source zip;
* the body, the headers, footers and footnotes are preprocessed with docxtpl's own
  ``patch_xml`` (via :func:`nastavnik_docs.engine.docx.patch_xml`) and compiled
  once with the one sandboxed environment (:func:`~nastavnik_docs.engine.docx.make_environment`);
* parts without any tag are never touched again.

Per record it renders the compiled templates, applies the same post-processing docxtpl
applies (line joining, ``{_{`` escapes, ``\\n``/``\\t``/``\\a``/``\\f`` listing, table grid
fixing, drawing id renumbering) and writes a new zip in which the unchanged parts are
copied as the already-compressed bytes of the source (see :class:`_ZipWriter`).

Images (:class:`~nastavnik_docs.models.Image` values placed in the body) are
supported: the picture is added to the package once per distinct picture. What the fast
path does not cover — a templated core property, a picture in a header, a sub-document —
raises :class:`FastPathUnsupported`; :class:`DocxRenderer` then uses the plain path for
that template or record and says so in the debug log.
"""

from __future__ import annotations

import logging
import os
import re
import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.sax.saxutils import quoteattr

from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import SecurityError
from lxml import etree
from pydantic import BaseModel

from ..errors import TemplateError
from .docx import (
    active_template,
    apply_font,
    explain,
    line_per_paragraph,
    make_environment,
    patch_xml,
    render_docx,
    template_context,
)

__all__ = ["DocxRenderer", "FastDocxTemplate", "FastPathUnsupported", "RenderedDocument"]

log = logging.getLogger(__name__)

XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
RT_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
RT_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_TAG = re.compile(r"\{[{%#]")
_DOCPR_ID = re.compile(r'(<wp:docPr\b[^>]*?\bid=")(\d+)(")')
_TABLE_TAGS = re.compile(r"\{%-?\s*(?:tc\s|colspan\b|hm\b)")
_LISTING_CHARS = ("\t", "\a", "\n", "\f")

#: zlib level where this module deflates (parts made once, the merged print file): level 6
#: (zlib's default) takes twice as long for ~15 % less.
COMPRESS_LEVEL = 1


class FastPathUnsupported(Exception):
    """The template or the record needs something only the plain docxtpl path does."""


# --------------------------------------------------------------------------- zip


@dataclass
class _Entry:
    """One zip member, either compressed already or to be compressed."""

    name: str
    crc: int
    size: int
    compressed: bytes
    method: int = 8  # deflate
    date_time: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)

    @classmethod
    def from_bytes(cls, name: str, data: bytes, date_time=(1980, 1, 1, 0, 0, 0), *,
                   compress: bool = True) -> _Entry:
        if not compress:
            return cls(name, zlib.crc32(data), len(data), data, 0, date_time)
        comp = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
        return cls(name, zlib.crc32(data), len(data), comp.compress(data) + comp.flush(), 8, date_time)


def _dos(date_time: tuple[int, ...]) -> tuple[int, int]:
    y, mo, d, h, mi, s = date_time
    return (h << 11) | (mi << 5) | (s // 2), ((max(y, 1980) - 1980) << 9) | (mo << 5) | d


class _ZipWriter:
    """Writes a zip from entries whose data is already deflated.

    ``zipfile`` has no public way to put already-compressed bytes into an archive: every
    ``write``/``writestr`` decompresses nothing but compresses everything again, which is
    most of the cost of saving a DOCX whose styles, theme, fonts table and settings never
    change. The zip format is simple enough to write directly: a local header and the data
    of each member, then the central directory and its end record (APPNOTE 4.3). Members
    that never change are laid out once, at fixed offsets at the start of the archive, so
    their local headers *and* central-directory records are precomputed bytes; each
    document only appends its rendered members after them.
    """

    LOCAL = struct.Struct("<4s2B4HL2L2H")
    CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
    END = struct.Struct("<4s4H2LH")

    def __init__(self, static: list[_Entry]):
        head: list[bytes] = []
        central: list[bytes] = []
        self.offset = self._lay_out(static, 0, head, central)
        self.head = b"".join(head)
        self.central = b"".join(central)
        self.count = len(static)

    @classmethod
    def _lay_out(cls, entries: list[_Entry], offset: int, chunks: list[bytes],
                 central: list[bytes]) -> int:
        """Append the local records and data of ``entries`` starting at ``offset``."""
        for entry in entries:
            local, record = cls._records(entry, offset)
            chunks.append(local)
            chunks.append(entry.compressed)
            central.append(record)
            offset += len(local) + len(entry.compressed)
        return offset

    @classmethod
    def _records(cls, e: _Entry, offset: int, csize: int | None = None) -> tuple[bytes, bytes]:
        """The local header and the central-directory record of ``e`` at ``offset``
        (``csize``: the compressed length, when the data was streamed, not held)."""
        name = e.name.encode("utf-8")
        flags = 0x800 if not e.name.isascii() else 0
        dostime, dosdate = _dos(e.date_time)
        csize = len(e.compressed) if csize is None else csize
        if offset > 0xFFFFFFFF or csize > 0xFFFFFFFF or e.size > 0xFFFFFFFF:
            raise FastPathUnsupported("архив больше 4 ГБ")
        local = cls.LOCAL.pack(b"PK\x03\x04", 20, 0, flags, e.method, dostime, dosdate,
                               e.crc, csize, e.size, len(name), 0) + name
        central = cls.CENTRAL.pack(b"PK\x01\x02", 20, 0, 20, 0, flags, e.method, dostime, dosdate,
                                   e.crc, csize, e.size, len(name), 0, 0, 0, 0, 0, offset) + name
        return local, central

    def build(self, dynamic: list[_Entry]) -> bytes:
        chunks = [self.head]
        central = [self.central]
        offset = self._lay_out(dynamic, self.offset, chunks, central)
        cd = b"".join(central)
        total = self.count + len(dynamic)
        chunks.append(cd)
        chunks.append(self.END.pack(b"PK\x05\x06", 0, 0, total, total, len(cd), offset, 0))
        return b"".join(chunks)


def read_raw_entries(path: str | os.PathLike[str]) -> list[_Entry]:
    """Every member of a zip with its compressed bytes exactly as stored (no inflating)."""
    import zipfile

    entries = []
    with open(path, "rb") as fh, zipfile.ZipFile(fh) as zf:
        for info in zf.infolist():
            if info.flag_bits & 0x1:
                raise FastPathUnsupported("зашифрованный архив")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise FastPathUnsupported(f"метод сжатия {info.compress_type}")
            fh.seek(info.header_offset)
            local = fh.read(30)
            name_len, extra_len = struct.unpack("<2H", local[26:30])
            fh.seek(info.header_offset + 30 + name_len + extra_len)
            data = fh.read(info.compress_size)
            entries.append(_Entry(info.filename, info.CRC, info.file_size, data,
                                  info.compress_type, info.date_time))
    return entries


def _inflate(entry: _Entry) -> bytes:
    return entry.compressed if entry.method == 0 else zlib.decompress(entry.compressed, -15)


# --------------------------------------------------------------------------- parts


def _rels_name(partname: str) -> str:
    p = PurePosixPath(partname)
    return str(p.parent / "_rels" / f"{p.name}.rels")


def _resolve(base_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for piece in (str(PurePosixPath(base_part).parent) + "/" + target).split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            if parts:
                parts.pop()
        else:
            parts.append(piece)
    return "/".join(parts)


def _relationships(xml: bytes, base_part: str) -> list[tuple[str, str, str, bool]]:
    """(rId, type, resolved partname or URL, external) of a .rels part."""
    root = etree.fromstring(xml)
    out = []
    for rel in root.iter(f"{{{NS_RELS}}}Relationship"):
        external = rel.get("TargetMode") == "External"
        target = rel.get("Target", "")
        out.append((rel.get("Id", ""), rel.get("Type", ""),
                    target if external else _resolve(base_part, target), external))
    return out


@dataclass
class _Part:
    """A templated part compiled once.

    docxtpl puts a line break before every paragraph of the source so that a Jinja error
    names a line (and so a paragraph), then removes the breaks after rendering. Here the
    part is compiled without them; only when a record fails is the source with breaks
    compiled and rendered, to explain the error exactly as the plain path does.
    """

    name: str
    label: str
    template: Any
    patched: str
    #: the patched XML had line breaks before paragraphs of its own (a pretty-printed file)
    own_breaks: bool

    @property
    def source(self) -> str:
        return line_per_paragraph(self.patched)


def _post_process(xml: str, own_breaks: bool) -> str:
    """docxtpl's post-processing of a rendered part (``render_xml_part``), made cheap:
    each step runs only when its trigger is present; the result is the same string."""
    if own_breaks:
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
    if "{_" in xml or "_}" in xml:
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if any(ch in xml for ch in _LISTING_CHARS):
        xml = DocxTemplate.resolve_listing(None, xml)  # type: ignore[arg-type]
    return xml


@dataclass
class RenderedDocument:
    """The parts one record changes: the body XML (a ``<w:body>`` element), other rendered
    parts by name, parts replaced by content shared with other records (already
    compressed: the organisation's styles), and pictures added to the body."""

    body: str
    parts: dict[str, bytes] = field(default_factory=dict)
    shared: list[_Entry] = field(default_factory=list)
    images: list[tuple[str, str, str]] = field(default_factory=list)  # (rId, partname, sha1)


class _Xml:
    """What docxtpl's InlineImage reads from a new picture: its ``.xml``."""

    __slots__ = ("xml",)

    def __init__(self, xml: str):
        self.xml = xml


class _ImageSink:
    """Stands in for docxtpl's template while the fast path renders: :class:`InlineImage`
    asks ``tpl.current_rendering_part.new_pic_inline(...)``, answered here without a
    python-docx document. Pictures are kept once per distinct content."""

    def __init__(self, owner: FastDocxTemplate):
        self.owner = owner
        self.current_rendering_part = self
        self.in_body = True
        self.used: dict[str, tuple[str, str]] = {}

    def new_pic_inline(self, image_descriptor, width=None, height=None):
        if not self.in_body:
            raise FastPathUnsupported("изображение в колонтитуле")
        if isinstance(image_descriptor, (str, os.PathLike)):
            stat = os.stat(image_descriptor)
            key: tuple = (os.fspath(image_descriptor), stat.st_mtime_ns, stat.st_size, width, height)
            blob = None
        else:
            blob = image_descriptor.read()
            key = (zlib.crc32(blob), len(blob), width, height)
        cached = self.owner._inlines.get(key)
        if cached is None or (blob is not None and cached[3] != blob):
            cached = self.owner._inlines[key] = self._inline(image_descriptor, blob, width, height)
        xml, rid, partname, _, sha1 = cached
        self.used[sha1] = (rid, partname)
        return _Xml(xml)

    def _inline(self, descriptor, blob, width, height) -> tuple[str, str, str, bytes | None, str]:
        """The inline drawing of a picture (the same for every record that prints it; its
        drawing id is renumbered with the body's), and the picture's part."""
        from docx.image.image import Image as DocxImage
        from docx.oxml.shape import CT_Inline

        image = DocxImage.from_blob(blob) if blob is not None else DocxImage.from_file(descriptor)
        rid, partname = self.owner._image_part(image)
        cx, cy = image.scaled_dimensions(width, height)
        # python-docx pretty-prints the drawing; the line breaks between its tags would make
        # every record go through docxtpl's \n/\t "listing" pass for nothing.
        xml = re.sub(r">\s+<", "><", CT_Inline.new_pic_inline(1, rid, image.filename, cx, cy).xml.strip())
        return xml, rid, partname, blob, image.sha1

    def relate_to(self, *args, **kwargs):  # hyperlinks on pictures
        raise FastPathUnsupported("ссылка на изображении")


class FastDocxTemplate:
    """A DOCX template prepared once and rendered many times (see the module docstring)."""

    def __init__(self, path: str | os.PathLike[str], *, name: str | None = None,
                 compress: bool = False):
        self.path = Path(path)
        #: Deflate the rendered body? Storing it costs only its CRC; deflating ~8 KB of XML
        #: took a quarter of a certificate's whole cost, for a file of ~10 KB instead of ~17 KB.
        self.compress = compress
        self.name = name or self.path.name
        self.env = make_environment()
        entries = read_raw_entries(self.path)
        self.entries = {e.name: e for e in entries}
        self.order = [e.name for e in entries]
        rels = _relationships(_inflate(self.entries["_rels/.rels"]), "")
        main = next((t for _, rt, t, ext in rels if rt == RT_OFFICE_DOCUMENT and not ext), None)
        if main is None or main not in self.entries:
            raise TemplateError(f"шаблон «{self.name}»: в файле нет основного документа Word")
        self.main = main
        self.main_rels_name = _rels_name(main)
        self.main_rels = _inflate(self.entries[self.main_rels_name]) if self.main_rels_name in self.entries else b""
        self.rels = _relationships(self.main_rels, main) if self.main_rels else []
        self.rel_ids = {rid for rid, *_ in self.rels}
        core = next((n for n in self.order if n.endswith("core.xml")), None)
        if core and _TAG.search(_inflate(self.entries[core]).decode("utf-8", "replace")):
            raise FastPathUnsupported("теги в свойствах документа")
        self._prepare_main()
        self.parts: list[_Part] = []
        for _rid, rt, target, ext in self.rels:
            if ext or target not in self.entries:
                continue
            if rt in (RT_HEADER, RT_FOOTER, RT_FOOTNOTES):
                self._prepare_part(target, {RT_HEADER: "верхний колонтитул", RT_FOOTER:
                                            "нижний колонтитул"}.get(rt, "сноски"))
        self.styles_part = next((t for _, rt, t, ext in self.rels if rt == RT_STYLES and not ext), None)
        self.numbering_part = next((t for _, rt, t, ext in self.rels if rt == RT_NUMBERING and not ext), None)
        self._fonts: dict[tuple[Any, Any], _Entry] = {}
        self._images: dict[str, tuple[str, str, _Entry, str]] = {}
        self._inlines: dict[tuple, tuple[str, str, str, bytes | None, str]] = {}
        self._image_parts: dict[tuple[str, ...], list[_Entry]] = {}
        self._writer_cache: dict[frozenset[str], _ZipWriter] = {}

    # -- preparation ------------------------------------------------------------------

    def _prepare_main(self) -> None:
        xml = _inflate(self.entries[self.main])
        root = etree.fromstring(xml)
        body = root.find(f"{{{NS_W}}}body")
        if body is None:
            raise TemplateError(f"шаблон «{self.name}»: в документе нет тела (w:body)")
        # The body as docxtpl sees it: serialised alone, with its namespace declarations.
        body_xml = etree.tostring(body, encoding="unicode")
        self.fix_tables = bool(_TABLE_TAGS.search(body_xml))
        if not self.fix_tables:
            # The document root declares every namespace the body uses; without repeating
            # them on <w:body> each rendered record is ~2 KB shorter to build and compress.
            # (docxtpl's table fixing parses the body alone, so it keeps them.)
            open_end = body_xml.index(">") + 1
            body_xml = "<w:body>" + body_xml[open_end:] if not body_xml[open_end - 2] == "/" else "<w:body/>"
        self.body = self._part(self.main, "текст документа", body_xml)
        whole = etree.tostring(root, encoding="unicode")
        start = whole.index("<w:body")
        end = whole.rindex("</w:body>") + len("</w:body>") if "</w:body>" in whole else \
            whole.index(">", start) + 1
        self.doc_prefix = XML_DECLARATION + whole[:start]
        self.doc_suffix = whole[end:]

    def _prepare_part(self, name: str, label: str) -> None:
        raw = _inflate(self.entries[name]).decode("utf-8")
        if not _TAG.search(raw):
            return  # copied as is
        xml = etree.tostring(etree.fromstring(raw.encode("utf-8")), encoding="unicode")
        self.parts.append(self._part(name, label, xml))

    def _part(self, name: str, label: str, xml: str) -> _Part:
        patched = patch_xml(xml)
        try:
            template = self.env.from_string(patched)
        except (JinjaTemplateError, SecurityError):
            source = line_per_paragraph(patched)
            try:
                self.env.from_string(source)
            except (JinjaTemplateError, SecurityError) as exc:
                raise explain(exc, self.name, label, source) from None
            raise
        return _Part(name, label, template, patched, bool(re.search(r"\n<w:p[ >]", patched)))

    # -- rendering --------------------------------------------------------------------

    def _render(self, part: _Part, values: Mapping[str, Any]) -> str:
        try:
            return _post_process(part.template.render(values), part.own_breaks)
        except (JinjaTemplateError, SecurityError):
            source = part.source  # render again with a line per paragraph, to explain
            try:
                self.env.from_string(source).render(values)
            except (JinjaTemplateError, SecurityError) as exc:
                raise explain(exc, self.name, part.label, source) from None
            raise
        except TemplateError as exc:
            if isinstance(exc.__cause__, FastPathUnsupported):
                raise exc.__cause__ from None
            raise

    def render(self, context: BaseModel | Mapping[str, Any]) -> RenderedDocument:
        """Render one record's parts (nothing is written)."""
        values = template_context(context) if isinstance(context, BaseModel) else dict(context)
        sink = _ImageSink(self)
        with active_template(sink):  # type: ignore[arg-type]
            body = self._render(self.body, values)
            sink.in_body = False
            rendered = RenderedDocument(body)
            for part in self.parts:
                rendered.parts[part.name] = self._render(part, values).encode("utf-8")
        if self.fix_tables:
            tree = DocxTemplate.fix_tables(None, body)  # type: ignore[arg-type]
            rendered.body = etree.tostring(tree, encoding="unicode")
        if "<wp:docPr" in rendered.body:
            counter = iter(range(1001, 1 << 31))
            rendered.body = _DOCPR_ID.sub(lambda m: f"{m[1]}{next(counter)}{m[3]}", rendered.body)
        for part_name in list(rendered.parts):
            rendered.parts[part_name] = XML_DECLARATION.encode() + rendered.parts[part_name]
        font = (values.get("font_name"), values.get("font_size"))
        if (font[0] or font[1]) and self.styles_part:
            rendered.shared.append(self._styles_for(values))
        rendered.images = [(rid, partname, sha1) for sha1, (rid, partname) in sink.used.items()]
        return rendered

    def _styles_for(self, values: Mapping[str, Any]) -> _Entry:
        """styles.xml with the organisation's font (the render layer's own change), made
        and compressed once per font."""
        key = (values.get("font_name"), values.get("font_size"))
        if key not in self._fonts:
            tpl = DocxTemplate(str(self.path))
            tpl.init_docx()
            apply_font(tpl, dict(values))
            part = tpl.docx.part._styles_part
            from docx.opc.oxml import serialize_part_xml

            self._fonts[key] = _Entry.from_bytes(self.styles_part, serialize_part_xml(part.element),
                                                 self.entries[self.styles_part].date_time)
        return self._fonts[key]

    def _image_part(self, image: Any) -> tuple[str, str]:
        """(rId, partname) of a picture in this package, added on first use."""
        known = self._images.get(image.sha1)
        if known:
            return known[0], known[1]
        n = 1
        names = set(self.entries) | {v[1] for v in self._images.values()}
        while f"word/media/image{n}.{image.ext}" in names:
            n += 1
        partname = f"word/media/image{n}.{image.ext}"
        ids = self.rel_ids | {v[0] for v in self._images.values()}
        k = 1
        while f"rId{k}" in ids:
            k += 1
        rid = f"rId{k}"
        blob = image.blob
        entry = _Entry(partname, zlib.crc32(blob), len(blob), blob, 0)  # pictures are stored
        self._images[image.sha1] = (rid, partname, entry, image.content_type)
        return rid, partname

    # -- packaging --------------------------------------------------------------------

    def document_xml(self, body: str) -> bytes:
        return (self.doc_prefix + body + self.doc_suffix).encode("utf-8")

    def package(self, rendered: RenderedDocument) -> bytes:
        """The DOCX bytes of a rendered record: changed parts compressed, the rest raw."""
        when = self.entries[self.main].date_time
        changed: dict[str, bytes] = {self.main: self.document_xml(rendered.body)}
        changed.update(rendered.parts)
        dynamic = [_Entry.from_bytes(name, data, when, compress=self.compress)
                   for name, data in changed.items()]
        dynamic += rendered.shared
        names = set(changed) | {e.name for e in rendered.shared}
        if rendered.images:
            # The relationships and content types for a set of pictures are the same for
            # every record that prints them: built and compressed once.
            key = tuple(sorted(sha1 for *_, sha1 in rendered.images))
            prepared = self._image_parts.get(key)
            if prepared is None:
                prepared = self._image_parts[key] = [
                    _Entry.from_bytes(name, data, when)
                    for name, data in self._with_images(rendered.images).items()]
            dynamic += prepared
            dynamic += [self._images[sha1][2] for sha1 in key]
            names |= {e.name for e in prepared}
        key_names = frozenset(names)
        writer = self._writer_cache.get(key_names)
        if writer is None:
            writer = self._writer_cache[key_names] = _ZipWriter(
                [self.entries[n] for n in self.order if n not in names])
        return writer.build(dynamic)

    def _with_images(self, images: list[tuple[str, str, str]]) -> dict[str, bytes]:
        """document.xml.rels and [Content_Types].xml with the pictures of a record."""
        extra = "".join(
            f'<Relationship Id="{rid}" Type="{RT_IMAGE}" '
            f'Target={quoteattr(str(PurePosixPath(partname).relative_to(PurePosixPath(self.main).parent)))}/>'
            for rid, partname, _ in sorted(images))
        text = self.main_rels.decode("utf-8").replace("</Relationships>", extra + "</Relationships>")
        types = _inflate(self.entries["[Content_Types].xml"]).decode("utf-8")
        for _, partname, sha1 in images:
            ext = partname.rsplit(".", 1)[1]
            if f'Extension="{ext}"' not in types and f"Extension='{ext}'" not in types:
                types = types.replace(
                    "</Types>", f'<Default Extension="{ext}" ContentType="{self._images[sha1][3]}"/></Types>')
        return {self.main_rels_name: text.encode("utf-8"), "[Content_Types].xml": types.encode("utf-8")}

    def render_bytes(self, context: BaseModel | Mapping[str, Any]) -> bytes:
        return self.package(self.render(context))

    def write(self, context: BaseModel | Mapping[str, Any], out: str | os.PathLike[str]) -> Path:
        """Render and write to ``out`` (not atomic: pass a temporary path)."""
        data = self.render_bytes(context)
        with open(out, "wb") as fh:
            fh.write(data)
        return Path(out)


class DocxRenderer:
    """Renders one template many times: the fast path when it can, else the plain one.

    A template the fast path cannot prepare, and a record it cannot render, go through
    :func:`~nastavnik_docs.engine.docx.render_docx` (docxtpl); each such case is logged at
    debug level with the reason.
    """

    def __init__(self, template: str | os.PathLike[str]):
        self.template = Path(template)
        self.fast: FastDocxTemplate | None
        try:
            self.fast = FastDocxTemplate(self.template)
        except FastPathUnsupported as exc:
            log.debug("быстрый путь недоступен для шаблона %s: %s; используется docxtpl",
                      self.template.name, exc)
            self.fast = None
        self.fallbacks = 0

    def write(self, context: BaseModel | Mapping[str, Any], out: str | os.PathLike[str]) -> Path:
        if self.fast is not None:
            try:
                return self.fast.write(context, out)
            except FastPathUnsupported as exc:
                log.debug("запись через docxtpl (%s): %s", self.template.name, exc)
        return self.write_plain(context, out)

    def write_plain(self, context: BaseModel | Mapping[str, Any], out: str | os.PathLike[str]) -> Path:
        """The plain docxtpl path (:func:`~nastavnik_docs.engine.docx.render_docx`)."""
        self.fallbacks += 1
        return render_docx(self.template, context, out)

