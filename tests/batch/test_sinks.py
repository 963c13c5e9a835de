"""A batch anywhere: a ZIP file, a ZIP written into a (non-seekable) stream, or a lazy
stream of (file name, bytes) with flat memory; records from a registry object, models
and dicts."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from docx import Document

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path
from nastavnik_docs.batch import ERROR_REPORT, MERGED_SUFFIX, BatchStream
from nastavnik_docs.errors import NastavnikError, OutputExistsError

COMMON = sample_path("awards/common.yaml")
REGISTRY = sample_path("registry.yaml")
ROOT = Path(__file__).resolve().parents[2]
KIND = "award.certificate"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return nd.records_from_source(KIND, REGISTRY, common=COMMON)


def body_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows
                                                         for c in r.cells])


def document_xml(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_a_zip_written_into_a_stream_opens_and_holds_every_file(records, tmp_path):
    folder = nd.render_batch(KIND, records, tmp_path / "папка")
    buffer = io.BytesIO()
    report = nd.render_batch(KIND, records, buffer)
    archive = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    assert archive.testzip() is None
    names = archive.namelist()
    assert names == [p.name for p in folder.written] == [p.name for p in report.written]
    assert len(names) == len(records) and report.out_dir is None and not report.failed
    for name, record in zip(names, records):
        recipient = record["recipient"]
        assert recipient["last_name"][:4] in body_text(archive.read(name))  # in the dative
        assert document_xml(archive.read(name)) == document_xml((tmp_path / "папка" / name).read_bytes())


class Unseekable(io.RawIOBase):
    """A response body: write only, no seek, no tell."""

    def __init__(self):
        self.chunks: list[bytes] = []

    def writable(self):
        return True

    def write(self, data):
        self.chunks.append(bytes(data))
        return len(data)

    def seekable(self):
        return False

    def tell(self):
        raise OSError("not seekable")


def test_a_zip_goes_into_a_stream_that_cannot_seek(records):
    sink = Unseekable()
    nd.render_batch(KIND, records[:5], sink, merge=True)
    archive = zipfile.ZipFile(io.BytesIO(b"".join(sink.chunks)))
    assert archive.testzip() is None
    names = archive.namelist()
    assert len(names) == 6 and names[-1].endswith(f"{MERGED_SUFFIX}.docx")


def test_a_zip_file_is_written_atomically_and_not_replaced_without_overwrite(records, tmp_path):
    target = tmp_path / "сертификаты.zip"
    report = nd.render_batch(KIND, records[:3], target)
    assert report.out_dir == target and "Архив:" in report.summary()
    assert [p.name for p in tmp_path.iterdir()] == ["сертификаты.zip"]
    first = target.read_bytes()
    with pytest.raises(OutputExistsError):
        nd.render_batch(KIND, records[:2], target)
    assert target.read_bytes() == first
    nd.render_batch(KIND, records[:2], target, overwrite=True)
    assert len(zipfile.ZipFile(target).namelist()) == 2
    with pytest.raises(NastavnikError, match="только в папку"):
        nd.render_batch(KIND, records[:2], target, resume=True)


def test_the_stream_yields_documents_in_order_then_the_print_file_and_the_error_report(records):
    broken = [*records[:3], {**records[3], "date": "32.13.2027"}, *records[4:6]]
    stream = nd.render_batch(KIND, broken, merge=True)
    assert isinstance(stream, BatchStream)
    pairs = list(stream)
    names = [name for name, _ in pairs]
    assert len(pairs) == 5 + 2
    assert names[-2].endswith(f"{MERGED_SUFFIX}.docx") and names[-1] == ERROR_REPORT
    merged = body_text(pairs[-2][1])
    for record in [*broken[:3], *broken[4:]]:
        assert record["recipient"]["last_name"][:4] in merged
    rows = list(csv.reader(io.StringIO(pairs[-1][1].decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["№ записи", "Участник", "Ошибка"] and rows[1][0] == "4"
    report = stream.report
    assert [f.row for f in report.failed] == [4] and len(report.written) == 5
    assert report.merged.name == names[-2] and report.error_report.name == ERROR_REPORT


def test_processes_give_the_same_documents_in_the_same_order(records):
    one = list(nd.render_batch(KIND, records, jobs=1))
    two = list(nd.render_batch(KIND, records, jobs=2))
    assert [n for n, _ in one] == [n for n, _ in two]
    assert [document_xml(d) for _, d in one] == [document_xml(d) for _, d in two]


def test_stopping_early_removes_what_was_kept_for_the_merge(records, monkeypatch):
    import tempfile

    made = []
    real = tempfile.TemporaryDirectory

    def spy(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(tempfile, "TemporaryDirectory", spy)
    stream = nd.render_batch(KIND, records, merge=True)
    for _ in range(3):
        next(stream)
    (spool,) = made
    assert len(list(Path(spool.name).iterdir())) == 3
    stream.close()
    assert not Path(spool.name).exists()


def test_streaming_ten_times_more_documents_keeps_memory_flat(tmp_path):
    """Peak RSS of a fresh process streaming 1,000 certificates vs 100 (measured in the
    child from VmHWM, which unlike ru_maxrss does not keep the forking pytest process's peak
    across exec): within 20 %, and the growth far below what keeping the
    documents would take."""
    script = tmp_path / "child.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        import nastavnik_docs as nd
        base = nd.records_from_source({KIND!r}, {str(REGISTRY)!r}, common={str(COMMON)!r})
        n = int(sys.argv[1])
        records = [base[i % len(base)] for i in range(n)]
        total = count = 0
        for name, data in nd.render_batch({KIND!r}, records):
            total += len(data)
            count += 1
        with open("/proc/self/status") as status:
            hwm = next(line for line in status if line.startswith("VmHWM:"))
        print(count, total, hwm.split()[1])
    """), encoding="utf-8")

    def run(n):
        out = subprocess.run([sys.executable, str(script), str(n)], capture_output=True, text=True,
                             check=True, cwd=ROOT)
        count, total, peak_kb = (int(x) for x in out.stdout.split())
        assert count == n
        return total, peak_kb * 1024

    small_bytes, small_peak = run(100)
    big_bytes, big_peak = run(1000)
    assert big_peak <= small_peak * 1.2, (small_peak, big_peak)
    assert big_peak - small_peak < (big_bytes - small_bytes) / 2, (small_peak, big_peak, big_bytes)


