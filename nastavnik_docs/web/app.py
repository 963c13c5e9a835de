"""The FastAPI application: the curator's pages, the API, the gate, the request log.

``create_app(settings)`` builds one server's app; ``nastavnik-docs serve`` runs it on
uvicorn. The OpenAPI document carries every kind's input model (Russian descriptions from
the models themselves) as the body of ``POST /api/render/{kind_id}``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic.json_schema import models_json_schema

from .._version import __version__
from ..kinds import all_kinds
from .access_log import AccessLog
from .api import RENDER_PATH
from .api import router as api_router
from .awards_page import router as awards_router
from .check_page import router as check_router
from .errors import install_handlers
from .guard import Guard
from .job_page import router as job_router
from .officials import router as officials_router
from .pages import router as pages_router
from .plan_page import router as plan_router
from .settings import WebSettings
from .state import WebState

__all__ = ["create_app"]

HERE = Path(__file__).parent
DESCRIPTION = """\
Документы целевой модели наставничества по HTTP: каталог видов документов, документ из
JSON (DOCX, XLSX, PDF), пакет документов (ZIP), проверка шаблона и данных года.

Данные документа — входная модель его вида (схемы ниже и `GET /api/kinds/{kind_id}/schema`).
Ошибки — JSON `{"detail": "…", "problems": [{"file", "sheet", "row", "column", "field",
"message"}]}`. Сервер слушает только 127.0.0.1, если не задан ключ доступа; с ключом
передавайте заголовок `Authorization: Bearer КЛЮЧ`.
"""


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document plus the kinds' input models as the render body (``oneOf``)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title="nastavnik-docs", version=__version__, description=DESCRIPTION,
                         routes=app.routes)
    models = list({k.input_model: None for k in all_kinds()})
    refs, defs = models_json_schema([(m, "validation") for m in models],
                                    ref_template="#/components/schemas/{model}")
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name, definition in defs.get("$defs", {}).items():
        components.setdefault(name, definition)
    body = {"oneOf": [refs[(m, "validation")] for m in models]}
    operation = schema["paths"][RENDER_PATH]["post"]
    operation["requestBody"] = {
        "required": True,
        "description": "Входные данные вида документа (какая схема — по виду: GET /api/kinds/{kind_id}/schema)",
        "content": {"application/json": {"schema": body}},
    }
    app.openapi_schema = schema
    return schema


def create_app(settings: WebSettings) -> FastAPI:
    """The app serving ``settings.folder`` (created with its starting files if empty)."""
    settings.validate()
    state = WebState(settings)
    state.folder.ensure()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(title="nastavnik-docs", version=__version__, description=DESCRIPTION,
                  lifespan=lifespan, docs_url="/api/docs", redoc_url=None, openapi_url="/api/openapi.json")
    app.state.web = state
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.filters["sentence"] = lambda text: str(text)[:1].upper() + str(text)[1:]
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)
    app.include_router(officials_router)
    app.include_router(check_router)
    app.include_router(plan_router)
    app.include_router(awards_router)
    app.include_router(job_router)
    install_handlers(app, templates)
    app.add_middleware(Guard, settings=settings)
    app.add_middleware(AccessLog)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app
