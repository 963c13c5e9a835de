"""Fixtures of the web tests: an app over a fresh project folder, sample inputs as JSON,
and a registry workbook with one planted error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
#: Where the planted error sits: sheet «Пары», the row of pair 2, column «Начало».
PLANTED = {"sheet": "Пары", "row": 3, "column": "Начало", "value": "31.02.2026"}


def as_json(data: Any) -> Any:
    """YAML data as a JSON client sends it (dates as ISO text)."""
    return json.loads(json.dumps(data, default=str, ensure_ascii=False))


@pytest.fixture
def organization() -> dict[str, Any]:
    return as_json(yaml.safe_load((SAMPLES / "organization.yaml").read_text(encoding="utf-8")))


@pytest.fixture
def gramota(organization) -> dict[str, Any]:
    data = as_json(yaml.safe_load((SAMPLES / "awards" / "gramota.yaml").read_text(encoding="utf-8")))
    data["organization"] = organization
    return data


@pytest.fixture
def make_app(tmp_path):
    from nastavnik_docs.web import WebSettings, create_app

    apps = []

    def make(**settings: Any):
        folder = settings.pop("folder", tmp_path / "project")
        app = create_app(WebSettings(folder=folder, work_dir=tmp_path / "work", **settings))
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.state.web.close()


@pytest.fixture
def client(make_app):
    from fastapi.testclient import TestClient

    with TestClient(make_app(), base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


def registry_with_error(target: Path) -> Path:
    """The sample registry with one impossible date planted at ``PLANTED``."""
    import openpyxl

    shutil.copy(SAMPLES / "registry.xlsx", target)
    book = openpyxl.load_workbook(target)
    sheet = book[PLANTED["sheet"]]
    header = [c.value for c in sheet[1]]
    sheet.cell(PLANTED["row"], header.index(PLANTED["column"]) + 1, PLANTED["value"])
    book.save(target)
    return target


@pytest.fixture
def bad_registry(tmp_path) -> Path:
    return registry_with_error(tmp_path / "База с ошибкой.xlsx")
