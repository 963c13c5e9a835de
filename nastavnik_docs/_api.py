"""The top-level functions: load a kind's input, render one document, check a template.

``render`` is the glue between the catalogue and the engines: it resolves the kind, loads
and validates the input, builds the context, finds the template (the user's folder
first), fills it into a temporary file and renames it into place, and optionally makes a
PDF beside it. The formats a kind declares in ``extra_formats`` are written by the engine's
dedicated writers listed in :data:`EXTRA_WRITERS`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ._files import atomic_path
from .engine.report import TemplateReport
from .errors import NastavnikError, OutputExistsError, TemplateError
from .kinds import Kind, get_kind

__all__ = ["render", "check_template", "load_input", "TemplateReport", "EXTRA_WRITERS"]

PathLike = str | os.PathLike[str]
#: A writer of a format no template expresses: (context, template or None, out) -> out.
Writer = Callable[[Any, Path | None, Path], Path]


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


def _extra_writer(kind: Kind, suffix: str) -> Writer:
    try:
        return EXTRA_WRITERS[(kind.id, suffix)]
    except KeyError:
        raise TemplateError(f"Нет способа записать формат «{suffix}» для «{kind.id}»: "
                            f"для него не задана функция записи") from None


def render(kind: str | Kind, data: Any, out: PathLike, *, templates: PathLike | None = None,
           pdf: bool = False, overwrite: bool = False) -> Path | list[Path]:
    """Make one document of ``kind`` from ``data`` and write it to ``out``.

    ``data`` is the kind's input model, a dict, or a path to a YAML/JSON file. The format
    follows the suffix of ``out`` (``.docx``, ``.xlsx`` or a kind's special format such as
    ``.ics``). ``templates`` is a folder of the user's own templates that replace the
    built-in ones of the same name (default: the ``NASTAVNIK_DOCS_TEMPLATES`` variable).
    The file is written atomically and never replaces an existing one unless ``overwrite``.
    With ``pdf=True`` a PDF is made beside it (LibreOffice) and ``[out, pdf]`` is returned.
    """
    kind = get_kind(kind)
    out = Path(out)
    suffix = out.suffix.lower()
    template_name = kind.template_for(suffix)  # KindNotFoundError for a format it lacks
    pdf_out = out.with_suffix(".pdf")
    for target in [out, pdf_out] if pdf else [out]:
        if target.exists() and not overwrite:
            raise OutputExistsError(
                f"Файл уже существует: {target}. Чтобы перезаписать, укажите --force (overwrite=True)"
            )
    if pdf:
        from .engine.pdf import find_soffice

        if suffix not in (".docx", ".xlsx"):
            raise NastavnikError(f"PDF делается только из DOCX или XLSX, а не из «{suffix}»")
        find_soffice()  # fail before writing anything when LibreOffice is missing
    template_path = None
    if template_name:
        from .engine.lookup import find_template

        template_path = find_template(template_name, templates)
    writer = _extra_writer(kind, suffix) if suffix in kind.extra_formats else None
    context = kind.build_context(load_input(kind, data))
    with atomic_path(out, overwrite=overwrite) as tmp:
        if writer is not None:
            writer(context, template_path, tmp)
        elif suffix == ".docx":
            from .engine.docx import render_docx

            render_docx(template_path, context, tmp)  # type: ignore[arg-type]
        elif suffix == ".xlsx":
            from .engine.xlsx import render_xlsx

            render_xlsx(template_path, context, tmp)  # type: ignore[arg-type]
        else:  # template_for() only names .docx/.xlsx templates
            raise TemplateError(f"Нет способа записать формат «{suffix}» для «{kind.id}»")
    if not pdf:
        return out
    from .engine.pdf import convert_to_pdf

    return [out, *convert_to_pdf([out], overwrite=overwrite)]


def check_template(path: PathLike, kind: str | Kind) -> TemplateReport:
    """Check a DOCX or XLSX template against a kind's context model.

    Reports every variable path the context does not provide and every tag still broken
    after docxtpl's repair, each with the paragraph or cell where it sits.
    """
    from .engine.check import check_template as _check

    kind = get_kind(kind)
    return _check(path, kind.context_model, kind=kind.id)