# --------------------------------------------------------------------------- records


def test_records_from_a_registry_object_are_those_of_its_file(records):
    registry = nd.load_registry(REGISTRY)
    assert nd.records_from_source(KIND, registry, common=COMMON) == records


def test_records_from_models_and_dicts(records):
    model = nd.get_kind(KIND).input_model
    models = [nd.load_input(KIND, r) for r in records[:3]]
    from_models = nd.records_from_source(KIND, models)
    assert [model.model_validate(r) for r in from_models] == models
    flat = [{"last_name": "Орлова", "first_name": "Анна", "middle_name": "Игоревна"}]
    (record,) = nd.records_from_source(KIND, flat, common=COMMON)
    assert record["recipient"]["last_name"] == "Орлова"
    assert model.model_validate(record).recipient.first_name == "Анна"


def test_a_streaming_response_gets_the_zip_piece_by_piece(records):
    pieces = []
    stream = nd.render_batch(KIND, records[:6], merge=True)
    for piece in stream.zip_chunks():
        pieces.append(piece)
        assert len(pieces) > 7 or len(stream.report.written) <= len(pieces)  # made as taken
    archive = zipfile.ZipFile(io.BytesIO(b"".join(pieces)))
    assert archive.testzip() is None and len(archive.namelist()) == 7 == len(pieces) - 1
    assert max(len(p) for p in pieces[:6]) < 40_000  # one document a piece
