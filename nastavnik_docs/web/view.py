"""What every page handler shares: the server's state and rendering a page template."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from .state import WebState

__all__ = ["page", "state_of"]


def state_of(request: Request) -> WebState:
    return request.app.state.web


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with the common context (the served folder, the section)."""
    context.setdefault("folder", state_of(request).folder.path)
    context.setdefault("section", "")
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)
