"""What every page handler shares: the server's state, rendering a page template, and the
served project with what keeps it from opening."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import HTMLResponse

from ..errors import InputError
from ..project import Project
from .project_cache import ProjectCache
from .schemas import problems_out
from .state import WebState

__all__ = ["page", "read_project", "state_of"]

T = TypeVar("T")


def state_of(request: Request) -> WebState:
    return request.app.state.web


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with the common context (the served folder, the section)."""
    context.setdefault("folder", state_of(request).folder.path)
    context.setdefault("section", "")
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


def read_project(request: Request, section: str, title: str,
                 compute: Callable[[ProjectCache], T]) -> tuple[Project, T] | HTMLResponse:
    """The served project and ``compute`` of it (its plan, its check), or the page saying what
    keeps the project from opening (the card, the registry, nastavnik.yaml) and where to fix it."""
    cache = state_of(request).cache
    try:
        return cache.project(), compute(cache)
    except InputError as exc:
        return page(request, "unreadable.html", section=section, title=title, problems=problems_out(exc.problems))
