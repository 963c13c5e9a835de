"""The top-level functions: load a kind's input, render one document, check a template.

``render`` is the glue between the catalogue and the engines: it resolves the kind, loads
and validates the input, builds the context, finds the template (one given for the call,
the user's folder, the built-in one), fills it and delivers the document where asked —
a file written atomically (under a temporary name, renamed when complete), a binary
stream, or bytes returned — optionally as PDF. The formats a kind declares in
``extra_formats`` are written by the engine's dedicated writers listed in
:data:`EXTRA_WRITERS`.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, overload

from pydantic import BaseModel

from ._files import atomic_path, write_bytes_atomic
from .engine.report import TemplateReport
from .errors import NastavnikError, OutputExistsError, TemplateError
from .kinds import Kind, get_kind

__all__ = ["EXTRA_WRITERS", "FORMATS", "TemplateReport", "check_template", "clear_caches", "input_schema",
           "load_input", "render"]

PathLike = str | os.PathLike[str]
#: A template for one call: a path, or the file's bytes.
TemplateSource = PathLike | bytes
#: A writer of a format no template expresses: (context, template or None, out) -> out.
Writer = Callable[[Any, Path | None, Path], Any]
#: The formats ``render`` knows by name (a kind lists which of them it has in ``formats``).
FORMATS = ("docx", "xlsx", "pdf", "ics")


def _roadmap_xlsx(context: Any, template: Path | None, out: Path) -> Path:
    from .engine.roadmap_xlsx import write_roadmap_xlsx

    return write_roadmap_xlsx(context, template, out)


def _roadmap_ics(context: Any, template: Path | None, out: Path) -> Path:
    from .engine.ics import write_roadmap_ics

    return write_roadmap_ics(context, template, out)


#: Who writes each format a kind lists in ``extra_formats``: (kind id, suffix) → writer
#: (the engine module is imported on first use, like the template engines).
EXTRA_WRITERS: dict[tuple[str, str], Writer] = {
    ("roadmap", ".xlsx"): _roadmap_xlsx,
    ("roadmap", ".ics"): _roadmap_ics,
}


def load_input(kind: str | Kind, data: Any) -> BaseModel:
    """The validated input of ``kind`` (its ``input_model``) from an instance of it, a dict,
    or a path to a YAML/JSON file; fields given as paths to other files («organization:
    ../organization.yaml») are loaded relative to the file, and every problem is reported
    at once as an ``InputError`` with its location, in Russian."""
    model = get_kind(kind).input_model
    if isinstance(data, model):
        return data
    from .io import load_input as load_model_input  # the format readers load on first use

    return load_model_input(model, data)


def input_schema(kind: str | Kind) -> dict[str, Any]:
    """The JSON Schema of ``kind``'s input as the loader accepts it: enumerations in
    Russian or English spelling, dates as ``ГГГГ-ММ-ДД`` or ``ДД.ММ.ГГГГ``
    (``nastavnik-docs schema KIND`` prints the same)."""
    from .models.schema import input_schema as model_input_schema  # pydantic's JSON Schema machinery: only here

    return model_input_schema(get_kind(kind).input_model)


def _extra_writer(kind: Kind, suffix: str) -> Writer:
    try:
        return EXTRA_WRITERS[(kind.id, suffix)]
    except KeyError:
        raise TemplateError(f"Нет способа записать формат «{suffix}» для «{kind.id}»: "
                            f"для него не задана функция записи") from None


def _suffix(format: str) -> str:
    suffix = "." + format.strip().lower().lstrip(".")
    if suffix.lstrip(".") not in FORMATS:
        raise NastavnikError(f"Неизвестный формат «{format}»: допустимо {', '.join(FORMATS)}")
    return suffix


def _pdf_source(kind: Kind) -> str:
    """The format a kind's PDF is made from: its DOCX, else its XLSX."""
    for suffix in (".docx", ".xlsx"):
        if suffix in kind.formats:
            return suffix
    raise NastavnikError(f"PDF делается только из DOCX или XLSX, а у «{kind.id}» их нет")


