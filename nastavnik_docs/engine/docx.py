"""The DOCX engine: docxtpl driven by the sandboxed, strict, escaping Jinja environment.

docxtpl alone runs templates in a plain Jinja environment: a template can reach Python
internals (``{{ ''.__class__.__mro__ }}``), text with ``& < >`` from the data breaks the
XML unless autoescape is turned on, and a misspelled variable prints as nothing. Here, with
the environment of :mod:`._jinja`:

* :func:`render_docx` renders within the time and size limits of one document, refusing
  a document too big to parse rather than writing it cut;
* :class:`SafeDocxTemplate` renders the body, headers, footers and footnotes and turns
  every Jinja failure into a :class:`~nastavnik_docs.errors.TemplateError` that names the
  template, the variable's full path and the paragraph around it (:func:`explain`, for
  the fast path too);
* :func:`docx_finalize` and :func:`inline_image_xml` print a Word part's values and
  pictures; :func:`apply_font` sets the organisation's font.

docxtpl's internals (its preprocessing, its per-part hooks, its picture protocol) are used
only through :mod:`._docxtpl_compat`.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any, BinaryIO, overload

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from pydantic import BaseModel

from ..errors import TemplateError
from ..models.image import Image
from ._budget import render_guard
from ._docxtpl_compat import DocumentTooLarge, DocxTemplateWithHooks, picture_run_xml, shield
from ._jinja import (
    finalize,
    make_environment,
    one_line,
    open_template,
    paragraph_text,
    template_context,
    template_error,
    template_lineno,
)

__all__ = [
    "VERIFY_ABOVE",
    "SafeDocxTemplate",
    "active_template",
    "apply_font",
    "docx_finalize",
    "explain",
    "inline_image_xml",
    "render_docx",
    "too_large",
    "verify_part",
]


def docx_finalize(value: Any) -> Any:
    """:func:`finalize` for a Word part: text also shielded from docxtpl's ``{_{`` escapes
    (:func:`~._docxtpl_compat.shield`), so that a value prints exactly as given."""
    out = finalize(value)
    return shield(out) if type(out) is str else out


# The template being rendered (a DocxTemplate or the fast path's PictureHost), for images
# printed anywhere in the context.
_CURRENT: ContextVar[object | None] = ContextVar("nastavnik_docx_template", default=None)


class active_template:
    """Make ``tpl`` (a ``DocxTemplate`` being rendered or a
    :class:`~._docxtpl_compat.PictureHost`) the target of
    :class:`~nastavnik_docs.models.Image` values while the block runs. A class rather than
    a generator-based context manager: a batch enters one per document."""

    __slots__ = ("tpl", "token")

    def __init__(self, tpl: object):
        self.tpl = tpl

    def __enter__(self) -> None:
        self.token = _CURRENT.set(self.tpl)

    def __exit__(self, *exc: object) -> None:
        _CURRENT.reset(self.token)


def inline_image_xml(image: Image) -> str:
    """The run XML of ``image`` in the part being rendered (docxtpl's InlineImage)."""
    tpl = _CURRENT.get()
    if tpl is None:
        raise TemplateError("Изображение можно вывести только в шаблоне DOCX")
    source: Any = str(image.path) if image.path is not None else io.BytesIO(image.data or b"")
    width = Mm(image.width_mm) if image.width_mm else None
    height = Mm(image.height_mm) if image.height_mm else None
    try:
        return picture_run_xml(tpl, source, width, height)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        # Found missing where the picture is read, not by a check before (a batch prints the
        # emblem on every document: one look at the file each, not two).
        raise TemplateError(f"Файл изображения не найден: {image.path}") from None
    except Exception as exc:  # python-docx raises several kinds for unreadable images
        raise TemplateError(f"Не удалось вставить изображение {image.path or ''}: {exc}") from exc


class SafeDocxTemplate(DocxTemplateWithHooks):
    """A DocxTemplate that renders only with :func:`make_environment` and explains errors."""

    def __init__(self, template_file: str | os.PathLike[str], *, name: str | None = None) -> None:
        super().__init__(str(template_file))
        self.template_name = name or Path(template_file).name

    def part_failed(self, exc: BaseException, label: str, source: str) -> BaseException:
        return explain(exc, self.template_name, label, source)

    def render(self, context: dict[str, Any], jinja_env: Any = None, autoescape: bool = True) -> None:
        env = jinja_env or make_environment(docx=True)
        with active_template(self):
            super().render(context, env)


def explain(exc: BaseException, template: str, where: str, source: str) -> TemplateError:
    """A TemplateError for a failure in a DOCX part: template, variable path, paragraph."""
    lineno = template_lineno(exc)
    return template_error(exc, f"шаблон «{template}», {where}", paragraph_text(source, lineno),
                          source, lineno)


def apply_font(document: Document, context: Mapping[str, Any]) -> None:
    """Use the organisation's font (``font_name``, ``font_size`` in the context) for the
    default paragraph style of a python-docx ``document``; runs and styles with their own
    font keep it."""
    name = context.get("font_name")
    size = context.get("font_size")
    style = document.styles["Normal"]
    if name:
        style.font.name = str(name)
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):  # Cyrillic needs all four
            rfonts.set(qn(attr), str(name))
    if size:
        style.font.size = Pt(float(size))


#: Above this many characters a rendered part is parsed strictly before it is written:
#: lxml refuses a text node over 10,000,000 bytes, and docxtpl's recovering parser would
#: silently cut the document there.
VERIFY_ABOVE = 9_000_000


def verify_part(xml: str, label: str) -> None:
    """Refuse a rendered part that a Word reader could not parse (never write it cut)."""
    if len(xml) <= VERIFY_ABOVE:
        return
    from lxml import etree

    try:
        etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError as exc:
        raise too_large(label, exc) from None


def too_large(label: str, reason: object) -> TemplateError:
    """The error for a rendered document no Word reader could parse."""
    return TemplateError(f"{label}: документ получился слишком большим для формата Word ({reason}); "
                         f"он не записан — обрезанный файл хуже, чем никакого. Сократите данные")


@overload
def render_docx(template: str | os.PathLike[str], context: BaseModel | Mapping[str, Any],
                out: str | os.PathLike[str]) -> Path: ...
@overload
def render_docx(template: str | os.PathLike[str], context: BaseModel | Mapping[str, Any],
                out: BinaryIO) -> None: ...
def render_docx(template: str | os.PathLike[str], context: BaseModel | Mapping[str, Any],
                out: str | os.PathLike[str] | BinaryIO) -> Path | None:
    """Fill the DOCX ``template`` with ``context`` and save to ``out``: a path (not atomic:
    the caller passes a temporary path from ``atomic_path``) or a binary stream."""
    values = template_context(context)
    label = open_template(template)
    tpl = SafeDocxTemplate(template)
    try:
        tpl.init_docx()
    except Exception as exc:  # not a zip, not a Word document, unreadable
        raise TemplateError(f"Не удалось открыть шаблон DOCX «{Path(template).name}»: {one_line(exc)}") from exc
    try:
        with render_guard(label):
            tpl.render(values)
    except TemplateError:
        raise
    except DocumentTooLarge as exc:
        raise too_large(label, exc) from None
    except Exception as exc:  # lxml / docxtpl failures on the rendered XML
        raise TemplateError(f"{label}: не удалось собрать документ: {one_line(exc)}") from exc
    apply_font(tpl.docx, values)
    if not isinstance(out, (str, os.PathLike)):
        tpl.save(out)
        return None
    tpl.save(str(out))
    return Path(out)
