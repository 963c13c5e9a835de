"""The DOCX engine: docxtpl driven by a sandboxed, strict, escaping Jinja environment.

docxtpl alone runs templates in a plain Jinja environment: a template can reach Python
internals (``{{ ''.__class__.__mro__ }}``), text with ``& < >`` from the data breaks the
XML unless autoescape is turned on, and a misspelled variable prints as nothing. Here:

* :func:`make_environment` builds the one configured environment: ``jinja2.sandbox.
  ImmutableSandboxedEnvironment``, autoescape, ``StrictUndefined``, and a ``finalize``
  that prints ``None`` as a blank for handwriting and drops characters XML cannot hold;
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
from collections import deque
from collections.abc import Iterator, Mapping, MutableMapping, MutableSequence, MutableSet
from contextlib import contextmanager
from contextvars import ContextVar
from enum import Enum
from pathlib import Path
from types import (
    AsyncGeneratorType,
    BuiltinMethodType,
    CodeType,
    CoroutineType,
    FrameType,
    FunctionType,
    GeneratorType,
    MethodType,
    TracebackType,
)
from typing import Any, BinaryIO, overload

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup
from pydantic import BaseModel

from ..errors import TemplateError
from ..models.image import Image, QrCode
from ..models.statistics import Chart
from ._docxtpl_compat import DocxTemplateWithHooks, picture_run_xml

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
    "paragraph_text",
    "render_docx",
    "syntax_message",
    "template_context",
    "template_error",
]

#: What a ``None`` prints as: a line to fill in by hand.
BLANK = "__________"

# Characters XML 1.0 cannot hold; TAB and LF are kept (docxtpl makes them <w:tab/>, <w:br/>).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


#: What :func:`clean_text` changes: a carriage return or a character XML cannot hold.
_NEEDS_CLEANING = re.compile("[\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Normalise line ends to LF and drop characters that would corrupt the XML."""
    if _NEEDS_CLEANING.search(text) is None:  # nearly always: one scan instead of three
        return text
    return _XML_INVALID.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def finalize(value: Any) -> Any:
    """How a template prints a value: ``None`` as :data:`BLANK`, a picture or a QR code as
    a drawing, an enum member as its Russian value, text without characters XML cannot hold."""
    if type(value) is str:  # nearly every value: no isinstance checks against models first
        return clean_text(value)
    if value is None:
        return BLANK
    if isinstance(value, Chart):  # a chart is drawn now, then placed as a picture
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


