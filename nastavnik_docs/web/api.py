"""The HTTP API for other software (``/api/``): the catalogue, rendering, batches, checks.

A document's input is the kind's own pydantic model (its JSON Schema at
``/api/kinds/{kind_id}/schema``, and in the OpenAPI document). Every error is JSON
``{"detail": …, "problems": [{file, sheet, row, column, field, message, value}]}``.
Documents are made in a folder of the server's work area, sent, and removed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from .. import check_template, get_kind, load_input, render
from ..batch import records_from_source, render_batch, safe_file_stem
from ..errors import InputError, NastavnikError, Problem
from ..io import parse_json
from ..kinds import Kind, all_kinds, warnings_reported
from .archive import make_zip
from .files import content_disposition, content_type
from .inputs import safe_input
from .schemas import BatchRequest, CheckReport, ErrorOut, KindInfo, OutputFormat, TemplateCheckOut, TemplateIssueOut
from .state import Upload, WebState, store_upload

__all__ = ["BATCH_WARNINGS_FILE", "RENDER_PATH", "WARNINGS_HEADER", "router"]

RENDER_PATH = "/api/render/{kind_id}"  # the router adds the "/api" prefix
#: What a rendered document asks the caller to check: a JSON array of Russian sentences,
#: written in ASCII (``\uXXXX``) as a header must be; absent when there is nothing to check.
WARNINGS_HEADER = "X-Document-Warnings"
#: The same for a batch: a file in its archive, one sentence per line (a header could not
#: hold a school's worth).
BATCH_WARNINGS_FILE = "Что проверить.txt"
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text} for code, text in (
        (400, "Документ сделать нельзя (причина — в detail)"),
        (404, "Нет такого вида документа"),
        (413, "Запрос больше допустимого размера"),
        (422, "Ошибки во входных данных, каждая со своим местом"),
    )
}

router = APIRouter(prefix="/api", tags=["API"], responses=_ERRORS)


def _state(request: Request) -> WebState:
    return request.app.state.web


def kind_info(kind: Kind) -> KindInfo:
    formats = [f.lstrip(".") for f in kind.formats]
    if kind.docx or kind.xlsx:
        formats.append("pdf")
    return KindInfo(id=kind.id, title=kind.title, family=kind.family, description=kind.description,
                    formats=formats, batch_from_registry=bool(kind.batch and kind.batch.records))


def _removing(folder: Path) -> BackgroundTask:
    return BackgroundTask(shutil.rmtree, folder, ignore_errors=True)


def _send(path: Path, name: str, folder: Path) -> FileResponse:
    return FileResponse(path, media_type=content_type(name), background=_removing(folder),
                        headers={"Content-Disposition": content_disposition(name)})


async def _json_body(request: Request) -> Any:
    raw = await request.body()
    try:
        return parse_json(raw or b"null")  # the library's JSON rule: nesting bounded, never a RecursionError
    except InputError as exc:
        problem = exc.problems[0]
        what = "не JSON" if problem.code in ("json.syntax", "file.encoding") else "не принято"
        raise InputError(Problem(f"тело запроса — {what}: {problem.message}")) from None


@router.get("/kinds", response_model=list[KindInfo], summary="Виды документов")
def list_kinds() -> list[KindInfo]:
    """Каталог: каждый вид документа с названием, группой и форматами."""
    return [kind_info(k) for k in all_kinds()]


@router.get("/kinds/{kind_id}/schema", summary="JSON Schema входных данных вида документа")
def kind_schema(kind_id: str) -> dict[str, Any]:
    """Схема данных, которые принимает ``POST /api/render/{kind_id}``, с описаниями полей по-русски."""
    return get_kind(kind_id).input_model.model_json_schema()


def _render_file(kind: Kind, model: Any, fmt: OutputFormat, folder: Path) -> tuple[Path, str, list[str]]:
    """The document's file, its name, and what it asks to check (for :data:`WARNINGS_HEADER`:
    issued as Python warnings, they would reach the server's log, not the caller)."""
    stem = safe_file_stem(kind.output_name or kind.title)
    if fmt is OutputFormat.PDF:
        if not (kind.docx or kind.xlsx):
            raise NastavnikError(f"«{kind.title}» не выпускается в PDF")
        suffix = ".docx" if kind.docx else ".xlsx"  # converted by LibreOffice
    else:
        suffix = f".{fmt.value}"
        if suffix not in kind.formats:
            allowed = ", ".join(f.lstrip(".") for f in kind.formats)
            raise NastavnikError(f"«{kind.title}» не выпускается в формате {fmt.value}; допустимо: {allowed}, pdf")
    # Built once more by render, quietly: a warnings filter would be global, and the other
    # threads' documents would lose theirs (a few milliseconds for one document).
    notes = kind.context_and_warnings(model)[1]
    out = folder / f"{stem}{suffix}"
    with warnings_reported():
        written = render(kind, model, out, pdf=fmt is OutputFormat.PDF)
    if fmt is OutputFormat.PDF:
        out = written[1] if isinstance(written, list) else out.with_suffix(".pdf")
    return out, out.name, notes


