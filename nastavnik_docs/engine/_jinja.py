"""The Jinja environment every template is rendered with, and the Russian errors of its
failures: shared by the DOCX engine (:mod:`.docx`, :mod:`.fast`) and the XLSX engine
(:mod:`.xlsx`).

* :func:`make_environment` builds the one configured environment: the immutable sandbox
  with resource limits (:mod:`._sandbox`), autoescape, ``StrictUndefined``, and a
  ``finalize`` that prints ``None`` as a blank for handwriting and drops characters XML
  cannot hold;
* :func:`open_template` checks a template's package before it is parsed;
* :func:`template_error` turns a Jinja failure into a Russian error that names the
  template, the variable's full path and the paragraph or cell around it.

Nothing here imports python-docx or docxtpl (a Word part's finalisation and pictures are
imported from :mod:`.docx` where they are used): a workbook is rendered without loading
them, about 70 ms of every command that writes one.
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError
from markupsafe import Markup
from pydantic import BaseModel

from .._textsafe import xml_text
from .._zipcheck import inspect_package
from ..errors import TemplateError
from ..models.image import Image, QrCode
from ._external import ExternalReference, external_references
from ._opc import Package, PackageError
from ._sandbox import Sandbox, SandboxLimit

__all__ = [
    "BLANK",
    "StrictlyUndefined",
    "clean_text",
    "finalize",
    "make_environment",
    "one_line",
    "open_template",
    "paragraph_text",
    "syntax_message",
    "template_context",
    "template_error",
    "template_external_references",
    "template_lineno",
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
        from .docx import inline_image_xml

        return Markup(inline_image_xml(value))
    if isinstance(value, QrCode):  # requisite 31: the code as a picture
        from .docx import inline_image_xml
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


def make_environment(docx: bool = False) -> Sandbox:
    """The Jinja environment every DOCX (``docx=True``) and XLSX template is rendered with.

    Sandboxed (no access to Python internals, no mutation of the data, no operation
    building more than :mod:`nastavnik_docs._limits` allows: :mod:`._sandbox`),
    autoescaping (text is XML-safe), strict (a missing value is an error, not a blank) and
    finalising ``None`` to :data:`BLANK`. Russian filters from
    ``nastavnik_docs.ru.jinja_filters()`` are added when that module is available.
    """
    if docx:
        from .docx import docx_finalize  # a Word part's text is shielded from docxtpl's escapes

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


def template_lineno(exc: BaseException) -> int | None:
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


def one_line(exc: BaseException) -> str:
    """An exception's text on one line (a library's message may hold line breaks)."""
    return " ".join(str(exc).split()) or type(exc).__name__
