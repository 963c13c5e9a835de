"""The HTTP API: every endpoint, its errors as JSON with located problems, and the safety
rules (no server file named by a request, size limits, other sites, the token)."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import unquote

import docx
import pytest
from web_support import MALFORMED_WORKBOOKS, PLANTED

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def document_text(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


def test_kinds_lists_the_catalogue_with_formats(client):
    kinds = {k["id"]: k for k in client.get("/api/kinds").json()}
    assert kinds["award.gramota"]["title"] == "Почётная грамота"
    assert kinds["award.gramota"]["formats"] == ["docx", "pdf"]
    assert kinds["award.gramota"]["batch_from_registry"] is True
    assert "xlsx" in kinds["report.coverage"]["formats"]
    assert kinds["order.appoint_curator"]["batch_from_registry"] is False


def test_schema_of_a_kind_has_russian_descriptions(client):
    schema = client.get("/api/kinds/award.gramota/schema").json()
    assert schema["properties"]["wording"]["description"].startswith("За что")
    assert "recipient" in schema["required"]


def test_unknown_kind_is_404_with_a_suggestion(client):
    answer = client.get("/api/kinds/award.gramot/schema")
    assert answer.status_code == 404
    assert answer.json() == {"detail": answer.json()["detail"], "problems": []}
    assert "award.gramota" in answer.json()["detail"]


def test_render_returns_the_document_with_a_russian_file_name(client, gramota):
    answer = client.post("/api/render/award.gramota", json=gramota)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == DOCX
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="Pochetnaya_gramota.docx"; ')
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "Почётная грамота.docx"
    text = document_text(answer.content)
    assert "Кравченко" in text and "за высокий профессионализм" in text


def test_render_xlsx(client, organization):
    import openpyxl
    import yaml
    from web_support import SAMPLES, as_json

    data = as_json(yaml.safe_load((SAMPLES / "reports" / "coverage.yaml").read_text(encoding="utf-8")))
    data["organization"] = organization
    data["registry"] = as_json(yaml.safe_load((SAMPLES / "registry.yaml").read_text(encoding="utf-8")))
    answer = client.post("/api/render/report.coverage?format=xlsx", json=data)
    assert answer.status_code == 200, answer.text
    book = openpyxl.load_workbook(io.BytesIO(answer.content))
    cells = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value)
    assert "наставник" in cells.lower()


@pytest.mark.slow
def test_render_pdf(client, gramota):
    answer = client.post("/api/render/award.gramota?format=pdf", json=gramota)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF")


def test_what_a_document_asks_to_check_comes_in_a_header(client, organization):
    import json
    import warnings

    import yaml
    from web_support import SAMPLES, as_json

    from nastavnik_docs.kinds import DocumentWarning
    from nastavnik_docs.web.api import BATCH_WARNINGS_FILE, WARNINGS_HEADER

    data = yaml.safe_load((SAMPLES / "forms" / "consent_personal_data.yaml").read_text(encoding="utf-8"))
    registry = yaml.safe_load((SAMPLES / "registry.yaml").read_text(encoding="utf-8"))
    next(p for p in registry["participants"] if p["id"] == "У16").pop("birth_date")
    payload = as_json({**data, "organization": organization, "registry": registry})
    with warnings.catch_warnings():
        warnings.simplefilter("error", DocumentWarning)  # said to the caller, not to the server's log
        answer = client.post("/api/render/consent.personal_data", json=payload)
    assert answer.status_code == 200, answer.text
    header = answer.headers[WARNINGS_HEADER]
    assert header.isascii()
    (said,) = json.loads(header)
    assert said.startswith("Дата рождения участника Кузнецова\u00a0С.М. неизвестна: согласие оформлено от имени")
    assert "(если мне исполнилось 14 лет)" in document_text(answer.content)  # signed by the representative
    registry = yaml.safe_load((SAMPLES / "registry.yaml").read_text(encoding="utf-8"))
    plain = client.post("/api/render/consent.personal_data", json=as_json({**payload, "registry": registry}))
    assert plain.status_code == 200 and WARNINGS_HEADER not in plain.headers

    common = {k: v for k, v in payload.items() if k not in ("participant", "address", "document", "representative")}
    with warnings.catch_warnings():
        warnings.simplefilter("error", DocumentWarning)
        batch = client.post("/api/batch/consent.personal_data",
                            json={"common": common, "records": [{"participant": "У16"}, {"participant": "У01"}],
                                  "name": "Согласие_{participant}"})
    assert batch.status_code == 200, batch.text
    archive = zipfile.ZipFile(io.BytesIO(batch.content))
    assert archive.read(BATCH_WARNINGS_FILE).decode("utf-8") == said + "\n"
    assert len([n for n in archive.namelist() if n.endswith(".docx")]) == 2


def test_render_errors_are_located(client, gramota):
    del gramota["date"]
    gramota["recipient"]["gender"] = "неизвестно"
    answer = client.post("/api/render/award.gramota", json=gramota)
    assert answer.status_code == 422
    problems = {p["field"]: p for p in answer.json()["problems"]}
    assert set(problems) == {"date", "recipient → gender"}
    assert problems["recipient → gender"]["value"] == "неизвестно"
    assert all(set(p) >= {"file", "sheet", "row", "column", "field", "message"} for p in problems.values())


def test_render_refuses_file_names_instead_of_data(client, gramota):
    """A request can never make the server read its own files."""
    gramota["organization"] = "../../organization.yaml"
    gramota["logo"] = {"path": "/etc/passwd"}
    answer = client.post("/api/render/award.gramota", json=gramota)
    assert answer.status_code == 422
    fields = {p["field"]: p for p in answer.json()["problems"]}
    assert set(fields) == {"organization", "logo → path"}
    assert "не имя файла" in fields["organization"]["message"]


def test_render_takes_a_picture_as_base64(client, gramota):
    import base64

    from web_support import SAMPLES

    gramota["logo"] = {"data": base64.b64encode((SAMPLES / "awards" / "logo.png").read_bytes()).decode(),
                       "height_mm": 20}
    answer = client.post("/api/render/award.gramota", json=gramota)
    assert answer.status_code == 200, answer.text
    assert any(n.startswith("word/media/") for n in zipfile.ZipFile(io.BytesIO(answer.content)).namelist())
    gramota["logo"] = {"data": "это не base64!"}
    assert client.post("/api/render/award.gramota", json=gramota).json()["problems"][0]["field"] == "logo → data"


def test_render_wrong_format_and_malformed_body(client, gramota):
    wrong = client.post("/api/render/award.gramota?format=xlsx", json=gramota)
    assert wrong.status_code == 400 and "не выпускается в формате xlsx" in wrong.json()["detail"]
    unknown = client.post("/api/render/award.gramota?format=odt", json=gramota)
    assert unknown.status_code == 422
    assert unknown.json()["problems"][0]["field"] == "параметр format"
    broken = client.post("/api/render/award.gramota", content=b"{oops", headers={"content-type": "application/json"})
    assert broken.status_code == 422 and broken.json()["detail"].startswith("тело запроса — не JSON")
    listed = client.post("/api/render/award.gramota", json=[1, 2])
    assert listed.status_code == 422


def test_batch_streams_a_zip_of_documents(client, gramota):
    records = [{"recipient": {"last_name": "Осипов", "first_name": "Кирилл", "middle_name": "Андреевич",
                              "gender": "м", "post": "учитель физики", "role": "наставник"}},
               {"recipient": {"last_name": "Белова", "first_name": "Дарья", "gender": "ж"}}]
    common = {k: v for k, v in gramota.items() if k != "recipient"}
    answer = client.post("/api/batch/award.gramota", json={"common": common, "records": records})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/zip"
    assert answer.headers["x-documents-written"] == "2" and answer.headers["x-documents-failed"] == "0"
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    names = sorted(archive.namelist())
    assert names == ["Белова_Д.docx", "Осипов_К.А.docx"]
    assert "Осипов Кирилл Андреевич" in document_text(archive.read("Осипов_К.А.docx"))


def test_batch_reports_bad_records_by_number(client, gramota):
    common = {k: v for k, v in gramota.items() if k != "recipient"}
    answer = client.post("/api/batch/award.gramota",
                         json={"common": common, "records": [{"recipient": "люди.yaml"}]})
    assert answer.status_code == 422
    problem = answer.json()["problems"][0]
    assert (problem["row"], problem["field"]) == (1, "recipient")


def test_batch_from_the_served_registry(make_app, tmp_path, gramota):
    import shutil

    from fastapi.testclient import TestClient
    from web_support import SAMPLES

    folder = tmp_path / "school"
    folder.mkdir()
    shutil.copy(SAMPLES / "registry.xlsx", folder / "База наставников и наставляемых.xlsx")
    with TestClient(make_app(folder=folder), base_url="http://127.0.0.1:8000") as client:
        common = {k: v for k, v in gramota.items() if k != "recipient"}
        answer = client.post("/api/batch/award.certificate",
                             json={"common": {**common, "event": "в программе наставничества"},
                                   "from_registry": True})
    assert answer.status_code == 200, answer.text
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    assert len(archive.namelist()) == int(answer.headers["x-documents-written"]) == 28


def test_check_template_reports_unknown_variables(client, tmp_path):
    import docx as python_docx

    template = tmp_path / "my.docx"
    document = python_docx.Document()
    document.add_paragraph("Награждается {{ recipient.nominative }} {{ recipient.nominatve }}")
    document.save(template)
    answer = client.post("/api/check-template", data={"kind": "award.gramota"},
                         files={"file": ("Моя грамота.docx", template.read_bytes(), DOCX)})
    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert report["ok"] is False and report["template"] == "Моя грамота.docx"
    assert [i["path"] for i in report["issues"]] == ["recipient.nominatve"]


def test_check_template_refuses_a_malformed_upload(client):
    answer = client.post("/api/check-template", data={"kind": "award.gramota"},
                         files={"file": ("шаблон.docx", b"not a zip at all", DOCX)})
    assert answer.status_code == 422
    assert answer.json()["problems"][0]["file"] == "шаблон.docx"
    other = client.post("/api/check-template", data={"kind": "award.gramota"},
                        files={"file": ("../../etc/passwd", b"root:x:0:0", "text/plain")})
    assert other.status_code == 422 and "нужен файл .docx, .xlsx" in other.json()["detail"]


@pytest.mark.parametrize("path", [
    "/files/../../etc/passwd", "/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/files/..%2F..%2Fetc%2Fpasswd",
    "/files/%2Fetc%2Fpasswd", "/files/....//....//etc/passwd", "/preview/..%2F..%2Fetc%2Fpasswd/page.png",
    "/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
])
def test_path_traversal_finds_nothing(client, path):
    answer = client.get(path)
    assert answer.status_code == 404
    assert "root:" not in answer.text and "[project]" not in answer.text


def test_oversized_upload_is_413_in_russian(make_app):
    from fastapi.testclient import TestClient

    with TestClient(make_app(max_upload_mb=0.01), base_url="http://127.0.0.1:8000") as client:
        big = client.post("/api/check-template", data={"kind": "award.gramota"},
                          files={"file": ("big.docx", b"PK\x03\x04" + b"0" * 20_000, DOCX)})
        assert big.status_code == 413
        assert big.json()["detail"].startswith("Файл или запрос слишком большой: допускается не больше 0,01 МБ")

        def chunks():  # no Content-Length: the body is counted as it comes
            for _ in range(10):
                yield b" " * 2_000

        chunked = client.post("/api/render/award.gramota", content=chunks(),
                              headers={"content-type": "application/json"})
        assert chunked.status_code == 413


def test_other_sites_and_other_host_names_are_refused(client, gramota):
    cross = client.post("/api/render/award.gramota", json=gramota, headers={"origin": "https://evil.example"})
    assert cross.status_code == 403 and cross.json()["detail"] == "Запрос с другого сайта отклонён."
    same = client.post("/api/render/award.gramota", json=gramota, headers={"origin": "http://127.0.0.1:8000"})
    assert same.status_code == 200
    rebound = client.get("/api/kinds", headers={"host": "evil.example"})
    assert rebound.status_code == 400


def test_token_is_required_off_loopback(make_app):
    from fastapi.testclient import TestClient

    from nastavnik_docs.web import WebSettings

    with pytest.raises(ValueError, match="задайте ключ доступа"):
        WebSettings(folder=".", host="0.0.0.0").validate()
    token = "a-long-enough-secret-token"
    with TestClient(make_app(host="0.0.0.0", token=token), base_url="http://192.0.2.10:8000") as client:
        assert client.get("/api/kinds").status_code == 401
        assert client.get("/api/kinds", headers={"authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
        assert client.get("/api/kinds", headers={"authorization": f"Bearer {token}"}).status_code == 200
        opened = client.get(f"/registry?token={token}", follow_redirects=False)
        assert opened.status_code == 303 and opened.headers["location"] == "/registry"
        assert client.get("/registry").status_code == 200  # the cookie now carries it


def test_openapi_has_every_input_model_with_russian_descriptions(client):
    schema = client.get("/api/openapi.json").json()
    body = schema["paths"]["/api/render/{kind_id}"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    refs = {ref["$ref"].rsplit("/", 1)[1] for ref in body["oneOf"]}
    assert {"AwardInput", "AppointCuratorInput", "Roadmap"} <= refs
    components = schema["components"]["schemas"]
    assert components["AwardInput"]["properties"]["date"]["description"] == "Дата документа"

    def refs_in(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    yield value
                else:
                    yield from refs_in(value)
        elif isinstance(node, list):
            for item in node:
                yield from refs_in(item)

    missing = {r for r in refs_in(schema) if r.rsplit("/", 1)[1] not in components}
    assert missing == set()
    assert set(schema["paths"]) >= {"/api/kinds", "/api/kinds/{kind_id}/schema", "/api/render/{kind_id}",
                                    "/api/batch/{kind_id}", "/api/check-template"}
    assert not any(p.startswith("/files") for p in schema["paths"])


def test_the_log_has_no_personal_data(client, gramota, caplog):
    import logging

    with caplog.at_level(logging.INFO, logger="nastavnik_docs.web"):
        client.post("/api/render/award.gramota", json=gramota)
        client.get("/awards?name=Кравченко")
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0].startswith("POST /api/render/{kind_id} 200 ")
    assert lines[1].startswith("GET /awards 200 ")
    assert not any("Кравченко" in line or "award.gramota" in line for line in lines)


def test_planted_registry_error_via_check_helpers(bad_registry):
    """The fixture really plants the error the browser test looks for."""
    import nastavnik_docs as nd

    with pytest.raises(nd.InputError) as caught:
        nd.load_registry(bad_registry)
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.row, problem.column) == (PLANTED["sheet"], PLANTED["row"], PLANTED["column"])


# ------------------------------------------------------------------------ check-project

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def new_project(make_app, tmp_path):
    """A new project (``nastavnik-docs init``) with the sample card and its own empty registry."""
    import shutil

    from fastapi.testclient import TestClient
    from web_support import SAMPLES

    from nastavnik_docs.project import Project

    folder = tmp_path / "Новый проект"
    Project.init(folder, school_year=2026)
    shutil.copy(SAMPLES / "organization.yaml", folder / "organization.yaml")
    with TestClient(make_app(folder=folder), base_url="http://127.0.0.1:8000") as client:
        yield client


def test_check_project_of_the_served_folder(project_client):
    answer = project_client.post("/api/check-project")
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"ok": True, "errors": 0, "warnings": 0, "registry": "папка", "findings": []}


def test_check_project_of_an_uploaded_workbook_with_the_folders_settings(project_client, tmp_path):
    from web_support import registry_with_unknown_form

    registry = project_client.app.state.web.folder.registry_file
    before = registry.read_bytes()
    upload = registry_with_unknown_form(tmp_path / "выгрузка.xlsx")
    answer = project_client.post("/api/check-project", files={"file": ("выгрузка.xlsx", upload.read_bytes(), XLSX)})
    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert report["ok"] is False and report["registry"] == "выгрузка.xlsx"
    assert report["errors"] == sum(f["severity"] == "error" for f in report["findings"]) >= 1
    form = next(f for f in report["findings"] if f["code"] == "pair.form_unknown")
    assert form == {**form, "severity": "error", "rows": ["лист «Пары», строка 3"],
                    "places": [{"sheet": "Пары", "row": 3}], "documents": []}
    assert "неизвестная форма наставничества" in form["message"] and form["hint"]
    severities = [f["severity"] for f in report["findings"]]
    assert severities == sorted(severities)  # errors first
    assert registry.read_bytes() == before  # the folder's own registry is not touched
    assert project_client.post("/api/check-project").json()["ok"] is True


def test_check_project_locates_the_errors_of_an_uploaded_workbook(new_project, bad_registry):
    answer = new_project.post("/api/check-project", files={"file": ("Моя база.xlsx", bad_registry.read_bytes(), XLSX)})
    assert answer.status_code == 422
    (problem,) = answer.json()["problems"]
    assert problem["file"] == "Моя база.xlsx"
    assert (problem["sheet"], problem["row"], problem["column"], problem["value"]) == \
        (PLANTED["sheet"], PLANTED["row"], PLANTED["column"], PLANTED["value"])


@pytest.mark.parametrize(("name", "content", "message"), MALFORMED_WORKBOOKS)
def test_check_project_refuses_a_malformed_upload(new_project, name, content, message):
    answer = new_project.post("/api/check-project", files={"file": (name, content, XLSX)})
    assert answer.status_code == 422
    body = answer.json()
    assert message in body["detail"] + " ".join(p["message"] for p in body["problems"])
    assert {p["file"] for p in body["problems"]} == {name.rsplit("/", 1)[-1]}  # the user's name, no folder
    assert "/tmp" not in answer.text and "upload.xlsx" not in answer.text


def test_check_project_upload_name_never_reaches_the_file_system(new_project, tmp_path):
    from web_support import SAMPLES

    target = tmp_path / "evil.xlsx"
    answer = new_project.post("/api/check-project", files={
        "file": (f"../../../../../../{tmp_path.relative_to('/')}/evil.xlsx", (SAMPLES / "registry.xlsx").read_bytes(), XLSX)})
    assert answer.status_code == 200 and answer.json()["registry"] == "evil.xlsx"
    assert not target.exists()
    work = new_project.app.state.web.work
    assert not [p for p in work.rglob("*") if p.is_file() and p.suffix == ".xlsx" and "upload" in p.name]


def test_check_project_oversized_upload_is_413(make_app, tmp_path):
    from fastapi.testclient import TestClient
    from web_support import SAMPLES, sample_project

    folder = sample_project(tmp_path / "Дело")
    with TestClient(make_app(folder=folder, max_upload_mb=0.01), base_url="http://127.0.0.1:8000") as client:
        answer = client.post("/api/check-project", files={"file": ("база.xlsx", (SAMPLES / "registry.xlsx").read_bytes(), XLSX)})
    assert answer.status_code == 413
    assert answer.json()["detail"].startswith("Файл или запрос слишком большой")


def test_check_project_of_a_folder_that_cannot_be_opened_names_no_server_path(client):
    answer = client.post("/api/check-project")
    assert answer.status_code == 422
    body = answer.json()
    assert {p["file"] for p in body["problems"]} == {"organization.yaml"}
    assert str(client.app.state.web.folder.path) not in answer.text


def test_openapi_describes_check_project(client):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/check-project"]["post"]
    assert operation["summary"] == "Проверить данные года"
    finding = schema["components"]["schemas"]["FindingOut"]["properties"]
    assert {"code", "severity", "message", "hint", "rows", "documents", "places"} <= set(finding)
    assert finding["hint"]["description"] == "Как исправить"