@router.post(RENDER_PATH.removeprefix("/api"), summary="Сделать документ из JSON", response_class=FileResponse,
             responses={200: {"description": "Файл документа (DOCX, XLSX или PDF)", "content": {
                 content_type(".docx"): {}, content_type(".xlsx"): {}, content_type(".pdf"): {}},
                 "headers": {WARNINGS_HEADER: {"schema": {"type": "string"}, "description": (
                     "Что проверить в документе: JSON-массив строк (буквы кириллицы — \\uXXXX); "
                     "нет заголовка — проверять нечего")}}}})
async def render_document(
    request: Request, kind_id: str,
    format: OutputFormat = Query(OutputFormat.DOCX, description="Формат файла: docx, xlsx или pdf (нужен LibreOffice)"),
) -> FileResponse:
    """Тело — входные данные вида документа (схема: ``GET /api/kinds/{kind_id}/schema``).
    Ответ — файл с именем по-русски в ``Content-Disposition`` (RFC 5987); что проверить в
    документе (например, согласие оформлено от имени законного представителя, потому что дата
    рождения неизвестна) — в заголовке ``X-Document-Warnings``. Файлы по путям
    не читаются: организация, база и другие вложенные данные передаются целиком, изображения —
    в поле ``data`` в base64."""
    kind = get_kind(kind_id)
    data = safe_input(kind.input_model, await _json_body(request))
    model = await run_in_threadpool(load_input, kind, data)
    folder = _state(request).scratch()
    try:
        path, name, notes = await run_in_threadpool(_render_file, kind, model, format, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    response = _send(path, name, folder)
    if notes:
        response.headers[WARNINGS_HEADER] = json.dumps(notes, ensure_ascii=True)
    return response


def _batch_records(kind: Kind, body: BatchRequest, state: WebState) -> list[dict[str, Any]]:
    common = safe_input(kind.input_model, body.common)
    if body.from_registry:
        return records_from_source(kind, state.folder.registry_path(), common=common)
    if body.records is None:
        raise InputError(Problem("укажите записи (records) или возьмите их из базы (from_registry: true)"))
    problems: list[Problem] = []
    records = []
    for i, record in enumerate(body.records, start=1):
        try:
            records.append(safe_input(kind.input_model, record))
        except InputError as exc:
            problems += [Problem(p.message, row=i, field=p.field, value=p.value) for p in exc.problems]
    if problems:
        raise InputError(problems)
    return records_from_source(kind, records, common=common)


def _run_batch(kind: Kind, body: BatchRequest, state: WebState, folder: Path) -> tuple[Path, int, int]:
    records = _batch_records(kind, body, state)
    out = folder / safe_file_stem(kind.output_name or kind.title)
    with warnings_reported():  # into the archive, not the server's log
        report = render_batch(kind, records, out, merge=body.merge, name=body.name)
    if report.warnings:
        (out / BATCH_WARNINGS_FILE).write_text("\n".join(report.warnings) + "\n", encoding="utf-8")
    archive = make_zip(out, folder / f"{out.name}.zip")
    return archive, len(report.written), len(report.failed)


@router.post("/batch/{kind_id}", summary="Пакет документов (ZIP)", response_class=FileResponse,
             responses={200: {"description": "ZIP: документы; если были ошибки — «Ошибки выпуска.csv»; "
                                             "если в документах есть что проверить — «Что проверить.txt»",
                              "content": {"application/zip": {}}}})
async def batch(request: Request, kind_id: str, body: BatchRequest) -> FileResponse:
    """По документу на каждую запись. Запись — поля входных данных вида документа (как у
    одного документа), общие поля (``common``) добавляются к каждой. Запись с ошибкой не
    останавливает остальные: её причина — в «Ошибки выпуска.csv» внутри архива; что проверить
    в документах (по строке на предупреждение) — в «Что проверить.txt» там же; число
    сделанных и несделанных документов — в заголовках ``X-Documents-Written`` и
    ``X-Documents-Failed``."""
    kind = get_kind(kind_id)
    state = _state(request)
    folder = state.scratch()
    try:
        archive, written, failed = await run_in_threadpool(_run_batch, kind, body, state, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    response = _send(archive, archive.name, folder)
    response.headers["X-Documents-Written"] = str(written)
    response.headers["X-Documents-Failed"] = str(failed)
    return response


@router.post("/check-template", response_model=TemplateCheckOut, summary="Проверить свой шаблон")
async def check_user_template(
    request: Request,
    file: UploadFile = File(description="Шаблон .docx или .xlsx"),
    kind: str = Form(description="Вид документа, под который сделан шаблон"),
) -> TemplateCheckOut:
    """Неизвестные переменные и незакрытые теги шаблона, каждая ошибка — с местом в документе."""
    found = get_kind(kind)
    folder = _state(request).scratch()
    try:
        upload = await store_upload(file, folder, (".docx", ".xlsx"), "Шаблон")
        report = await run_in_threadpool(check_template, upload.path, found)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return TemplateCheckOut(ok=report.ok, kind=found.id, template=upload.original,
                            issues=[TemplateIssueOut(kind=i.kind, message=i.message, where=i.where, text=i.text,
                                                     path=i.path, suggestion=i.suggestion) for i in report.issues])


def _check_upload(state: WebState, upload: Upload) -> list[Any]:
    try:
        return state.folder.open_project(registry=upload.path).check()
    except InputError as exc:
        raise upload.renamed(exc) from None


@router.post("/check-project", response_model=CheckReport, summary="Проверить данные года")
async def check_project(
    request: Request,
    file: UploadFile | None = File(None, description="Книга Excel базы участников (.xlsx) — проверить её "
                                                     "вместо базы папки, с настройками папки"),
) -> CheckReport:
    """Весь комплект года собирается в памяти и проверяется, ничего не записывается: ссылки
    актов, номера и даты, наставники, пары, согласия, база. Без файла проверяется папка, которую
    обслуживает сервер; с файлом — загруженная база с nastavnik.yaml и журналом этой папки (так
    школьная система проверяет свою выгрузку до того, как заменить ею базу). Каждая находка —
    с кодом, серьёзностью, текстом, подсказкой, строками базы и ключами документов."""
    state = _state(request)
    if file is None:
        findings = await run_in_threadpool(state.cache.check)
        return CheckReport.of(findings, "папка")
    folder = state.scratch()
    try:
        upload = await store_upload(file, folder, (".xlsx",), "База участников")
        findings = await run_in_threadpool(_check_upload, state, upload)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return CheckReport.of(findings, upload.original)
