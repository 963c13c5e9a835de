"""Fixtures of the web tests: an app over a fresh project folder, sample inputs as JSON,
and a registry workbook with one planted error (the helpers they use: ``web_support``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

from web_support import SAMPLES, as_json, registry_with_error, sample_project


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


@pytest.fixture
def bad_registry(tmp_path) -> Path:
    return registry_with_error(tmp_path / "База с ошибкой.xlsx")


@pytest.fixture
def project_client(make_app, tmp_path):
    """A server over a copy of the sample project."""
    from fastapi.testclient import TestClient

    folder = sample_project(tmp_path / "Дело 2026-2027")
    with TestClient(make_app(folder=folder), base_url="http://127.0.0.1:8000") as test_client:
        yield test_client
