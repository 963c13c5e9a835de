"""What every page handler shares: the server's state, rendering a page template, and the
served project with what keeps it from opening."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import HTMLResponse

from ..errors import InputError, Problem
from ..models import Organization
from ..project import PROJECT_FILE, Project, ProjectFile
from .forms import field_label
from .project_cache import ProjectCache
from .schemas import problems_out
from .state import WebState

__all__ = ["ProblemPlace", "page", "read_project", "state_of"]

T = TypeVar("T")


def state_of(request: Request) -> WebState:
    return request.app.state.web


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with the common context (the served folder, the section)."""
    context.setdefault("folder", state_of(request).folder.path)
    context.setdefault("section", "")
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


@dataclass
class ProblemPlace:
    """A problem that keeps the project from opening, as a curator reads it: in which file
    (the card, the registry, nastavnik.yaml) and line, which field in Russian, and the page
    where it is fixed."""

    where: str
    field: str
    value: str
    message: str
    href: str | None


def explain(state: WebState, problems: list[Problem]) -> list[ProblemPlace]:
    try:
        card = state.folder.card_file
    except InputError:
        card = None
    out = []
    for p in problems_out(problems):
        line = f", строка {p.row}" if p.row is not None else ""
        field, href = p.field or p.column or "", None
        if p.sheet:
            where, href = f"база участников ({p.file or 'книга Excel'}), лист «{p.sheet}»{line}", "/registry"
        elif card is not None and p.file == card.name:
            where = f"карточка организации ({p.file}){line}"
            href = "/organization" + (f"#f-{field.replace(' → ', '-')}" if field else "")
            field = field_label(Organization, field) or field
        elif p.file == PROJECT_FILE:
            where = f"{PROJECT_FILE}{line}"
            href = "/officials" if field.startswith("officials") else None
            field = field_label(ProjectFile, field) or field
        else:
            where = f"{p.file or ''}{line}".strip(", ")
        out.append(ProblemPlace(where, field, p.value or "", p.message, href))
    return out


def read_project(request: Request, section: str, title: str,
                 compute: Callable[[ProjectCache], T]) -> tuple[Project, T] | HTMLResponse:
    """The served project and ``compute`` of it (its plan, its check), or the page saying what
    keeps the project from opening (the card, the registry, nastavnik.yaml) and where to fix it."""
    cache = state_of(request).cache
    try:
        return cache.project(), compute(cache)
    except InputError as exc:
        return page(request, "unreadable.html", section=section, title=title,
                    problems=explain(state_of(request), exc.problems))
