"""The check of the year's data: every finding with what to do, linked to its rows and documents.

``Project.check()`` builds the whole year in memory and lists what is wrong (an act citing a
later act, a pair without the mentor's consent, a minor without a representative …), errors
first. Each finding here links to the registry rows it names (the registry page's anchors)
and to the documents of the plan it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..models import Finding
from .links import Link, document_anchor, row_link
from .plan_page import document_titles
from .project_cache import ProjectCache
from .view import page, read_project

__all__ = ["FindingView", "router"]

router = APIRouter(include_in_schema=False)


@dataclass
class FindingView:
    """A finding with its rows and documents as links."""

    finding: Finding
    rows: list[Link]
    documents: list[Link]


@router.get("/check", response_class=HTMLResponse)
def check_page(request: Request) -> HTMLResponse:
    opened = read_project(request, "check", "Проверка данных года", ProjectCache.check)
    if isinstance(opened, HTMLResponse):
        return opened
    project, findings = opened
    titles = document_titles(project)
    views = [FindingView(f, [row_link(r) for r in f.rows],
                         [Link(titles.get(k, k), f"/plan#{document_anchor(k)}") for k in f.documents])
             for f in findings]
    errors = sum(1 for f in findings if f.is_error)
    return page(request, "check.html", section="check", findings=views, errors=errors,
                warnings=len(findings) - errors)