def _template_suffix(template: TemplateSource) -> str:
    """.docx or .xlsx: a path's suffix; for bytes, the package's main part (a DOCX holds
    ``word/``, an XLSX ``xl/``; zip entry names are stored uncompressed)."""
    if not isinstance(template, bytes):
        return Path(template).suffix.lower()
    if not template.startswith(b"PK"):
        raise TemplateError("Шаблон (байты) — не файл DOCX или XLSX: это не zip-архив")
    if b"word/document" in template:
        return ".docx"
    if b"xl/workbook" in template:
        return ".xlsx"
    raise TemplateError("Шаблон (байты) — zip-архив, но не документ Word и не книга Excel")


@contextlib.contextmanager
def _template_path(kind: Kind, suffix: str, template: TemplateSource | None,
                   templates: PathLike | None) -> Iterator[Path | None]:
    """The template file for ``suffix``: the one given for this call (bytes are put into
    a private temporary file for the call), or the kind's from the user's folder or the
    built-in ones; None for a format its writer makes without a template."""
    if template is not None:
        given = _template_suffix(template)
        if given != suffix:
            raise TemplateError(f"Шаблон — {given or 'файл без расширения'}, а документ делается "
                                f"в формате {suffix}")
        if not isinstance(template, bytes):
            path = Path(template)
            if not path.is_file():
                raise TemplateError(f"Файл шаблона не найден: {path}")
            yield path
            return
        with tempfile.TemporaryDirectory(prefix="nastavnik-template-") as folder:
            path = Path(folder) / f"шаблон{suffix}"
            path.write_bytes(template)
            yield path
        return
    name = kind.template_for(suffix)  # KindNotFoundError for a format it lacks
    if not name:
        yield None
        return
    from .engine.lookup import find_template

    yield find_template(name, templates)


def _write(kind: Kind, context: Any, suffix: str, template: Path | None, out: Path | BinaryIO) -> None:
    """Write the document in ``suffix`` into ``out`` (a temporary path, or a stream)."""
    if suffix in kind.extra_formats:
        writer = _extra_writer(kind, suffix)
        if isinstance(out, Path):
            writer(context, template, out)
            return
        with tempfile.TemporaryDirectory(prefix="nastavnik-") as folder:
            path = Path(folder) / f"document{suffix}"
            writer(context, template, path)
            out.write(path.read_bytes())
        return
    if suffix == ".docx":
        from .engine.docx import render_docx

        render_docx(template, context, out)  # type: ignore[arg-type]
    elif suffix == ".xlsx":
        from .engine.xlsx import render_xlsx

        render_xlsx(template, context, out)  # type: ignore[arg-type]
    else:  # template_for() only names .docx/.xlsx templates
        raise TemplateError(f"Нет способа записать формат «{suffix}» для «{kind.id}»")


def _document(kind: Kind, data: Any, suffix: str, template: TemplateSource | None,
              templates: PathLike | None) -> bytes:
    """The document's bytes, made in memory (a PDF through LibreOffice)."""
    source = _pdf_source(kind) if suffix == ".pdf" else suffix
    if suffix == ".pdf":
        from .engine.pdf import find_soffice

        find_soffice()  # fail before any work when LibreOffice is missing
    with _template_path(kind, source, template, templates) as template_path:
        context = kind.build_context(load_input(kind, data))
        buffer = io.BytesIO()
        _write(kind, context, source, template_path, buffer)
    if suffix != ".pdf":
        return buffer.getvalue()
    from .engine.pdf import pdf_bytes

    return pdf_bytes(buffer.getvalue(), source)


def _refuse_existing(targets: list[Path], overwrite: bool) -> None:
    for target in targets:
        if target.exists() and not overwrite:
            raise OutputExistsError.file(target)


def _render_file(kind: Kind, data: Any, out: Path, format: str | None, template: TemplateSource | None,
                 templates: PathLike | None, pdf: bool, overwrite: bool) -> Path | list[Path]:
    suffix = out.suffix.lower()
    if format is not None and _suffix(format) != suffix:
        raise NastavnikError(f"Формат «{format}» не совпадает с расширением файла {out.name}")
    if suffix == ".pdf":
        _refuse_existing([out], overwrite)
        return write_bytes_atomic(out, _document(kind, data, suffix, template, templates),
                                  overwrite=overwrite)
    kind.template_for(suffix)  # KindNotFoundError for a format it lacks
    _refuse_existing([out, out.with_suffix(".pdf")] if pdf else [out], overwrite)
    if pdf:
        from .engine.pdf import find_soffice

        if suffix not in (".docx", ".xlsx"):
            raise NastavnikError(f"PDF делается только из DOCX или XLSX, а не из «{suffix}»")
        find_soffice()  # fail before writing anything when LibreOffice is missing
    with _template_path(kind, suffix, template, templates) as template_path:
        context = kind.build_context(load_input(kind, data))
        with atomic_path(out, overwrite=overwrite) as tmp:
            _write(kind, context, suffix, template_path, tmp)
    if not pdf:
        return out
    from .engine.pdf import convert_to_pdf

    return [out, *convert_to_pdf([out], overwrite=overwrite)]


