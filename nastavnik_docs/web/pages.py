"""The curator's pages: the start page, the organisation card, the registry, files, previews.

Server-rendered Jinja pages in Russian; every form works without JavaScript. The certificate
batches and their progress live in :mod:`.awards_page`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from ..errors import InputError, Problem
from ..io import write_registry
from ..models import Organization, Registry
from ..project import ItemStatus, Officials
from .archive import PREVIEW_SUFFIXES, preview_available, preview_png
from .files import IndexedFile, content_disposition
from .forms import attach_problems, form_fields, form_to_data
from .links import row_anchor
from .officials import OFFICES
from .schemas import problems_out
from .state import WebState, store_upload
from .view import page, state_of

__all__ = ["ORGANIZATION_FIELDS", "router"]

router = APIRouter(include_in_schema=False)

#: The organisation card's fields on the form, in the order of the printed card.
ORGANIZATION_FIELDS = [
    "full_name", "short_name", "kind", "founder", "city", "address", "phone", "email", "website",
    "inn", "ogrn", "head.last_name", "head.first_name", "head.middle_name", "head.gender", "head.post",
    "font_name", "font_size",
]
_HINTS = {
    "full_name": "Как в уставе; печатается в шапке каждого документа.",
    "short_name": "Например: МБОУ «СОШ № 12». Кавычки-«ёлочки» пишите как есть.",
    "founder": "Строка над наименованием, например: Управление образования Администрации города Вологды.",
    "inn": "10 или 12 цифр.",
    "ogrn": "13 или 15 цифр.",
    "head.gender": "Если не указан, определяется по отчеству.",
    "head.post": "Полностью, как в подписи: Директор МБОУ «СОШ № 12».",
    "font_size": "12–14 пт.",
}


# ------------------------------------------------------------------------ start page


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """The curator's path with where each step stands; the check and the plan are shown only
    when already computed for the folder as it is (the start page never waits for them)."""
    state = state_of(request)
    card, card_problems = state.folder.organization()
    registry, registry_problems = state.folder.registry()
    written = state.folder.officials_data()
    offices = [k for k in OFFICES if k != "head"]  # the head comes from the card unless named
    missing = [str(Officials.model_fields[k].description).lower() for k in offices if not written.get(k)]
    findings, plan = state.cache.known_check(), state.cache.known_plan()
    counts = {s: sum(1 for i in plan if i.status is s) for s in ItemStatus} if plan is not None else None
    return page(request, "home.html", section="home", card=card, card_problems=card_problems,
                registry=registry, registry_problems=registry_problems, officials_missing=missing,
                officials_named=len(offices) - len(missing),
                findings=findings, errors=sum(1 for f in findings if f.is_error) if findings is not None else 0,
                counts=counts, statuses=ItemStatus)


# ------------------------------------------------------------------------ organisation


def _organization_form(data: dict[str, Any], problems: list[Problem]) -> tuple[list[Any], list[Problem]]:
    fields = form_fields(Organization, ORGANIZATION_FIELDS, data, _HINTS, {"head.gender": "Пол", "head.post": "Должность"})
    return fields, attach_problems(fields, problems)


@router.get("/organization", response_class=HTMLResponse)
def organization_page(request: Request) -> HTMLResponse:
    state = state_of(request)
    data = state.folder.organization_data()
    _, problems = state.folder.organization()
    fields, rest = _organization_form(data, problems if data else [])
    return page(request, "organization.html", section="organization", fields=fields, other=rest,
                saved=request.query_params.get("saved") == "1")


@router.post("/organization", response_class=HTMLResponse)
async def save_organization(request: Request) -> Response:
    state = state_of(request)
    form = {k: str(v) for k, v in (await request.form()).items()}
    data = form_to_data(form, ORGANIZATION_FIELDS)
    data.setdefault("head", {})  # so that each missing name of the head is shown at its field
    try:
        await run_in_threadpool(state.folder.save_organization, data, ORGANIZATION_FIELDS)
    except InputError as exc:
        fields, rest = _organization_form(data, exc.problems)
        return page(request, "organization.html", status=422, section="organization", fields=fields,
                    other=rest, saved=False, failed=len(exc.problems))
    return RedirectResponse("/organization?saved=1", status_code=303)


# ------------------------------------------------------------------------ registry


def _registry_page(request: Request, status: int = 200, **extra: Any) -> HTMLResponse:
    state = state_of(request)
    registry, problems = state.folder.registry()
    current = state.files.add(state.folder.registry_file) if registry is not None else None
    return page(request, "registry.html", status=status, section="registry", registry=registry,
                folder_problems=problems_out(problems), current=current, empty=_empty_workbook(state),
                row_anchor=row_anchor, **extra)


def _empty_workbook(state: WebState) -> IndexedFile:
    """The empty registry workbook to fill in (named as the project names its registry),
    made once per server."""
    try:
        name = state.folder.registry_file.with_suffix(".xlsx").name
    except InputError:
        name = "База участников.xlsx"
    target = state.work / "empty" / name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        write_registry(Registry(), target, overwrite=True)
    return state.files.add(target)


@router.get("/registry", response_class=HTMLResponse)
def registry_page(request: Request) -> HTMLResponse:
    return _registry_page(request, loaded=request.query_params.get("loaded") == "1")


@router.post("/registry", response_class=HTMLResponse)
async def upload_registry(request: Request, workbook: UploadFile = File(...)) -> Response:
    state = state_of(request)
    folder = state.scratch("upload-")
    upload = None
    try:
        upload = await store_upload(workbook, folder, (".xlsx",), "База участников")
        await run_in_threadpool(state.folder.replace_registry, upload.path)
    except InputError as exc:
        names = upload.names if upload else {}
        return _registry_page(request, status=422, upload_problems=problems_out(exc.problems, names),
                              upload_name=workbook.filename or "")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return RedirectResponse("/registry?loaded=1", status_code=303)


# ------------------------------------------------------------------------ files and previews


def _indexed(request: Request, file_id: str) -> IndexedFile:
    entry = state_of(request).files.get(file_id)
    if entry is None:
        raise HTTPException(404, "Файл не найден: ссылка устарела или неверна. Обновите страницу.")
    return entry


@router.get("/files/{file_id}")
def download(request: Request, file_id: str) -> FileResponse:
    entry = _indexed(request, file_id)
    return FileResponse(entry.path, media_type=entry.media_type,
                        headers={"Content-Disposition": content_disposition(entry.name)})


@router.get("/preview/{file_id}", response_class=HTMLResponse)
def preview_page(request: Request, file_id: str) -> HTMLResponse:
    entry = _indexed(request, file_id)
    available = entry.path.suffix.lower() in PREVIEW_SUFFIXES and preview_available()
    return page(request, "preview.html", section="", entry=entry, available=available)


@router.get("/preview/{file_id}/page.png")
async def preview_image(request: Request, file_id: str) -> FileResponse:
    entry = _indexed(request, file_id)
    if entry.path.suffix.lower() not in PREVIEW_SUFFIXES:
        raise HTTPException(404, "У этого файла нет предпросмотра")
    folder = state_of(request).work / "previews" / file_id
    png: Path = await run_in_threadpool(preview_png, entry.path, folder)
    return FileResponse(png, media_type="image/png")

