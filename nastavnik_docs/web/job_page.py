"""The page of a background run and its progress as JSON (for the page's progress bar)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from .archive import PREVIEW_SUFFIXES, preview_available
from .jobs import AGAIN, Job
from .view import page, state_of

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: Which section of the page each kind of run belongs to, and where to go back.
_BACK = {"awards": ("awards", "/awards", "Вернуться к выпуску грамот"),
         "year": ("plan", "/plan", "Вернуться к плану года"),
         "document": ("plan", "/plan", "Вернуться к плану года")}


def _job(request: Request, job_id: str) -> Job:
    job = state_of(request).jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "Такого выпуска нет: сервер мог быть перезапущен")
    return job


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> HTMLResponse:
    job = _job(request, job_id)
    section, back, back_text = _BACK[job.kind]
    return page(request, "job.html", section=section, job=job, progress=job.progress(), back=back,
                back_text=back_text, previews=preview_available(), preview_suffixes=PREVIEW_SUFFIXES,
                again=[(action, AGAIN[action]) for action in job.again])


@router.post("/jobs/{job_id}/again/{action}")
def job_again(request: Request, job_id: str, action: str) -> Response:
    """Start a failed run again as the page offers it: continue it or start it anew."""
    state = state_of(request)
    job = _job(request, job_id)
    start = job.again.get(action) if job.state == "failed" else None
    if start is None:
        raise HTTPException(404, "Этот выпуск нельзя начать снова так")
    running = state.jobs.running()
    target = running if running is not None else start()
    return RedirectResponse(f"/jobs/{target.id}", status_code=303)


@router.get("/jobs/{job_id}/progress")
def job_progress(request: Request, job_id: str) -> JSONResponse:
    return JSONResponse(_job(request, job_id).progress())
