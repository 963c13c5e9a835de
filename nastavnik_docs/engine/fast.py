"""The fast DOCX path for batches: prepare a template once, render each record in ~1 ms.

``DocxTemplate(path).render(ctx); save(out)`` — the plain path — re-reads the template
package, re-parses every part with lxml, re-runs docxtpl's regex preprocessing and
re-compiles the Jinja template for *every* document, then re-serialises and re-compresses
every part (styles, fonts, theme, settings…) on save. For one document that is fine; for
ten thousand certificates it is 26 ms × 10,000.

:class:`FastDocxTemplate` does the invariant work once:

* the package is read once (:class:`~._opc.Package`); every part keeps its *compressed*
  bytes from the source zip;
* the body, the headers, footers and footnotes are preprocessed with docxtpl's own
  ``patch_xml`` (:func:`~._docxtpl_compat.patch_xml`) and compiled once with the one
  sandboxed environment (:func:`~nastavnik_docs.engine._jinja.make_environment`);
* parts without any tag are never touched again.

Per record it renders the compiled templates, applies the same post-processing docxtpl
applies (:func:`~._docxtpl_compat.finish_part`: line joining, ``{_{`` escapes,
``\\n``/``\\t``/``\\a``/``\\f`` listing; table grid fixing; drawing id renumbering) and
writes a new zip in which the unchanged parts are copied as the already-compressed bytes
of the source (:class:`~._opc.ZipLayout`).

Images (:class:`~nastavnik_docs.models.Image` values placed in the body) are
supported: the picture is added to the package once per distinct picture. What the fast
path does not cover — a templated core property, a picture in a header, a sub-document,
an unusual zip — raises :class:`FastPathUnsupported`;
:class:`~nastavnik_docs.engine.renderer.DocxRenderer` then uses the plain path for that
template or record and says so in the debug log.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateError as JinjaTemplateError
from jinja2.runtime import new_context
from jinja2.sandbox import SecurityError
from lxml import etree
from pydantic import BaseModel

from ..errors import TemplateError
from ._budget import fresh_budget, render_guard
from ._direct import DirectTemplate, Unhandled, compile_direct
from ._docxtpl_compat import PictureHost, finish_part, fix_tables, line_per_paragraph, patch_xml
from ._jinja import make_environment, open_template, template_context
from ._opc import (
    CONTENT_TYPES,
    RT_IMAGE,
    RT_STYLES,
    Member,
    NotAPackage,
    Package,
    PackageError,
    ZipLayout,
    add_content_types,
    add_relationships,
    relative_target,
    rels_name,
)
from ._wordml import BODY_LABEL, DRAWING_MARK, NS_W, PART_LABELS, XML_DECLARATION, renumber_drawings, story_parts
from .docx import VERIFY_ABOVE, active_template, apply_font, explain, verify_part

__all__ = ["FastDocxTemplate", "FastPathUnsupported", "RenderedDocument"]


_TAG = re.compile(r"\{[{%#]")
_DECLARATION = XML_DECLARATION.encode("utf-8")
_TABLE_TAGS = re.compile(r"\{%-?\s*(?:tc\s|colspan\b|hm\b)")


class FastPathUnsupported(Exception):
    """The template or the record needs something only the plain docxtpl path does."""


def _unsupported(exc: TemplateError) -> Exception:
    """What to raise for an error while rendering: :class:`FastPathUnsupported` when a
    picture could not be placed on the fast path (the plain path will place it), else the
    error itself."""
    return exc.__cause__ if isinstance(exc.__cause__, FastPathUnsupported) else exc


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
    #: the template's globals (the sandbox's ``range`` …), merged once
    globals: dict[str, Any] = field(default_factory=dict)
    #: the part compiled for direct rendering (:mod:`._direct`), when it is simple enough
    direct: DirectTemplate | None = None

    @property
    def source(self) -> str:
        return line_per_paragraph(self.patched)


@dataclass
class RenderedDocument:
    """The parts one record changes: the body XML (a ``<w:body>`` element, UTF-8), other
    rendered parts by name, parts replaced by content shared with other records (already
    compressed: the organisation's styles), and pictures added to the body."""

    body: bytes
    parts: dict[str, bytes] = field(default_factory=dict)
    shared: list[Member] = field(default_factory=list)
    images: list[tuple[str, str, str]] = field(default_factory=list)  # (rId, partname, sha1)


class _ImageSink(PictureHost):
    """Answers docxtpl's InlineImage while the fast path renders, without a python-docx
    document. Pictures are kept once per distinct content."""

    def __init__(self, owner: FastDocxTemplate):
        super().__init__()
        self.owner = owner
        self.in_body = True
        self.used: dict[str, tuple[str, str]] = {}

    def picture_xml(self, image_descriptor: Any, width: Any, height: Any) -> str:
        if not self.in_body:
            raise FastPathUnsupported("изображение в колонтитуле")
        key: tuple[Any, ...]
        if isinstance(image_descriptor, (str, os.PathLike)):
            stat = os.stat(image_descriptor)
            key = (os.fspath(image_descriptor), stat.st_mtime_ns, stat.st_size, width, height)
            blob = None
        else:
            blob = image_descriptor.read()
            key = (zlib.crc32(blob), len(blob), width, height)
        cached = self.owner._inlines.get(key)
        if cached is None or (blob is not None and cached[3] != blob):
            cached = self.owner._inlines[key] = self._inline(image_descriptor, blob, width, height)
        xml, rid, partname, _, sha1 = cached
        self.used[sha1] = (rid, partname)
        return xml

    def _inline(self, descriptor: Any, blob: bytes | None, width: Any,
                height: Any) -> tuple[str, str, str, bytes | None, str]:
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


class FastDocxTemplate:
    """A DOCX template prepared once and rendered many times (see the module docstring)."""

    def __init__(self, path: str | os.PathLike[str], *, name: str | None = None,
                 compress: bool = False):
        self.path = Path(path)
        #: Deflate the rendered body? Storing it costs only its CRC; deflating ~8 KB of XML
        #: took a quarter of a certificate's whole cost, for a file of ~10 KB instead of ~17 KB.
        self.compress = compress
        self.name = name or self.path.name
        self.env = make_environment(docx=True)
        self.label = open_template(self.path)
        try:
            self.package = Package.open(self.path)
        except NotAPackage as exc:
            raise TemplateError(f"Не удалось открыть шаблон DOCX «{self.name}»: {exc}") from None
        except PackageError as exc:
            raise FastPathUnsupported(str(exc)) from None
        try:
            self._prepare_package()
        except (PackageError, zlib.error, etree.XMLSyntaxError, UnicodeDecodeError, KeyError) as exc:
            raise TemplateError(f"Не удалось открыть шаблон DOCX «{self.name}»: файл повреждён ({exc})") from None
        self.styles_part = next((r.target for r in self.rels if r.type == RT_STYLES and not r.external), None)
        self._fonts: dict[tuple[Any, Any], Member] = {}
        self._images: dict[str, tuple[str, str, Member, str]] = {}
        self._inlines: dict[tuple[Any, ...], tuple[str, str, str, bytes | None, str]] = {}
        self._image_parts: dict[tuple[str, ...], list[Member]] = {}
        self._layouts: dict[frozenset[str], ZipLayout] = {}

    # -- preparation ------------------------------------------------------------------

    def _prepare_package(self) -> None:
        """Find the main part and its relationships, compile the templated parts."""
        main = self.package.main_part()
        if main is None:
            raise TemplateError(f"шаблон «{self.name}»: в файле нет основного документа Word")
        self.main = main
        self.main_rels_name = rels_name(main)
        self.main_rels = self.package.read(self.main_rels_name) if self.main_rels_name in self.package else b""
        self.rels = self.package.relationships(main)
        self.rel_ids = {rel.rid for rel in self.rels}
        core = next((n for n in self.package.names if n.endswith("core.xml")), None)
        if core and _TAG.search(self.package.read(core).decode("utf-8", "replace")):
            raise FastPathUnsupported("теги в свойствах документа")
        self._prepare_main()
        self.parts: list[_Part] = []
        for partname, rel_type in story_parts(self.package, main):
            self._prepare_part(partname, PART_LABELS[rel_type])
        #: every templated part renders directly (:mod:`._direct`)
        self.all_direct = self.body.direct is not None and all(p.direct is not None for p in self.parts)

    def _prepare_main(self) -> None:
        root = etree.fromstring(self.package.read(self.main))
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
        self.body = self._part(self.main, BODY_LABEL, body_xml, body=True)
        whole = etree.tostring(root, encoding="unicode")
        start = whole.index("<w:body")
        end = whole.rindex("</w:body>") + len("</w:body>") if "</w:body>" in whole else \
            whole.index(">", start) + 1
        self._when = self.package.member(self.main).date_time  # kept by the rendered body
        self.doc_prefix = (XML_DECLARATION + whole[:start]).encode("utf-8")
        self.doc_suffix = whole[end:].encode("utf-8")

    def _prepare_part(self, name: str, label: str) -> None:
        raw = self.package.read(name).decode("utf-8")
        if not _TAG.search(raw):
            return  # copied as is
        xml = etree.tostring(etree.fromstring(raw.encode("utf-8")), encoding="unicode")
        self.parts.append(self._part(name, label, xml))

    def _part(self, name: str, label: str, xml: str, *, body: bool = False) -> _Part:
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
        own_breaks = bool(re.search(r"\n<w:p[ >]", patched))
        return _Part(name, label, template, patched, own_breaks, dict(template.globals),
                     compile_direct(self.env, patched, own_breaks, template.globals, renumber=body))

    # -- rendering --------------------------------------------------------------------

    def _part_xml(self, part: _Part, values: Mapping[str, Any], direct: bool) -> tuple[bytes, bool]:
        """A part's XML as UTF-8 and whether it holds drawings: rendered directly where the
        part allows it (:mod:`._direct`), else with Jinja. ``direct``: only directly
        (:class:`~._direct.Unhandled` when the record needs Jinja)."""
        if part.direct is not None:
            try:
                xml, drawing = part.direct.render(values)
            except Unhandled:
                if direct:
                    raise
            except TemplateError as exc:
                raise _unsupported(exc) from None
            else:
                if len(xml) > VERIFY_ABOVE:
                    verify_part(xml.decode("utf-8"), self.label)
                return xml, drawing
        text = self._render_jinja(part, values)
        verify_part(text, self.label)
        return text.encode("utf-8"), DRAWING_MARK in text

    def _render_jinja(self, part: _Part, values: Mapping[str, Any]) -> str:
        template = part.template
        try:
            # Template.render would copy the environment's globals (a ChainMap) into a new
            # dict and list their names again for every record; they are read once per part.
            context = new_context(self.env, template.name, template.blocks, {**part.globals, **values},
                                  True, part.globals)
            return finish_part("".join(template.root_render_func(context)), part.own_breaks)
        except (JinjaTemplateError, SecurityError):
            source = part.source  # render again with a line per paragraph, to explain
            fresh_budget()
            try:
                self.env.from_string(source).render(values)
            except (JinjaTemplateError, SecurityError) as exc:
                raise explain(exc, self.name, part.label, source) from None
            raise
        except TemplateError as exc:
            raise _unsupported(exc) from None

    #: Distinct pictures kept prepared; a batch whose every record prints a picture of its
    #: own (a QR code) starts afresh past this, so memory stays flat.
    MAX_PICTURES = 64

    def render(self, context: BaseModel | Mapping[str, Any]) -> RenderedDocument:
        """Render one record's parts (nothing is written)."""
        if len(self._images) > self.MAX_PICTURES or len(self._inlines) > self.MAX_PICTURES:
            self._inlines.clear()
            self._images.clear()
            self._image_parts.clear()
        values = template_context(context)
        sink = _ImageSink(self)
        with active_template(sink):
            done = None
            if self.all_direct:  # no loop: nothing the watchdog and the budget must stop
                try:
                    done = self._render_parts(values, sink, direct=True)
                except Unhandled:
                    sink.used.clear()
                    sink.in_body = True
            if done is None:
                with render_guard(self.label):
                    done = self._render_parts(values, sink, direct=False)
        body, drawing, parts = done
        if self.fix_tables:
            body = etree.tostring(fix_tables(body.decode("utf-8")), encoding="unicode").encode("utf-8")
        if drawing:
            body = renumber_drawings(body.decode("utf-8"), 1000)[0].encode("utf-8")
        rendered = RenderedDocument(body, parts)
        font = (values.get("font_name"), values.get("font_size"))
        if (font[0] or font[1]) and self.styles_part:
            rendered.shared.append(self._styles_for(values, self.styles_part))
        rendered.images = [(rid, partname, sha1) for sha1, (rid, partname) in sink.used.items()]
        return rendered

    def _render_parts(self, values: Mapping[str, Any], sink: _ImageSink,
                      direct: bool) -> tuple[bytes, bool, dict[str, bytes]]:
        """The body (UTF-8), whether it holds drawings, and the other parts by name."""
        body, drawing = self._part_xml(self.body, values, direct)
        sink.in_body = False
        parts = {part.name: _DECLARATION + self._part_xml(part, values, direct)[0] for part in self.parts}
        return body, drawing, parts

    def _styles_for(self, values: Mapping[str, Any], styles_part: str) -> Member:
        """styles.xml with the organisation's font (the render layer's own change), made
        and compressed once per font."""
        key = (values.get("font_name"), values.get("font_size"))
        if key not in self._fonts:
            from docx import Document
            from docx.opc.oxml import serialize_part_xml

            document = Document(str(self.path))
            apply_font(document, values)
            self._fonts[key] = Member.from_bytes(styles_part, serialize_part_xml(document.styles.element),
                                                 self.package.member(styles_part).date_time)
        return self._fonts[key]

    def _image_part(self, image: Any) -> tuple[str, str]:
        """(rId, partname) of a picture in this package, added on first use."""
        known = self._images.get(image.sha1)
        if known:
            return known[0], known[1]
        n = 1
        names = set(self.package.names) | {v[1] for v in self._images.values()}
        while f"word/media/image{n}.{image.ext}" in names:
            n += 1
        partname = f"word/media/image{n}.{image.ext}"
        ids = self.rel_ids | {v[0] for v in self._images.values()}
        k = 1
        while f"rId{k}" in ids:
            k += 1
        rid = f"rId{k}"
        entry = Member.from_bytes(partname, image.blob, compress=False)  # pictures are stored
        self._images[image.sha1] = (rid, partname, entry, image.content_type)
        return rid, partname

    # -- packaging --------------------------------------------------------------------

    def document_xml(self, body: bytes) -> bytes:
        return self.doc_prefix + body + self.doc_suffix

    def package_bytes(self, rendered: RenderedDocument) -> bytes:
        """The DOCX bytes of a rendered record: changed parts compressed, the rest raw."""
        when = self._when
        changed: dict[str, bytes] = {self.main: self.document_xml(rendered.body)}
        changed.update(rendered.parts)
        dynamic = [Member.from_bytes(name, data, when, compress=self.compress)
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
                    Member.from_bytes(name, data, when)
                    for name, data in self._with_images(rendered.images).items()]
            dynamic += prepared
            dynamic += [self._images[sha1][2] for sha1 in key]
            names |= {e.name for e in prepared}
        key_names = frozenset(names)
        try:
            layout = self._layouts.get(key_names)
            if layout is None:
                layout = self._layouts[key_names] = ZipLayout(
                    [self.package.member(n) for n in self.package.names if n not in names])
            return layout.build(dynamic)
        except PackageError as exc:
            raise FastPathUnsupported(str(exc)) from None

    def _with_images(self, images: list[tuple[str, str, str]]) -> dict[str, bytes]:
        """document.xml.rels and [Content_Types].xml with the pictures of a record."""
        rels = add_relationships(self.main_rels, [
            (rid, RT_IMAGE, relative_target(self.main, partname), False)
            for rid, partname, _ in sorted(images)])
        types = add_content_types(self.package.read(CONTENT_TYPES), defaults={
            partname.rsplit(".", 1)[1]: self._images[sha1][3] for _, partname, sha1 in images})
        return {self.main_rels_name: rels, CONTENT_TYPES: types}

    def render_bytes(self, context: BaseModel | Mapping[str, Any]) -> bytes:
        return self.package_bytes(self.render(context))

    def write(self, context: BaseModel | Mapping[str, Any], out: str | os.PathLike[str]) -> Path:
        """Render and write to ``out`` (not atomic: pass a temporary path)."""
        data = self.render_bytes(context)
        with open(out, "wb") as fh:
            fh.write(data)
        return Path(out)
