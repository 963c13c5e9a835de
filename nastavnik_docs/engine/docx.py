"""The DOCX engine: docxtpl driven by a sandboxed, strict, escaping Jinja environment.

docxtpl alone runs templates in a plain Jinja environment: a template can reach Python
internals (``{{ ''.__class__.__mro__ }}``), text with ``& < >`` from the data breaks the
XML unless autoescape is turned on, and a misspelled variable prints as nothing. Here:

* :func:`make_environment` builds the one configured environment: the immutable sandbox
  with resource limits (:mod:`._sandbox`), autoescape, ``StrictUndefined``, and a
  ``finalize`` that prints ``None`` as a blank for handwriting and drops characters XML
  cannot hold;
* :func:`open_template` checks a template's package before it is parsed, and
  :func:`render_docx` renders within the time and size limits of one document, refusing
  a document too big to parse rather than writing it cut;
* :class:`SafeDocxTemplate` renders the body, headers, footers and footnotes with it and
  turns every Jinja failure into a :class:`~nastavnik_docs.errors.TemplateError` that
  names the template, the variable's full path and the paragraph around it;
* :func:`explain` / :func:`template_error` turn a Jinja failure into that Russian error for
  the fast path and the XLSX engine too.

docxtpl's internals (its preprocessing, its per-part hooks, its picture protocol) are used
only through :mod:`._docxtpl_compat`.
"""

from __future__ import annotations

import html
import io
import os
import re
import sys
from collections.abc import Mapping
from contextvars import ContextVar
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO, overload

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError
from markupsafe import Markup
from pydantic import BaseModel

from .._textsafe import xml_text
from .._zipcheck import inspect_package
from ..errors import TemplateError
from ..models.image import Image, QrCode
from ._budget import render_guard
from ._docxtpl_compat import DocumentTooLarge, DocxTemplateWithHooks, picture_run_xml, shield
from ._external import ExternalReference, external_references
from ._opc import Package, PackageError
from ._sandbox import Sandbox, SandboxLimit

__all__ = [
    "BLANK",
    "SafeDocxTemplate",
    "active_template",
    "apply_font",
    "clean_text",
    "explain",
    "finalize",
    "inline_image_xml",
    "make_environment",
    "one_line",
    "open_template",
    "paragraph_text",
    "render_docx",
    "syntax_message",
    "template_context",
    "template_external_references",
    "template_error",
    "too_large",
    "verify_part",
]

#: What a ``None`` prints as: a line to fill in by hand.
BLANK = "__________"


def clean_text(text: str) -> str:
    """Text from the data by the one XML rule of :mod:`nastavnik_docs._textsafe`: line ends
    as LF, characters XML cannot hold removed."""
    return xml_text(text)


def finalize(value: Any) -> Any:
    """How a template prints a value: ``None`` as :data:`BLANK`, a picture or a QR code as
    a drawing, an enum member as its Russian value, text without characters XML cannot hold."""
    if type(value) is str:  # nearly every value: no isinstance checks against models first
        return clean_text(value)
    if value is None:
        return BLANK
    statistics = sys.modules.get("nastavnik_docs.models.statistics")  # not imported: no chart can exist
    if statistics is not None and isinstance(value, statistics.Chart):  # drawn now, placed as a picture
        from .chart import chart_image

        value = chart_image(value)
    if isinstance(value, Image):  # a picture prints as a drawing in the part being rendered
        return Markup(inline_image_xml(value))
    if isinstance(value, QrCode):  # requisite 31: the code as a picture
        from .qr import qr_image

        return Markup(inline_image_xml(qr_image(value)))
    if isinstance(value, Enum):  # «наставник», not «Role.MENTOR»
        value = value.value
    if isinstance(value, str) and not isinstance(value, Markup):
        return clean_text(value)
    return value


