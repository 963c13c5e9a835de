"""The web API's uploads against hostile files: a template to check, a registry to check or
to load are read by the library's own hardened readers, so a bomb, a DOCTYPE, an encrypted
or a damaged file is an answer with a Russian reason (never a 500, never a traceback),
given fast and within the memory limit of the bombs."""

from __future__ import annotations

import io
import shutil

import pytest
from hostile_files import broken_files, docx_bomb, docx_template, many_entries, registry_styles_bomb
from hostile_harness import MEMORY_LIMIT_MB, ROOT, TALLY, run_limited_many

from nastavnik_docs._resources import sample_path

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from nastavnik_docs.web import WebSettings, create_app

    base = tmp_path_factory.mktemp("web")
    folder = base / "Дело"
    shutil.copytree(ROOT / "samples" / "project", folder)
    app = create_app(WebSettings(folder=folder, work_dir=base / "work"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as test_client:
        yield test_client
    app.state.web.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, tuple[str, bytes]]:
    """(endpoint, file bytes) by name: every broken-file type as a registry and as a
    template, a 1 GB registry bomb, a 200 MB template bomb, a registry of 10 001 parts."""
    folder = tmp_path_factory.mktemp("uploads")
    registry = sample_path("registry.xlsx").read_bytes()
    template = io.BytesIO()
    docx_template(template, ["{{ recipient.full_name }}"])
    found: dict[str, tuple[str, bytes]] = {}
    for name, data in broken_files(registry).items():
        found[f"база: {name}"] = ("registry", data)
    for name, data in broken_files(template.getvalue()).items():
        found[f"шаблон: {name}"] = ("template", data)
    found["база: 1 ГБ в styles.xml"] = ("registry", registry_styles_bomb(sample_path("registry.xlsx"),
                                                                         folder / "r.xlsx", 1024).read_bytes())
    found["база: 10 001 часть"] = ("registry", many_entries(registry, 10_001))
    found["шаблон: 200 МБ XML"] = ("template", docx_bomb(folder / "t.docx", 200).read_bytes())
    return found


def _posts(client, endpoint: str, data: bytes):
    """Every upload endpoint that takes a file of this sort, with its answer."""
    if endpoint == "template":
        yield "/api/check-template", client.post("/api/check-template", data={"kind": "award.certificate"},
                                                 files={"file": ("шаблон.docx", data, DOCX)})
        return
    yield "/api/check-project", client.post("/api/check-project", files={"file": ("база.xlsx", data, XLSX)})
    yield "/registry", client.post("/registry", files={"workbook": ("база.xlsx", data, XLSX)},
                                   follow_redirects=False)


@pytest.mark.hostile("commands")
def test_hostile_uploads_are_answered_in_russian_never_a_500(client, hostile, tally):
    for name, (endpoint, data) in hostile.items():
        for path, answer in _posts(client, endpoint, data):
            assert answer.status_code in (400, 413, 422), (name, path, answer.status_code, answer.text[:500])
            text = answer.text
            assert "Traceback" not in text and "Internal Server Error" not in text, (name, path)
            if path.startswith("/api"):
                problems = answer.json().get("problems") or [{"message": answer.json().get("detail", "")}]
                message = " ".join(str(p.get("message", "")) for p in problems)
                assert any("а" <= ch <= "я" for ch in message.lower()), (name, path, answer.json())
            if "1 ГБ" in name or "200 МБ" in name or "10 001" in name:
                assert "NASTAVNIK_DOCS_LIMIT" in text, (name, path, text[:500])
            tally.add("commands", "загрузка отклонена по-русски")
    # the folder's registry was never replaced by a hostile upload
    assert client.get("/registry").status_code == 200


@pytest.mark.hostile("yaml")
@pytest.mark.parametrize("path", ["/api/render/award.gramota", "/api/batch/award.gramota"])
def test_deeply_nested_json_bodies_are_refused_in_russian(client, path, tally):
    for body in (b"[" * 100_000, b'{"a":' * 50_000, b"[" * 150 + b"]" * 150, b'{"x": [1, 2'):
        answer = client.post(path, content=body, headers={"content-type": "application/json"})
        assert answer.status_code in (400, 422), (path, len(body), answer.status_code, answer.text[:300])
        detail = answer.json()["detail"]
        assert any("а" <= ch <= "я" for ch in detail.lower()) and "error" not in detail.lower(), detail
        tally.add("yaml", "тело запроса отклонено по-русски")


_SERVER = """
import shutil, pathlib
from fastapi.testclient import TestClient
from nastavnik_docs.web import WebSettings, create_app
base = pathlib.Path({base!r})
if not (base / "Дело").exists():
    shutil.copytree({samples!r}, base / "Дело")
client = TestClient(create_app(WebSettings(folder=base / "Дело", work_dir=base / "work")),
                    base_url="http://127.0.0.1:8000")
data = pathlib.Path({bomb!r}).read_bytes()
answer = {post}
assert answer.status_code in (400, 422) and "NASTAVNIK_DOCS_LIMIT" in answer.text, answer.text[:500]
raise nastavnik_docs.errors.LimitError(answer.text[:300])
"""
_POSTS = {
    "/api/check-project": 'client.post("/api/check-project", files={"file": ("база.xlsx", data, "application/x")})',
    "/registry": 'client.post("/registry", files={"workbook": ("база.xlsx", data, "application/x")}, '
                 'follow_redirects=False)',
    "/api/check-template": 'client.post("/api/check-template", data={"kind": "award.certificate"}, '
                           'files={"file": ("шаблон.docx", data, "application/x")})',
}


@pytest.mark.hostile("packages")
def test_bomb_uploads_are_refused_within_limits(hostile, tmp_path):
    bombs = {"registry": tmp_path / "r.xlsx", "template": tmp_path / "t.docx"}
    bombs["registry"].write_bytes(hostile["база: 1 ГБ в styles.xml"][1])
    bombs["template"].write_bytes(hostile["шаблон: 200 МБ XML"][1])
    found = run_limited_many({path: _SERVER.format(base=str(tmp_path), samples=str(ROOT / "samples" / "project"),
                                                   bomb=str(bombs["template" if "template" in path else "registry"]),
                                                   post=post)
                              for path, post in _POSTS.items()})
    for path, limited in found.items():
        assert limited.returncode == 0, limited.stderr[-3000:]
        assert limited.result["outcome"] == "LimitError", limited.result
        assert limited.returncode == 0 and limited.peak_mb < MEMORY_LIMIT_MB, (path, limited)
        bomb = bombs["template" if "template" in path else "registry"]
        TALLY.bombs.append({"name": f"веб, {path}: {'шаблон DOCX, 200 МБ XML' if 'template' in path else 'база XLSX, 1 ГБ в styles.xml'}",
                            "file": f"{bomb.stat().st_size / 1024:.0f} КБ", "inside": "200 МБ" if "template" in path else "1 ГБ",
                            "outcome": "отклонена", "seconds": limited.seconds, "peak_mb": limited.peak_mb})
        TALLY.add("packages", "бомба отклонена")
