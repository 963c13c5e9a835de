"""Safe to embed: rendering in 8 threads at once and in 2 processes gives, byte for byte, the
document.xml that one thread gives; nothing is written outside what the caller asked for."""

from __future__ import annotations

import io
import multiprocessing
import os
import tempfile
import zipfile
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path

#: Kinds whose builders go through every part of the language layer (names and posts in
#: cases, dates, sums in words, agreement with numbers) and both engines.
JOBS = [
    ("order.assign_pairs", "orders/assign_pairs.yaml", "docx"),
    ("order.reward", "orders/reward.yaml", "docx"),
    ("protocol.council", "protocols/council.yaml", "docx"),
    ("programme.personal", "programmes/personal.yaml", "docx"),
    ("award.letter", "awards/letter.yaml", "docx"),
    ("registry.mentors", "forms/registry_mentors.yaml", "xlsx"),
]
MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/worksheets/sheet1.xml"}


def main_part(job: tuple[str, str, str]) -> bytes:
    kind, sample, fmt = job
    data = nd.render(kind, str(sample_path(sample)), format=fmt)
    return zipfile.ZipFile(io.BytesIO(data)).read(MAIN_PART[fmt])


def test_eight_threads_render_what_one_thread_renders():
    expected = [main_part(job) for job in JOBS]
    work = JOBS * 4  # each kind four times, all at once
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(main_part, work))
    assert got == expected * 4


def test_two_processes_render_what_this_process_renders():
    expected = [main_part(job) for job in JOBS]
    methods = multiprocessing.get_all_start_methods()
    for method in ("spawn", *(["fork"] if "fork" in methods else [])):
        with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(method)) as pool:
            assert list(pool.map(main_part, JOBS * 2)) == expected * 2, method


def test_bytes_and_streams_write_nothing_to_disk(tmp_path, monkeypatch):
    """A DOCX made as bytes or into a stream touches no file — not the working folder, not
    the temporary folder; an XLSX only the temporary file openpyxl keeps while it saves a
    sheet, removed at once (LibreOffice for PDF is the other documented exception)."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    created: list[str] = []
    real_open = os.open

    def watch(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            created.append(str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", watch)
    for job in JOBS:
        if job[2] == "docx":
            main_part(job)
    stream = io.BytesIO()
    nd.render_batch("award.certificate", nd.records_from_source(
        "award.certificate", sample_path("registry.yaml"), common=sample_path("awards/common.yaml")), stream)
    assert zipfile.ZipFile(io.BytesIO(stream.getvalue())).namelist()
    assert created == []
    for job in JOBS:
        if job[2] == "xlsx":
            main_part(job)
    assert created and all(Path(p).parent == temp for p in created)
    assert list(work.iterdir()) == [] and list(temp.iterdir()) == []


def test_nothing_is_sent_over_the_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the library opened a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for job in JOBS:
        assert main_part(job)
    pairs = list(nd.render_batch("award.certificate", nd.records_from_source(
        "award.certificate", sample_path("registry.xlsx"), common=sample_path("awards/common.yaml")), merge=True))
    assert len(pairs) > 2


def test_the_caches_that_hold_declined_names_can_be_emptied():
    from nastavnik_docs.ru import _names

    main_part(JOBS[0])
    held = [f for f in vars(_names).values() if hasattr(f, "cache_info") and f.cache_info().currsize]
    assert held  # names of people were declined and kept
    assert nd.clear_caches() >= len(held)
    assert all(f.cache_info().currsize == 0 for f in held)
    assert main_part(JOBS[0])  # and rendering goes on