#: Longest string or list a template may build with ``*``; largest exponent for ``**``.
MAX_REPEAT = 100_000
MAX_POWER = 1_000


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, plus limits on ``*`` and ``**`` so that a template cannot
    exhaust memory or CPU (``{{ 'x' * 10**10 }}``); Jinja's sandbox only limits ``range``.
    Attribute lookups on plain objects take a short way to the same answer (:meth:`getattr`)."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: type -> whether the sandbox's rules for its attributes reduce to «not ``_…``»
        self._plain_types: dict[type, bool] = {}

    def _plain(self, cls: type) -> bool:
        """Whether every attribute of a ``cls`` instance whose name does not start with «_»
        passes the sandbox: it is no function, method, class, code, frame, generator or
        coroutine (whose attributes :func:`~jinja2.sandbox.is_internal_attribute` checks) and
        no mutable list, dict, set or deque (:func:`~jinja2.sandbox.modifies_known_mutable`)."""
        plain = self._plain_types.get(cls)
        if plain is None:
            internal = (FunctionType, MethodType, type, CodeType, TracebackType, FrameType,
                        GeneratorType, CoroutineType, AsyncGeneratorType)
            mutable = (MutableSet, MutableMapping, MutableSequence, deque)
            plain = self._plain_types[cls] = not issubclass(cls, internal + mutable)
        return plain

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``{{ recipient.dative }}``: the same answer as the sandbox's, reached faster.

        For an object of a plain type (see :meth:`_plain`) and a name without «_», the
        sandbox's checks come down to the name alone, so the attribute is returned at once
        unless it is a method (``str.format`` is wrapped by the sandbox). Everything else
        goes through the sandbox's own ``getattr``.
        """
        if attribute[:1] != "_" and self._plain(type(obj)):
            try:
                value = getattr(obj, attribute)
            except AttributeError:
                pass
            else:
                if not isinstance(value, (MethodType, BuiltinMethodType)):
                    return value
        return super().getattr(obj, attribute)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                        and len(seq) * times > MAX_REPEAT):
                    raise SecurityError(f"слишком длинное повторение ({len(seq)} × {times})")
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_POWER:
            raise SecurityError(f"слишком большая степень ({right})")
        return super().call_binop(context, operator, left, right)


def make_environment() -> ImmutableSandboxedEnvironment:
    """The Jinja environment every DOCX (and XLSX) template is rendered with.

    Sandboxed (no access to Python internals, no mutation of the data), autoescaping (text
    is XML-safe), strict (a missing value is an error, not a blank) and finalising ``None``
    to :data:`BLANK`. Russian filters from ``nastavnik_docs.ru.jinja_filters()`` are added
    when that module is available.
    """
    env = _Sandbox(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=finalize,
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


@contextmanager
def active_template(tpl: object) -> Iterator[None]:
    """Make ``tpl`` (a ``DocxTemplate`` being rendered or a
    :class:`~._docxtpl_compat.PictureHost`) the target of
    :class:`~nastavnik_docs.models.Image` values."""
    token = _CURRENT.set(tpl)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def inline_image_xml(image: Image) -> str:
    """The run XML of ``image`` in the part being rendered (docxtpl's InlineImage)."""
    tpl = _CURRENT.get()
    if tpl is None:
        raise TemplateError("Изображение можно вывести только в шаблоне DOCX")
    source: Any = str(image.path) if image.path is not None else io.BytesIO(image.data or b"")
    if image.path is not None and not image.path.is_file():
        raise TemplateError(f"Файл изображения не найден: {image.path}")
    width = Mm(image.width_mm) if image.width_mm else None
    height = Mm(image.height_mm) if image.height_mm else None
    try:
        return picture_run_xml(tpl, source, width, height)
    except Exception as exc:  # python-docx raises several kinds for unreadable images
        raise TemplateError(f"Не удалось вставить изображение {image.path or ''}: {exc}") from exc


def template_context(context: BaseModel | Mapping[str, Any]) -> dict[str, Any]:
    """What the template sees: each field (and computed field) of the context model as is.

    The values are not dumped: people stay objects with case attributes (``mentor.dative``).
    """
    if not isinstance(context, BaseModel):
        return dict(context)
    cls = type(context)
    names = [*cls.model_fields, *cls.model_computed_fields]
    return {name: getattr(context, name) for name in names}


class SafeDocxTemplate(DocxTemplateWithHooks):
    """A DocxTemplate that renders only with :func:`make_environment` and explains errors."""

    def __init__(self, template_file: str | os.PathLike[str], *, name: str | None = None) -> None:
        super().__init__(str(template_file))
        self.template_name = name or Path(template_file).name

    def part_failed(self, exc: BaseException, label: str, source: str) -> BaseException:
        return explain(exc, self.template_name, label, source)

    def render(self, context: dict[str, Any], jinja_env: Any = None, autoescape: bool = True) -> None:
        env = jinja_env or make_environment()
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
    if isinstance(exc, SecurityError) or "unsafe" in str(exc):
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
    tpl = SafeDocxTemplate(template)
    try:
        tpl.init_docx()
    except Exception as exc:  # not a zip, not a Word document, unreadable
        raise TemplateError(f"Не удалось открыть шаблон DOCX «{Path(template).name}»: {exc}") from exc
    try:
        tpl.render(values)
    except TemplateError:
        raise
    except Exception as exc:  # lxml / docxtpl failures on the rendered XML
        raise TemplateError(
            f"шаблон «{Path(template).name}»: не удалось собрать документ: {exc}"
        ) from exc
    apply_font(tpl.docx, values)
    if not isinstance(out, (str, os.PathLike)):
        tpl.save(out)
        return None
    tpl.save(str(out))
    return Path(out)
