"""Errors as answers: JSON ``{"detail": …, "problems": [...]}`` under ``/api/``, a page elsewhere.

The library's errors keep their meaning: bad input (``InputError``, every problem located)
is 422, an unknown kind 404, a missing LibreOffice 503, any other library error 400. The
request checks of FastAPI (a body that is not JSON, a wrong ``format``) become the same
shape with Russian messages.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from ..errors import ConverterMissingError, InputError, KindNotFoundError, NastavnikError, OutputExistsError
from .schemas import ErrorOut, ProblemOut, problems_out

__all__ = ["error_detail", "install_handlers", "status_of"]

#: FastAPI's checks of a request, in Russian (by pydantic's error type).
_REQUEST_MESSAGES = {
    "missing": "обязательное значение не указано",
    "json_invalid": "тело запроса — не JSON",
    "model_attributes_type": "ожидается объект JSON",
    "dict_type": "ожидается объект JSON",
    "list_type": "ожидается список",
    "bool_parsing": "ожидается true или false",
    "string_type": "ожидается текст",
    "int_parsing": "ожидается целое число",
}


def status_of(exc: NastavnikError) -> int:
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, KindNotFoundError):
        return 404
    if isinstance(exc, OutputExistsError):
        return 409
    if isinstance(exc, ConverterMissingError):
        return 503
    return 400


def error_detail(exc: NastavnikError) -> str:
    if isinstance(exc, InputError) and len(exc.problems) > 1:
        return f"Найдено ошибок во входных данных: {len(exc.problems)}"
    if isinstance(exc, InputError) and exc.problems:
        return exc.problems[0].message
    return str(exc)


def _request_problem(error: dict[str, Any]) -> ProblemOut:
    loc = [str(part) for part in error.get("loc", ())]
    where, rest = (loc[0], loc[1:]) if loc else ("", [])
    message = _REQUEST_MESSAGES.get(error.get("type", ""))
    if error.get("type") == "enum":
        expected = (error.get("ctx") or {}).get("expected", "")
        message = f"допустимые значения: {expected}".replace("'", "").replace(" or ", " или ")
    field = " → ".join(rest) or None
    if where == "query" and rest:
        field = f"параметр {rest[0]}"
    return ProblemOut(message=message or str(error.get("msg", "неверное значение")), field=field)


def install_handlers(app: FastAPI, templates: Jinja2Templates) -> None:
    """Answer every error in the shape of the module docstring."""

    def answer(request: Request, status: int, detail: str, problems: list[ProblemOut]) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse(ErrorOut(detail=detail, problems=problems).model_dump(), status_code=status)
        return templates.TemplateResponse(request, "error.html", {"detail": detail, "problems": problems},
                                          status_code=status)

    @app.exception_handler(NastavnikError)
    async def library_error(request: Request, exc: NastavnikError) -> Response:
        problems = problems_out(exc.problems) if isinstance(exc, InputError) else []
        return answer(request, status_of(exc), error_detail(exc), problems)

    @app.exception_handler(RequestValidationError)
    async def request_error(request: Request, exc: RequestValidationError) -> Response:
        problems = [_request_problem(dict(e)) for e in exc.errors()]
        detail = "Запрос составлен неверно" + (f": {problems[0].message}" if len(problems) == 1 else "")
        return answer(request, 422, detail, problems)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "Ошибка запроса"
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Страница или файл не найдены"
        elif exc.status_code == 400 and detail == "There was an error parsing the body":
            detail = ("Тело запроса не читается как JSON: оно повреждено или вложено глубже, чем разбирает "
                      "сервер")  # FastAPI's own parser (a RecursionError included)
        elif exc.status_code == 405:
            detail = "Этот адрес не принимает такой запрос"
        return answer(request, exc.status_code, detail, [])
