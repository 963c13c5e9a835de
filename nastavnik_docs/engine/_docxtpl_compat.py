"""Every use of docxtpl's internals, in one place.

docxtpl documents ``DocxTemplate(path).render(context, jinja_env); save(path)`` and the
rich-text and picture helpers. The engine needs more: the preprocessing of a part's XML as
a plain function (the fast path compiles each part once), the post-processing of a
rendered part (the fast path renders without docxtpl), hooks where a part fails to render,
and the protocol by which ``InlineImage`` asks its template for a picture. None of that is
public API, so each use is a small function or class here, written against the code of
docxtpl and checked on these releases:

* docxtpl 0.19.1 and 0.20.2 (the newest release): the engine's tests pass on both;
* docxtpl 0.20.0: not run, but ``patch_xml``, ``render_xml_part``, ``resolve_listing``,
  ``fix_tables``, ``render_properties``, ``get_xml`` / ``get_part_xml`` and
  ``InlineImage._insert_image`` are the same code as in 0.19.1 and 0.20.2 (compared).

pyproject pins ``docxtpl>=0.19,<0.21``; ``tools/ci_newest_docxtpl.sh`` runs the engine's
tests against the newest release, so a change there shows up in CI rather than in a
curator's documents. Unbound calls pass ``None`` for ``self``: those methods use no
instance state in the releases above.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate, InlineImage
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import SecurityError
from lxml import etree

from ._opc import RT_FOOTER, RT_FOOTNOTES, RT_HEADER, Package
from ._wordml import BODY_LABEL, PART_LABELS, story_parts

__all__ = [
    "DocumentTooLarge",
    "DocxTemplateWithHooks",
    "PROPERTIES_LABEL",
    "PictureHost",
    "DATA_UNDERSCORE",
    "finish_part",
    "fix_tables",
    "line_per_paragraph",
    "patch_xml",
    "picture_run_xml",
    "shield",
    "unshield",
    "prepare_part_xml",
    "template_sources",
]

#: How a failure in the templated core properties (title, subject…) is labelled.
PROPERTIES_LABEL = "свойства документа"


# --------------------------------------------------------------------------- part XML


def patch_xml(xml: str) -> str:
    """docxtpl's preprocessing of a part's XML (``DocxTemplate.patch_xml``): tags split
    across runs are joined, and ``{%tr %}``, ``{%tc %}``, ``{%p %}``, ``{%r %}``,
    ``{%cellbg %}``, ``{%colspan %}``, ``{%vm %}``/``{%hm %}`` are moved to the enclosing
    row, cell, paragraph or run."""
    result: str = DocxTemplate.patch_xml(None, xml)
    return result


_PARAGRAPH = re.compile(r"<w:p([ >])")
_PARAGRAPH_BREAK = re.compile(r"\n<w:p([ >])")


def line_per_paragraph(xml: str) -> str:
    """``xml`` with a line break before every paragraph, as ``render_xml_part`` lays out a
    part before handing it to Jinja, so that a Jinja line number points to a paragraph."""
    return _PARAGRAPH.sub(r"\n<w:p\1", xml)


def prepare_part_xml(xml: str) -> str:
    """Patched XML with a line break before every paragraph: exactly the source docxtpl
    hands to Jinja."""
    return line_per_paragraph(patch_xml(xml))


_LISTING_CHARS = ("\t", "\a", "\n", "\f")


#: Stands in for «_» in the data's «{_» and «_}» while a part is rendered: docxtpl turns
#: ``{_{``, ``}_}``, ``{_%`` and ``%_}`` into Jinja's brackets *after* rendering, so that a
#: template can print them — and would change a value such as «%_}» too. The DOCX
#: environment's finalize puts this private-use character in their place (:func:`shield`),
#: and :func:`unshield` restores «_» once the escapes are done.
DATA_UNDERSCORE = "\ue01f"


def shield(text: str) -> str:
    """``text`` with the «_» of its «{_» and «_}» replaced by :data:`DATA_UNDERSCORE`."""
    if "{_" in text or "_}" in text:
        text = text.replace("{_", "{" + DATA_UNDERSCORE).replace("_}", DATA_UNDERSCORE + "}")
    return text


def unshield(text: str) -> str:
    """``text`` with :data:`DATA_UNDERSCORE` back as «_»."""
    return text.replace(DATA_UNDERSCORE, "_") if DATA_UNDERSCORE in text else text


def finish_part(xml: str, own_breaks: bool) -> str:
    """What ``render_xml_part`` does to a rendered part, made cheap: ``{_{`` escapes
    restored, ``\\n``/``\\t``/``\\a``/``\\f`` in text turned into breaks, tabs, paragraphs
    and pages (``resolve_listing``). The fast path compiles a part without docxtpl's line
    breaks before paragraphs, so there are none to remove — except those of a
    pretty-printed source (``own_breaks``), which the plain path never sees (python-docx
    parses parts dropping blank text) and which are removed here. Each step runs only when
    its trigger is present; the result is the same string."""
    if own_breaks:
        xml = _PARAGRAPH_BREAK.sub(r"<w:p\1", xml)
    if "{_" in xml or "_}" in xml:
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if any(ch in xml for ch in _LISTING_CHARS):
        xml = DocxTemplate.resolve_listing(None, xml)
    return unshield(xml)


def fix_tables(body_xml: str) -> Any:
    """docxtpl's repair of tables whose columns a ``{%tc %}`` loop changed
    (``DocxTemplate.fix_tables``): the rendered body parsed, grid widths fixed."""
    return DocxTemplate.fix_tables(None, body_xml)


def template_sources(package: Package) -> list[tuple[str, str]]:
    """(label, XML) of each templated part as docxtpl reads it before ``patch_xml``: the
    body (``get_xml``: the document parsed by python-docx, ``w:body`` serialised alone),
    then the headers and footers (``get_part_xml``), then the footnotes (their text as
    stored). Raises ``KeyError`` or ``lxml`` errors for a package that is not a Word file."""
    main = package.main_part()
    if main is None:
        raise KeyError("в файле нет основного документа Word")
    body = parse_xml(package.read(main)).find(qn("w:body"))
    if body is None:
        raise KeyError("в документе нет тела (w:body)")
    out = [(BODY_LABEL, etree.tostring(body, encoding="unicode"))]
    stories = story_parts(package, main)
    for wanted in (RT_HEADER, RT_FOOTER):  # every header first, then every footer
        for partname, rel_type in stories:
            blob = package.read(partname)
            if rel_type == wanted and blob:
                out.append((PART_LABELS[rel_type], etree.tostring(parse_xml(blob), encoding="unicode")))
    out += [(PART_LABELS[rel_type], package.read(partname).decode("utf-8"))
            for partname, rel_type in stories if rel_type == RT_FOOTNOTES]
    return out


# --------------------------------------------------------------------------- rendering hooks


class DocumentTooLarge(ValueError):
    """The rendered body does not parse (lxml's limits: a text node over 10 MB)."""



def _part_label(part: Any) -> str:
    """The label of a python-docx part docxtpl is rendering, from its partname."""
    name = str(getattr(part, "partname", "") or "")
    for key, label in (("header", RT_HEADER), ("footer", RT_FOOTER)):
        if key in name:
            return PART_LABELS[label]
    return "сноски" if "footnote" in name else BODY_LABEL


_TEXT_PROPERTIES = ("author", "category", "comments", "content_status", "identifier", "keywords", "language",
                    "last_modified_by", "subject", "title", "version")


class DocxTemplateWithHooks(DocxTemplate):
    """``DocxTemplate`` with its per-part steps turned into hooks.

    ``render_xml_part`` (called for the body, every header and footer and the footnotes)
    and ``render_properties`` are overridden here, so that subclasses implement
    :meth:`part_failed` instead of docxtpl's internal signatures. Core properties are plain
    text, not XML: they are rendered with autoescaping turned off.
    """

    def part_failed(self, exc: BaseException, label: str, source: str) -> BaseException:
        """The exception to raise when a part fails to render: ``label`` names the part,
        ``source`` is the Jinja source with a line per paragraph."""
        return exc

    def render_xml_part(self, src_xml: str, part: Any, context: Any, jinja_env: Any = None) -> str:
        try:
            result: str = super().render_xml_part(src_xml, part, context, jinja_env)
        except (JinjaTemplateError, SecurityError) as exc:
            raise self.part_failed(exc, _part_label(part), line_per_paragraph(src_xml)) from None
        return unshield(result)

    def fix_tables(self, xml: str) -> Any:
        """docxtpl's table repair parses the rendered body with a *recovering* parser, which
        cuts a document it cannot parse (a text node over 10 MB) without a word; the body
        is parsed strictly first, so such a document is refused instead."""
        try:
            etree.fromstring(xml)
        except etree.XMLSyntaxError as exc:
            raise DocumentTooLarge(str(exc)) from None
        return super().fix_tables(xml)

    def render_properties(self, context: Any, jinja_env: Any = None) -> None:
        env = jinja_env.overlay(autoescape=False) if jinja_env is not None else None
        try:
            super().render_properties(context, env)
        except (JinjaTemplateError, SecurityError) as exc:
            raise self.part_failed(exc, PROPERTIES_LABEL, "") from None
        properties = self.docx.core_properties
        for name in _TEXT_PROPERTIES:
            value = getattr(properties, name, None)
            if isinstance(value, str) and DATA_UNDERSCORE in value:
                setattr(properties, name, unshield(value))


# --------------------------------------------------------------------------- pictures


def picture_run_xml(host: Any, source: Any, width: Any = None, height: Any = None) -> str:
    """The run XML ``InlineImage`` prints for a picture (``_insert_image``). It asks
    ``host.current_rendering_part.new_pic_inline(source, width, height).xml``: ``host`` is
    a ``DocxTemplate`` being rendered or a :class:`PictureHost`."""
    result: str = InlineImage(host, source, width=width, height=height)._insert_image()
    return result


class _PicInline:
    """What ``InlineImage`` reads from ``new_pic_inline``'s result: its ``.xml``."""

    __slots__ = ("xml",)

    def __init__(self, xml: str):
        self.xml = xml


class PictureHost(ABC):
    """Stands in for docxtpl's template *and* its current part where pictures are placed
    without docxtpl rendering (the fast path): ``InlineImage`` asks
    ``tpl.current_rendering_part.new_pic_inline(...)``; subclasses answer in
    :meth:`picture_xml`."""

    def __init__(self) -> None:
        self.current_rendering_part = self

    def new_pic_inline(self, image_descriptor: Any, width: Any = None, height: Any = None) -> _PicInline:
        return _PicInline(self.picture_xml(image_descriptor, width, height))

    @abstractmethod
    def picture_xml(self, image_descriptor: Any, width: Any, height: Any) -> str:
        """The ``wp:inline`` drawing XML of a picture (a path or a binary stream)."""
