"""Limits on what an input or a template may cost: sizes, counts, time.

A hostile or broken file must fail fast with a Russian message, never exhaust memory or
run for minutes. Every bound the library enforces is one field of :class:`Limits`:

* packages (DOCX, XLSX) — entries and inflated sizes, checked from the zip directory
  before anything is parsed (:mod:`nastavnik_docs._zipcheck`);
* text inputs (YAML, JSON, CSV) — file size, YAML nodes counted with aliases expanded,
  nesting depth;
* templates — seconds per document (a watchdog), characters of one rendered part, loop
  iterations, ``range`` items, the longest string an expression may build, the size of a
  power;
* data — characters of one text field (read by the models when they are imported) and
  rows one repeated XLSX row may become.

Each limit can be raised or lowered with an environment variable
``NASTAVNIK_DOCS_LIMIT_<NAME>`` (``NASTAVNIK_DOCS_LIMIT_RENDER_SECONDS=120``), read once,
on first use; code can override them for a block with :func:`use_limits`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from .errors import LimitError

__all__ = ["ENV_PREFIX", "LIMIT_TEXTS", "Limits", "check", "current", "describe", "exceeded", "human", "use_limits"]

#: Prefix of the environment variables that set limits.
ENV_PREFIX = "NASTAVNIK_DOCS_LIMIT_"

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Every bound, with its default (see the module docstring)."""

    #: entries in one DOCX or XLSX package
    package_entries: int = 10_000
    #: all parts of one package, inflated
    package_bytes: int = 200 * MB
    #: one XML part of a workbook (a registry's sheet, its styles), inflated
    part_bytes: int = 100 * MB
    #: one XML part of a DOCX (a template, a roadmap to import), inflated: docxtpl joins
    #: and rewrites each part with regular expressions, which take minutes on 50 MB
    docx_part_bytes: int = 20 * MB
    #: a YAML, JSON or CSV file
    input_bytes: int = 50 * MB
    #: nodes of one YAML or JSON document, every alias counted as the copy it stands for
    yaml_nodes: int = 1_000_000
    #: nesting of lists and mappings in a YAML or JSON document
    nesting: int = 100
    #: seconds one document may take to render
    render_seconds: float = 60.0
    #: characters of one rendered part (the body of a DOCX, a header, a cell's text)
    document_chars: int = 50_000_000
    #: iterations of every ``{% for %}`` loop of one document together
    loop_iterations: int = 1_000_000
    #: items of one ``range()`` in a template
    range_items: int = 10_000
    #: characters of one string an expression of a template builds
    string_chars: int = 1_000_000
    #: items of one list an expression of a template builds (``*``, ``+``)
    list_items: int = 100_000
    #: binary digits of a number an expression of a template builds with ``**`` or ``*``
    number_bits: int = 100_000
    #: characters of one text field of the input (read when the models are imported)
    field_chars: int = 100_000
    #: rows one repeated row of an XLSX template may become
    xlsx_rows: int = 100_000


#: What each limit bounds, in Russian, for the messages.
LIMIT_TEXTS = {
    "package_entries": "число файлов внутри архива",
    "package_bytes": "размер архива после распаковки",
    "part_bytes": "размер части книги после распаковки",
    "docx_part_bytes": "размер части документа Word после распаковки",
    "input_bytes": "размер файла",
    "yaml_nodes": "число значений (с учётом ссылок-псевдонимов)",
    "nesting": "глубина вложенности",
    "render_seconds": "время сборки документа",
    "document_chars": "размер собранной части документа, символов",
    "loop_iterations": "число повторов циклов шаблона",
    "range_items": "число элементов range()",
    "string_chars": "длина строки, которую строит выражение шаблона",
    "list_items": "длина списка, который строит выражение шаблона",
    "number_bits": "размер числа, двоичных разрядов",
    "field_chars": "длина текстового поля, символов",
    "xlsx_rows": "число строк одной повторяемой строки XLSX",
}

_FIELDS = {f.name: f for f in dataclasses.fields(Limits)}
_from_env: Limits | None = None
_override: ContextVar[Limits | None] = ContextVar("nastavnik_limits", default=None)


def _read_env() -> Limits:
    values: dict[str, int | float] = {}
    for name, spec in _FIELDS.items():
        raw = os.environ.get(ENV_PREFIX + name.upper(), "").strip().replace("_", "")
        if not raw:
            continue
        try:
            value = float(raw) if spec.type in (float, "float") else int(raw)
        except ValueError:
            raise LimitError(f"Переменная окружения {ENV_PREFIX}{name.upper()} должна быть числом, "
                             f"а не «{raw}»") from None
        if value <= 0:
            raise LimitError(f"Переменная окружения {ENV_PREFIX}{name.upper()} должна быть больше нуля")
        values[name] = value
    return Limits(**values)  # type: ignore[arg-type]


def current() -> Limits:
    """The limits in force: an override of :func:`use_limits`, else the environment's."""
    override = _override.get()
    if override is not None:
        return override
    global _from_env
    if _from_env is None:
        _from_env = _read_env()
    return _from_env


@contextmanager
def use_limits(**changes: int | float) -> Iterator[Limits]:
    """Change some limits inside a ``with`` block (this thread or task only)."""
    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise TypeError(f"unknown limits: {', '.join(sorted(unknown))}")
    token = _override.set(dataclasses.replace(current(), **changes))  # type: ignore[arg-type]
    try:
        yield current()
    finally:
        _override.reset(token)


def human(name: str, value: float) -> str:
    """A limit's value as a person reads it: «20 МБ», «1 000 000», «60 с»."""
    if name.endswith("_bytes"):
        if value >= MB:
            return f"{value / MB:.0f} МБ"
        return f"{value / 1024:.0f} КБ" if value >= 1024 else f"{value:.0f} байт"
    if name.endswith("_seconds"):
        return f"{value:g} с"
    return f"{int(value):,}".replace(",", "\u00a0")


def describe(name: str, value: float | None = None) -> tuple[str, str]:
    """What went beyond limit ``name`` («размер файла больше допустимого (80 МБ), предел —
    50 МБ») and how to change the limit, as two Russian sentences."""
    limit = getattr(current(), name)
    found = f" ({human(name, value)})" if value is not None else ""
    return (f"{LIMIT_TEXTS[name]} больше допустимого{found}, предел — {human(name, limit)}",
            f"Если это не ошибка, предел можно поднять переменной окружения {ENV_PREFIX}{name.upper()}")


def exceeded(name: str, what: str, value: float | None = None) -> LimitError:
    """The error for ``what`` going beyond limit ``name``: the limit, its value, and the
    variable that changes it."""
    reason, hint = describe(name, value)
    return LimitError(f"{what}: {reason}. {hint}", limit=name)


def check(name: str, value: float, what: str) -> None:
    """Raise :func:`exceeded` when ``value`` is above limit ``name``."""
    if value > getattr(current(), name):
        raise exceeded(name, what, value)