class StrictlyUndefined(StrictUndefined):
    """``StrictUndefined`` that also refuses to be shown inside a list: Jinja's prints a
    list of missing values as «[Undefined]» (``items|map(attribute='nme')|list``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        self._fail_with_undefined_error()
        return "Undefined"  # never reached


def docx_finalize(value: Any) -> Any:
    """:func:`finalize` for a Word part: text also shielded from docxtpl's ``{_{`` escapes
    (:func:`~._docxtpl_compat.shield`), so that a value prints exactly as given."""
    out = finalize(value)
    return shield(out) if type(out) is str else out


def make_environment(docx: bool = False) -> Sandbox:
    """The Jinja environment every DOCX (``docx=True``) and XLSX template is rendered with.

    Sandboxed (no access to Python internals, no mutation of the data, no operation
    building more than :mod:`nastavnik_docs._limits` allows: :mod:`._sandbox`),
    autoescaping (text is XML-safe), strict (a missing value is an error, not a blank) and
    finalising ``None`` to :data:`BLANK`. Russian filters from
    ``nastavnik_docs.ru.jinja_filters()`` are added when that module is available.
    """
    env = Sandbox(
        autoescape=True,
        undefined=StrictlyUndefined,
        finalize=docx_finalize if docx else finalize,
        keep_trailing_newline=True,
    )
    try:
        from ..ru import jinja_filters
    except ImportError:
        pass
    else:
        env.filters.update(jinja_filters())
    return env


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


def template_context(context: BaseModel | Mapping[str, Any]) -> dict[str, Any]:
    """What the template sees: each field (and computed field) of the context model as is.

    The values are not dumped: people stay objects with case attributes (``mentor.dative``).
    """
    if not isinstance(context, BaseModel):
        return dict(context)
    cls = type(context)
    # The class's own tables: pydantic's ``model_fields`` properties cost more than the copy.
    computed = cls.__pydantic_computed_fields__
    if not computed:
        return dict(context.__dict__)  # the fields' values, as getattr gives them
    names = [*cls.__pydantic_fields__, *computed]
    return {name: getattr(context, name) for name in names}


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


def _template_lineno(exc: BaseException) -> int | None:
    """The template line an exception was raised at (Jinja rewrites tracebacks so that
    template frames carry template line numbers)."""
    lineno = getattr(exc, "lineno", None)
    if isinstance(exc, TemplateSyntaxError) and lineno:
        return lineno
    tb = exc.__traceback__
    found = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def paragraph_text(source: str, lineno: int | None) -> str:
    """Plain text of the paragraph on template line ``lineno`` (tags kept, XML stripped)."""
    if not lineno:
        return ""
    lines = source.splitlines()
    if not 0 < lineno <= len(lines):
        return ""
    text = html.unescape(re.sub(r"<[^>]+>", "", lines[lineno - 1])).strip()
    return text if len(text) <= 300 else text[:297] + "…"


_SYNTAX_HINTS = (
    (re.compile(r"unknown tag '(tr|tc)'"),
     "тег {{%{0} %}} работает только внутри таблицы (строки или ячейки)"),
    (re.compile(r"unknown tag '(p|r)'"),
     "тег {{%{0} %}} должен стоять в отдельном абзаце (строке) шаблона"),
    (re.compile(r"unknown tag '(\w+)'"), "неизвестный тег {{% {0} %}}"),
    (re.compile(r"unexpected '\}'"), "лишняя или одиночная фигурная скобка «}}»"),
    (re.compile(r"unexpected end of template", re.I), "шаблон кончился внутри незакрытого тега"),
    (re.compile(r"expected token 'end of print statement'"),
     "в поле {{{{ … }}}} лишний текст: проверьте пробелы и точки в имени"),
    (re.compile(r"unexpected char '(.)'"), "недопустимый символ «{0}» внутри тега"),
    (re.compile(r"expected token 'name'"), "после «.» или «|» не хватает имени"),
    (re.compile(r"expected token '(.*?)'"), "внутри тега не хватает «{0}»"),
)


def syntax_message(exc: TemplateSyntaxError) -> str:
    """Jinja's syntax message with a Russian explanation in front of it."""
    original = exc.message or str(exc)
    for pattern, hint in _SYNTAX_HINTS:
        match = pattern.search(original)
        if match:
            return f"{hint.format(*match.groups())} ({original})"
    return original


def template_error(exc: BaseException, place: str, text: str, source: str,
                   lineno: int | None) -> TemplateError:
    """A Russian TemplateError for a Jinja failure at ``place`` (template and part or cell);
    ``text`` is the paragraph or cell around it, ``source`` the Jinja source for naming
    the full path of a missing variable."""
    around = f"; {'ячейка' if 'ячейка' in place else 'абзац'}: «{text}»" if text else ""
    if isinstance(exc, SandboxLimit):
        message = f"{place}: {exc.what}: {exc.reason} (запрещено песочницей){around}. {exc.hint}"
    elif isinstance(exc, SecurityError) or "unsafe" in str(exc):
        message = (f"{place}: шаблон обращается к недоступным служебным атрибутам "
                   f"(запрещено песочницей){around}. {exc}")
    elif isinstance(exc, UndefinedError):
        from .paths import describe_undefined

        message = f"{place}: нет значения {describe_undefined(exc, source, lineno)}{around}"
    elif isinstance(exc, TemplateSyntaxError):
        message = f"{place}: ошибка в теге шаблона: {syntax_message(exc)}{around}"
    else:
        message = f"{place}: ошибка шаблона: {exc}{around}"
    error = TemplateError(message)
    error.paragraph = text  # type: ignore[attr-defined]
    error.limit = getattr(exc, "limit", None)  # type: ignore[attr-defined]
    return error


def explain(exc: BaseException, template: str, where: str, source: str) -> TemplateError:
    """A TemplateError for a failure in a DOCX part: template, variable path, paragraph."""
    lineno = _template_lineno(exc)
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


def open_template(template: str | os.PathLike[str], kind: str = "DOCX") -> str:
    """Check a template's package before any library parses it (size, entries, DOCTYPE,
    encryption: :func:`nastavnik_docs._zipcheck.inspect_package`) and refuse one that
    would make its documents fetch something from the network (a picture inserted as a
    link…: :mod:`._external`); returns the label the errors name it by, «шаблон «x.docx»»."""
    name = Path(template).name
    inspect_package(template, label=f"Не удалось открыть шаблон {kind} «{name}»", kind=kind,
                    part_limit="docx_part_bytes" if kind == "DOCX" else "part_bytes", error=TemplateError)
    label = f"шаблон «{name}»"
    found = template_external_references(template)
    if found:
        raise TemplateError(f"{label} ссылается на внешний ресурс: {found[0]}. Документ загружал бы его из сети "
                            f"при каждом открытии; вставьте содержимое в сам шаблон (для рисунка — "
                            f"«Вставка → Рисунок», без «Связать с файлом»)")
    return label


def template_external_references(template: str | os.PathLike[str]) -> list[ExternalReference]:
    """The external resources of a template (:mod:`._external`); none for a zip the
    package reader does not handle (zip64), which docxtpl and openpyxl read themselves."""
    try:
        return external_references(Package.open(Path(template)))
    except (PackageError, KeyError, ValueError):
        return []


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


def one_line(exc: BaseException) -> str:
    """An exception's text on one line (a library's message may hold line breaks)."""
    return " ".join(str(exc).split()) or type(exc).__name__