@overload
def render(kind: str | Kind, data: Any, out: PathLike, *, format: str | None = None,
           template: TemplateSource | None = None, templates: PathLike | None = None,
           pdf: bool = False, overwrite: bool = False) -> Path | list[Path]: ...
@overload
def render(kind: str | Kind, data: Any, out: BinaryIO, *, format: str | None = None,
           template: TemplateSource | None = None, templates: PathLike | None = None,
           pdf: bool = False, overwrite: bool = False) -> None: ...
@overload
def render(kind: str | Kind, data: Any, out: None = None, *, format: str | None = None,
           template: TemplateSource | None = None, templates: PathLike | None = None,
           pdf: bool = False, overwrite: bool = False) -> bytes: ...
def render(kind: str | Kind, data: Any, out: PathLike | BinaryIO | None = None, *,
           format: str | None = None, template: TemplateSource | None = None,
           templates: PathLike | None = None, pdf: bool = False,
           overwrite: bool = False) -> Path | list[Path] | bytes | None:
    """Make one document of ``kind`` from ``data``.

    ``data`` is the kind's input model, a dict, or a path to a YAML/JSON file. ``out`` is
    where the document goes:

    * a path: the format follows its suffix (``.docx``, ``.xlsx``, ``.pdf`` or a kind's
      special format such as ``.ics``); the file is written atomically and never replaces
      an existing one unless ``overwrite``; returns the path. ``pdf=True`` also makes a
      PDF beside it and returns ``[out, pdf]``;
    * a binary file object (``io.BytesIO``, an HTTP response, an open file): the document
      is written into it once complete; returns None;
    * nothing: the document's bytes are returned.

    ``format`` (``"docx"``, ``"xlsx"``, ``"pdf"``, ``"ics"``) chooses the format for a
    stream or bytes (default: the kind's first format); a PDF is made from the kind's
    DOCX (else XLSX) with LibreOffice. ``template`` is a template for this call only — a
    path or the file's bytes; ``templates`` a folder of the user's own templates that
    replace the built-in ones of the same name (default: the ``NASTAVNIK_DOCS_TEMPLATES``
    variable).
    """
    kind = get_kind(kind)
    if isinstance(out, (str, os.PathLike)):
        return _render_file(kind, data, Path(out), format, template, templates, pdf, overwrite)
    if pdf:
        raise NastavnikError("pdf=True делает PDF рядом с файлом; для PDF в поток или в байты "
                             "укажите format=\"pdf\"")
    suffix = _suffix(format) if format is not None else kind.formats[0]
    if suffix != ".pdf":
        kind.template_for(suffix)  # KindNotFoundError for a format it lacks
    document = _document(kind, data, suffix, template, templates)
    if out is None:
        return document
    out.write(document)
    return None


def clear_caches() -> int:
    """Empty every cache of the library (names and posts declined, sums in words, wording
    read from its data files …) and return how many there were. Declined names are
    personal data: a long-running service may call this between jobs; the caches fill
    again as needed."""
    import sys

    count = 0
    for name, module in list(sys.modules.items()):
        if module is None or not (name == __package__ or name.startswith(f"{__package__}.")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and hasattr(value, "cache_info"):
                clear()
                count += 1
    return count


def check_template(path: PathLike, kind: str | Kind) -> TemplateReport:
    """Check a DOCX or XLSX template against a kind's context model.

    Reports every variable path the context does not provide (inside loops and table
    rows too), loops over values that are not lists, filters that do not exist and every
    tag still broken after docxtpl's repair — each with the path, a hint and the paragraph
    or cell where it sits.
    """
    from .engine.check import check_template as _check

    kind = get_kind(kind)
    return _check(path, kind.context_model, kind=kind.id)
